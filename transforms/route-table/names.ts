/**
 * Names around a dispatcher: what it binds (parameters, locals, and which locals are
 * surely bound when its chain starts) and fresh names for the loop's variables.
 */
import type { Node } from '../../src/python/parser.js';
import type { ModuleAnalysis } from '../../src/python/project/module-analysis.js';
import type { Binding } from '../../src/python/project/scope-types.js';
import type { Dispatch } from './dispatcher.js';
import { type DispatcherNames, freshName, type TablePlan } from './entries.js';
import type { LoopNames } from './render.js';

const DEFINITE_KINDS = new Set(['assignment', 'augmented-assignment', 'import']);
const DEFINITE_STATEMENTS = new Set([
  'expression_statement',
  'import_statement',
  'import_from_statement',
]);

/** The statement directly in `body` that contains `node`. */
function topStatement(node: Node, body: Node): Node | undefined {
  let current: Node | null = node;
  while (current && current.parent?.id !== body.id) current = current.parent;
  return current ?? undefined;
}

/** Bound by a plain top-level statement (an assignment, an import) that ends before `at`. */
function boundBefore(binding: Binding, body: Node, at: number): boolean {
  if (!DEFINITE_KINDS.has(binding.kind)) return false;
  const top = topStatement(binding.node, body);
  return !!top && DEFINITE_STATEMENTS.has(top.type) && top.endIndex <= at;
}

export function dispatcherNames(
  analysis: ModuleAnalysis,
  def: Node,
  chainStart: number,
): DispatcherNames {
  const scope = analysis.scopeOfDefinition(def);
  const bindings = scope ? [...scope.bindings.values()].flat() : [];
  const params = bindings
    .filter((b) => b.kind === 'parameter')
    .sort((a, b) => a.node.startIndex - b.node.startIndex)
    .map((b) => b.name);
  const body = def.childForFieldName('body')!;
  const before = bindings.filter((b) => boundBefore(b, body, chainStart)).map((b) => b.name);
  let nested = false;
  for (let p = def.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition') nested = true;
  }
  return {
    params: [...new Set(params)],
    locals: new Set(bindings.map((b) => b.name)),
    boundBefore: new Set(before),
    nested,
  };
}

/** `route_method` for a qualifier `method`, `event["httpMethod"]` or `http.get("method")`. */
function qualifierName(node: Node): string {
  const last = /(\w+)\W*$/.exec(node.text.replace(/["']\)?\]?$/, ''))?.[1] ?? 'key';
  const snake = last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return `route_${snake.replace(/^http_/, '')}`;
}

export function chooseNames(
  def: Node,
  dispatch: Dispatch,
  plan: TablePlan,
  table: string,
): LoopNames {
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
  const first = dispatch.branches[0]!;
  const subject = first.subject;
  return {
    table: plan.scope === 'module' ? table : pick('routes', 'route_table'),
    normalised: subject.kind === 'normalised' ? pick(subject.local, 'normalized_path') : undefined,
    qualifiers: first.qualifiers.map((q) => pick(qualifierName(q), 'route_key')),
    route: pick('route', 'route_path', 'pattern'),
    kind: pick('kind', 'match_kind'),
    handler: pick('handler', 'route_handler', 'target'),
  };
}
