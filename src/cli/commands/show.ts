/**
 * `remedy show <ID> [--doc D] [--json]`: one finding in full — fields, files with lines
 * and symbols, sections, code blocks with roles, tables — and its transform plan.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UsageError } from '../../core/errors.js';
import { getFindingOrThrow } from '../../findings/lookup.js';
import { readFindings } from '../../findings/read.js';
import type { Finding } from '../../findings/types.js';
import type { Step } from '../../plan/mapping.js';
import { cliContext, type GlobalArgs, withDocOption, withRepoOptions } from '../context.js';
import { out, paint, printJson, table } from '../output.js';
import { printWarnings, SEVERITY_STYLE, statusText } from './findings.js';

interface Args extends GlobalArgs {
  id: string;
  json?: boolean;
}

export const showCommand: CommandModule<GlobalArgs, Args> = {
  command: 'show <id>',
  describe: 'show one finding in full (ID or alias), with its transform plan',
  builder: (y: Argv<GlobalArgs>) =>
    withDocOption(withRepoOptions(y))
      .positional('id', {
        type: 'string',
        demandOption: true,
        describe: 'finding ID or alias (IMP-013)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print JSON (see docs/json.md)',
      })
      .example('$0 show B-SEC-01', 'one finding in full, with its transform plan')
      .example(
        '$0 show IMP-013 --doc docs/REVIEW.md',
        'by alias, from a given document',
      ) as unknown as Argv<Args>,
  handler: async (args: ArgumentsCamelCase<Args>) => {
    const ctx = cliContext(args);
    if (ctx.docs.length === 0) {
      throw new UsageError('no audit document given', {
        hint: 'pass --doc FILE, or list documents under "docs" in remedy.config.json',
      });
    }
    const set = await readFindings(ctx.docs, { baseDir: ctx.root });
    printWarnings(set);
    const finding = getFindingOrThrow(set, args.id);
    const { loadCatalog } = await import('../../../transforms/index.js');
    const catalog = await loadCatalog();
    const { mapFinding } = await import('../../plan/mapping.js');
    const step = await mapFinding(finding, ctx.config, catalog);
    const { explainStep } = await import('../../workflow/explain.js');
    const notes = await explainStep(finding, step, ctx.root, catalog);
    if (args.json) {
      printJson({ query: args.id, finding, plan: { ...planJson(step), notes } });
      return;
    }
    if (finding.id.toUpperCase() !== args.id.toUpperCase())
      out(paint('dim', `${args.id} is an alias of ${finding.id}`));
    printFinding(finding);
    printPlan(step, notes);
  },
};

function planJson(step: Step) {
  return step.kind === 'manual'
    ? { kind: 'manual', reason: step.reason }
    : {
        kind: 'transform',
        transform: step.transform.id,
        source: step.source,
        options: step.options,
        subject: step.subject,
      };
}

function printFinding(f: Finding): void {
  out(`${paint('bold', f.id)}  ${f.title}`);
  if (f.idSynthesized)
    out(paint('yellow', '(ID synthesised by remedy: the document gives this finding no ID)'));
  const facts: [string, string][] = [
    ['severity', f.severity ? paint(SEVERITY_STYLE[f.severity], f.severity) : '-'],
    ['priority', f.priority ?? '-'],
    ['status', statusText(f)],
    ['category', f.category ?? '-'],
    ['effort', f.effort ?? '-'],
    ['phases', f.phases.join(', ') || '-'],
    ['depends on', f.dependsOn.join(', ') || '-'],
    ['aliases', f.aliases.join(', ') || '-'],
    ['document', `${f.doc}:${f.line}${f.column && f.column > 1 ? `:${f.column}` : ''}`],
    ['read from', f.source ?? 'heading'],
    ...(f.ruffCodes?.length || f.ruffFix
      ? [
          ['ruff', [...(f.ruffCodes ?? []), ...(f.ruffFix ? ['check --fix'] : [])].join(', ')] as [
            string,
            string,
          ],
        ]
      : []),
    ...Object.entries(f.attributes ?? {})
      .filter(([k]) => !/^effort$/i.test(k))
      .map(([k, v]): [string, string] => [k, v]),
  ];
  for (const line of table(facts.map(([k, v]) => [`  ${k}:`, v]))) out(line);
  printFiles(f);
  printSections(f);
  printCode(f);
  printTables(f);
}

function printFiles(f: Finding): void {
  if (f.fileRefs.length === 0) return;
  heading('Files');
  const rows = f.fileRefs.map((r) => [
    `  ${r.role}`,
    r.unresolved ? `${r.path} ${paint('dim', '(base name only)')}` : r.path,
    (r.ranges ?? [])
      .map((x) => (x.start === x.end ? `line ${x.start}` : `lines ${x.start}-${x.end}`))
      .join(', '),
    r.symbols.join(', '),
  ]);
  for (const line of table(rows)) out(line);
}

function printSections(f: Finding): void {
  const entries = Object.entries(f.sections).filter(([, text]) => text.trim() !== '');
  if (entries.length === 0) return;
  heading('Sections');
  for (const [name, text] of entries) {
    out(`  ${paint('bold', `${name}:`)}`);
    for (const line of text.split('\n')) out(`    ${line}`);
  }
}

function printCode(f: Finding): void {
  if (f.codeBlocks.length === 0) return;
  heading('Code blocks');
  f.codeBlocks.forEach((b, i) => {
    const where = [b.lang ?? 'text', b.file ?? '', `line ${b.line}`].filter(Boolean).join('  ');
    out(`  [${i + 1}] ${paint('cyan', b.role)}  ${paint('dim', where)}`);
    for (const line of b.code.split('\n')) out(`      ${line}`);
  });
}

function printTables(f: Finding): void {
  if (f.tables.length === 0) return;
  heading('Tables');
  for (const t of f.tables) {
    out(paint('dim', `  line ${t.line}`));
    for (const line of table([t.header.map((h) => paint('bold', h)), ...t.rows], ' | '))
      out(`    ${line}`);
  }
}

function printPlan(step: Step, notes: readonly string[]): void {
  heading('Plan');
  if (step.kind === 'manual') {
    out(`  manual: ${step.reason}`);
    return;
  }
  out(`  transform ${paint('bold', step.transform.id)} (${step.source}): ${step.subject}`);
  const options = JSON.stringify(step.options);
  if (options !== '{}')
    out(`  options: ${options.length > 400 ? `${options.slice(0, 399)}…` : options}`);
  for (const note of notes) out(`    ${note}`);
}

function heading(text: string): void {
  out(`\n${paint('bold', text)}`);
}
