/**
 * `remedy report [ID...] [--phase P] [--html F] [--md F] [--json]`: what a branch did
 * with its findings — status, commit, diffstat, verify, notes, manual next steps —
 * as a summary on stdout, a self-contained HTML page, a pull-request Markdown body,
 * or JSON (`"version": 1`, see docs/json.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { InputError } from '../../core/errors.js';
import type { Report, ReportStatus } from '../../report/model.js';
import type { GlobalArgs } from '../context.js';
import { err, out, paint, printJson, table } from '../output.js';
import { StatusLine } from '../progress.js';
import {
  executeOptions,
  openCliSession,
  type SelectionArgs,
  withSelection,
} from '../workflow-args.js';

interface Args extends SelectionArgs {
  html?: string;
  md?: string;
  replay?: boolean;
}

const STATUS_STYLE: Record<ReportStatus, Parameters<typeof paint>[0]> = {
  applied: 'green',
  partial: 'cyan',
  pending: 'blue',
  manual: 'yellow',
  'no-op': 'dim',
  refused: 'red',
  failed: 'red',
  resolved: 'dim',
};

/** Write a report file (relative to the current directory); returns its absolute path. */
function writeOutput(file: string, text: string): string {
  const abs = path.resolve(file);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  } catch (cause) {
    throw new InputError(`cannot write ${abs}: ${(cause as Error).message}`, {
      hint: 'choose a writable path for --html / --md',
      cause,
    });
  }
  return abs;
}

function printSummary(report: Report): void {
  out(`${paint('bold', report.title)}${report.branch ? ` on ${report.branch}` : ''}`);
  const rows = report.findings.map((f) => [
    paint('bold', f.id),
    paint(STATUS_STYLE[f.status], f.status),
    f.transform ?? '-',
    f.commit ? f.commit.hash.slice(0, 10) : '-',
    f.diffstat.length ? `${f.diffstat.length} file(s)` : '-',
    f.verify
      ? f.verify.passed
        ? 'passed'
        : 'failed'
      : f.status === 'applied'
        ? 'not recorded'
        : '-',
    String(f.diagnostics.length),
  ]);
  for (const line of table([
    ['ID', 'STATUS', 'TRANSFORM', 'COMMIT', 'FILES', 'VERIFY', 'NOTES'],
    ...rows,
  ]))
    out(line);
  const counts = Object.entries(report.counts).filter(([, n]) => n > 0);
  out(
    `\n${report.findings.length} finding(s): ${counts.map(([s, n]) => `${n} ${s}`).join(', ') || 'none'}`,
  );
}

export const reportCommand: CommandModule<GlobalArgs, Args> = {
  command: 'report [ids...]',
  describe: 'review what the branch applied: status, commits, verify, notes, next steps',
  builder: (y: Argv<GlobalArgs>) =>
    withSelection(y)
      .option('html', { type: 'string', describe: 'write a self-contained HTML page to FILE' })
      .option('md', { type: 'string', describe: 'write Markdown for a pull request body to FILE' })
      .option('replay', {
        type: 'boolean',
        default: true,
        describe:
          're-run applied findings at their parent commit for their notes (--no-replay to skip)',
      })
      .example(
        '$0 report --phase 2 --html report.html --md pr.md',
        'review phase 2, then open a PR',
      )
      .example('gh pr create --body-file pr.md', 'use the Markdown as the pull request body')
      .example('$0 report B-SEC-01 --json', 'one finding, for scripts') as Argv<Args>,
  handler: async (args: ArgumentsCamelCase<Args>) => {
    const { session, ctx } = await openCliSession(args);
    const { selectFindings } = await import('../../workflow/session.js');
    const { buildReport } = await import('../../report/build.js');
    const selection = selectFindings(session, args.ids, args.phase);
    const status = new StatusLine(process.stderr.isTTY === true && !args.json);
    const report = await buildReport(session, selection, args.ids, {
      ...executeOptions(args, ctx.config),
      replay: args.replay !== false,
      onReplay: (id, i, n) => status.show(`replaying ${id} (${i + 1}/${n})`),
    });
    status.clear();
    if (args.html) {
      const { renderHtml } = await import('../../report/html.js');
      err(`wrote the HTML report to ${writeOutput(args.html, renderHtml(report))}`);
    }
    if (args.md) {
      const { renderMarkdown } = await import('../../report/markdown.js');
      err(`wrote the Markdown report to ${writeOutput(args.md, renderMarkdown(report))}`);
    }
    if (args.json) printJson({ ...report });
    else printSummary(report);
  },
};
