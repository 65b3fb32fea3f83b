/**
 * The edits of route-table for one dispatcher: the chain becomes the loop (with a local
 * table when it needs the function's locals), the module-level table is inserted, and
 * predicates nothing else uses are deleted. The result says why when it cannot.
 */
import { Edit } from '../../src/core/edit.js';
import type { SourceFile } from '../../src/engine/contract.js';
import type { PythonProjectContext, PythonTypes } from '../../src/python/adapter.js';
import type { Node } from '../../src/python/parser.js';
import { leadingWhitespace, lineAt } from '../../src/python/reindent.js';
import { type Dispatch, readDispatch } from './dispatcher.js';
import { namesReadAtImport, planTable } from './entries.js';
import type { RouteTableOptions } from './index.js';
import { chooseNames, dispatcherNames } from './names.js';
import { deleteDefinition, insertTable } from './placement.js';
import { firstOtherUse } from './predicate-uses.js';
import { isPrimary, renderLoop, renderTable } from './render.js';
import { impureNormalisation, impureSubject } from './safety.js';

type Ctx = PythonProjectContext<RouteTableOptions>;

/** One dispatcher to convert: where it is and the table's name. */
export interface Target {
  readonly file: string;
  readonly dispatcher: string;
  readonly def: Node;
  readonly table: string;
}

export type Rewrite =
  | {
      readonly kind: 'rewrite';
      readonly edits: Edit[];
      /** Why the rewrite may change behaviour (it is then an unsafe fix), if it may. */
      readonly unsafeBecause: string | undefined;
    }
  | { readonly kind: 'already' }
  | {
      readonly kind: 'refused';
      readonly code: string;
      readonly message: string;
      readonly hint?: string;
    };

/** The edits for `target`, or why there are none. */
export function planRewrite(ctx: Ctx, fileCtx: SourceFile<PythonTypes>, target: Target): Rewrite {
  const { file, dispatcher, def, table } = target;
  if (loopsOverTable(def, table)) return { kind: 'already' };
  const analysis = ctx.project.analysis(file);
  if (!analysis) return refused('unanalysable', `${file} could not be analysed`);
  if (analysis.globalBindings(table).length > 0) {
    const hint = 'name the table differently with the "table" option';
    return { ...refused('table-taken', `${file} already binds ${table}`), hint };
  }
  const cannot = (why: string) =>
    refused(
      'unsupported-shape',
      `cannot turn ${dispatcher}() in ${file} into a route table: ${why}`,
    );
  const dispatch = readDispatch(fileCtx.tree, def);
  if (typeof dispatch === 'string') return cannot(dispatch);
  const names = dispatcherNames(analysis, def, dispatch.start);
  const plan = planTable(dispatch, names);
  if (typeof plan === 'string') return cannot(plan);
  const loopNames = chooseNames(def, dispatch, plan, table);
  const indent = leadingWhitespace(lineAt(fileCtx.text, dispatch.start).text);
  const first = dispatch.branches[0]!;
  const qualifiers = first.qualifiers.map((q) => (isPrimary(q.type) ? q.text : `(${q.text})`));
  const loop = renderLoop(
    plan,
    first.subject,
    qualifiers,
    loopNames,
    dispatch.fallback,
    indent,
    fileCtx.eol,
  );
  const edits = [Edit.replace(dispatch.start, dispatch.end, loop)];
  if (plan.scope === 'module') {
    const text = renderTable(plan, loopNames.table, '', fileCtx.eol);
    edits.push(
      insertTable(fileCtx.text, analysis, def, text, namesReadAtImport(plan), fileCtx.eol),
    );
  }
  edits.push(...predicateDeletions(ctx, file, fileCtx.text, dispatch));
  return { kind: 'rewrite', edits, unsafeBecause: unsafeBecause(dispatch) };
}

function refused(code: string, message: string): Extract<Rewrite, { kind: 'refused' }> {
  return { kind: 'refused', code: `route-table/${code}`, message };
}

function unsafeBecause(dispatch: Dispatch): string | undefined {
  const impure = impureNormalisation(dispatch);
  if (impure)
    return `the normalisation \`${impure}\` would run once per dispatch instead of once per predicate`;
  const subject = impureSubject(dispatch);
  if (subject)
    return `\`${subject}\` calls something that may have effects; the loop evaluates it once per route instead of once per branch`;
  return undefined;
}

/** Whether the dispatcher loops over `table`, or over a local table of tuples. */
function loopsOverTable(def: Node, table: string): boolean {
  const localTables = new Set(
    def
      .descendantsOfType('assignment')
      .filter((a) => ['tuple', 'list'].includes(a?.childForFieldName('right')?.type ?? ''))
      .map((a) => a!.childForFieldName('left')!.text),
  );
  return def.descendantsOfType('for_statement').some((f) => {
    const over = f?.childForFieldName('right')?.text ?? '';
    return over === table || localTables.has(over);
  });
}

/** Delete each predicate the chain used that nothing else uses; note the ones kept. */
function predicateDeletions(ctx: Ctx, file: string, text: string, dispatch: Dispatch): Edit[] {
  const edits: Edit[] = [];
  const seen = new Set<string>();
  for (const branch of dispatch.branches) {
    const predicate = branch.predicate;
    if (!predicate || seen.has(predicate.name)) continue;
    seen.add(predicate.name);
    const ignore = [dispatch, { start: predicate.def.startIndex, end: predicate.def.endIndex }];
    const use = firstOtherUse(ctx.project, file, predicate.name, ignore);
    if (use) {
      const message = `kept ${predicate.name}(): still used at ${use}`;
      ctx.report({ severity: 'info', code: 'route-table/predicate-kept', message, file });
    } else edits.push(deleteDefinition(text, predicate.def));
  }
  return edits;
}
