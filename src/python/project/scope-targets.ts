/**
 * The binding half of the scope walk: assignment targets (tuple unpacking, starred),
 * parameters (defaults read in the enclosing scope, annotations in the header scope)
 * and `match` capture patterns.
 */

import type { Node } from '../parser.js';
import type { ScopeCollector } from './scope-builder.js';
import type { BindingKind, Scope } from './scope-types.js';

const UNPACKING = new Set([
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'tuple',
  'list',
  'expression_list',
  'parenthesized_expression',
  'as_pattern_target',
  'list_splat_pattern',
  'list_splat',
]);

/** Bind every name a target binds; attributes and subscripts in it are reads. */
export function bindTargets(
  c: ScopeCollector,
  target: Node,
  scope: Scope,
  kind: BindingKind,
  statement: Node,
): void {
  if (target.type === 'identifier') {
    c.bind(target.text, kind, scope, target, statement);
    return;
  }
  if (UNPACKING.has(target.type)) {
    for (const child of target.namedChildren) {
      if (child) bindTargets(c, child, scope, kind, statement);
    }
    return;
  }
  c.visit(target, scope);
}

/**
 * Parameters bind in `fn`; defaults are evaluated in `outer` (where the definition
 * runs), annotations in `header` (the type-parameter scope, or `outer`).
 */
export function bindParameters(
  c: ScopeCollector,
  params: Node,
  fn: Scope,
  outer: Scope,
  header: Scope,
): void {
  for (const param of params.namedChildren) {
    if (!param) continue;
    const name = param.childForFieldName('name');
    const type = param.childForFieldName('type');
    const value = param.childForFieldName('value');
    if (value) c.visit(value, outer);
    if (type) c.visit(type, header);
    switch (param.type) {
      case 'identifier':
        c.bind(param.text, 'parameter', fn, param, params);
        break;
      case 'default_parameter':
      case 'typed_default_parameter':
        if (name) bindTargets(c, name, fn, 'parameter', params);
        break;
      case 'typed_parameter':
      case 'list_splat_pattern':
      case 'dictionary_splat_pattern':
      case 'tuple_pattern': {
        const id = firstIdentifier(param);
        if (id) c.bind(id.text, 'parameter', fn, id, params);
        break;
      }
      default:
        break;
    }
  }
}

function firstIdentifier(node: Node): Node | undefined {
  if (node.type === 'identifier') return node;
  for (const child of node.namedChildren) {
    if (!child || child.type === 'type') continue;
    const found = firstIdentifier(child);
    if (found) return found;
  }
  return undefined;
}

function capture(c: ScopeCollector, id: Node, scope: Scope, statement: Node): void {
  if (id.text !== '_') c.bind(id.text, 'match', scope, id, statement);
}

/** A value pattern (`Color.RED`) or class name (`Point(...)`): a read. */
function readDotted(c: ScopeCollector, dotted: Node, scope: Scope): void {
  const ids = dotted.namedChildren.filter((n): n is Node => n?.type === 'identifier');
  const base = ids[0];
  if (!base) return;
  const ref = c.reference(base, scope);
  if (ids.length > 1) c.chains.push({ base: ref, attributes: ids.slice(1) });
}

/** Bind the captures of a `case` pattern and read its value patterns. */
export function bindPattern(c: ScopeCollector, node: Node, scope: Scope, statement: Node): void {
  switch (node.type) {
    case 'dotted_name': {
      const parent = node.parent?.type;
      const isCapture =
        (parent === 'case_pattern' || parent === 'keyword_pattern') && node.namedChildCount === 1;
      if (isCapture) capture(c, node.namedChild(0)!, scope, statement);
      else readDotted(c, node, scope);
      return;
    }
    case 'class_pattern': {
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'dotted_name') readDotted(c, child, scope);
        else bindPattern(c, child, scope, statement);
      }
      return;
    }
    case 'keyword_pattern': {
      node.namedChildren.slice(1).forEach((child) => {
        if (child) bindPattern(c, child, scope, statement);
      });
      return;
    }
    case 'splat_pattern': {
      const id = node.namedChildren.find((n) => n?.type === 'identifier');
      if (id) capture(c, id, scope, statement);
      return;
    }
    case 'as_pattern': {
      const children = node.namedChildren.filter((n): n is Node => !!n);
      const last = children[children.length - 1];
      for (const child of children) {
        if (child === last && child.type === 'identifier') capture(c, child, scope, statement);
        else bindPattern(c, child, scope, statement);
      }
      return;
    }
    case 'identifier':
      capture(c, node, scope, statement);
      return;
    default:
      if (node.namedChildCount === 0) return;
      for (const child of node.namedChildren) if (child) bindPattern(c, child, scope, statement);
  }
}
