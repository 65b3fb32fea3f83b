/**
 * Which dispatchers a run converts: the one `file`/`dispatcher` names, each entry of
 * `dispatchers`, or — given neither — every function in the run's files whose body
 * ends in a route chain of at least two branches (discovery, for `remedy run`).
 */
import type { SourceFile } from '../../src/engine/contract.js';
import type { PythonProjectContext, PythonTypes } from '../../src/python/adapter.js';
import { definitionName, findDefinitions } from '../../src/python/definitions.js';
import { isPythonPath, isStubPath } from '../../src/python/files.js';
import { docstringOf } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import { locateChain } from './chain.js';
import type { RouteTableOptions } from './index.js';
import type { Target } from './rewrite.js';

type Ctx = PythonProjectContext<RouteTableOptions>;

export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly file: string;
}

/** The target named `dispatcher` in `file`, or the problem finding it. */
export function namedTarget(
  ctx: Ctx,
  file: string,
  dispatcher: string,
  table: string,
): Target | Problem {
  const problem = (code: string, message: string) => ({
    code: `route-table/${code}`,
    message,
    file,
  });
  if (!ctx.exists(file)) return problem('no-file', `${file} does not exist`);
  const defs = findDefinitions(ctx.file(file).tree, dispatcher).filter(
    (d) => d.type === 'function_definition',
  );
  if (defs.length === 0)
    return problem('no-dispatcher', `there is no function ${dispatcher}() in ${file}`);
  if (defs.length > 1)
    return problem('ambiguous', `${file} defines ${dispatcher}() ${defs.length} times`);
  return { file, dispatcher, def: defs[0]!, table };
}

/** Qualified name of a function (`Router.route`, `handler`). */
function qualifiedName(def: Node): string {
  const names = [definitionName(def)];
  for (let p = def.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition')
      names.unshift(definitionName(p));
  }
  return names.join('.');
}

/** Functions of `source` whose body holds a route chain of two branches or more. */
function dispatchersIn(source: SourceFile<PythonTypes>): Node[] {
  return source.tree.rootNode
    .descendantsOfType('function_definition')
    .filter((def): def is Node => {
      const body = def?.childForFieldName('body');
      if (!def || !body) return false;
      const doc = docstringOf(body);
      const statements = body.namedChildren.filter((n): n is Node => !!n && n.id !== doc?.id);
      const chain = locateChain(source.tree, statements);
      if (typeof chain === 'string') return false;
      const ifs = chain.statements.filter((s) => s.type === 'if_statement');
      return ifs.flatMap(clausesOf).filter(returnsHandler).length >= 2;
    });
}

/** An `if` statement and its `elif` clauses. */
function clausesOf(statement: Node): Node[] {
  const elifs = statement
    .childrenForFieldName('alternative')
    .filter((a) => a?.type === 'elif_clause');
  return [statement, ...elifs.map((e) => e!)];
}

/** A clause that returns a call or a handler thunk (not a predicate's `return True`). */
function returnsHandler(clause: Node): boolean {
  const body = clause.childForFieldName('consequence');
  const last = body?.namedChildren.filter((n) => n && n.type !== 'comment').pop();
  const value = last?.type === 'return_statement' ? last.namedChild(0) : undefined;
  return value?.type === 'call' || value?.type === 'lambda';
}

/** Every dispatcher in the run's files (discovery). */
export function discoveredTargets(ctx: Ctx): Target[] {
  const out: Target[] = [];
  for (const file of ctx.files.filter((f) => isPythonPath(f) && !isStubPath(f))) {
    const text = ctx.readText(file) ?? '';
    if (!/\bif\b[^\n]*["']\^?\//.test(text)) continue;
    const source = ctx.file(file);
    for (const def of dispatchersIn(source)) {
      out.push({ file, dispatcher: qualifiedName(def), def, table: ctx.options.table });
    }
  }
  return out;
}

/** Table names: the option's, or `_<DISPATCHER>_ROUTES` for a second dispatcher in a file. */
export function distinctTables(targets: readonly Target[]): Target[] {
  const used = new Map<string, Set<string>>();
  return targets.map((t) => {
    const names = used.get(t.file) ?? new Set<string>();
    used.set(t.file, names);
    const own = `_${t.dispatcher.split('.').pop()!.replace(/^_+/, '').toUpperCase()}${t.table.startsWith('_') ? t.table : `_${t.table}`}`;
    const table = names.has(t.table) ? own : t.table;
    names.add(table);
    return { ...t, table };
  });
}
