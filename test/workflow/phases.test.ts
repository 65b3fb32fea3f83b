/**
 * Phases re-run cleanly and stopped runs say exactly how to go on (issue #15 item 3),
 * end to end with the real CLI on temporary git repositories: a re-run on a branch
 * that holds the phase is a no-op; one that lacks findings names `--continue` with
 * the user's options, quoted for a shell — and that command, pasted, finishes the
 * phase; a phase with nothing to apply creates no branch; Ctrl-C says how to resume.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectExit,
  git,
  remedy,
  repoState,
  startCli,
  subjects,
  waitForFile,
} from '../faults/helpers.js';
import { tempDir } from '../harness.js';
import { hintedCommand, phasedProject, runHinted } from './phased-project.js';

const PHASE = 'Mechanical refactors';

describe.concurrent('re-running a phase', () => {
  it('is a no-op with exit 0 when the branch holds the phase, from the branch or from main', async () => {
    const repo = phasedProject();
    const first = await remedy(['apply', '--phase', PHASE], repo);
    expectExit(first, 0, 'applied 2');
    const onBranch = repoState(repo);
    const again = await remedy(['apply', '--phase', PHASE], repo);
    expectExit(
      again,
      0,
      'Q-01 - already applied in',
      'nothing to apply: branch remedy/phase-1 already holds every finding',
    );
    expect(repoState(repo)).toEqual(onBranch);
    // plan shows each applied finding's commit, and why the manual one is manual.
    const plan = await remedy(['plan'], repo);
    expect(plan.stdout).toMatch(
      /Q-01 .* applied .*\n {5}in [0-9a-f]{10} refactor\(app\): resolve Q-01/,
    );
    expect(plan.stdout).toMatch(/Q-03 .* manual\s*\n {5}no transform recognises this finding/);
    git(repo, 'switch', '-q', 'main');
    const onMain = repoState(repo);
    expectExit(await remedy(['apply', '--phase', '1'], repo), 0, 'nothing to apply');
    expect(repoState(repo)).toEqual(onMain);
  });

  it('lacking findings, names the exact --continue command, which then finishes the phase', async () => {
    const repo = phasedProject();
    const blocker = path.join(tempDir('remedy-blocker-'), 'red');
    fs.writeFileSync(blocker, '');
    // Passes on HEAD and after Q-01; fails after Q-02 while the blocker exists.
    const verify = `! grep -q "int | None" app/services.py || test ! -e ${blocker}`;
    const options = ['--doc', 'docs/AUDIT.md', '--verify', verify, '--verify-timeout', '60'];
    const flags = ['--unsafe', '--no-format', '--no-verify-hooks'];
    const first = await remedy(['apply', '--phase', PHASE, ...options, ...flags], repo);
    expectExit(first, 1, '[2/2] Q-02 pep604-optional failed: verify command failed (exit 1)');
    const resume = `remedy apply --phase 'Mechanical refactors' --doc docs/AUDIT.md --verify '${verify}' --verify-timeout 60 --unsafe --no-format --no-verify-hooks --continue`;
    expect(first.stderr).toContain(`, then run: ${resume}\n`);
    expect(first.stderr).toContain('fix the cause (or map Q-02 as manual in remedy.config.json)');

    const stopped = repoState(repo);
    const rerun = await remedy(['apply', '--phase', PHASE, ...options, ...flags], repo);
    expectExit(
      rerun,
      2,
      'branch "remedy/phase-1" already exists and lacks 1 finding: Q-02 (it holds Q-01)',
      `hint: to resume on that branch, run: ${resume}\n`,
    );
    expect(repoState(repo)).toEqual(stopped);

    fs.rmSync(blocker);
    const resumed = runHinted(hintedCommand(rerun.stderr, 'run: '), repo);
    expectExit(resumed, 0, '[2/2] Q-02 pep604-optional committed');
    expect(subjects(repo)).toHaveLength(3);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('with nothing to apply creates no branch and runs no baseline', async () => {
    const repo = phasedProject();
    const before = repoState(repo);
    const r = await remedy(['apply', '--phase', 'team decisions', '--verify', 'exit 1'], repo);
    expectExit(r, 0, '[1/1] Q-03 - manual:', 'branch remedy/phase-2 was not created');
    expect(r.stderr).not.toContain('verifying the baseline');
    expect(repoState(repo)).toEqual(before);
    expect(git(repo, 'branch', '--list', 'remedy/*')).toBe('');
  });
});

describe.concurrent('resume hints', () => {
  it('after a failure of named findings, names the IDs still to do and the options', async () => {
    const repo = phasedProject();
    const r = await remedy(
      ['apply', 'Q-01', 'Q-02', '--verify', 'grep -q "int | None" app/models.py'],
      repo,
    );
    // The baseline fails here: the hint keeps both IDs, and blames neither.
    expectExit(r, 1, 'the tests fail before any change');
    expect(r.stderr).toContain(
      `then run: remedy apply Q-01 Q-02 --verify 'grep -q "int | None" app/models.py' (--no-baseline skips this check)`,
    );
    const ids = await remedy(
      ['apply', 'Q-01', 'Q-02', '--no-baseline', '--verify', 'exit 3'],
      repo,
    );
    expectExit(ids, 1, 'stopped at Q-01');
    expect(ids.stderr).toContain(
      "then run: remedy apply Q-01 Q-02 --verify 'exit 3' --no-baseline\n",
    );
    expect(ids.stderr).not.toMatch(/then run: remedy apply( --|\n)/);
  });

  it('after Ctrl-C, says how to resume, not to fix a cause', async () => {
    const repo = phasedProject();
    const marker = path.join(tempDir('remedy-marker-'), 'verifying');
    const verify = `if grep -q "str | None" app/models.py; then touch ${marker}; sleep 30; fi`;
    const run = startCli(['apply', '--phase', PHASE, '--verify', verify], repo);
    await waitForFile(marker);
    run.child.kill('SIGINT');
    const code = await run.exit;
    const stderr = run.stderr();
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('interrupted by SIGINT: stopped at a safe point');
    expect(stderr).toContain(
      `to resume, run: remedy apply --phase 'Mechanical refactors' --verify '${verify}' --continue\n`,
    );
    expect(stderr).not.toContain('fix the cause');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(subjects(repo)).toEqual(['initial']);
  });
});
