/**
 * The table's entries and where the table lives. Each entry keeps what its branch did:
 * the handler itself when every branch passes the same arguments; otherwise a small
 * lambda over the dispatcher's parameters that passes this branch's arguments. A
 * branch that needs the dispatcher's locals (not only its parameters) puts the table
 * inside the function, with zero-argument entries.
 */

import type { MatchKind } from './conditions.js';
import { codeKey } from './conditions.js';
import type { Branch, Dispatch } from './dispatcher.js';

export interface TableEntry {
  readonly path: string;
  readonly literal: string;
  readonly kind: MatchKind;
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
}

/** Plan the table, or say why the branches cannot share one loop. */
export function planTable(dispatch: Dispatch, names: DispatcherNames): TablePlan | string {
  const branches = dispatch.branches;
  const style = branches[0]!.handler.style;
  const odd = branches.find((b) => b.handler.style !== style);
  if (odd) {
    const how = (b: Branch) =>
      b.handler.style === 'lambda' ? 'returns a lambda' : 'calls its handler directly';
    return `branch ${branches[0]!.number} ${how(branches[0]!)} but branch ${odd.number} ${how(odd)}`;
  }
  if (branches.some((b) => needsLocals(b, names))) return functionTable(branches, style);
  return moduleTable(branches, names, style);
}

function needsLocals(branch: Branch, names: DispatcherNames): boolean {
  const params = new Set(names.params);
  return (
    branch.handler.calleeNames.some((n) => names.locals.has(n)) ||
    branch.handler.argNames.some((n) => names.locals.has(n) && !params.has(n))
  );
}

function functionTable(branches: readonly Branch[], style: TablePlan['style']): TablePlan {
  const entries = branches.flatMap((b) =>
    b.paths.map((p) => entry(b, p, `lambda: ${b.handler.callee}(${b.handler.args})`, false)),
  );
  return { scope: 'function', entries, invocation: '', style };
}

function moduleTable(
  branches: readonly Branch[],
  names: DispatcherNames,
  style: TablePlan['style'],
): TablePlan {
  const argKeys = new Set(branches.map((b) => codeKey(b.handler.args)));
  if (argKeys.size === 1) {
    const entries = branches.flatMap((b) =>
      b.paths.map((p) => entry(b, p, b.handler.callee, true)),
    );
    return { scope: 'module', entries, invocation: branches[0]!.handler.args, style };
  }
  const used = names.params.filter((p) => branches.some((b) => b.handler.argNames.includes(p)));
  const invocation = used.join(', ');
  const entries = branches.flatMap((b) => {
    const same = codeKey(b.handler.args) === codeKey(invocation);
    const callable = same
      ? b.handler.callee
      : `lambda${invocation ? ` ${invocation}` : ''}: ${b.handler.callee}(${b.handler.args})`;
    return b.paths.map((p) => entry(b, p, callable, same));
  });
  return { scope: 'module', entries, invocation, style };
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
