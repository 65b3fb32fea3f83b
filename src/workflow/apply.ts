/**
 * Apply findings for real, one at a time: compute each finding, then land it (write,
 * verify, commit — or restore every touched file and the index; see land.ts). On
 * failure it stops (or skips with keepGoing); an interrupt stops at the next safe
 * point, so the tree holds either the previous commit or the completed new one. With
 * `resume` (--continue) it first finishes or clears what a killed run left behind.
 */
import { InputError } from '../core/errors.js';
import { DiskStore } from '../engine/store.js';
import type { Finding } from '../findings/types.js';
import { acquireLock } from '../git/lock.js';
import type { DirtyFile, GitRepo } from '../git/repo.js';
import { unmetDependencies } from '../plan/order.js';
import { type ExecuteOptions, executeFinding, type FindingOutcome } from './execute.js';
import { InterruptWatch } from './interrupt.js';
import { type LandedFinding, type LandOptions, landFinding } from './land.js';
import { type Resumed, removeDeadTempFiles, resumeLeftover } from './leftovers.js';
import type { Session } from './session.js';
import type { VerifyResult } from './verify.js';

export interface ApplyOptions extends ExecuteOptions, Omit<LandOptions, 'watch'> {
  readonly keepGoing: boolean;
  readonly ignoreDeps: boolean;
  readonly allowDirty: boolean;
  /** Create (or, with resume, reuse) this branch from HEAD first. */
  readonly branch?: string;
  readonly resume?: boolean;
  readonly onFinding?: (report: AppliedFinding, index: number, total: number) => void;
  readonly onStart?: (finding: Finding, index: number, total: number) => void;
  /** Called when a killed run's leftover was found and finished or cleared. */
  readonly onResumed?: (resumed: Resumed) => void;
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
  /** What an interrupted earlier run left behind and this one finished or cleared. */
  readonly resumed: Resumed | undefined;
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
    if (opts.commit && !(await repo.headOrUndefined()))
      throw new InputError('the repository has no commits yet', {
        hint: 'make an initial commit first (git add -A && git commit -m "initial")',
      });
    let dirty = removeDeadTempFiles(repo, await repo.dirtyFiles());
    // A killed run's leftover is on the branch it worked on: only there is it looked for.
    const switching = !!opts.branch && (await repo.currentBranch()) !== opts.branch;
    if (!opts.resume || switching) refuseDirty(dirty, opts);
    const branch = await prepareBranch(repo, opts);
    const applied = new Map(await repo.appliedFindings());
    let resumed: Resumed | undefined;
    if (opts.resume && dirty.length > 0) {
      resumed = await resumeLeftover(session, repo, findings, applied, dirty, opts);
      if (resumed) opts.onResumed?.(resumed);
      if (resumed?.landed?.commit) applied.set(resumed.finding.id, resumed.landed.commit);
      dirty = await repo.dirtyFiles();
      refuseDirty(dirty, opts);
    }
    const run = await runAll(session, repo, findings, { ...opts, watch, applied, dirty });
    return { ...run, branch, interrupted: watch.received, resumed };
  } finally {
    watch.dispose();
    lock.release();
  }
}

function refuseDirty(dirty: readonly DirtyFile[], opts: ApplyOptions): void {
  if (dirty.length === 0 || opts.allowDirty) return;
  const list = dirty
    .slice(0, 20)
    .map((d) => `  ${d.status} ${d.path}`)
    .join('\n');
  const more = dirty.length > 20 ? `\n  ... and ${dirty.length - 20} more` : '';
  throw new InputError(`the working tree has uncommitted changes:\n${list}${more}`, {
    hint: 'commit or stash them first, or pass --allow-dirty (remedy then refuses only findings that touch those files); if an interrupted remedy run left them, run the same command with --continue to finish that finding',
  });
}

async function runAll(
  session: Session,
  repo: GitRepo,
  findings: readonly Finding[],
  opts: ApplyOptions & {
    watch: InterruptWatch;
    applied: Map<string, string>;
    dirty: readonly DirtyFile[];
  },
): Promise<Pick<ApplyReport, 'results' | 'stoppedAt' | 'notRun'>> {
  const state: RunState = {
    applied: opts.applied,
    selected: new Set(findings.map((f) => f.id)),
    failedIds: new Set<string>(),
    dirtyPaths: new Set(opts.dirty.map((d) => d.path)),
    watch: opts.watch,
  };
  const results: AppliedFinding[] = [];
  let stoppedAt: string | undefined;
  for (const [index, finding] of findings.entries()) {
    if (opts.watch.interrupted) {
      stoppedAt = finding.id;
      break;
    }
    opts.onStart?.(finding, index, findings.length);
    const started = Date.now();
    const { stopRun, ...outcome } = await applyOne(session, repo, finding, { ...opts, ...state });
    const report = { ...outcome, seconds: (Date.now() - started) / 1000 } as AppliedFinding;
    results.push(report);
    opts.onFinding?.(report, index, findings.length);
    if (report.kind === 'changed' && report.commit) opts.applied.set(finding.id, report.commit);
    if (report.kind === 'failed' || report.kind === 'blocked') {
      state.failedIds.add(finding.id);
      if (!opts.keepGoing || opts.watch.interrupted || stopRun) {
        stoppedAt = finding.id;
        break;
      }
    }
  }
  const attempted = new Set(results.map((r) => r.finding.id));
  const notRun = findings.map((f) => f.id).filter((id) => !attempted.has(id));
  return { results, stoppedAt, notRun };
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
  readonly failedIds: Set<string>;
  readonly dirtyPaths: ReadonlySet<string>;
  readonly watch: InterruptWatch;
}

/** Why a finding is not to be run now, or undefined when it is. */
function skipReason(
  session: Session,
  finding: Finding,
  opts: ApplyOptions & RunState,
): FindingOutcome | undefined {
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
  if (opts.ignoreDeps) return undefined;
  const done = new Set(opts.applied.keys());
  const unmet = unmetDependencies(finding.id, session.byId, opts.selected, done);
  if (unmet.length === 0) return undefined;
  return {
    kind: 'blocked',
    finding,
    reason: `depends on ${unmet.join(', ')}, not applied on this branch (apply it first, or pass --ignore-deps)`,
  };
}

async function applyOne(
  session: Session,
  repo: GitRepo,
  finding: Finding,
  opts: ApplyOptions & RunState,
): Promise<LandedFinding> {
  const skip = skipReason(session, finding, opts);
  if (skip) return skip;
  const outcome = await executeFinding(session.plan(finding), new DiskStore(repo.root), opts);
  if (outcome.kind !== 'changed') return outcome;
  const dirtyTouched = outcome.files.map((f) => f.path).filter((p) => opts.dirtyPaths.has(p));
  if (dirtyTouched.length > 0) {
    return {
      kind: 'failed',
      finding,
      step: outcome.step,
      reason: `would touch files with uncommitted changes: ${dirtyTouched.join(', ')}`,
      hint: 'commit or stash those files first',
    };
  }
  return landFinding(session, repo, outcome, opts);
}
