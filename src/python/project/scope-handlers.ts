/**
 * The statement and expression handlers of the scope walk: assignments, loops, `with`,
 * `except`, `global` / `nonlocal`, `del`, `match`, and the nodes whose identifiers are
 * not plain reads (keyword argument names, attributes, string annotations).
 */

import type { Node } from '../parser.js';
import type { ScopeCollector } from './scope-builder.js';
import { bindPattern, bindTargets } from './scope-targets.js';
import type { BindingKind, Scope } from './scope-types.js';

type Handler = (c: ScopeCollector, node: Node, scope: Scope) => void;

function assignment(c: ScopeCollector, node: Node, scope: Scope): void {
  const right = node.childForFieldName('right');
  const type = node.childForFieldName('type');
  if (type) c.visit(type, scope);
  if (right) c.visit(right, scope);
  const left = node.childForFieldName('left');
  if (left) bindTargets(c, left, scope, right ? 'assignment' : 'annotation', node);
}

function augmentedAssignment(c: ScopeCollector, node: Node, scope: Scope): void {
  c.field(node, 'right', scope);
  const left = node.childForFieldName('left');
  if (!left) return;
  if (left.type === 'identifier') {
    c.reference(left, scope, 'augmented');
    c.bind(left.text, 'augmented-assignment', scope, left, node);
  } else c.visit(left, scope);
}

function namedExpression(c: ScopeCollector, node: Node, scope: Scope): void {
  c.field(node, 'value', scope);
  let target = scope;
  while (target.kind === 'comprehension' && target.parent) target = target.parent;
  const name = node.childForFieldName('name');
  if (name) c.bind(name.text, 'walrus', target, name, node);
}

function forStatement(c: ScopeCollector, node: Node, scope: Scope): void {
  c.field(node, 'right', scope);
  const left = node.childForFieldName('left');
  if (left) bindTargets(c, left, scope, 'for', node);
  c.field(node, 'body', scope);
  c.field(node, 'alternative', scope);
}

/** `with x as y` / `except E as e`: the value is read, the alias bound. */
function asPattern(c: ScopeCollector, node: Node, scope: Scope, kind: BindingKind): void {
  const value = node.namedChild(0);
  if (value) c.visit(value, scope);
  const alias = node.childForFieldName('alias');
  if (alias) bindTargets(c, alias, scope, kind, node);
}

function withItem(c: ScopeCollector, node: Node, scope: Scope): void {
  const value = node.childForFieldName('value');
  if (value?.type === 'as_pattern') asPattern(c, value, scope, 'with');
  else if (value) c.visit(value, scope);
}

function exceptClause(c: ScopeCollector, node: Node, scope: Scope): void {
  for (const child of node.namedChildren) {
    if (child?.type === 'as_pattern') asPattern(c, child, scope, 'except');
    else if (child) c.visit(child, scope);
  }
}

function declaration(c: ScopeCollector, node: Node, scope: Scope): void {
  const isGlobal = node.type === 'global_statement';
  for (const id of node.namedChildren) {
    if (id?.type !== 'identifier') continue;
    (isGlobal ? scope.globalNames : scope.nonlocalNames).add(id.text);
    c.reference(id, scope, isGlobal ? 'global' : 'nonlocal');
  }
}

function deleteStatement(c: ScopeCollector, node: Node, scope: Scope): void {
  const visitTarget = (target: Node): void => {
    if (target.type === 'identifier') {
      scope.deletedNames.add(target.text);
      c.reference(target, scope, 'del');
    } else if (
      ['expression_list', 'tuple', 'list', 'parenthesized_expression'].includes(target.type)
    ) {
      for (const child of target.namedChildren) if (child) visitTarget(child);
    } else c.visit(target, scope);
  };
  for (const child of node.namedChildren) if (child) visitTarget(child);
}

function caseClause(c: ScopeCollector, node: Node, scope: Scope): void {
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'case_pattern') bindPattern(c, child, scope, node);
    else c.visit(child, scope);
  }
}

function typeAlias(c: ScopeCollector, node: Node, scope: Scope): void {
  const left = node.childForFieldName('left');
  const id = left?.type === 'identifier' ? left : left?.descendantsOfType('identifier')[0];
  if (id) c.bind(id.text, 'type-alias', scope, id, node);
  c.field(node, 'right', scope);
}

function keywordArgument(c: ScopeCollector, node: Node, scope: Scope): void {
  c.field(node, 'value', scope);
}

function decorated(c: ScopeCollector, node: Node, scope: Scope): void {
  for (const child of node.namedChildren) if (child) c.visit(child, scope);
}

function stringNode(c: ScopeCollector, node: Node, scope: Scope): void {
  if (node.parent?.type === 'type') c.stringAnnotation(node, scope);
  else c.visitChildren(node, scope);
}

export const HANDLERS: Record<string, Handler> = {
  function_definition: (c, n, s) => c.functionDefinition(n, s),
  class_definition: (c, n, s) => c.classDefinition(n, s),
  decorated_definition: decorated,
  lambda: (c, n, s) => c.lambda(n, s),
  assignment,
  augmented_assignment: augmentedAssignment,
  named_expression: namedExpression,
  for_statement: forStatement,
  with_item: withItem,
  except_clause: exceptClause,
  except_group_clause: exceptClause,
  global_statement: declaration,
  nonlocal_statement: declaration,
  delete_statement: deleteStatement,
  case_clause: caseClause,
  type_alias_statement: typeAlias,
  keyword_argument: keywordArgument,
  attribute: (c, n, s) => c.attribute(n, s),
  identifier: (c, n, s) => {
    c.reference(n, s);
  },
  string: stringNode,
  comment: () => {},
};
