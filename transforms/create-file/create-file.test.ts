/** create-file: fixture cases (create, identical, refusal) and infer. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import type { CodeBlock, FileRef, Finding } from '../../src/findings/types.js';
import { makeFinding } from '../../test/finding-builder.js';
import { seedPath } from '../../test/findings/helpers.js';
import { defineFixtureTests } from '../../test/harness.js';
import transform, { fileText } from './index.js';
import { recognizer } from './recognizer.js';

describe('create-file fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});

function finding(refs: FileRef[], blocks: CodeBlock[]): Finding {
  return makeFinding({
    id: 'B-TEST-03',
    title: 'No test dependency management',
    fileRefs: refs,
    codeBlocks: blocks,
  });
}

const DEV = 'backend/requirements-dev.txt';
const created: FileRef = { path: DEV, symbols: [], role: 'create' };

describe('create-file infer', () => {
  it('takes the content block of a file to create', () => {
    const block: CodeBlock = {
      lang: null,
      code: 'pytest>=8.0\n',
      role: 'new-file',
      file: DEV,
      line: 3,
    };
    expect(recognizer.infer(finding([created], [block]))).toEqual({
      path: DEV,
      content: 'pytest>=8.0\n',
    });
  });

  it('does not create a file the finding only modifies, nor one without content', () => {
    const modified: FileRef = { ...created, role: 'modify' };
    const block: CodeBlock = { lang: null, code: 'x', role: 'new-file', file: DEV, line: 3 };
    expect(recognizer.infer(finding([modified], [block]))).toBeUndefined();
    expect(recognizer.infer(finding([created], []))).toBeUndefined();
    expect(recognizer.infer(finding([created], [{ ...block, role: 'other' }]))).toBeUndefined();
  });
});

describe('fileText', () => {
  it('normalises line endings and ends with exactly one newline', () => {
    expect(fileText('a\r\nb\r\n\r\n')).toBe('a\nb\n');
    expect(fileText('')).toBe('');
  });
});

const repo = path.resolve(import.meta.dirname, '../..');
const DOCS = [seedPath('000'), path.join(repo, 'fixtures/lambda-backend/docs/AUDIT.md')].filter(
  (d) => fs.existsSync(d),
);

describe.each(DOCS)('create-file infer on %s', (doc) => {
  const set = parseFindingsDocument(fs.readFileSync(doc, 'utf8'), doc);

  it('creates requirements-dev.txt for B-TEST-03 and nothing for files listed without content', () => {
    const ids = set.findings.filter((f) => recognizer.infer(f)).map((f) => f.id);
    expect(ids).toEqual(['B-TEST-03']);
    const options = recognizer.infer(set.findings.find((f) => f.id === 'B-TEST-03')!);
    expect(options?.path).toBe(DEV);
    expect(options?.content).toContain('moto[s3,ses,secretsmanager,sqs,cognitoidp]>=5.0');
  });
});
