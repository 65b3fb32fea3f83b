/**
 * Hostile audit documents through the real CLI (issue #16, items 4, 12 and 14): a Latin-1
 * document, 20,000 nested block quotes, a 1,000-level nested list, and tens of kilobytes
 * of nested emphasis. Each gets a clear message and exit code (or is read), never an
 * "internal error", and nothing in the repository changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nestedEmphasisParagraph } from '../../scripts/bench-reader-docs.js';
import { git, hashTree, makeGitRepo, runCli } from '../helpers.js';

const repos: string[] = [];
afterAll(() => {
  for (const r of repos) fs.rmSync(r, { recursive: true, force: true });
});

/** A small Python repository whose audit document is given as bytes. */
function repoWithDoc(doc: string | Uint8Array): string {
  const repo = makeGitRepo({
    'app/menu.py': 'def title():\n    return "Menu"\n',
    'docs/AUDIT.md': doc,
  });
  repos.push(repo);
  return repo;
}

const LATIN1_AUDIT = Buffer.from(
  [
    '# Audit',
    '',
    '### M-01: Caf\u00e9 title is wrong',
    '',
    '**File:** `app/menu.py`',
    '',
    '**Problem:**',
    '',
    '```python',
    'def title():',
    '    return "Menu"',
    '```',
    '',
    '**Fix:**',
    '',
    '```python',
    'def title():',
    '    return "Caf\u00e9 menu"',
    '```',
    '',
  ].join('\n'),
  'latin1',
);

function expectCleanFailure(r: { code: number; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain('hint: ');
  expect(r.stderr).not.toContain('internal error');
}

describe('a document that is not UTF-8', () => {
  it('is refused by findings, plan and apply with the line and byte, and nothing changes', () => {
    const repo = repoWithDoc(LATIN1_AUDIT);
    const before = { tree: hashTree(repo, true), head: git(repo, 'rev-parse', 'HEAD') };
    const message = /error: the document is not valid UTF-8 \(byte 0xE9\) \(docs\/AUDIT\.md:3\)/;
    expectCleanFailure(runCli(['findings', 'docs/AUDIT.md'], repo), message);
    expectCleanFailure(runCli(['plan', '--doc', 'docs/AUDIT.md'], repo), message);
    const apply = runCli(['apply', 'M-01', '--doc', 'docs/AUDIT.md'], repo);
    expectCleanFailure(apply, message);
    expect(apply.stderr).toMatch(/iconv -f WINDOWS-1252 -t UTF-8/);
    expect(hashTree(repo, true)).toBe(before.tree);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(before.head);
    expect(fs.readFileSync(path.join(repo, 'app/menu.py'), 'utf8')).not.toContain('\ufffd');
  });

  it('reads the same document once converted to UTF-8', () => {
    const repo = repoWithDoc(Buffer.from(LATIN1_AUDIT.toString('latin1'), 'utf8'));
    const r = runCli(['findings', 'docs/AUDIT.md', '--json'], repo);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({
      id: 'M-01',
      title: 'Café title is wrong',
    });
  });
});

describe('documents nested too deep', () => {
  it('refuses 20,000 nested block quotes with the line, not a stack overflow', () => {
    const repo = repoWithDoc(`# Audit\n\n${'>'.repeat(20_000)} deep\n`);
    const r = runCli(['findings', 'docs/AUDIT.md'], repo);
    expectCleanFailure(
      r,
      /error: the document nests block quotes \d+ levels deep; remedy reads up to 100 \(docs\/AUDIT\.md:3\)/,
    );
    expect(r.stderr).not.toMatch(/Maximum call stack/);
  });

  it('refuses a 1,000-level nested list', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`);
    const repo = repoWithDoc(`# Audit\n\n${lines.join('\n')}\n`);
    expectCleanFailure(
      runCli(['findings', 'docs/AUDIT.md'], repo),
      /error: the document nests lists 101 levels deep; remedy reads up to 100 \(docs\/AUDIT\.md:103\)/,
    );
  });

  it('reads a list nested 20 levels deep', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`);
    const repo = repoWithDoc(
      `# Audit\n\n### A-01: Deep notes\n\n**File:** \`app/menu.py\`\n\n${lines.join('\n')}\n`,
    );
    const r = runCli(['findings', 'docs/AUDIT.md', '--json'], repo);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toEqual(['A-01']);
  });
});

describe('nested emphasis', () => {
  it.each([40_000, 80_000])(
    'reads the findings around %i bytes of it, warning about the paragraph',
    (size) => {
      const paragraph = nestedEmphasisParagraph(size);
      const doc = `# Audit\n\n${paragraph}\n\n### A-01: Real finding\n\n**File:** \`app/menu.py\`\n\n${'*_'.repeat(size / 4)}\n`;
      const repo = repoWithDoc(doc);
      const r = runCli(['findings', 'docs/AUDIT.md', '--json'], repo);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toEqual(['A-01']);
      expect(r.stderr).toContain(
        'docs/AUDIT.md:3: warning: a paragraph with too many emphasis markers to resolve was read as plain text',
      );
      expect(r.stderr).not.toContain('internal error');
    },
  );
});
