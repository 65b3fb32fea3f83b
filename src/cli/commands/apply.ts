/**
 * `remedy apply [ID...] [--phase P] [--branch B]`: apply findings in dependency order,
 * one commit each (trailer `Remedy-Finding: <ID>`), with a progress line per finding
 * and a summary that says what failed, why, and how to continue.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UsageError } from '../../core/errors.js';
import type { AppliedFinding, ApplyReport } from '../../workflow/apply.js';
import type { Resumed } from '../../workflow/leftovers.js';
import { DEFAULT_VERIFY_TIMEOUT } from '../../workflow/verify.js';
import type { GlobalArgs } from '../context.js';
import { setExitCode } from '../exit.js';
import { outcomeJson, outcomeLabel, printOutcomeDetail, transformOf } from '../outcome-text.js';
import { err, out, paint, printJson } from '../output.js';
import {
  executeOptions,
  openCliSession,
  type SelectionArgs,
  withSelection,
} from '../workflow-args.js';

interface Args extends SelectionArgs {
  branch?: string;
  commit?: boolean;
  verify?: string;
  keepGoing?: boolean;
  allowDirty?: boolean;
  ignoreDeps?: boolean;
  continue?: boolean;
  verifyTimeout?: number;
  verifyHooks?: boolean;
}

function progressLine(r: AppliedFinding, index: number, total: number): string {
  const commit = r.kind === 'changed' && r.commit ? paint('cyan', ` ${r.commit.slice(0, 10)}`) : '';
  const what =
    r.kind === 'changed' ? (r.commit ? 'committed' : 'applied (not committed)') : outcomeLabel(r);
  return `[${index + 1}/${total}] ${paint('bold', r.finding.id)} ${paint('dim', transformOf(r))} ${r.kind === 'changed' ? paint('green', what) : what}${commit} ${paint('dim', `(${r.seconds.toFixed(1)}s)`)}`;
}

/** The command that resumes the run: the same IDs (or phase), on the same branch. */
function continueHint(args: Args, report: ApplyReport): string {
  const ids = report.stoppedAt ? [report.stoppedAt, ...report.notRun] : args.ids;
  const target = args.phase ? `--phase ${args.phase}` : ids.join(' ');
  const onBranch = report.branch && (args.phase || args.branch);
  const branch = onBranch ? ` --branch ${report.branch} --continue` : '';
  return `fix the cause (or map the finding as manual in remedy.config.json), then run: remedy apply ${target}${branch}`.trim();
}

function verifyTimeout(args: Args, configured: number | undefined, fallback: number): number {
  const seconds = args.verifyTimeout ?? configured ?? fallback;
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(
      `--verify-timeout must be a number of seconds >= 0, not "${args.verifyTimeout}"`,
      {
        hint: 'e.g. --verify-timeout 600; 0 means no limit',
      },
    );
  return seconds;
}

function resumedLine(r: Resumed): string {
  if (r.action === 'restored')
    return `${r.finding.id} was left half-applied by an interrupted run: its files were restored, applying it again`;
  const landed = r.landed;
  return landed?.kind === 'changed' && landed.commit
    ? `${r.finding.id} was left staged by an interrupted run: committed ${landed.commit.slice(0, 10)}`
    : `${r.finding.id} was left staged by an interrupted run; committing it failed: ${landed && 'reason' in landed ? landed.reason : ''}`;
}

/** The lines for one finding as it completes: progress, notes, and why it failed. */
function printFinding(r: AppliedFinding, index: number, total: number): void {
  err(progressLine(r, index, total));
  printOutcomeDetail(r);
  if (r.kind !== 'failed') return;
  if (r.verify)
    err(
      r.verify.tail
        .split('\n')
        .map((l) => `  | ${l}`)
        .join('\n'),
    );
}

function printJsonReport(report: ApplyReport): void {
  printJson({
    branch: report.branch ?? null,
    stoppedAt: report.stoppedAt ?? null,
    interrupted: report.interrupted ?? null,
    notRun: report.notRun,
    resumed: report.resumed
      ? { id: report.resumed.finding.id, action: report.resumed.action }
      : null,
    findings: report.results.map((r) => ({
      id: r.finding.id,
      status: r.kind,
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

/** Counts, why the run stopped and how to continue, and the branch. */
function printSummary(args: Args, report: ApplyReport, failed: number): void {
  const count = (k: AppliedFinding['kind']) => report.results.filter((r) => r.kind === k).length;
  err(
    `applied ${count('changed')}, no-op ${count('no-op') + count('already-applied')}, manual ${count('manual')}, resolved ${count('resolved-in-doc')}, failed ${failed}${report.notRun.length ? `, not run ${report.notRun.length}` : ''}`,
  );
  if (report.interrupted)
    err(
      paint(
        'yellow',
        `interrupted by ${report.interrupted}: stopped at a safe point; the working tree holds the last completed finding`,
      ),
    );
  if (report.stoppedAt) {
    const at = report.results.find((r) => r.finding.id === report.stoppedAt);
    if (at && 'reason' in at) err(paint('red', `stopped at ${report.stoppedAt}: ${at.reason}`));
    err(continueHint(args, report));
  }
  if (report.branch && args.commit !== false && report.results.some((r) => r.kind === 'changed'))
    out(`branch ${report.branch}`);
}

export const applyCommand: CommandModule<GlobalArgs, Args> = {
  command: 'apply [ids...]',
  describe: 'apply findings: rewrite, format, verify and commit one finding at a time',
  builder: (y: Argv<GlobalArgs>) =>
    withSelection(y)
      .option('branch', {
        type: 'string',
        describe: 'create this branch from HEAD first (with --phase, default remedy/<phase-id>)',
      })
      .option('commit', {
        type: 'boolean',
        default: true,
        describe: 'commit each finding (--no-commit leaves the changes in the working tree)',
      })
      .option('verify', {
        type: 'string',
        describe: 'command that must pass after each finding (default: config "verify")',
      })
      .option('keep-going', {
        type: 'boolean',
        default: false,
        describe: 'skip a failed finding instead of stopping',
      })
      .option('allow-dirty', {
        type: 'boolean',
        default: false,
        describe: 'allow uncommitted changes in files no finding touches',
      })
      .option('ignore-deps', {
        type: 'boolean',
        default: false,
        describe: 'do not require dependencies to be applied first',
      })
      .option('continue', {
        type: 'boolean',
        default: false,
        describe:
          'resume on an existing --branch; finish (commit) or redo a finding an interrupted run left behind',
      })
      .option('verify-timeout', {
        type: 'number',
        describe: `seconds the verify command may run, 0 for no limit (default: config "verifyTimeout", else ${DEFAULT_VERIFY_TIMEOUT})`,
      })
      .option('verify-hooks', {
        type: 'boolean',
        default: true,
        describe:
          'run git hooks (pre-commit, commit-msg) on each commit; --no-verify-hooks skips them',
      })
      .example('$0 apply B-SEC-01', 'rewrite, format, verify and commit one finding')
      .example(
        '$0 apply --phase 2 --verify "python3 -m pytest -q"',
        'a phase on branch remedy/<phase>',
      )
      .example(
        '$0 apply --phase 2 --branch fix/phase-2 --continue',
        'resume a phase that stopped',
      ) as Argv<Args>,
  handler: async (args: ArgumentsCamelCase<Args>) => {
    if (args.ids.length === 0 && !args.phase)
      throw new UsageError('name the findings to apply, or a --phase', {
        hint: 'e.g. remedy apply B-SEC-01, or remedy apply --phase 1',
      });
    const { session, ctx } = await openCliSession(args);
    const { selectFindings } = await import('../../workflow/session.js');
    const { applyFindings } = await import('../../workflow/apply.js');
    const { GitRepo } = await import('../../git/repo.js');
    const selection = selectFindings(session, args.ids, args.phase, {
      ignoreDeps: !!args.ignoreDeps,
    });
    const repo = await GitRepo.open(ctx.root);
    if (repo.root !== ctx.root)
      throw new UsageError(`--repo ${ctx.root} is not the top level of its git repository`, {
        hint: `apply works at the top level: pass --repo ${repo.root}, or leave --repo out`,
      });
    const branch =
      args.branch ??
      (selection.phase && args.commit !== false ? `remedy/${selection.phase.id}` : undefined);
    const verify = args.verify ?? ctx.config.verify;
    if (!args.json && selection.phase)
      err(
        `${paint('bold', selection.phase.id)}: ${selection.phase.title} — ${selection.findings.length} finding(s)${branch ? ` on branch ${branch}` : ''}`,
      );
    const report = await applyFindings(session, repo, selection.findings, {
      ...executeOptions(args, ctx.config),
      commit: args.commit !== false,
      verify,
      verifyTimeout: verifyTimeout(args, ctx.config.verifyTimeout, DEFAULT_VERIFY_TIMEOUT),
      hooks: args.verifyHooks !== false,
      keepGoing: !!args.keepGoing,
      ignoreDeps: !!args.ignoreDeps,
      allowDirty: !!args.allowDirty,
      ...(branch ? { branch } : {}),
      resume: !!args.continue,
      onResumed: (r) => {
        if (!args.json) err(paint('yellow', resumedLine(r)));
      },
      onFinding: (r, i, n) => {
        if (!args.json) printFinding(r, i, n);
      },
    });
    const failed = report.results.filter((r) => r.kind === 'failed' || r.kind === 'blocked');
    if (args.json) printJsonReport(report);
    else printSummary(args, report, failed.length);
    setExitCode(report.interrupted ? 130 : failed.length > 0 ? 1 : 0);
  },
};
