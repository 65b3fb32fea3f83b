/**
 * After a SIGKILL (issue #16 item 18): a finding left complete and staged is
 * committed by `remedy apply --continue` with the message and trailer it would have
 * had; a tree that holds anything else is never touched.
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
  remedy,
  repoState,
  startCli,
  subjects,
} from './helpers.js';

/** Two copies of a helper (the identical-copies case of extract-shared-helpers). */
const COPY_A =
  '"""Module a."""\n\nimport re\n\n_SPACES = re.compile(r"\\s+")\n\n\ndef _clean(value: str) -> str:\n    """Collapse whitespace."""\n    return _SPACES.sub(" ", value).strip()\n\n\ndef greet(name: str) -> str:\n    return f"Hello, {_clean(name)}!"\n';
const COPY_B =
  '"""Module b."""\n\nimport re\n\n_SPACES = re.compile(r"\\s+")\n\n\ndef title(text: str) -> str:\n    return _clean(text).title()\n\n\ndef _clean(value:str)->str:\n    return _SPACES.sub(\' \', value).strip()\n';

/** Kill remedy (git's parent) from inside its first commit, after `git add` staged the finding. */
function killOnFirstCommit(repo: string): void {
  const marker = path.join(tempDir('remedy-fault-kill-'), 'killed');
  hook(
    repo,
    'pre-commit',
    `[ -e ${marker} ] && exit 0\ntouch ${marker}\nkill -KILL $(cut -d' ' -f4 /proc/$PPID/stat)\nexit 1`,
  );
}

async function killedRun(repo: string, args: string[], staged = 'M  app/models.py\n') {
  killOnFirstCommit(repo);
  const run = startCli(args, repo);
  await run.exit;
  expect(git(repo, 'status', '--porcelain')).toBe(staged);
  expect(fs.existsSync(path.join(repo, '.git/remedy.lock'))).toBe(true);
}

describe.concurrent('apply --continue after a SIGKILL', () => {
  it('commits a finding left complete and staged, with its message and trailer', async () => {
    const reference = faultRepo();
    expect((await remedy(['apply', 'Q-01'], reference)).code).toBe(0);
    const repo = faultRepo();
    await killedRun(repo, ['apply', 'Q-01']);
    const plain = await remedy(['apply', 'Q-01'], repo);
    expectExit(plain, 2, '--continue');
    const r = await remedy(['apply', 'Q-01', '--continue'], repo);
    expectExit(r, 0, 'Q-01 was left staged by an interrupted run');
    expect(git(repo, 'log', '-1', '--format=%B')).toBe(git(reference, 'log', '-1', '--format=%B'));
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('finishes the phase: the staged finding, then the rest', async () => {
    const repo = faultRepo();
    await killedRun(repo, ['apply', '--phase', '1']);
    const r = await remedy(['apply', '--phase', '1', '--continue'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(
      git(repo, 'log', '--format=%(trailers:key=Remedy-Finding,valueonly)', 'main..HEAD')
        .split('\n')
        .filter(Boolean),
    ).toEqual(['Q-02', 'Q-01']);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('recognises a project-wide finding that creates a file', async () => {
    const extract = {
      transform: 'extract-shared-helpers',
      options: {
        target: 'app/text.py',
        helpers: [{ from: '_clean', to: 'clean_whitespace', sources: ['app/a.py', 'app/b.py'] }],
      },
    };
    const repo = faultRepo(
      { 'app/a.py': COPY_A, 'app/b.py': COPY_B },
      { findings: { 'Q-03': extract } },
    );
    await killedRun(repo, ['apply', 'Q-03'], 'M  app/a.py\nM  app/b.py\nA  app/text.py\n');
    const r = await remedy(['apply', 'Q-03', '--continue'], repo);
    expectExit(r, 0, 'Q-03 was left staged by an interrupted run');
    const shown = git(
      repo,
      'show',
      '--name-status',
      '--format=%(trailers:key=Remedy-Finding,valueonly)',
    );
    expect(shown).toBe('Q-03\n\n\nM\tapp/a.py\nM\tapp/b.py\nA\tapp/text.py\n');
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('never touches a tree that holds more than the finding', async () => {
    const repo = faultRepo();
    await killedRun(repo, ['apply', 'Q-01']);
    fs.appendFileSync(path.join(repo, 'app/models.py'), '# my own edit\n');
    const before = repoState(repo);
    const r = await remedy(['apply', 'Q-01', '--continue'], repo);
    expectExit(r, 2, 'uncommitted changes');
    expect(repoState(repo)).toEqual(before);
    expect(subjects(repo)).toEqual(['initial']);
  });
});
