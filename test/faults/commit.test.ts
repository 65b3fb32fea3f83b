/**
 * Faults at commit time (issue #16 items 1, 2, 9): a git commit that dies silently or
 * fails, missing identity, and git hooks. A failed commit leaves HEAD, the index and
 * the tree exactly as before, and the message says so truthfully.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../harness.js';
import {
  expectExit,
  faultRepo,
  git,
  hook,
  MODELS_FIXED,
  remedy,
  repoState,
  script,
  subjects,
} from './helpers.js';

function signWith(repo: string, body: string): void {
  git(repo, 'config', 'commit.gpgsign', 'true');
  git(repo, 'config', 'gpg.program', script(body, 'gpg'));
}

describe.concurrent('a git commit that fails', () => {
  it('is a failure when git dies without a word (signing program killed by Ctrl-C)', async () => {
    const repo = faultRepo();
    // Ctrl-C reaches the whole process group: the signing program and git die silently.
    signWith(repo, 'kill -INT $PPID\nkill -INT $$');
    const before = repoState(repo);
    const r = await remedy(['apply', 'Q-01'], repo);
    expectExit(r, 1);
    expect(r.stderr).not.toContain('committed');
    expect(r.stderr).toContain('git commit was killed by SIGINT');
    expect(r.stderr).toContain('the touched files and the index were restored');
    expect(repoState(repo)).toEqual(before);
  });

  it('restores the files and the index when the signing program fails', async () => {
    const repo = faultRepo();
    signWith(repo, 'echo "gpg: signing failed: No secret key" >&2\nexit 2');
    const before = repoState(repo);
    const r = await remedy(['apply', '--phase', '1'], repo);
    expectExit(r, 1, 'gpg failed to sign the data', 'stopped at Q-01');
    // The phase branch was created; nothing else changed: no staged change, no commit.
    expect(repoState(repo)).toEqual({ ...before, branch: 'refs/heads/remedy/phase-1' });
  });

  it('restores the files and the index when user.name and user.email are missing', async () => {
    const repo = faultRepo();
    git(repo, 'config', '--unset', 'user.name');
    git(repo, 'config', '--unset', 'user.email');
    git(repo, 'config', 'user.useConfigOnly', 'true');
    const home = tempDir('remedy-fault-home-');
    const before = repoState(repo);
    const r = await remedy(['apply', 'Q-01'], repo, { HOME: home, XDG_CONFIG_HOME: home });
    expectExit(r, 1);
    expect(r.stderr).toMatch(/Author identity unknown|no email was given/);
    expect(repoState(repo)).toEqual(before);
  });
});

describe.concurrent('git hooks', () => {
  it('runs the pre-commit hook; a failing one fails the finding and restores everything', async () => {
    const repo = faultRepo();
    hook(repo, 'pre-commit', 'echo "lint: trailing whitespace in app/models.py" >&2\nexit 1');
    const before = repoState(repo);
    const r = await remedy(['apply', 'Q-01'], repo);
    expectExit(r, 1, 'lint: trailing whitespace in app/models.py', '--no-verify-hooks');
    expect(repoState(repo)).toEqual(before);
  });

  it('runs the commit-msg hook with the commit message', async () => {
    const repo = faultRepo();
    const seen = path.join(tempDir('remedy-fault-msg-'), 'message');
    hook(repo, 'commit-msg', `cp "$1" ${seen}\necho "message rejected" >&2\nexit 1`);
    const before = repoState(repo);
    const r = await remedy(['apply', 'Q-01'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('message rejected');
    expect(fs.readFileSync(seen, 'utf8')).toContain('Remedy-Finding: Q-01');
    expect(repoState(repo)).toEqual(before);
  });

  it('commits through a passing hook, and bypasses a failing one only with --no-verify-hooks', async () => {
    const repo = faultRepo();
    const ran = path.join(tempDir('remedy-fault-hook-'), 'ran');
    hook(repo, 'pre-commit', `echo ran >> ${ran}\nexit 0`);
    expect((await remedy(['apply', 'Q-01'], repo)).code).toBe(0);
    expect(fs.readFileSync(ran, 'utf8')).toBe('ran\n');
    hook(repo, 'pre-commit', `echo ran >> ${ran}\nexit 1`);
    const r = await remedy(['apply', 'Q-02', '--no-verify-hooks'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(ran, 'utf8')).toBe('ran\n');
    expect(subjects(repo)).toHaveLength(3);
    expect(fs.readFileSync(path.join(repo, 'app/models.py'), 'utf8')).toBe(MODELS_FIXED);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });
});
