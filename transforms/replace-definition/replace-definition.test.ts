/** replace-definition: fixture cases (replacements, imports, refusals) and infer. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import type { CodeBlock, FileRef, Finding } from '../../src/findings/types.js';
import { makeFinding } from '../../test/finding-builder.js';
import { seedPath } from '../../test/findings/helpers.js';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';
import { recognizer } from './recognizer.js';

describe('replace-definition fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});

function finding(refs: FileRef[], blocks: CodeBlock[]): Finding {
  return makeFinding({
    id: 'B-ARCH-03',
    title: '_parse_body does not convert JSON parse errors to ValidationError',
    fileRefs: refs,
    codeBlocks: blocks,
  });
}

const FILE = 'backend/src/app/api/admin_request.py';
const ref: FileRef = { path: FILE, symbols: ['_parse_body'], role: 'modify' };
const code = 'def _parse_body(event):\n    return json.loads(event["body"])\n';

describe('replace-definition infer', () => {
  it('takes a definition block and its file', () => {
    const block: CodeBlock = { lang: 'python', code, role: 'definition', file: FILE, line: 9 };
    expect(recognizer.infer(finding([ref], [block]))).toEqual({ file: FILE, code });
  });

  it('takes a fix block that is one def, filed under the file naming it', () => {
    const other: FileRef = { path: 'backend/src/app/api/admin.py', symbols: [], role: 'mention' };
    const block: CodeBlock = { lang: 'python', code, role: 'other', line: 9 };
    expect(recognizer.infer(finding([other, ref], [block]))).toEqual({ file: FILE, code });
  });

  it('takes several definitions when the prose names each as existing code', () => {
    const two = `${code}\n\nasync def _load(event):\n    return event\n`;
    const block: CodeBlock = { lang: 'python', code: two, role: 'other', line: 9 };
    const mention: FileRef = { path: FILE, symbols: [], role: 'mention' };
    const body = (names: string) =>
      `\`${FILE}\` (${names}) read the body twice.\n\n\`\`\`python\n${two}\`\`\`\n`;
    const named = { ...finding([mention], [block]), body: body('`_parse_body` and `_load()`') };
    expect(recognizer.infer(named)).toEqual({ file: FILE, code: two });
    // Only the code block names `_load`: new code, not a replacement.
    const unnamed = { ...finding([mention], [block]), body: body('`_parse_body`') };
    expect(recognizer.infer(unnamed)).toBeUndefined();
  });

  it('leaves blocks with more than one definition or other statements', () => {
    const two = `${code}\n\ndef g():\n    return 1\n`;
    const table = `_ROUTES = []\n\n${code}`;
    for (const c of [two, table]) {
      const block: CodeBlock = { lang: 'python', code: c, role: 'other', file: FILE, line: 9 };
      expect(recognizer.infer(finding([ref], [block]))).toBeUndefined();
    }
  });
});

const repo = path.resolve(import.meta.dirname, '../..');

describe('replace-definition infer on fastapi-platform', () => {
  it('takes 1.3’s block of two functions for recommendation_service.py', () => {
    const doc = path.join(repo, 'fixtures/fastapi-platform/docs/AUDIT.md');
    const set = parseFindingsDocument(fs.readFileSync(doc, 'utf8'), doc);
    const options = recognizer.infer(set.findings.find((f) => f.id === '1.3')!);
    expect(options?.file).toBe('backend/app/services/recommendation_service.py');
    expect(options?.code).toMatch(/^async def get_recommendations\(/);
    expect(options?.code).toContain('async def get_because_you_watched(');
    const ids = set.findings.filter((f) => recognizer.infer(f)).map((f) => f.id);
    expect(ids).toEqual(['1.3']);
  });
});
const DOCS = [seedPath('000'), path.join(repo, 'fixtures/lambda-backend/docs/AUDIT.md')].filter(
  (d) => fs.existsSync(d),
);

describe.each(DOCS)('replace-definition infer on %s', (doc) => {
  const set = parseFindingsDocument(fs.readFileSync(doc, 'utf8'), doc);
  const inferred = (id: string) => recognizer.infer(set.findings.find((f) => f.id === id)!);

  it('takes the definitions of B-ARCH-03 and B-SEC-03 for their files', () => {
    expect(inferred('B-ARCH-03')?.file).toBe(FILE);
    expect(inferred('B-ARCH-03')?.code).toMatch(/^def _parse_body\(/);
    expect(inferred('B-SEC-03')?.file).toBe('backend/src/app/utils/parsers.py');
    expect(inferred('B-SEC-03')?.code).toMatch(/^def collect_query_params\(/);
  });

  it('maps B-DUP-04’s new helper to assets_common.py (where it will be refused as new code)', () => {
    expect(inferred('B-DUP-04')?.file).toBe('backend/src/app/api/assets/assets_common.py');
    expect(inferred('B-DUP-04')?.code).toMatch(/^def paginate_response\(/);
  });

  it('is inferred for no other finding (not B-OPS-02’s sketch, not B-TEST-02’s three fixtures)', () => {
    const ids = set.findings.filter((f) => recognizer.infer(f)).map((f) => f.id);
    expect(ids.sort()).toEqual(['B-ARCH-03', 'B-DUP-04', 'B-SEC-03']);
  });
});
