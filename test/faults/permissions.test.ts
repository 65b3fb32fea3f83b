/**
 * The machine says no (issue #16 item 15): files and git metadata that cannot be
 * written (made immutable with `chattr +i`, since chmod does not stop root), a lock
 * path that is a directory, a repository without commits, and a branch switch that
 * local changes block. Each gets a clear message and exit code, and nothing is lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers.js';
import {
  AUDIT,
  expectExit,
  faultRepo,
  git,
  MODELS,
  remedy,
  repoState,
  withImmutable,
} from './helpers.js';

describe.concurrent('files that cannot be written', () => {
  it('a source file of the finding: the finding fails, nothing changes', async () => {
    const repo = faultRepo();
    const before = repoState(repo);
    const r = await withImmutable([path.join(repo, 'app/models.py')], () =>
      remedy(['apply', 'Q-01'], repo),
    );
    expectExit(r, 1, 'cannot write app/models.py: permission denied');
    expect(repoState(repo)).toEqual(before);
    expect(fs.existsSync(path.join(repo, '.git/remedy.lock'))).toBe(false);
  });

  it('the git directory: no lock can be taken, exit 2', async () => {
    const repo = faultRepo();
    const before = repoState(repo);
    const r = await withImmutable([path.join(repo, '.git')], () => remedy(['apply', 'Q-01'], repo));
    expectExit(r, 2, 'cannot create the lock file', 'permission denied');
    expect(repoState(repo)).toEqual(before);
  });

  it('the git index: the commit fails, files restored, nothing staged', async () => {
    const repo = faultRepo();
    const before = repoState(repo);
    const r = await withImmutable([path.join(repo, '.git/index')], () =>
      remedy(['apply', 'Q-01'], repo),
    );
    expectExit(r, 1, 'git add failed', 'restored');
    expect(repoState(repo)).toEqual(before);
  });
});

describe.concurrent('repository states', () => {
  it('a lock path that is a directory: exit 2, saying what to remove', async () => {
    const repo = faultRepo();
    fs.mkdirSync(path.join(repo, '.git/remedy.lock'));
    const before = repoState(repo);
    const r = await remedy(['apply', 'Q-01'], repo);
    expectExit(r, 2, '.git/remedy.lock is a directory');
    expect(repoState(repo)).toEqual(before);
    expect(fs.statSync(path.join(repo, '.git/remedy.lock')).isDirectory()).toBe(true);
  });

  it('apply --allow-dirty in a repository with no commits: exit 2', async () => {
    const repo = makeTree({
      'docs/AUDIT.md': AUDIT,
      'remedy.config.json': JSON.stringify({ docs: ['docs/AUDIT.md'] }),
      'app/models.py': MODELS,
    });
    git(repo, 'init', '-q', '-b', 'main');
    const before = repoState(repo);
    const r = await remedy(['apply', 'Q-01', '--allow-dirty'], repo);
    expectExit(r, 2, 'the repository has no commits yet');
    expect(repoState(repo)).toEqual(before);
  });

  it('--continue when local changes block the switch to the branch: exit 2, changes kept', async () => {
    const repo = faultRepo();
    expect((await remedy(['apply', 'Q-01', '--branch', 'fix/q'], repo)).code).toBe(0);
    git(repo, 'switch', '-q', 'main');
    fs.appendFileSync(path.join(repo, 'app/models.py'), '# local edit\n');
    const before = repoState(repo);
    const r = await remedy(
      ['apply', 'Q-02', '--branch', 'fix/q', '--continue', '--allow-dirty'],
      repo,
    );
    expectExit(r, 2, 'cannot switch to branch "fix/q"', 'app/models.py');
    expect(repoState(repo)).toEqual(before);
  });
});
