/**
 * Which names a place in a file can see, over ast-grep trees, for Python and TS/JS: the
 * scopes enclosing a node, the names each one binds (parameters, assignments,
 * declarations, imports), and the module's own bindings. The pattern engine asks two
 * questions with it: is a name the pattern relies on (`os`) shadowed at a match, and is
 * a name the replacement needs (`request`, `Any`) defined there?
 *
 * Deliberately approximate where precision costs much: a `let` in a nested block counts
 * for its whole function, and class bodies do not hide names from methods (as Python
 * rules say, they do not enclose them). Erring towards "bound" leaves a match alone
 * rather than rewriting a different name.
 */
import type { SgNode } from '@ast-grep/napi';
import type { LanguageFamily } from './languages.js';
import { kindOf } from './syntax.js';

const PY_SCOPES = new Set([
  'function_definition',
  'lambda',
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);
const TS_SCOPES = new Set([
  'function_declaration',
  'function_expression',
  'function',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  'generator_function',
]);

export function isScope(node: SgNode, family: LanguageFamily): boolean {
  return (family === 'python' ? PY_SCOPES : TS_SCOPES).has(kindOf(node));
}

/** The function-like scopes around a node, innermost first (the module is not included). */
export function enclosingScopes(node: SgNode, family: LanguageFamily): SgNode[] {
  return node.ancestors().filter((a) => isScope(a, family));
}

/** The name of a function-like scope, for messages (`handler`, `<lambda>`). */
export function scopeName(scope: SgNode): string {
  const name = scope.field('name' as never) as SgNode | null;
  return name ? name.text() : `<${kindOf(scope).replace(/_/g, ' ')}>`;
}

/** Identifiers bound by an assignment target or a parameter pattern. */
function targetNames(node: SgNode | null, family: LanguageFamily, out: Set<string>): void {
  if (!node) return;
  const kind = kindOf(node);
  if (kind === 'identifier' || kind === 'shorthand_property_identifier_pattern') {
    out.add(node.text());
    return;
  }
  const inner = innerTarget(node, kind, family);
  if (inner !== undefined) targetNames(inner, family, out);
  else if (TARGET_CONTAINERS.has(kind))
    for (const c of node.namedChildren()) targetNames(c, family, out);
}

/** The part of a parameter or pattern node that binds (`x` of `x=1`, `v` of `{k: v}`). */
const INNER_FIELD: Readonly<Record<LanguageFamily, Readonly<Record<string, string>>>> = {
  typescript: {
    pair_pattern: 'value',
    assignment_pattern: 'left',
    object_assignment_pattern: 'left',
    required_parameter: 'pattern',
    optional_parameter: 'pattern',
  },
  python: { default_parameter: 'name', typed_default_parameter: 'name' },
};

function innerTarget(
  node: SgNode,
  kind: string,
  family: LanguageFamily,
): SgNode | null | undefined {
  const name = INNER_FIELD[family][kind];
  if (name) return field(node, name);
  if (family === 'python' && kind === 'typed_parameter') return node.namedChildren()[0] ?? null;
  return undefined;
}

const TARGET_CONTAINERS = new Set([
  // Python
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'list_splat_pattern',
  'dictionary_splat_pattern',
  'tuple',
  'list',
  'parenthesized_expression',
  'as_pattern_target',
  'parameters',
  'lambda_parameters',
  // TypeScript
  'object_pattern',
  'array_pattern',
  'rest_pattern',
  'formal_parameters',
]);

function field(node: SgNode, name: string): SgNode | null {
  return node.field(name as never) as SgNode | null;
}

/** The parameters of a function-like scope. */
function parameterNames(scope: SgNode, family: LanguageFamily, out: Set<string>): void {
  targetNames(field(scope, 'parameters'), family, out);
  if (family === 'typescript') targetNames(field(scope, 'parameter'), family, out);
}

/** What one statement-level node binds in the scope it belongs to. */
function bindingsOfNode(node: SgNode, family: LanguageFamily, out: Set<string>): void {
  const kind = kindOf(node);
  if (family === 'python') pythonBinding(node, kind, out);
  else typescriptBinding(node, kind, out);
}

const PY_TARGET_FIELD: Readonly<Record<string, string>> = {
  assignment: 'left',
  augmented_assignment: 'left',
  for_statement: 'left',
  for_in_clause: 'left',
  named_expression: 'name',
  function_definition: 'name',
  class_definition: 'name',
};

function pythonBinding(node: SgNode, kind: string, out: Set<string>): void {
  const target = PY_TARGET_FIELD[kind];
  if (target) targetNames(field(node, target), 'python', out);
  else if (kind === 'as_pattern_target') targetNames(node, 'python', out);
  else if (kind === 'import_statement' || kind === 'import_from_statement')
    for (const b of importedLocals(node)) out.add(b);
}

const TS_NAMED = new Set([
  'function_declaration',
  'generator_function_declaration',
  'class_declaration',
  'enum_declaration',
]);
const TS_TARGET_FIELD: Readonly<Record<string, string>> = {
  variable_declarator: 'name',
  catch_clause: 'parameter',
  for_in_statement: 'left',
};

function typescriptBinding(node: SgNode, kind: string, out: Set<string>): void {
  const target = TS_TARGET_FIELD[kind];
  if (target) targetNames(field(node, target), 'typescript', out);
  else if (TS_NAMED.has(kind)) {
    const name = field(node, 'name');
    if (name) out.add(name.text());
  } else if (kind === 'import_specifier' || kind === 'namespace_import' || kind === 'import_clause')
    for (const b of importedLocals(node)) out.add(b);
}

/** Local names an import node binds (Python statements; TS clauses and specifiers). */
function importedLocals(node: SgNode): string[] {
  const kind = kindOf(node);
  if (kind === 'import_specifier') {
    const alias = field(node, 'alias') ?? field(node, 'name');
    return alias ? [alias.text()] : [];
  }
  if (kind === 'namespace_import') return node.namedChildren().map((c) => c.text());
  if (kind === 'import_clause') {
    return node
      .namedChildren()
      .filter((c) => kindOf(c) === 'identifier')
      .map((c) => c.text());
  }
  const out: string[] = [];
  const names =
    kind === 'import_statement' ? node.namedChildren() : node.fieldChildren('name' as never);
  for (const n of names as SgNode[]) {
    if (kindOf(n) === 'aliased_import') out.push(field(n, 'alias')!.text());
    else if (kind === 'import_statement') out.push(n.text().split('.')[0]!);
    else out.push(n.text());
  }
  return out;
}

/** `global x` / `nonlocal x` in a Python function: names that are not its locals. */
function declaredNonLocal(node: SgNode, out: Set<string>): void {
  const kind = kindOf(node);
  if (kind === 'global_statement' || kind === 'nonlocal_statement') {
    for (const c of node.namedChildren()) out.add(c.text());
  }
}

/**
 * The names a scope binds itself: its parameters and what its body binds, not looking
 * into nested scopes (whose own names — a nested `def f` — it does bind).
 */
export function scopeBindings(scope: SgNode, family: LanguageFamily): Set<string> {
  const out = new Set<string>();
  const nonLocal = new Set<string>();
  if (isScope(scope, family)) parameterNames(scope, family, out);
  const body = isScope(scope, family) ? (field(scope, 'body') ?? scope) : scope;
  const stack: SgNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    bindingsOfNode(node, family, out);
    if (family === 'python') declaredNonLocal(node, nonLocal);
    if (node !== body && isScope(node, family)) continue;
    stack.push(...node.namedChildren());
  }
  for (const name of nonLocal) out.delete(name);
  return out;
}

/** Innermost enclosing scope (not the module) that binds `name`, if any. */
export function localBinderOf(
  node: SgNode,
  name: string,
  family: LanguageFamily,
  cache: Map<number, Set<string>>,
): SgNode | undefined {
  for (const scope of enclosingScopes(node, family)) {
    let names = cache.get(scope.id());
    if (!names) {
      names = scopeBindings(scope, family);
      cache.set(scope.id(), names);
    }
    if (names.has(name)) return scope;
  }
  return undefined;
}
