/**
 * Apply findings for real, one at a time: compute each finding, then land it (write,
 * verify, commit — or restore every touched file and the index; see land.ts). Before
 * the first write: the baseline check (baseline.ts), the reviewer's answer with
 * `decide` (--interactive), and the branch (branch.ts: created only then; an existing
 * one is surveyed, or reused with `resume`). On failure it stops (or skips with
 * keepGoing); an interrupt stops at the next safe point, so the tree holds either the
 * previous commit or the completed new one. With `resume` (--continue) it first
 * finishes or clears what a killed run left behind.
 */
import { InputError } from '../core/errors.js';
import { DiskStore } from '../engine/store.js';
import type { Finding } from '../findings/types.js';
import { acquireLock } from '../git/lock.js';
import type { DirtyFile, GitRepo } from '../git/repo.js';
import type { TransformStep } from '../plan/mapping.js';
import { unmetDependencies } from '../plan/order.js';
import { type Baseline, baselinePassed, verifyBaseline } from './baseline.js';
import { checkBranchName, enterBranch, surveyBranch } from './branch.js';
import { type ExecuteOptions, executeFinding, type FindingOutcome } from './execute.js';
import { InterruptWatch } from './interrupt.js';
import { type ChangedOutcome, type LandedFinding, type LandOptions, landFinding } from './land.js';
import { type Resumed, removeDeadTempFiles, resumeLeftover } from './leftovers.js';
import type { Session } from './session.js';
import type { VerifyResult } from './verify.js';

/** What the reviewer said about one finding's diff (`apply --interactive`). */
export type Decision = 'accept' | 'skip' | 'quit' | 'interrupt';

export interface ApplyOptions extends ExecuteOptions, Omit<LandOptions, 'watch'> {
  readonly keepGoing: boolean;
  readonly ignoreDeps: boolean;
  readonly allowDirty: boolean;
  /** Work on this branch: created from HEAD before the first write (or, with resume, reused). */
  readonly branch?: string;
  readonly resume?: boolean;
  /** Run the verify command once on HEAD before the first finding is written. */
  readonly baseline: boolean;
  /** Asked for each finding that would change files, before anything of it is written. */
  readonly decide?: (outcome: ChangedOutcome, index: number, total: number) => Promise<Decision>;
  readonly onFinding?: (report: AppliedFinding, index: number, total: number) => void;
  readonly onStart?: (finding: Finding, index: number, total: number) => void;
  /** Called when a killed run's leftover was found and finished or cleared. */
  readonly onResumed?: (resumed: Resumed) => void;
  /** Called when the baseline check starts. */
  readonly onBaseline?: (command: string) => void;
}

/** A finding the reviewer skipped, or one that depends on a skipped finding. */
export interface SkippedFinding {
  readonly kind: 'skipped';
  readonly finding: Finding;
  readonly reason: string;
  readonly step?: TransformStep;
}

export type AppliedFinding = (FindingOutcome | SkippedFinding) & {
  readonly seconds: number;
  /** The commit made for a changed finding (when committing). */
  readonly commit?: string;
  readonly verify?: VerifyResult;
};

/** Why a run stopped without blaming a finding. */
export type Halt = 'baseline' | 'quit';

export interface ApplyReport {
  readonly results: readonly AppliedFinding[];
  /** The branch HEAD is on at the end. */
  readonly branch: string | undefined;
  /** The finding the run stopped at, when it did not finish. */
  readonly stoppedAt: string | undefined;
  readonly interrupted: NodeJS.Signals | undefined;
  /** Findings never attempted because the run stopped. */
  readonly notRun: readonly string[];
  /** What an interrupted earlier run left behind and this one finished or cleared. */
  readonly resumed: Resumed | undefined;
  /** The baseline check, when it ran. */
  readonly baseline: Baseline | undefined;
  /** `baseline`: the verify command failed before any change; `quit`: the reviewer quit. */
  readonly halted: Halt | undefined;
  /** The branch existed and already held every finding that applies: nothing ran. */
  readonly upToDate: boolean;
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
    if (opts.branch) await checkBranchName(repo, opts.branch);
    const exists = !!opts.branch && (await repo.branchExists(opts.branch));
    if (opts.branch && exists && !opts.resume) {
      const outcomes = await surveyBranch(session, repo, opts.branch, findings, opts);
      return upToDateReport(opts, opts.branch, outcomes, watch);
    }
    let dirty = removeDeadTempFiles(repo, await repo.dirtyFiles());
    // A killed run's leftover is on the branch it worked on: only there is it looked for.
    const switching = !!opts.branch && (await repo.currentBranch()) !== opts.branch;
    if (!opts.resume || switching) refuseDirty(dirty, opts);
    if (opts.branch && exists) await enterBranch(repo, opts.branch);
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
    const branch = await repo.currentBranch();
    return { ...run, branch, interrupted: watch.received, resumed, upToDate: false };
  } finally {
    watch.dispose();
    lock.release();
  }
}

/** The report of a re-run on a branch that already holds everything: each finding as it stands there. */
function upToDateReport(
  opts: ApplyOptions,
  branch: string,
  outcomes: readonly FindingOutcome[],
  watch: InterruptWatch,
): ApplyReport {
  const results = outcomes.map((o) => ({ ...o, seconds: 0 }));
  results.forEach((r, i) => {
    opts.onFinding?.(r, i, results.length);
  });
  return {
    results,
    branch,
    stoppedAt: undefined,
    interrupted: watch.received,
    notRun: [],
    resumed: undefined,
    baseline: undefined,
    halted: undefined,
    upToDate: true,
  };
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

interface RunState {
  readonly applied: Map<string, string>;
  readonly selected: ReadonlySet<string>;
  readonly failedIds: Set<string>;
  readonly skippedIds: Set<string>;
  readonly dirtyPaths: ReadonlySet<string>;
  readonly watch: InterruptWatch;
  /** Set once the baseline check has run (it runs before the first write only). */
  baselineCheck: Baseline | undefined;
  /** Set once HEAD is on the run's branch. */
  onBranch: boolean;
}

type RunOptions = ApplyOptions & {
  watch: InterruptWatch;
  applied: Map<string, string>;
  dirty: readonly DirtyFile[];
};

type RunPart = Pick<ApplyReport, 'results' | 'stoppedAt' | 'notRun' | 'baseline' | 'halted'>;

async function runAll(
  session: Session,
  repo: GitRepo,
  findings: readonly Finding[],
  opts: RunOptions,
): Promise<RunPart> {
  const state: RunState = {
    applied: opts.applied,
    selected: new Set(findings.map((f) => f.id)),
    failedIds: new Set<string>(),
    skippedIds: new Set<string>(),
    dirtyPaths: new Set(opts.dirty.map((d) => d.path)),
    watch: opts.watch,
    baselineCheck: undefined,
    onBranch: !opts.branch,
  };
  const results: AppliedFinding[] = [];
  let stoppedAt: string | undefined;
  let halted: Halt | undefined;
  for (const [index, finding] of findings.entries()) {
    if (opts.watch.interrupted) {
      stoppedAt = finding.id;
      break;
    }
    opts.onStart?.(finding, index, findings.length);
    const started = Date.now();
    const step = await applyOne(session, repo, finding, { ...opts, state, index });
    if ('halt' in step) {
      // An interrupt (during the baseline, or Ctrl-C at the prompt) is reported as one.
      if (!opts.watch.interrupted) halted = step.halt;
      break;
    }
    const { stopRun, ...outcome } = step as LandedFinding;
    const report = { ...outcome, seconds: (Date.now() - started) / 1000 } as AppliedFinding;
    results.push(report);
    opts.onFinding?.(report, index, findings.length);
    if (report.kind === 'changed' && report.commit) state.applied.set(finding.id, report.commit);
    if (report.kind === 'skipped') state.skippedIds.add(finding.id);
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
  return { results, stoppedAt, notRun, baseline: state.baselineCheck, halted };
}

type OneOptions = RunOptions & { readonly state: RunState; readonly index: number };

/** Why a finding is not to be run now, or undefined when it is. */
function skipReason(
  session: Session,
  finding: Finding,
  opts: OneOptions,
): FindingOutcome | SkippedFinding | undefined {
  const { state } = opts;
  const previous = state.applied.get(finding.id);
  if (previous) return { kind: 'already-applied', finding, commit: previous };
  if (finding.status === 'resolved') return { kind: 'resolved-in-doc', finding };
  const skippedDeps = finding.dependsOn.filter((d) => state.skippedIds.has(d));
  if (skippedDeps.length > 0)
    return {
      kind: 'skipped',
      finding,
      reason: `depends on ${skippedDeps.join(', ')}, which was skipped`,
    };
  const blockedBy = finding.dependsOn.filter((d) => state.failedIds.has(d));
  if (blockedBy.length > 0)
    return {
      kind: 'blocked',
      finding,
      reason: `depends on ${blockedBy.join(', ')}, which did not apply`,
    };
  if (opts.ignoreDeps) return undefined;
  const done = new Set(state.applied.keys());
  const unmet = unmetDependencies(finding.id, session.byId, state.selected, done);
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
  opts: OneOptions,
): Promise<LandedFinding | SkippedFinding | { readonly halt: Halt }> {
  const skip = skipReason(session, finding, opts);
  if (skip) return skip;
  const outcome = await executeFinding(await session.plan(finding), new DiskStore(repo.root), opts);
  if (outcome.kind !== 'changed') return outcome;
  const dirtyTouched = outcome.files.map((f) => f.path).filter((p) => opts.state.dirtyPaths.has(p));
  if (dirtyTouched.length > 0) {
    return {
      kind: 'failed',
      finding,
      step: outcome.step,
      reason: `would touch files with uncommitted changes: ${dirtyTouched.join(', ')}`,
      hint: 'commit or stash those files first',
    };
  }
  if (!(await baselineHolds(repo, opts))) return { halt: 'baseline' };
  const decision = opts.decide
    ? await opts.decide(outcome, opts.index, opts.state.selected.size)
    : 'accept';
  if (decision === 'interrupt') opts.watch.raise('SIGINT');
  if (decision === 'quit' || decision === 'interrupt') return { halt: 'quit' };
  if (decision === 'skip')
    return { kind: 'skipped', finding, step: outcome.step, reason: 'by the reviewer' };
  if (!opts.state.onBranch && opts.branch) {
    await enterBranch(repo, opts.branch);
    opts.state.onBranch = true;
  }
  return landFinding(session, repo, outcome, opts);
}

/** Run the baseline check once, before the first write; false when it did not pass. */
async function baselineHolds(repo: GitRepo, opts: OneOptions): Promise<boolean> {
  if (!opts.verify || !opts.baseline) return true;
  if (!opts.state.baselineCheck) {
    opts.onBaseline?.(opts.verify);
    opts.state.baselineCheck = await verifyBaseline(repo, opts.verify, opts);
  }
  return baselinePassed(opts.state.baselineCheck);
}
