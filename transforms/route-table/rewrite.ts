/**
 * The edits of route-table for one dispatcher: the chain becomes the loop (with a local
 * table when it needs the function's locals), the module-level table is inserted, and
 * predicates nothing else uses are deleted.
 */
import { Edit } from '../../src/core/edit.js';
import type { SourceFile } from '../../src/engine/contract.js';
import type { PythonProjectContext, PythonTypes } from '../../src/python/adapter.js';
import type { Node } from '../../src/python/parser.js';
import type { ModuleAnalysis } from '../../src/python/project/module-analysis.js';
import { leadingWhitespace, lineAt } from '../../src/python/reindent.js';
import { type Dispatch, readDispatch } from './dispatcher.js';
import {
  type DispatcherNames,
  freshName,
  namesReadAtImport,
  planTable,
  type TablePlan,
} from './entries.js';
import type { RouteTableOptions } from './index.js';
import { deleteDefinition, insertTable } from './placement.js';
import { firstOtherUse } from './predicate-uses.js';
import { type LoopNames, renderLoop, renderTable } from './render.js';

type Ctx = PythonProjectContext<RouteTableOptions>;

/** The str methods a normalisation may call and still be evaluated once instead of per predicate. */
const PURE_STR_METHODS = new Set([
  'rstrip',
  'lstrip',
  'strip',
  'lower',
  'casefold',
  'removeprefix',
  'removesuffix',
]);

/**
 * A normalisation the predicates evaluate that calls something other than a str method
 * (its text), or undefined: the table evaluates it once per dispatch instead of once per
 * predicate, which only a call without side effects allows.
 */
function impureNormalisation(dispatch: Dispatch): string | undefined {
  for (const branch of dispatch.branches) {
    const expr = branch.predicate?.normalisation?.expr;
    const calls = expr ? [expr, ...expr.descendantsOfType('call')] : [];
    const impure = calls.some((call) => {
      if (call?.type !== 'call') return false;
      const fn = call.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      return !method || !PURE_STR_METHODS.has(method);
    });
    if (impure) return expr!.text;
  }
  return undefined;
}

export interface Rewrite {
  readonly edits: Edit[];
  /** Why the rewrite may change behaviour (it is then an unsafe fix), if it may. */
  readonly unsafeBecause: string | undefined;
}

/** The edits, or undefined when the dispatcher already loops over its table. */
export function planRewrite(
  ctx: Ctx,
  fileCtx: SourceFile<PythonTypes>,
  def: Node,
): Rewrite | undefined {
  const { file, dispatcher, table } = ctx.options;
  if (loopsOverTable(def, table)) {
    const message = `${dispatcher}() in ${file} already loops over ${table}`;
    ctx.report({ severity: 'info', code: 'route-table/already-applied', message, file });
    return undefined;
  }
  const analysis = ctx.project.analysis(file);
  if (!analysis) {
    ctx.refuse({
      code: 'route-table/unanalysable',
      message: `${file} could not be analysed`,
      file,
    });
  }
  if (analysis.globalBindings(table).length > 0) {
    ctx.refuse(
      { code: 'route-table/table-taken', message: `${file} already binds ${table}`, file },
      { hint: 'name the table differently with the "table" option' },
    );
  }
  const cannot = (why: string): never =>
    ctx.refuse({
      code: 'route-table/unsupported-shape',
      message: `cannot turn ${dispatcher}() in ${file} into a route table: ${why}`,
      file,
    });
  const dispatch = readDispatch(fileCtx.tree, def);
  if (typeof dispatch === 'string') return cannot(dispatch);
  const names = dispatcherNames(analysis, def);
  const plan = planTable(dispatch, names);
  if (typeof plan === 'string') return cannot(plan);
  const loopNames = chooseNames(def, dispatch, plan, table);
  const indent = leadingWhitespace(lineAt(fileCtx.text, dispatch.start).text);
  const fallback = { text: dispatch.fallback, comments: dispatch.fallbackComments };
  const loop = renderLoop(
    plan,
    dispatch.branches[0]!.subject,
    loopNames,
    fallback,
    indent,
    fileCtx.eol,
  );
  const edits = [Edit.replace(dispatch.start, dispatch.end, loop)];
  if (plan.scope === 'module') {
    const text = renderTable(plan, table, '', fileCtx.eol);
    edits.push(
      insertTable(fileCtx.text, analysis, def, text, namesReadAtImport(plan), fileCtx.eol),
    );
  }
  edits.push(...predicateDeletions(ctx, fileCtx.text, dispatch));
  const impure = impureNormalisation(dispatch);
  const unsafeBecause = impure
    ? `the normalisation \`${impure}\` would run once per dispatch instead of once per predicate`
    : undefined;
  return { edits, unsafeBecause };
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

function dispatcherNames(analysis: ModuleAnalysis, def: Node): DispatcherNames {
  const scope = analysis.scopeOfDefinition(def);
  const bindings = scope ? [...scope.bindings.values()].flat() : [];
  const params = bindings
    .filter((b) => b.kind === 'parameter')
    .sort((a, b) => a.node.startIndex - b.node.startIndex)
    .map((b) => b.name);
  return { params: [...new Set(params)], locals: new Set(bindings.map((b) => b.name)) };
}

function chooseNames(def: Node, dispatch: Dispatch, plan: TablePlan, table: string): LoopNames {
  const inside = ['parameters', 'body'].flatMap((f) => def.childForFieldName(f) ?? []);
  const taken = new Set(
    inside.flatMap((n) => n.descendantsOfType('identifier').map((id) => id!.text)),
  );
  // Not the function's own name either: a loop variable shadowing it reads badly.
  taken.add(def.childForFieldName('name')?.text ?? '');
  const pick = (...names: string[]) => {
    const fresh = freshName(names, taken);
    taken.add(fresh);
    return fresh;
  };
  const subject = dispatch.branches[0]!.subject;
  return {
    table: plan.scope === 'module' ? table : pick('routes', 'route_table'),
    normalised: subject.kind === 'normalised' ? pick(subject.local, 'normalized_path') : undefined,
    route: pick('route', 'route_path', 'pattern'),
    kind: pick('kind', 'match_kind'),
    handler: pick('handler', 'route_handler', 'target'),
  };
}

/** Delete each predicate the chain used that nothing else uses; note the ones kept. */
function predicateDeletions(ctx: Ctx, text: string, dispatch: Dispatch): Edit[] {
  const { file } = ctx.options;
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
