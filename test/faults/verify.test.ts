/**
 * Faults in the verify command (issue #16 items 5 and 11): stray changes it makes to
 * the tree, commands that hang, trap signals, or outlive a killed remedy. Small
 * timeouts keep this fast. The faults are the finding's verify, so the baseline check
 * (which would meet them first) is skipped with --no-baseline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../harness.js';
import {
  expectExit,
  faultRepo,
  git,
  MODELS,
  remedy,
  repoState,
  SERVICES,
  startCli,
  subjects,
  waitForFile,
  waitGone,
  within,
} from './helpers.js';

describe.concurrent('a verify command that changes the tree', () => {
  it('stops the run, says which files it changed, and leaves that change for review', async () => {
    const repo = faultRepo();
    const before = repoState(repo);
    const verify = 'echo "# touched by the tests" >> app/__init__.py';
    const r = await remedy(
      ['apply', '--phase', '1', '--keep-going', '--verify', verify, '--no-baseline'],
      repo,
    );
    expectExit(
      r,
      1,
      'the verify command changed files remedy did not write',
      'app/__init__.py',
      'stopped at Q-01',
      'not run 2',
    );
    // Nothing committed, the finding's file restored, the stray change kept as it is.
    expect(git(repo, 'rev-parse', 'HEAD').trim()).toBe(before.head);
    expect(git(repo, 'status', '--porcelain')).toBe(' M app/__init__.py\n');
    expect(fs.readFileSync(path.join(repo, 'app/models.py'), 'utf8')).toBe(MODELS);
    expect(fs.readFileSync(path.join(repo, 'app/__init__.py'), 'utf8')).toBe(
      '# touched by the tests\n',
    );
  });

  it('stops when it rewrites a file of the finding', async () => {
    const repo = faultRepo();
    const r = await remedy(
      ['apply', 'Q-01', '--no-baseline', '--verify', 'echo "x = 1" >> app/models.py'],
      repo,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('app/models.py');
    expect(subjects(repo)).toEqual(['initial']);
  });
});

describe.concurrent('a verify command that does not finish', () => {
  it('is stopped by --verify-timeout (or the config key), and the finding rolled back', async () => {
    const repo = faultRepo({}, { verifyTimeout: 1 });
    const before = repoState(repo);
    const started = Date.now();
    const r = await remedy(['apply', 'Q-01', '--no-baseline', '--verify', 'sleep 30'], repo);
    expectExit(r, 1, 'verify command timed out after 1 s');
    expect(Date.now() - started).toBeLessThan(20_000);
    const flag = await remedy(
      ['apply', 'Q-01', '--no-baseline', '--verify', 'sleep 30', '--verify-timeout', '0.5'],
      repo,
    );
    expect(flag.stderr).toContain('verify command timed out after 0.5 s');
    expect(repoState(repo)).toEqual(before);
    expect(fs.existsSync(path.join(repo, '.git/remedy.lock'))).toBe(false);
  });

  it('traps signals: the first Ctrl-C asks, the second kills its process group', async () => {
    const repo = faultRepo();
    const before = repoState(repo);
    const pidFile = path.join(tempDir('remedy-fault-pid-'), 'pid');
    const verify = `trap "" INT TERM; sleep 30 & echo $! > ${pidFile}; wait`;
    const run = startCli(['apply', 'Q-01', '--verify', verify, '--no-baseline'], repo);
    await waitForFile(pidFile);
    const sleeper = Number(fs.readFileSync(pidFile, 'utf8'));
    run.child.kill('SIGINT');
    expect(await within(run.exit, 700)).toBeUndefined();
    run.child.kill('SIGINT');
    const code = await within(run.exit, 10_000);
    if (code === undefined) run.child.kill('SIGKILL');
    expect(code, run.stderr()).toBe(130);
    expect(await waitGone(sleeper, 2000)).toBe(true);
    expect(repoState(repo)).toEqual(before);
    expect(fs.existsSync(path.join(repo, '.git/remedy.lock'))).toBe(false);
  });

  it('does not outlive a remedy killed with SIGKILL; the next run recovers', async () => {
    const repo = faultRepo();
    const pidFile = path.join(tempDir('remedy-fault-pid-'), 'pid');
    const verify = `test -e ${pidFile} || { sleep 30 & echo $! > ${pidFile}; wait; }`;
    const run = startCli(['apply', 'Q-01', '--verify', verify, '--no-baseline'], repo);
    await waitForFile(pidFile);
    const sleeper = Number(fs.readFileSync(pidFile, 'utf8'));
    run.child.kill('SIGKILL');
    await run.exit;
    expect(await waitGone(sleeper, 5000)).toBe(true);
    expect(fs.readFileSync(path.join(repo, 'app/services.py'), 'utf8')).toBe(SERVICES);
    const again = await remedy(
      ['apply', 'Q-01', '--continue', '--verify', verify, '--no-baseline'],
      repo,
    );
    expect(again.code, again.stderr).toBe(0);
    expect(subjects(repo)).toHaveLength(2);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(fs.existsSync(path.join(repo, '.git/remedy.lock'))).toBe(false);
  });
});
