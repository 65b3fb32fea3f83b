/**
 * `remedy apply [ID...] [--phase P] [--branch B]`: apply findings in dependency order,
 * one commit each (trailer `Remedy-Finding: <ID>`), with a progress line per finding
 * and a summary that says what failed, why, and how to continue.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { InputError, UsageError } from '../../core/errors.js';
import type { ApplyReport } from '../../workflow/apply.js';
import { DEFAULT_VERIFY_TIMEOUT } from '../../workflow/verify.js';
import { printFinding, printJsonReport, printSummary, resumedLine } from '../apply-text.js';
import type { GlobalArgs } from '../context.js';
import { setExitCode } from '../exit.js';
import { checkInteractive, interactiveReview } from '../interactive.js';
import { err, paint } from '../output.js';
import { type ApplyCommandArgs, applyCommandLine } from '../resume-hint.js';
import {
  executeOptions,
  openCliSession,
  type SelectionArgs,
  withSelection,
} from '../workflow-args.js';

type Args = SelectionArgs &
  ApplyCommandArgs & {
    continue?: boolean;
  };

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

function exitCodeOf(report: ApplyReport): number {
  if (report.interrupted) return 130;
  const failed = report.results.some((r) => r.kind === 'failed' || r.kind === 'blocked');
  return failed || report.halted === 'baseline' ? 1 : 0;
}

export const applyCommand: CommandModule<GlobalArgs, Args> = {
  command: 'apply [ids...]',
  describe: 'apply findings: rewrite, format, verify and commit one finding at a time',
  builder: (y: Argv<GlobalArgs>) =>
    withSelection(y)
      .option('branch', {
        type: 'string',
        describe:
          'work on this branch, created from HEAD when the first finding is written (with --phase, default remedy/<phase-id>)',
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
      .option('baseline', {
        type: 'boolean',
        default: true,
        describe:
          'run the verify command once before the first change, so a red baseline blames no finding (--no-baseline skips it)',
      })
      .option('interactive', {
        alias: 'i',
        type: 'boolean',
        default: false,
        describe: "show each finding's diff and ask: apply, skip or quit (needs a terminal)",
      })
      .example('$0 apply B-SEC-01', 'rewrite, format, verify and commit one finding')
      .example(
        '$0 apply --phase 2 --verify "python3 -m pytest -q"',
        'a phase on branch remedy/<phase>',
      )
      .example(
        '$0 apply --phase 2 --interactive',
        "review each finding's diff before it is applied",
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
    if (args.interactive) checkInteractive(!!args.json);
    const { session, ctx } = await openCliSession(args);
    const { selectFindings } = await import('../../workflow/session.js');
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
    const timeout = verifyTimeout(args, ctx.config.verifyTimeout, DEFAULT_VERIFY_TIMEOUT);
    if (!args.json && selection.phase)
      err(
        `${paint('bold', selection.phase.id)}: ${selection.phase.title} — ${selection.findings.length} finding(s)${branch ? ` on branch ${branch}` : ''}`,
      );
    const report = await runApply(args, {
      ...executeOptions(args, ctx.config),
      session,
      repo,
      findings: selection.findings,
      verify: args.verify ?? ctx.config.verify,
      verifyTimeout: timeout,
      ...(branch ? { branch } : {}),
    });
    if (args.json) printJsonReport(report);
    else printSummary({ args, branch, verifyTimeout: timeout }, report);
    setExitCode(exitCodeOf(report));
  },
};

type RunInput = Pick<
  import('../../workflow/apply.js').ApplyOptions,
  'config' | 'format' | 'guard' | 'allowUnsafe' | 'verify' | 'verifyTimeout' | 'branch'
> & {
  readonly session: import('../../workflow/session.js').Session;
  readonly repo: import('../../git/repo.js').GitRepo;
  readonly findings: readonly import('../../findings/types.js').Finding[];
};

/** Apply with the flags of the command line; an incomplete existing branch names `--continue`. */
async function runApply(args: Args, input: RunInput): Promise<ApplyReport> {
  const { applyFindings } = await import('../../workflow/apply.js');
  const { BranchIncompleteError } = await import('../../workflow/branch.js');
  const { session, repo, findings, ...options } = input;
  const quiet = !!args.json;
  try {
    return await applyFindings(session, repo, findings, {
      ...options,
      commit: args.commit !== false,
      hooks: args.verifyHooks !== false,
      keepGoing: !!args.keepGoing,
      ignoreDeps: !!args.ignoreDeps,
      allowDirty: !!args.allowDirty,
      resume: !!args.continue,
      baseline: args.baseline !== false,
      ...(args.interactive ? { decide: interactiveReview() } : {}),
      onResumed: (r) => {
        if (!quiet) err(paint('yellow', resumedLine(r)));
      },
      onBaseline: (command) => {
        if (!quiet) err(`verifying the baseline: ${command}`);
      },
      onFinding: (r, i, n) => {
        if (!quiet) printFinding(r, i, n, { review: !!args.interactive });
      },
    });
  } catch (error) {
    if (!(error instanceof BranchIncompleteError)) throw error;
    throw new InputError(error.message, {
      hint: `to resume on that branch, run: ${applyCommandLine(args, error.missing, true)}`,
    });
  }
}
