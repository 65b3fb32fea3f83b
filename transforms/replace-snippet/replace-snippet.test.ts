/** replace-snippet: fixture cases (replacements, refusals, already applied) and infer. */
import { describe, expect, it } from 'vitest';
import type { CodeBlock, Finding } from '../../src/findings/types.js';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';

describe('replace-snippet fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});

function finding(blocks: CodeBlock[], symbols: string[] = []): Finding {
  return {
    id: 'B-SEC-01',
    title: 'Internal error details leaked to API clients',
    severity: 'high',
    priority: null,
    category: 'Security',
    status: 'open',
    files: ['backend/src/app/api/admin.py'],
    fileRefs: [{ path: 'backend/src/app/api/admin.py', symbols, role: 'modify' }],
    symbols,
    dependsOn: [],
    phases: [],
    aliases: [],
    doc: 'audit.md',
    line: 1,
    idSynthesized: false,
    body: '',
    sections: {},
    codeBlocks: blocks,
    tables: [],
  };
}

const block = (role: CodeBlock['role'], code: string): CodeBlock => ({
  lang: 'python',
  code,
  role,
  line: 1,
});

describe('replace-snippet infer', () => {
  it('pairs the before block with the after block that follows it', () => {
    const options = transform.infer!(
      finding(
        [block('before', 'x = 1'), block('other', 'y'), block('after', 'x = 2')],
        ['_safe_handler'],
      ),
    );
    expect(options).toEqual({
      file: 'backend/src/app/api/admin.py',
      function: '_safe_handler',
      before: 'x = 1',
      after: 'x = 2',
    });
  });

  it('needs both halves', () => {
    expect(transform.infer!(finding([block('before', 'x = 1')]))).toBeUndefined();
    expect(transform.infer!(finding([block('after', 'x = 1')]))).toBeUndefined();
    expect(
      transform.infer!(finding([block('after', 'x = 2'), block('before', 'x = 1')])),
    ).toBeUndefined();
  });

  it('ignores shell blocks', () => {
    const shell = { ...block('before', 'ls'), lang: 'bash' };
    expect(transform.infer!(finding([shell, block('after', 'x = 2')]))).toBeUndefined();
  });
});
