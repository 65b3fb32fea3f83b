/**
 * Apply findings for real, one at a time: write the rewritten files atomically, run
 * the verify command, commit with the finding's trailer — or restore every touched
 * file. On failure it stops (or skips with keepGoing); an interrupt stops at the next
 * safe point, so the tree holds either the previous commit or the completed new one.
 */
import fs from 'node:fs';
import { InputError } from '../core/errors.js';
import { resolveInRepo } from '../core/paths.js';
import type { ChangedFile } from '../core/result.js';
import { DiskStore } from '../engine/store.js';
import { writeFileAtomic } from '../engine/write.js';
import type { Finding } from '../findings/types.js';
import { acquireLock } from '../git/lock.js';
import type { GitRepo } from '../git/repo.js';
import { commitMessage, commitScope } from '../plan/commit-message.js';
import { unmetDependencies } from '../plan/order.js';
import { type ExecuteOptions, executeFinding, type FindingOutcome } from './execute.js';
import { InterruptWatch } from './interrupt.js';
import type { Session } from './session.js';
import { runVerify, type VerifyResult } from './verify.js';

export interface ApplyOptions extends ExecuteOptions {
  readonly commit: boolean;
  readonly verify: string | undefined;
  readonly keepGoing: boolean;
  readonly ignoreDeps: boolean;
  readonly allowDirty: boolean;
  /** Create (or, with resume, reuse) this branch from HEAD first. */
  readonly branch?: string;
  readonly resume?: boolean;
  readonly onFinding?: (report: AppliedFinding, index: number, total: number) => void;
  readonly onStart?: (finding: Finding, index: number, total: number) => void;
}

export type AppliedFinding = FindingOutcome & {
  readonly seconds: number;
  /** The commit made for a changed finding (when committing). */
  readonly commit?: string;
  readonly verify?: VerifyResult;
};

export interface ApplyReport {
  readonly results: readonly AppliedFinding[];
  readonly branch: string | undefined;
  /** The finding the run stopped at, when it did not finish. */
  readonly stoppedAt: string | undefined;
  readonly interrupted: NodeJS.Signals | undefined;
  /** Findings never attempted because the run stopped. */
  readonly notRun: readonly string[];
}

export async function applyFindings(
  session: Session,
  repo: GitRepo,
  findings: readonly Finding[],
  opts: ApplyOptions,
): Promise<ApplyReport> {
  const lock = acquireLock(repo.gitDir);
  const watch = new InterruptWatch();
  try {
    const dirty = await repo.dirtyFiles();
    if (dirty.length > 0 && !opts.allowDirty) {
      const list = dirty
        .slice(0, 20)
        .map((d) => `  ${d.status} ${d.path}`)
        .join('\n');
      throw new InputError(
        `the working tree has uncommitted changes:\n${list}${dirty.length > 20 ? `\n  ... and ${dirty.length - 20} more` : ''}`,
        {
          hint: 'commit or stash them first, or pass --allow-dirty (remedy then refuses only findings that touch those files)',
        },
      );
    }
    const branch = await prepareBranch(repo, opts);
    const dirtyPaths = new Set(dirty.map((d) => d.path));
    const applied = new Map(await repo.appliedFindings());
    const selected = new Set(findings.map((f) => f.id));
    const failedIds = new Set<string>();
    const results: AppliedFinding[] = [];
    let stoppedAt: string | undefined;
    for (const [index, finding] of findings.entries()) {
      if (watch.interrupted) {
        stoppedAt = finding.id;
        break;
      }
      opts.onStart?.(finding, index, findings.length);
      const started = Date.now();
      const outcome = await applyOne(session, repo, finding, {
        ...opts,
        applied,
        selected,
        failedIds,
        dirtyPaths,
        watch,
      });
      const report: AppliedFinding = { ...outcome, seconds: (Date.now() - started) / 1000 };
      results.push(report);
      opts.onFinding?.(report, index, findings.length);
      if (report.kind === 'changed' && report.commit) applied.set(finding.id, report.commit);
      if (report.kind === 'failed' || report.kind === 'blocked') {
        failedIds.add(finding.id);
        if (!opts.keepGoing || watch.interrupted) {
          stoppedAt = finding.id;
          break;
        }
      }
    }
    const attempted = new Set(results.map((r) => r.finding.id));
    const notRun = findings.map((f) => f.id).filter((id) => !attempted.has(id));
    return { results, branch, stoppedAt, interrupted: watch.received, notRun };
  } finally {
    watch.dispose();
    lock.release();
  }
}

async function prepareBranch(repo: GitRepo, opts: ApplyOptions): Promise<string | undefined> {
  if (!opts.branch) return repo.currentBranch();
  if (!(await repo.isValidBranchName(opts.branch)))
    throw new InputError(`"${opts.branch}" is not a valid branch name`);
  if (await repo.branchExists(opts.branch)) {
    if (!opts.resume) {
      throw new InputError(`branch "${opts.branch}" already exists`, {
        hint: 'pass --continue to resume on it, or choose another --branch',
      });
    }
    if ((await repo.currentBranch()) !== opts.branch) await repo.switchBranch(opts.branch);
    return opts.branch;
  }
  if (!(await repo.hasCommits()))
    throw new InputError('the repository has no commits yet', {
      hint: 'make an initial commit first',
    });
  await repo.createBranch(opts.branch);
  return opts.branch;
}

interface RunState {
  readonly applied: ReadonlyMap<string, string>;
  readonly selected: ReadonlySet<string>;
  readonly failedIds: ReadonlySet<string>;
  readonly dirtyPaths: ReadonlySet<string>;
  readonly watch: InterruptWatch;
}

async function applyOne(
  session: Session,
  repo: GitRepo,
  finding: Finding,
  opts: ApplyOptions & RunState,
): Promise<FindingOutcome & { commit?: string; verify?: VerifyResult }> {
  const previous = opts.applied.get(finding.id);
  if (previous) return { kind: 'already-applied', finding, commit: previous };
  if (finding.status === 'resolved') return { kind: 'resolved-in-doc', finding };
  const blockedBy = finding.dependsOn.filter((d) => opts.failedIds.has(d));
  if (blockedBy.length > 0)
    return {
      kind: 'blocked',
      finding,
      reason: `depends on ${blockedBy.join(', ')}, which did not apply`,
    };
  if (!opts.ignoreDeps) {
    const unmet = unmetDependencies(
      finding.id,
      session.byId,
      opts.selected,
      new Set(opts.applied.keys()),
    );
    if (unmet.length > 0) {
      return {
        kind: 'blocked',
        finding,
        reason: `depends on ${unmet.join(', ')}, not applied on this branch (apply it first, or pass --ignore-deps)`,
      };
    }
  }
  const outcome = await executeFinding(session.plan(finding), new DiskStore(repo.root), opts);
  if (outcome.kind !== 'changed') return outcome;
  const touched = outcome.files.map((f) => f.path);
  const dirtyTouched = touched.filter((p) => opts.dirtyPaths.has(p));
  if (dirtyTouched.length > 0) {
    return {
      kind: 'failed',
      finding,
      step: outcome.step,
      reason: `would touch files with uncommitted changes: ${dirtyTouched.join(', ')}`,
      hint: 'commit or stash those files first',
    };
  }
  writeAll(repo.root, outcome.files);
  let verify: VerifyResult | undefined;
  if (opts.verify) {
    verify = await runVerify(opts.verify, repo.root, opts.watch.signal);
    if (!verify.ok) {
      restoreAll(repo.root, outcome.files);
      const why = opts.watch.interrupted
        ? `interrupted (${opts.watch.received}) while verifying`
        : `verify command failed (exit ${verify.code ?? verify.signal})`;
      return {
        kind: 'failed',
        finding,
        step: outcome.step,
        reason: `${why}: ${opts.verify}; every touched file was restored`,
        results: outcome.results,
        verify,
      };
    }
  }
  if (!opts.commit) return { ...outcome, ...(verify ? { verify } : {}) };
  const message = commitMessage({
    finding,
    subject: outcome.step.subject,
    scope: commitScope(session.config.scope, touched),
    touched,
    transform: outcome.step.transform.id,
  });
  try {
    const commit = await repo.commitPaths(touched, message);
    return { ...outcome, commit, ...(verify ? { verify } : {}) };
  } catch (error) {
    restoreAll(repo.root, outcome.files);
    return {
      kind: 'failed',
      finding,
      step: outcome.step,
      reason: `git commit failed: ${(error as Error).message.trim()}; every touched file was restored`,
    };
  }
}

function writeAll(root: string, files: readonly ChangedFile[]): void {
  const done: ChangedFile[] = [];
  try {
    for (const file of files) {
      const abs = resolveInRepo(root, file.path);
      if (file.deleted) fs.rmSync(abs, { force: true });
      else writeFileAtomic(abs, file.after);
      done.push(file);
    }
  } catch (error) {
    restoreAll(root, done);
    throw error;
  }
}

/** Put every touched file back as it was (delete the created ones, restore the deleted ones). */
export function restoreAll(root: string, files: readonly ChangedFile[]): void {
  for (const file of files) {
    const abs = resolveInRepo(root, file.path);
    if (file.created) fs.rmSync(abs, { force: true });
    else writeFileAtomic(abs, file.before);
  }
}
