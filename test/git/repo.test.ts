/** Git operations on real temporary repositories, and the repository lock. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { acquireLock, LOCK_FILE } from '../../src/git/lock.js';
import { GitRepo } from '../../src/git/repo.js';
import { git, makeGitRepo, makeTree } from '../helpers.js';

describe('GitRepo', () => {
  it('refuses a directory that is not a git work tree', async () => {
    await expect(GitRepo.open(makeTree({ 'a.py': '' }))).rejects.toThrow(InputError);
  });

  it('lists dirty files, tracked and untracked, and writes no index while reading', async () => {
    const root = makeGitRepo({ 'a.py': 'x = 1\n', 'b.py': 'y = 2\n' });
    const repo = await GitRepo.open(root);
    expect(await repo.dirtyFiles()).toEqual([]);
    fs.writeFileSync(path.join(root, 'a.py'), 'x = 2\n');
    fs.writeFileSync(path.join(root, 'new file.py'), '');
    const indexBefore = fs.statSync(path.join(root, '.git/index')).mtimeMs;
    const dirty = await repo.dirtyFiles();
    expect(dirty).toEqual([
      { path: 'a.py', status: ' M' },
      { path: 'new file.py', status: '??' },
    ]);
    expect(fs.statSync(path.join(root, '.git/index')).mtimeMs).toBe(indexBefore);
  });

  it('commits only the given paths and finds finding trailers in history', async () => {
    const root = makeGitRepo({ 'a.py': 'x = 1\n', 'b.py': 'y = 2\n' });
    const repo = await GitRepo.open(root);
    fs.writeFileSync(path.join(root, 'a.py'), 'x = 2\n');
    fs.writeFileSync(path.join(root, 'b.py'), 'y = 3\n');
    fs.writeFileSync(path.join(root, 'c.txt'), 'created\n');
    git(root, 'add', 'b.py');
    const hash = await repo.commitPaths(
      ['a.py', 'c.txt'],
      'fix: resolve X-1 — thing\n\nbody\n\nRemedy-Finding: X-1\n',
    );
    expect(git(root, 'show', '--name-only', '--format=', hash).trim().split('\n')).toEqual([
      'a.py',
      'c.txt',
    ]);
    expect((await repo.dirtyFiles()).map((d) => d.path)).toEqual(['b.py']);
    const applied = await repo.appliedFindings();
    expect([...applied.keys()]).toEqual(['X-1']);
    expect(applied.get('X-1')).toBe(hash);
  });

  it('creates and detects branches', async () => {
    const repo = await GitRepo.open(makeGitRepo({ 'a.py': '' }));
    expect(await repo.branchExists('fix/phase-1')).toBe(false);
    await repo.createBranch('fix/phase-1');
    expect(await repo.currentBranch()).toBe('fix/phase-1');
    expect(await repo.branchExists('fix/phase-1')).toBe(true);
    expect(await repo.isValidBranchName('bad..name')).toBe(false);
  });
});

describe('acquireLock', () => {
  it('lets one process in, refuses a second live one, and takes over a stale lock', async () => {
    const root = makeGitRepo({ 'a.py': '' });
    const gitDir = path.join(root, '.git');
    const lock = acquireLock(gitDir);
    expect(fs.existsSync(path.join(gitDir, LOCK_FILE))).toBe(true);
    lock.release();
    expect(fs.existsSync(path.join(gitDir, LOCK_FILE))).toBe(false);

    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      fs.writeFileSync(path.join(gitDir, LOCK_FILE), `${sleeper.pid}\n`);
      expect(() => acquireLock(gitDir)).toThrow(/another remedy process \(pid \d+\)/);
    } finally {
      sleeper.kill();
    }
    fs.writeFileSync(path.join(gitDir, LOCK_FILE), '999999999\n');
    const taken = acquireLock(gitDir);
    taken.release();
  });
});

describe('GitRepo on an empty repository', () => {
  it('knows there are no commits and no applied findings', async () => {
    const root = makeTree({ 'a.py': '' });
    git(root, 'init', '-q', '-b', 'main');
    const repo = await GitRepo.open(root);
    expect(await repo.hasCommits()).toBe(false);
    expect((await repo.appliedFindings()).size).toBe(0);
  });
});
