/**
 * The branch an apply works on (`--branch`, or `remedy/<phase>`): checked before
 * anything runs, created from HEAD only when the first finding is about to be
 * written (so a selection with nothing to apply leaves no empty branch), and — when
 * it already exists without `--continue` — surveyed: a branch that holds every
 * finding that applies makes the run a no-op; one that lacks some is an error naming
 * them (the CLI adds the exact `--continue` command).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import type { Finding } from '../findings/types.js';
import type { GitRepo } from '../git/repo.js';
import { dryRunFindings } from './dry-run.js';
import type { ExecuteOptions, FindingOutcome } from './execute.js';
import type { Session } from './session.js';

/** The branch exists and lacks findings that would apply; `--continue` resumes on it. */
export class BranchIncompleteError extends InputError {
  constructor(
    readonly branch: string,
    /** Findings that would still change something (or fail) on the branch. */
    readonly missing: readonly string[],
    /** Findings a commit on the branch already carries. */
    readonly held: readonly string[],
  ) {
    const lacks = `${missing.length} finding${missing.length === 1 ? '' : 's'}`;
    const holds = held.length > 0 ? ` (it holds ${held.join(', ')})` : '';
    super(`branch "${branch}" already exists and lacks ${lacks}: ${missing.join(', ')}${holds}`, {
      hint: 'run the same command with --continue to resume on it, or choose another --branch',
    });
  }
}

export async function checkBranchName(repo: GitRepo, branch: string): Promise<void> {
  if (!(await repo.isValidBranchName(branch)))
    throw new InputError(`"${branch}" is not a valid branch name`, {
      hint: 'choose another --branch (see git check-ref-format)',
    });
}

/**
 * Each finding's outcome on an existing branch's last commit (checked out in a
 * temporary directory: the work tree, the index and HEAD are untouched). Throws
 * BranchIncompleteError when something would still change or fail there.
 */
export async function surveyBranch(
  session: Session,
  repo: GitRepo,
  branch: string,
  findings: readonly Finding[],
  opts: ExecuteOptions,
): Promise<FindingOutcome[]> {
  const ref = `refs/heads/${branch}`;
  const applied = await repo.appliedFindings(ref);
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-branch-')));
  let outcomes: FindingOutcome[];
  try {
    await repo.exportTree(dir, ref);
    const { config, format, guard, allowUnsafe } = opts;
    const only = { config, format, guard, allowUnsafe, applied, root: dir };
    outcomes = await dryRunFindings(session, findings, only);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const missing = outcomes.filter((o) => o.kind === 'changed' || o.kind === 'failed');
  if (missing.length > 0) {
    const held = outcomes.filter((o) => o.kind === 'already-applied').map((o) => o.finding.id);
    throw new BranchIncompleteError(
      branch,
      missing.map((o) => o.finding.id),
      held,
    );
  }
  return outcomes;
}

/** Switch to `branch`, creating it from HEAD when it does not exist. */
export async function enterBranch(repo: GitRepo, branch: string): Promise<void> {
  if ((await repo.currentBranch()) === branch) return;
  if (await repo.branchExists(branch)) await repo.switchBranch(branch);
  else await repo.createBranch(branch);
}
