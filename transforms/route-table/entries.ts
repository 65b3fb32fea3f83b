/**
 * The table's entries and where the table lives. Each entry keeps what its branch did:
 * the handler itself when it is a plain name and its call passes exactly what the loop
 * passes (the name is then read when the module is imported); otherwise a
 * small lambda over the names the branch reads (the dispatcher's parameters, then its
 * locals) that returns what the branch returned. The table goes inside the function,
 * with zero-argument lambdas, when a handler's callee is local (`self.users.handle`),
 * when a local it reads may be unbound when the chain runs, or when the dispatcher is
 * nested in another function.
 */

import type { Literal, MatchKind } from './conditions.js';
import { codeKey } from './conditions.js';
import type { Branch, Dispatch } from './dispatcher.js';

export interface TableEntry {
  readonly path: string;
  readonly literal: string;
  readonly kind: MatchKind;
  /** What the qualifiers (the method) must equal. */
  readonly qualifiers: readonly Literal[];
  /** The entry's callable: `handle_user_assets_request`, `lambda event, method: ...`. */
  readonly callable: string;
  readonly comments: readonly string[];
  /** True when `callable` is the handler itself (read when the table is built). */
  readonly bare: boolean;
  readonly branch: Branch;
}

export interface TablePlan {
  readonly scope: 'module' | 'function';
  readonly entries: readonly TableEntry[];
  /** What the loop passes to an entry (`event, method, path`); '' for zero-argument entries. */
  readonly invocation: string;
  readonly style: 'lambda' | 'direct';
}

export interface DispatcherNames {
  /** Parameters, in declaration order. */
  readonly params: readonly string[];
  /** Every name bound in the dispatcher (parameters included). */
  readonly locals: ReadonlySet<string>;
  /** Locals surely bound when the chain starts (by a top-level statement before it). */
  readonly boundBefore: ReadonlySet<string>;
  /** The dispatcher is defined inside another function (its table cannot be global). */
  readonly nested: boolean;
}

/** Plan the table, or say why the branches cannot share one loop. */
export function planTable(dispatch: Dispatch, names: DispatcherNames): TablePlan | string {
  const branches = dispatch.branches;
  const style = branches[0]!.handler.style;
  const odd = branches.find((b) => b.handler.style !== style);
  if (odd) {
    const how = (b: Branch) =>
      b.handler.style === 'lambda' ? 'returns a lambda' : 'returns its result directly';
    return `branch ${branches[0]!.number} ${how(branches[0]!)} but branch ${odd.number} ${how(odd)}`;
  }
  const mixed = mixedMatchers(branches);
  if (mixed) return mixed;
  if (names.nested || branches.some((b) => needsLocals(b, names)))
    return functionTable(branches, style);
  return moduleTable(branches, names, style);
}

/** Patterns and strings in one table, or two regex functions: one loop cannot test both. */
function mixedMatchers(branches: readonly Branch[]): string | undefined {
  const tests = branches.flatMap((b) => b.paths.map((p) => ({ b, p })));
  const regex = tests.find((t) => t.p.kind === 'regex');
  const text = tests.find((t) => t.p.kind !== 'regex');
  if (regex && text) {
    return `branch ${regex.b.number} matches a pattern but branch ${text.b.number} compares strings`;
  }
  const other = tests.find((t) => t.p.matcher !== regex?.p.matcher);
  if (regex && other) {
    return `branch ${regex.b.number} uses ${regex.p.matcher} but branch ${other.b.number} uses ${other.p.matcher}`;
  }
  return undefined;
}

function needsLocals(branch: Branch, names: DispatcherNames): boolean {
  const params = new Set(names.params);
  return (
    branch.handler.calleeNames.some((n) => names.locals.has(n)) ||
    branch.handler.argNames.some(
      (n) => names.locals.has(n) && !params.has(n) && !names.boundBefore.has(n),
    )
  );
}

function functionTable(branches: readonly Branch[], style: TablePlan['style']): TablePlan {
  const entries = branches.flatMap((b) =>
    b.paths.map((p) => entry(b, p, `lambda: ${b.handler.expr}`, false)),
  );
  return { scope: 'function', entries, invocation: '', style };
}

/** What the loop passes: the parameters the branches read, then the locals, in order. */
function invocationOf(branches: readonly Branch[], names: DispatcherNames): string {
  const read = branches.flatMap((b) => b.handler.argNames);
  const params = names.params.filter((p) => read.includes(p));
  const locals = read.filter(
    (n, i) => names.locals.has(n) && !params.includes(n) && read.indexOf(n) === i,
  );
  return [...params, ...locals].join(', ');
}

function moduleTable(
  branches: readonly Branch[],
  names: DispatcherNames,
  style: TablePlan['style'],
): TablePlan {
  // Only plain names go in bare: an attribute (`users.list_users`) stays looked up per request.
  const calls = branches.every((b) => b.handler.args !== undefined && isName(b.handler.callee));
  const argKeys = new Set(branches.map((b) => codeKey(b.handler.args ?? '')));
  if (calls && argKeys.size === 1) {
    const entries = branches.flatMap((b) =>
      b.paths.map((p) => entry(b, p, b.handler.callee, true)),
    );
    return { scope: 'module', entries, invocation: branches[0]!.handler.args!, style };
  }
  const invocation = invocationOf(branches, names);
  const entries = branches.flatMap((b) => {
    const args = b.handler.args;
    const same =
      args !== undefined && isName(b.handler.callee) && codeKey(args) === codeKey(invocation);
    const callable = same
      ? b.handler.callee
      : `lambda${invocation ? ` ${invocation}` : ''}: ${b.handler.expr}`;
    return b.paths.map((p) => entry(b, p, callable, same));
  });
  return { scope: 'module', entries, invocation, style };
}

function isName(callee: string): boolean {
  return /^[A-Za-z_]\w*$/.test(callee);
}

function entry(
  branch: Branch,
  path: Branch['paths'][number],
  callable: string,
  bare: boolean,
): TableEntry {
  return {
    path: path.path,
    literal: path.literal,
    kind: path.kind,
    qualifiers: path.qualifiers,
    callable,
    comments: path.comments,
    bare,
    branch,
  };
}

/** Names a module-level table reads when it is built (the bare handlers' first names). */
export function namesReadAtImport(plan: TablePlan): string[] {
  const out = new Set<string>();
  for (const e of plan.entries) {
    if (e.bare) out.add(e.branch.handler.calleeNames[0] ?? e.callable.split('.')[0]!);
  }
  return [...out];
}

/** The first of `names` that is not taken, else the first with `_` appended until free. */
export function freshName(names: readonly string[], taken: ReadonlySet<string>): string {
  const free = names.find((n) => !taken.has(n));
  if (free) return free;
  let candidate = names[0]!;
  while (taken.has(candidate)) candidate += '_';
  return candidate;
}
