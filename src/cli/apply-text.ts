/**
 * What `remedy apply` prints: a progress line per finding (with its notes and why it
 * failed), the summary — counts, why the run stopped and the exact command that goes
 * on from there — or one JSON document with `--json`.
 */
import type { AppliedFinding, ApplyReport } from '../workflow/apply.js';
import type { Baseline } from '../workflow/baseline.js';
import type { Resumed } from '../workflow/leftovers.js';
import type { VerifyResult } from '../workflow/verify.js';
import {
  outcomeJson,
  outcomeLabel,
  outcomeStatus,
  partialNote,
  printOutcomeDetail,
  transformOf,
} from './outcome-text.js';
import { err, out, paint, printJson } from './output.js';
import { type ApplyCommandArgs, applyCommandLine } from './resume-hint.js';

function progressLine(r: AppliedFinding, index: number, total: number): string {
  const commit = r.kind === 'changed' && r.commit ? paint('cyan', ` ${r.commit.slice(0, 10)}`) : '';
  const what =
    r.kind === 'changed' ? (r.commit ? 'committed' : 'applied (not committed)') : outcomeLabel(r);
  return `[${index + 1}/${total}] ${paint('bold', r.finding.id)} ${paint('dim', transformOf(r))} ${r.kind === 'changed' ? paint('green', what) + partialNote(r) : what}${commit} ${paint('dim', `(${r.seconds.toFixed(1)}s)`)}`;
}

/** The last lines of a verify command's output, indented under the line they explain. */
function printTail(verify: VerifyResult): void {
  const tail = verify.tail.trim();
  if (tail)
    err(
      tail
        .split('\n')
        .map((l) => `  | ${l}`)
        .join('\n'),
    );
}

/**
 * The lines for one finding as it completes: progress, notes (unless the review
 * showed them already), and why it failed.
 */
export function printFinding(
  r: AppliedFinding,
  index: number,
  total: number,
  opts: { readonly review: boolean },
): void {
  err(progressLine(r, index, total));
  if (!(opts.review && (r.kind === 'changed' || r.kind === 'skipped'))) printOutcomeDetail(r);
  if (r.kind === 'failed' && r.verify) printTail(r.verify);
}

export function resumedLine(r: Resumed): string {
  if (r.action === 'restored')
    return `${r.finding.id} was left half-applied by an interrupted run: its files were restored, applying it again`;
  const landed = r.landed;
  return landed?.kind === 'changed' && landed.commit
    ? `${r.finding.id} was left staged by an interrupted run: committed ${landed.commit.slice(0, 10)}`
    : `${r.finding.id} was left staged by an interrupted run; committing it failed: ${landed && 'reason' in landed ? landed.reason : ''}`;
}

function baselineJson(b: Baseline) {
  const { ok, code, tail, seconds, timedOut } = b.result;
  return { command: b.command, ok, code, timedOut, seconds, tail, stray: b.stray };
}

export function printJsonReport(report: ApplyReport): void {
  printJson({
    branch: report.branch ?? null,
    upToDate: report.upToDate,
    halted: report.halted ?? null,
    baseline: report.baseline ? baselineJson(report.baseline) : null,
    stoppedAt: report.stoppedAt ?? null,
    interrupted: report.interrupted ?? null,
    notRun: report.notRun,
    resumed: report.resumed
      ? { id: report.resumed.finding.id, action: report.resumed.action }
      : null,
    findings: report.results.map((r) => ({
      id: r.finding.id,
      status: outcomeStatus(r),
      transform: transformOf(r),
      seconds: r.seconds,
      ...(r.kind === 'changed'
        ? { commit: r.commit ?? null, files: r.files.map((f) => f.path) }
        : {}),
      ...outcomeJson(r),
      ...(r.verify
        ? { verify: { ok: r.verify.ok, code: r.verify.code, tail: r.verify.tail } }
        : {}),
    })),
  });
}

/** The IDs a resumed run still has to do: failed, blocked, skipped, then not run. */
function idsLeft(report: ApplyReport): string[] {
  const left = report.results
    .filter((r) => r.kind === 'failed' || r.kind === 'blocked' || r.kind === 'skipped')
    .map((r) => r.finding.id);
  return [...left, ...report.notRun];
}

/** `<why>, then run: remedy apply ...` — the command repeats the user's options. */
function nextCommand(args: ApplyCommandArgs, report: ApplyReport, branch: string | undefined) {
  const onBranch = branch !== undefined && report.branch === branch;
  return applyCommandLine(args, idsLeft(report), onBranch);
}

function baselineFailure(b: Baseline, timeout: number): string {
  if (b.stray.length > 0)
    return `the verify command changed files when run before any change (${b.stray.join(', ')}); they are left for you to review`;
  if (b.result.timedOut)
    return `the tests time out before any change (after ${timeout} s): ${b.command}`;
  return `the tests fail before any change: ${b.command} (exit ${b.result.code ?? b.result.signal})`;
}

export interface SummaryContext {
  readonly args: ApplyCommandArgs;
  /** The branch the run works on (`--branch`, or the phase's), if any. */
  readonly branch: string | undefined;
  readonly verifyTimeout: number;
}

/** Why the run stopped (if it did) and the exact command that goes on. */
function printStop(ctx: SummaryContext, report: ApplyReport): void {
  const next = nextCommand(ctx.args, report, ctx.branch);
  if (report.interrupted) {
    err(
      paint(
        'yellow',
        `interrupted by ${report.interrupted}: stopped at a safe point; the working tree holds the last completed finding`,
      ),
    );
    err(`to resume, run: ${next}`);
  } else if (report.halted === 'baseline' && report.baseline) {
    err(paint('red', baselineFailure(report.baseline, ctx.verifyTimeout)));
    printTail(report.baseline.result);
    err('no finding was applied; nothing was changed');
    err(`fix the tests or the verify command, then run: ${next} (--no-baseline skips this check)`);
  } else if (report.halted === 'quit') {
    err(`quit: ${report.notRun.length} finding(s) not reviewed`);
    err(`to review the rest later, run: ${next}`);
  } else if (report.stoppedAt) {
    const at = report.results.find((r) => r.finding.id === report.stoppedAt);
    if (at && 'reason' in at) err(paint('red', `stopped at ${report.stoppedAt}: ${at.reason}`));
    err(
      `fix the cause (or map ${report.stoppedAt} as manual in remedy.config.json), then run: ${next}`,
    );
  } else if (report.results.some((r) => r.kind === 'failed' || r.kind === 'blocked')) {
    err(`once the cause is fixed, retry the failed findings with: ${next}`);
  }
}

/** Counts, the skipped findings, why the run stopped and how to go on, and the branch. */
export function printSummary(ctx: SummaryContext, report: ApplyReport): void {
  const count = (...kinds: AppliedFinding['kind'][]) =>
    report.results.filter((r) => kinds.includes(r.kind)).length;
  const skipped = report.results.filter((r) => r.kind === 'skipped');
  const parts = [
    `applied ${count('changed')}`,
    `no-op ${count('no-op', 'already-applied')}`,
    `manual ${count('manual')}`,
    `resolved ${count('resolved-in-doc')}`,
    ...(skipped.length ? [`skipped ${skipped.length}`] : []),
    `failed ${count('failed', 'blocked')}`,
    ...(report.notRun.length ? [`not run ${report.notRun.length}`] : []),
  ];
  err(parts.join(', '));
  if (skipped.length) err(`skipped: ${skipped.map((r) => r.finding.id).join(', ')}`);
  printStop(ctx, report);
  const changed = count('changed') > 0;
  if (report.upToDate) {
    err(
      `nothing to apply: branch ${ctx.branch} already holds every finding of this selection that applies`,
    );
  } else if (ctx.branch && !changed && report.branch !== ctx.branch) {
    err(`branch ${ctx.branch} was not created: nothing was applied`);
  }
  if (report.branch && ctx.args.commit !== false && changed) out(`branch ${report.branch}`);
}
