/** Reading sources, atomic writes, and git-compatible diffs. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffStat, unifiedDiff } from '../../src/engine/diff.js';
import { decodeSource, readSource } from '../../src/engine/source.js';
import { writeFileAtomic } from '../../src/engine/write.js';
import { git, makeGitRepo, makeTree } from '../helpers.js';

describe('decodeSource / readSource', () => {
  it('decodes UTF-8 and keeps a BOM in the text', () => {
    const out = decodeSource(Buffer.from('\uFEFFx = "é"\n', 'utf8'));
    expect(out).toEqual({ ok: true, text: '\uFEFFx = "é"\n' });
  });

  it('refuses binary and non-UTF-8 content with a reason and a line', () => {
    expect(decodeSource(Buffer.from([0x78, 0x00, 0x01]))).toMatchObject({
      ok: false,
      kind: 'binary',
    });
    const latin1 = Buffer.concat([
      Buffer.from('a = 1\nb = "'),
      Buffer.from([0xe9]),
      Buffer.from('"\n'),
    ]);
    const out = decodeSource(latin1);
    expect(out).toMatchObject({ ok: false, kind: 'encoding' });
    expect(!out.ok && out.reason).toContain('line 2');
  });

  it('reports unreadable paths', () => {
    const root = makeTree({ 'dir/x.py': '' });
    expect(readSource(path.join(root, 'missing.py'))).toMatchObject({
      ok: false,
      kind: 'unreadable',
      reason: 'cannot read: no such file',
    });
    expect(readSource(path.join(root, 'dir'))).toMatchObject({ ok: false, kind: 'unreadable' });
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file, keeps its mode, and leaves no temporary file', () => {
    const root = makeTree({ 'tool.py': 'old\n' });
    const file = path.join(root, 'tool.py');
    fs.chmodSync(file, 0o755);
    writeFileAtomic(file, 'new\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o755);
    expect(fs.readdirSync(root)).toEqual(['tool.py']);
  });

  it('creates missing directories for a new file', () => {
    const root = makeTree({});
    writeFileAtomic(path.join(root, 'a/b/new.txt'), 'hi\n');
    expect(fs.readFileSync(path.join(root, 'a/b/new.txt'), 'utf8')).toBe('hi\n');
  });
});

describe('unifiedDiff', () => {
  it('produces diffs that git apply accepts, for a change, a CRLF file and a new file', () => {
    const repo = makeGitRepo({
      'pkg/a.py': 'x = 1\ny = 2\n',
      'b.py': 'a = 1\r\nb = 2\r\n',
      'c.py': 'no newline',
    });
    const patches = [
      unifiedDiff({
        path: 'pkg/a.py',
        before: 'x = 1\ny = 2\n',
        after: 'x = 1\ny = 3\n',
        created: false,
      }),
      unifiedDiff({
        path: 'b.py',
        before: 'a = 1\r\nb = 2\r\n',
        after: 'a = 1\r\nb = 3\r\n',
        created: false,
      }),
      unifiedDiff({ path: 'c.py', before: 'no newline', after: 'no newline\n', created: false }),
      unifiedDiff({ path: 'new/d.txt', before: '', after: 'pytest>=8\n', created: true }),
    ];
    expect(patches[0]).toMatch(
      /^diff --git a\/pkg\/a.py b\/pkg\/a.py\n--- a\/pkg\/a.py\n\+\+\+ b\/pkg\/a.py\n@@/,
    );
    expect(patches[3]).toContain('new file mode 100644\n--- /dev/null\n+++ b/new/d.txt');
    fs.writeFileSync(path.join(repo, 'change.patch'), patches.join(''));
    git(repo, 'apply', '--check', 'change.patch');
    git(repo, 'apply', 'change.patch');
    expect(fs.readFileSync(path.join(repo, 'pkg/a.py'), 'utf8')).toBe('x = 1\ny = 3\n');
    expect(fs.readFileSync(path.join(repo, 'b.py'), 'utf8')).toBe('a = 1\r\nb = 3\r\n');
    expect(fs.readFileSync(path.join(repo, 'new/d.txt'), 'utf8')).toBe('pytest>=8\n');
  });

  it('counts added and removed lines', () => {
    expect(diffStat({ path: 'a', before: 'a\nb\nc\n', after: 'a\nB\nc\nd\n' })).toEqual({
      path: 'a',
      added: 2,
      removed: 1,
    });
  });
});
