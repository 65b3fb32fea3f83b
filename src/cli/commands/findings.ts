/** `remedy findings [doc...] [--json]`: the findings and phases read from audit documents. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { readFindings } from '../../findings/read.js';
import type { Finding, FindingsSet, Severity } from '../../findings/types.js';
import { cliContext, type GlobalArgs, withDocOption, withRepoOptions } from '../context.js';
import { err, out, paint, printJson, table } from '../output.js';

interface Args extends GlobalArgs {
  docs: string[];
  json?: boolean;
  explain?: boolean;
}

const TITLE_WIDTH = 72;

export const SEVERITY_STYLE: Record<Severity, Parameters<typeof paint>[0]> = {
  critical: 'red',
  high: 'red',
  medium: 'yellow',
  low: 'dim',
};

export const findingsCommand: CommandModule<GlobalArgs, Args> = {
  command: 'findings [docs...]',
  describe: 'list the findings and phases of audit documents',
  builder: (y: Argv<GlobalArgs>) =>
    withDocOption(withRepoOptions(y))
      .positional('docs', {
        type: 'string',
        array: true,
        default: [],
        describe: 'audit documents (default: --doc, then config "docs")',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print JSON (see docs/json.md)',
      })
      .option('explain', {
        type: 'boolean',
        default: false,
        describe:
          'show how each document was read: the structure of each finding, skipped sections and why',
      })
      .example('$0 findings docs/AUDIT.md', 'the findings and phases of a document')
      .example('$0 findings --doc docs/audits/', 'every document of a folder, with a DOC column')
      .example('$0 findings --explain docs/AUDIT.md', 'how each finding was read')
      .example(
        '$0 findings --json | jq ".findings[].id"',
        'the IDs, for scripts',
      ) as unknown as Argv<Args>,
  handler: async (args: ArgumentsCamelCase<Args>) => {
    const ctx = cliContext(args.docs.length > 0 ? { ...args, doc: args.docs } : args);
    const set = await readFindings(ctx.docs, { baseDir: ctx.root, allowEmpty: args.explain });
    if (args.explain) {
      const { printReadings } = await import('../explain-reading.js');
      if (args.json) printJson({ documents: set.readings ?? [] });
      else printReadings(set);
      return;
    }
    printWarnings(set);
    if (args.json) {
      const { toFindingsJson } = await import('../../findings/json.js');
      printJson({ ...toFindingsJson(set) });
      return;
    }
    printFindings(set, ctx.docs);
  },
};

/** Document warnings (duplicates, cycles, graph conflicts) on stderr: `doc:line: warning: ...`. */
export function printWarnings(set: FindingsSet): void {
  for (const w of set.warnings) {
    err(
      `${w.doc}${w.line ? `:${w.line}` : ''}: ${paint('yellow', 'warning', process.stderr)}: ${w.message}`,
    );
  }
}

function printFindings(set: FindingsSet, docs: readonly string[]): void {
  const withDoc = new Set(set.findings.map((f) => f.doc)).size > 1;
  const rows = set.findings.map((f) => [
    paint('bold', f.idSynthesized ? `${f.id}*` : f.id),
    ...(withDoc ? [f.doc] : []),
    f.severity ? paint(SEVERITY_STYLE[f.severity], f.severity) : '-',
    statusText(f),
    f.phases.join(',') || '-',
    String(f.files.length),
    truncate(f.title, TITLE_WIDTH),
  ]);
  const header = [
    'ID',
    ...(withDoc ? ['DOC'] : []),
    'SEVERITY',
    'STATUS',
    'PHASE',
    'FILES',
    'TITLE',
  ];
  for (const line of table([header, ...rows])) out(line);
  const synthesized = set.findings.some((f) => f.idSynthesized);
  out(
    `\n${set.findings.length} finding(s) in ${docs.join(', ')}${synthesized ? ' (* ID synthesised by remedy)' : ''}`,
  );
  if (set.phases.length === 0) return;
  out(`\n${paint('bold', 'Phases')}`);
  const phaseRows = set.phases.map((p) => [
    `  ${p.id}`,
    truncate(p.title, TITLE_WIDTH),
    p.findings.join(', '),
  ]);
  for (const line of table(phaseRows)) out(line);
}

export function statusText(f: Finding): string {
  if (f.status === 'resolved') return paint('green', 'resolved');
  if (f.status === 'partially-resolved') return paint('yellow', 'partially-resolved');
  return 'open';
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
