/**
 * Landing one computed finding: write its files (all or nothing), run the verify
 * command, check the tree for stray changes, and commit with the finding's message and
 * trailer. Any failure undoes it — the files and the index for those paths — and the
 * reason says exactly what was restored.
 */

import { RemedyError } from '../core/errors.js';
import type { ChangedFile } from '../core/result.js';
import { restoreFiles, writeAllOrNothing } from '../engine/write.js';
import { GitCommandError } from '../git/exec.js';
import type { GitRepo } from '../git/repo.js';
import { commitMessage, commitScope } from '../plan/commit-message.js';
import type { FindingOutcome } from './execute.js';
import type { InterruptWatch } from './interrupt.js';
import { commitNotes } from './partial.js';
import type { Session } from './session.js';
import { strayChanges, treeSnapshot } from './stray.js';
import { runVerify, type VerifyResult } from './verify.js';

export type ChangedOutcome = Extract<FindingOutcome, { kind: 'changed' }>;

export type LandedFinding = FindingOutcome & {
  readonly commit?: string;
  readonly verify?: VerifyResult;
  /** The whole run must stop here, even with keepGoing (the tree needs a look). */
  readonly stopRun?: boolean;
};

export interface LandOptions {
  readonly commit: boolean;
  readonly verify: string | undefined;
  /** Seconds; 0 for none. */
  readonly verifyTimeout: number;
  /** Run git hooks on commit (false: `--no-verify`). */
  readonly hooks: boolean;
  readonly watch: InterruptWatch;
}

export async function landFinding(
  session: Session,
  repo: GitRepo,
  outcome: ChangedOutcome,
  opts: LandOptions,
): Promise<LandedFinding> {
  const failed = (reason: string, extra: Partial<LandedFinding> = {}): LandedFinding =>
    ({
      kind: 'failed',
      finding: outcome.finding,
      step: outcome.step,
      reason,
      results: outcome.results,
      ...extra,
    }) as LandedFinding;
  try {
    writeAllOrNothing(repo.root, outcome.files);
  } catch (error) {
    if (!(error instanceof RemedyError)) throw error;
    return failed(error.message, error.hint ? { hint: error.hint } : {});
  }
  let verify: VerifyResult | undefined;
  if (opts.verify) {
    const before = await treeSnapshot(repo);
    verify = await runVerify(opts.verify, repo.root, {
      abort: opts.watch.signal,
      force: opts.watch.forceSignal,
      timeoutSeconds: opts.verifyTimeout,
    });
    if (!verify.ok) {
      const undone = await undoFinding(repo, outcome.files);
      return failed(`${verifyFailure(verify, opts)}: ${opts.verify}; ${undone}`, { verify });
    }
    const stray = await strayChanges(repo, before, outcome.files);
    if (stray.length > 0) {
      const undone = await undoFinding(repo, outcome.files);
      return failed(
        `the verify command changed files remedy did not write (${stray.join(', ')}); the finding was not committed and ${undone}; the verify command's changes are left for you to review`,
        {
          verify,
          stopRun: true,
          hint: 'review them (git diff), commit or discard them, then run again',
        },
      );
    }
  }
  if (!opts.commit) return { ...outcome, ...(verify ? { verify } : {}) };
  return commitFinding(
    session,
    repo,
    outcome,
    opts.hooks,
    verify,
    verify?.ok ? opts.verify : undefined,
  );
}

function verifyFailure(verify: VerifyResult, opts: LandOptions): string {
  if (opts.watch.interrupted) return `interrupted (${opts.watch.received}) while verifying`;
  if (verify.timedOut) return `verify command timed out after ${opts.verifyTimeout} s`;
  return `verify command failed (exit ${verify.code ?? verify.signal})`;
}

/** Commit a finding whose files are written (and verified); undo it when git fails. */
export async function commitFinding(
  session: Session,
  repo: GitRepo,
  outcome: ChangedOutcome,
  hooks: boolean,
  verify?: VerifyResult,
  /** The verify command that passed, for the `Remedy-Verified` trailer. */
  verifiedBy?: string,
): Promise<LandedFinding> {
  const touched = outcome.files.map((f) => f.path);
  const message = commitMessage({
    finding: outcome.finding,
    subject: outcome.step.subject,
    scope: commitScope(session.config.scope, touched),
    touched,
    transform: outcome.step.transform.id,
    ...(outcome.step.type ? { type: outcome.step.type } : {}),
    ...(verifiedBy ? { verified: verifiedBy } : {}),
    ...commitNotes(outcome),
  });
  try {
    const commit = await repo.commitPaths(touched, message, { hooks });
    return { ...outcome, commit, ...(verify ? { verify } : {}) };
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    const undone = await undoFinding(repo, outcome.files);
    return {
      kind: 'failed',
      finding: outcome.finding,
      step: outcome.step,
      reason: `${error.message}; ${undone}`,
      results: outcome.results,
      ...(hooks
        ? {
            hint: 'if a git hook refused the commit, fix the cause, or pass --no-verify-hooks to skip hooks',
          }
        : {}),
    };
  }
}

/**
 * Put the finding's files back and unstage them; returns what was done, truthfully
 * ("the touched files and the index were restored", or what could not be).
 */
export async function undoFinding(repo: GitRepo, files: readonly ChangedFile[]): Promise<string> {
  const unrestored = restoreFiles(repo.root, files);
  let index: string | undefined;
  try {
    await repo.unstagePaths(files.map((f) => f.path));
  } catch (error) {
    index = (error as Error).message;
  }
  if (unrestored.length === 0 && index === undefined)
    return 'the touched files and the index were restored';
  const filesPart =
    unrestored.length > 0
      ? `could not restore ${unrestored.join(', ')}`
      : 'the touched files were restored';
  const indexPart =
    index === undefined
      ? 'the index was reset'
      : `the index was not reset (${index}): run "git restore --staged" on those files`;
  return `${filesPart}; ${indexPart}`;
}
