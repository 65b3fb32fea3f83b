/** replace-definition: fixture cases (replacements, imports, refusals) and infer. */
import { describe, expect, it } from 'vitest';
import type { CodeBlock, FileRef, Finding } from '../../src/findings/types.js';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';

describe('replace-definition fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});

function finding(refs: FileRef[], blocks: CodeBlock[]): Finding {
  return {
    id: 'B-ARCH-03',
    title: '_parse_body does not convert JSON parse errors to ValidationError',
    severity: 'medium',
    priority: null,
    category: null,
    status: 'open',
    files: refs.map((r) => r.path),
    fileRefs: refs,
    symbols: refs.flatMap((r) => r.symbols),
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

const FILE = 'backend/src/app/api/admin_request.py';
const ref: FileRef = { path: FILE, symbols: ['_parse_body'], role: 'modify' };
const code = 'def _parse_body(event):\n    return json.loads(event["body"])\n';

describe('replace-definition infer', () => {
  it('takes a definition block and its file', () => {
    const block: CodeBlock = { lang: 'python', code, role: 'definition', file: FILE, line: 9 };
    expect(transform.infer!(finding([ref], [block]))).toEqual({ file: FILE, code });
  });

  it('takes a fix block that is one def, filed under the file naming it', () => {
    const other: FileRef = { path: 'backend/src/app/api/admin.py', symbols: [], role: 'mention' };
    const block: CodeBlock = { lang: 'python', code, role: 'other', line: 9 };
    expect(transform.infer!(finding([other, ref], [block]))).toEqual({ file: FILE, code });
  });

  it('leaves blocks with more than one definition or other statements', () => {
    const two = `${code}\n\ndef g():\n    return 1\n`;
    const table = `_ROUTES = []\n\n${code}`;
    for (const c of [two, table]) {
      const block: CodeBlock = { lang: 'python', code: c, role: 'other', file: FILE, line: 9 };
      expect(transform.infer!(finding([ref], [block]))).toBeUndefined();
    }
  });
});
