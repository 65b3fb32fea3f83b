/** readFindings: files on disk, clear errors for bad input, empty results, duplicates, several documents. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import { readFindings } from '../../src/findings/read.js';
import { seedPath } from './helpers.js';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-findings-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

async function inputError(run: () => Promise<unknown>): Promise<InputError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('readFindings errors', () => {
  it('names a missing file and exits 2', async () => {
    const error = await inputError(() => readFindings(['nope.md'], { baseDir: dir }));
    expect(error.message).toBe('cannot read the document: no such file');
    expect(error.exitCode).toBe(2);
    expect(error.location?.file).toBe('nope.md');
    expect(error.hint).toMatch(/check the path/);
  });

  it('rejects an empty or blank document', async () => {
    write('empty.md', '');
    write('blank.md', '  \n\n\t\n');
    expect((await inputError(() => readFindings(['empty.md'], { baseDir: dir }))).message).toBe(
      'the document is empty',
    );
    expect((await inputError(() => readFindings(['blank.md'], { baseDir: dir }))).message).toBe(
      'the document is empty',
    );
  });

  it('rejects binary content, JSON and HTML', async () => {
    write('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    write('data.json', '{"findings": []}');
    write('page.html', '<!DOCTYPE html><html><body>x</body></html>');
    expect((await inputError(() => readFindings(['image.md'], { baseDir: dir }))).message).toMatch(
      /not text \(binary content\)/,
    );
    expect((await inputError(() => readFindings(['data.json'], { baseDir: dir }))).message).toBe(
      'the document is JSON, not markdown',
    );
    expect((await inputError(() => readFindings(['page.html'], { baseDir: dir }))).message).toBe(
      'the document is HTML, not markdown',
    );
  });

  it('refuses a document that is not UTF-8, naming the line and the byte', async () => {
    const latin1 = Buffer.from(
      '# Audit\n\n## A-01: Caf\u00e9 menu\n\n**File:** `a.py`\n',
      'latin1',
    );
    write('latin1.md', latin1);
    const error = await inputError(() => readFindings(['latin1.md'], { baseDir: dir }));
    expect(error.message).toBe('the document is not valid UTF-8 (byte 0xE9)');
    expect(error.location).toEqual({ file: 'latin1.md', line: 3 });
    expect(error.hint).toMatch(/iconv -f WINDOWS-1252 -t UTF-8 latin1\.md/);
    write('utf16.md', Buffer.from('\ufeff# Audit', 'utf16le'));
    expect((await inputError(() => readFindings(['utf16.md'], { baseDir: dir }))).message).toBe(
      'the document is UTF-16, not UTF-8',
    );
  });

  it('reads a UTF-8 document with a byte-order mark and non-ASCII text', async () => {
    write(
      'bom.md',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('# Аудит\n\n## A-01: Café\n\n**File:** `a.py`\n'),
      ]),
    );
    const set = await readFindings(['bom.md'], { baseDir: dir });
    expect(set.findings.map((f) => [f.id, f.title, f.line])).toEqual([['A-01', 'Café', 3]]);
  });

  it('asks for a document when none is given', async () => {
    expect((await inputError(() => readFindings([]))).hint).toMatch(/remedy.config.json/);
  });

  it('checks text given to the pure parser too', () => {
    expect(() => parseFindingsDocument('', 'x.md')).toThrow(InputError);
    expect(() => parseFindingsDocument('a\u0000b', 'x.md')).toThrow(/binary/);
  });
});

describe('readFindings results', () => {
  it('fails for a markdown document without findings, naming the structures it reads', async () => {
    write(
      'readme.md',
      '# Project\n\nSome notes.\n\n- a list\n- of things\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    const error = await inputError(() => readFindings(['readme.md'], { baseDir: dir }));
    expect(error.message).toBe('no findings in readme.md');
    expect(error.exitCode).toBe(2);
    expect(error.hint).toMatch(/ID headings .* table rows .* checklists .* Recommendations/);
    expect(error.hint).toContain('remedy findings --explain readme.md');
    const set = await readFindings(['readme.md'], { baseDir: dir, allowEmpty: true });
    expect(set).toMatchObject({ findings: [], phases: [], cycles: [] });
    expect(set.readings?.[0]?.sections.map((s) => s.skipped)).toEqual([
      'a table without an ID, #, No. or Item column of finding IDs',
    ]);
  });

  it('reads every document of a folder, warning about those without findings', async () => {
    write('audits/b-review.md', '# B\n\n## Findings\n\n- **Debug mode on** – High risk.\n');
    write('audits/a-plan.md', '# A\n\n### 1. Split the router\n\n**File:** `app/router.py`\n');
    write('audits/notes/readme.md', '# Notes\n\nNothing to fix.\n');
    write('audits/.hidden/x.md', '## Z-01: hidden\n\n**File:** `z.py`\n');
    const set = await readFindings(['audits/'], { baseDir: dir });
    expect(set.findings.map((f) => [f.doc, f.id])).toEqual([
      ['audits/a-plan.md', '1'],
      ['audits/b-review.md', 'debug-mode'],
    ]);
    expect(set.warnings).toEqual([
      {
        message:
          'no findings in this document (see remedy findings --explain audits/notes/readme.md)',
        doc: 'audits/notes/readme.md',
      },
    ]);
    write('empty-folder/x.json', '{}');
    expect(
      (await inputError(() => readFindings(['empty-folder'], { baseDir: dir }))).message,
    ).toMatch(/holds no markdown documents/);
  });

  it('keeps duplicate IDs and warns with both lines', async () => {
    write(
      'dup.md',
      '# Audit\n\n## A-01 · HIGH — first\n\n**File:** `a.py`\n\n## A-01 · LOW — second\n\n**File:** `b.py`\n',
    );
    const set = await readFindings(['dup.md'], { baseDir: dir });
    expect(set.findings.map((f) => [f.id, f.title, f.line])).toEqual([
      ['A-01', 'first', 3],
      ['A-01', 'second', 7],
    ]);
    expect(set.warnings).toEqual([
      { message: 'duplicate ID A-01 at lines 3, 7; all kept', doc: 'dup.md', line: 7 },
    ]);
  });

  it('reads several documents into one set, keeping each finding’s document', async () => {
    const a = write(
      'a.md',
      '# A\n\n## X-01 · HIGH — x\n\n**File:** `x.py`\n\n## Phase 1: first\n\n1. **X-01** — do x\n',
    );
    const set = await readFindings([a, seedPath('003')]);
    expect(set.findings.map((f) => f.id)).toEqual([
      'X-01',
      'P0-1',
      'P0-2',
      'P0-3',
      'P1-1',
      'P1-2',
      'P1-3',
      'P2-1',
      'P2-2',
      'P2-3',
    ]);
    expect(set.findings[0]?.doc).toBe(a);
    expect(set.findings[1]?.doc).toBe(seedPath('003'));
    expect(set.phases.map((p) => p.id)).toEqual(['phase-1', 'p0', 'p1', 'p2']);
  });

  it('warns when two documents define the same ID', async () => {
    const a = write('one.md', '# A\n\n## X-01 · HIGH — x\n\n**File:** `x.py`\n');
    const b = write('two.md', '# B\n\n## X-01 · LOW — y\n\n**File:** `y.py`\n');
    const set = await readFindings([a, b]);
    expect(set.findings).toHaveLength(2);
    expect(set.warnings.map((w) => w.message)).toEqual([`X-01 is also defined in ${a}; both kept`]);
  });
});
