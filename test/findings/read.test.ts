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

  it('rejects binary content, JSON, HTML and directories', async () => {
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
    expect((await inputError(() => readFindings(['.'], { baseDir: dir }))).message).toBe(
      'the document is a directory',
    );
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
  it('returns an empty set for a markdown document without findings', async () => {
    write(
      'readme.md',
      '# Project\n\nSome notes.\n\n- a list\n- of things\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    const set = await readFindings(['readme.md'], { baseDir: dir });
    expect(set).toMatchObject({ findings: [], phases: [], cycles: [] });
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
