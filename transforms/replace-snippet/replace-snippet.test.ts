/** replace-snippet: fixture cases (replacements, refusals, already applied) and infer. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import type { CodeBlock, Finding } from '../../src/findings/types.js';
import { makeFinding } from '../../test/finding-builder.js';
import { seedPath } from '../../test/findings/helpers.js';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';
import { recognizer } from './recognizer.js';

describe('replace-snippet fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});

function finding(blocks: CodeBlock[], symbols: string[] = []): Finding {
  return makeFinding({
    id: 'B-SEC-01',
    title: 'Internal error details leaked to API clients',
    severity: 'high',
    category: 'Security',
    fileRefs: [{ path: 'backend/src/app/api/admin.py', symbols, role: 'modify' }],
    codeBlocks: blocks,
  });
}

const block = (role: CodeBlock['role'], code: string): CodeBlock => ({
  lang: 'python',
  code,
  role,
  line: 1,
});

describe('replace-snippet infer', () => {
  it('pairs the before block with the after block that follows it', () => {
    const options = recognizer.infer(
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
    expect(recognizer.infer(finding([block('before', 'x = 1')]))).toBeUndefined();
    expect(recognizer.infer(finding([block('after', 'x = 1')]))).toBeUndefined();
    expect(
      recognizer.infer(finding([block('after', 'x = 2'), block('before', 'x = 1')])),
    ).toBeUndefined();
  });

  it('ignores shell blocks', () => {
    const shell = { ...block('before', 'ls'), lang: 'bash' };
    expect(recognizer.infer(finding([shell, block('after', 'x = 2')]))).toBeUndefined();
  });
});

const repo = path.resolve(import.meta.dirname, '../..');
const DOCS = [seedPath('000'), path.join(repo, 'fixtures/lambda-backend/docs/AUDIT.md')].filter(
  (d) => fs.existsSync(d),
);

describe.each(DOCS)('replace-snippet infer on %s', (doc) => {
  const set = parseFindingsDocument(fs.readFileSync(doc, 'utf8'), doc);

  it('pairs B-SEC-01’s blocks, in _safe_handler of admin.py', () => {
    const options = recognizer.infer(set.findings.find((f) => f.id === 'B-SEC-01')!);
    expect(options).toMatchObject({
      file: 'backend/src/app/api/admin.py',
      function: '_safe_handler',
    });
    expect(options?.before).toContain('"detail": str(exc)');
    expect(options?.after).not.toContain('detail');
  });

  it('is inferred for no other finding', () => {
    const ids = set.findings.filter((f) => recognizer.infer(f)).map((f) => f.id);
    expect(ids).toEqual(['B-SEC-01']);
  });
});
