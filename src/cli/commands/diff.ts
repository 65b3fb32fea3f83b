/**
 * `remedy diff [ID...] [--phase P]`: the exact diff `apply` would commit (formatted),
 * one section per finding in order, later findings seeing earlier ones. Writes nothing.
 * Each section with changes starts with a `# <ID> <title> [<transform>]: <status>` line
 * on stdout, with the diff, so `remedy diff --phase 2 > phase.patch` keeps which hunk belongs to
 * which finding; `git apply` ignores the text before each `diff --git`.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { diffStat, unifiedDiff } from '../../engine/diff.js';
import type { FindingOutcome } from '../../workflow/execute.js';
import type { GlobalArgs } from '../context.js';
import { setExitCode } from '../exit.js';
import {
  outcomeJson,
  outcomeLabel,
  outcomeStatus,
  printOutcomeDetail,
  transformOf,
} from '../outcome-text.js';
import { err, out, paint, printJson } from '../output.js';
import { colorDiff, printStat } from '../report.js';
import { dryRunSelection, type SelectionArgs, withSelection } from '../workflow-args.js';

/**
 * The line that opens a finding's section: `# Q-01 Title [transform]: 1 file(s)` on
 * stdout before its diff; for a finding without changes, on stderr without the `#`
 * (so a diff with no changes prints nothing on stdout, as git diff).
 */
function printHeader(o: FindingOutcome): void {
  const label = outcomeLabel(o).replace(/\n/g, ' ');
  const stream = o.kind === 'changed' ? process.stdout : process.stderr;
  const header = `${paint('bold', o.finding.id, stream)} ${o.finding.title} ${paint('dim', `[${transformOf(o)}]`, stream)}: ${label}`;
  if (o.kind === 'changed') out(`# ${header}`);
  else err(header);
}

interface Args extends SelectionArgs {
  stat?: boolean;
  exitCode?: boolean;
}

export const diffCommand: CommandModule<GlobalArgs, Args> = {
  command: 'diff [ids...]',
  describe: 'show the diff apply would make, without writing anything',
  builder: (y: Argv<GlobalArgs>) =>
    withSelection(y)
      .option('stat', { type: 'boolean', default: false, describe: 'print a diffstat per finding' })
      .option('exit-code', {
        type: 'boolean',
        default: false,
        describe: 'exit 1 when there are changes (like git diff --exit-code)',
      })
      .example('$0 diff B-QUAL-03', 'the exact diff apply would commit')
      .example('$0 diff --phase 2 --stat', 'a diffstat per finding of a phase')
      .example('$0 diff --phase 2 > phase-2.patch', 'a patch for git apply') as Argv<Args>,
  handler: async (args: ArgumentsCamelCase<Args>) => {
    const { outcomes } = await dryRunSelection(args);
    const changed = outcomes.some((o) => o.kind === 'changed');
    if (args.json) {
      printJson({
        findings: outcomes.map((o) => ({
          id: o.finding.id,
          title: o.finding.title,
          status: outcomeStatus(o),
          transform: transformOf(o),
          ...outcomeJson(o),
          files:
            o.kind === 'changed'
              ? o.files.map((f) => ({
                  path: f.path,
                  created: f.created,
                  ...(f.deleted ? { deleted: true } : {}),
                  stat: diffStat(f),
                  diff: unifiedDiff(f),
                }))
              : [],
        })),
      });
    } else {
      for (const o of outcomes) {
        printHeader(o);
        if (o.kind === 'changed') {
          if (args.stat) printStat(o.files);
          else for (const f of o.files) process.stdout.write(colorDiff(unifiedDiff(f)));
        }
        printOutcomeDetail(o);
      }
      if (outcomes.length === 0) out('no findings selected');
    }
    const failed = outcomes.some((o) => o.kind === 'failed');
    setExitCode(failed || (args.exitCode && changed) ? 1 : 0);
  },
};
