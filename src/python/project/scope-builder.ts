/**
 * Walks one module's tree and records scopes, raw bindings and references; the
 * statement-level half of `analyzeModule()` (targets, parameters and match patterns
 * are in `scope-targets.ts`, resolution in `scope-resolve.ts`).
 */

import { describeImport } from '../imports.js';
import type { Node, Tree } from '../parser.js';
import { namedChildrenOf } from './children.js';
import { LazyReference, NodeLocator, type RawBinding, rawBinding } from './lazy-nodes.js';
import { HANDLERS } from './scope-handlers.js';
import { bindParameters, bindTargets } from './scope-targets.js';
import {
  type AttributeChain,
  type BindingKind,
  type ImportBinding,
  newScope,
  type Reference,
  type ReferenceContext,
  type Scope,
  type ScopeKind,
} from './scope-types.js';

const COMPREHENSIONS = new Set([
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);

const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/** Collects scopes, raw bindings, references and attribute chains for one module. */
export class ScopeCollector {
  readonly scopes: Scope[] = [];
  readonly bindings: RawBinding[] = [];
  readonly references: Reference[] = [];
  readonly chains: AttributeChain[] = [];
  readonly scopeByNode = new Map<number, Scope>();

  private readonly locator: NodeLocator;

  constructor(tree: Tree) {
    this.locator = new NodeLocator(tree);
    const root = tree.rootNode;
    const module = this.openScope('module', root, undefined, '');
    for (const child of namedChildrenOf(root)) this.visit(child, module);
  }

  get module(): Scope {
    return this.scopes[0]!;
  }

  openScope(kind: ScopeKind, node: Node, parent: Scope | undefined, name: string): Scope {
    const scope = newScope(kind, node, parent, name);
    this.scopes.push(scope);
    if (kind !== 'type-params') this.scopeByNode.set(node.id, scope);
    return scope;
  }

  bind(
    name: string,
    kind: BindingKind,
    scope: Scope,
    node: Node,
    statement: Node,
    imp?: ImportBinding,
  ): void {
    this.bindings.push(rawBinding(name, kind, scope, node, statement, this.locator, imp));
  }

  reference(node: Node, scope: Scope, context: ReferenceContext = 'load'): Reference {
    const { startIndex, endIndex } = node;
    const ref = new LazyReference(
      node.text,
      node,
      startIndex,
      endIndex,
      scope,
      context,
      this.locator,
    );
    this.references.push(ref);
    scope.references.push(ref);
    return ref;
  }

  /** A name inside a string annotation: `node` is the string, the range is the name's. */
  stringReference(node: Node, scope: Scope, name: string, start: number): void {
    const end = start + name.length;
    const ref = new LazyReference(name, node, start, end, scope, 'string-annotation', this.locator);
    this.references.push(ref);
    scope.references.push(ref);
  }

  visitChildren(node: Node, scope: Scope): void {
    for (const child of node.namedChildren) if (child) this.visit(child, scope);
  }

  visit(node: Node, scope: Scope): void {
    const handler = HANDLERS[node.type];
    if (handler) handler(this, node, scope);
    else if (COMPREHENSIONS.has(node.type)) this.comprehension(node, scope);
    else if (IMPORTS.has(node.type)) this.importStatement(node, scope);
    else this.visitChildren(node, scope);
  }

  /** Visit an optional field of `node`. */
  field(node: Node, name: string, scope: Scope): void {
    const child = node.childForFieldName(name);
    if (child) this.visit(child, scope);
  }

  /** The scope definitions in `scope` name their nested scopes after. */
  childName(scope: Scope, name: string): string {
    if (scope.kind === 'module') return name;
    if (scope.kind === 'class') return `${scope.qualifiedName}.${name}`;
    if (scope.kind === 'type-params') return scope.qualifiedName.replace(/[^.]*$/, name);
    return `${scope.qualifiedName}.<locals>.${name}`;
  }

  /** A scope for PEP 695 type parameters, when `node` has any. */
  typeParams(node: Node, scope: Scope, name: string): Scope {
    const params = node.childForFieldName('type_parameters');
    if (!params) return scope;
    const tp = this.openScope('type-params', node, scope, this.childName(scope, name));
    for (const type of params.namedChildren) {
      const id = type?.descendantsOfType('identifier')[0];
      if (id) this.bind(id.text, 'type-param', tp, id, params);
    }
    return tp;
  }

  functionDefinition(node: Node, scope: Scope): void {
    const nameNode = node.childForFieldName('name')!;
    this.bind(nameNode.text, 'function', scope, nameNode, node);
    const header = this.typeParams(node, scope, nameNode.text);
    const fn = this.openScope('function', node, header, this.childName(scope, nameNode.text));
    const params = node.childForFieldName('parameters');
    if (params) bindParameters(this, params, fn, scope, header);
    this.field(node, 'return_type', header);
    this.field(node, 'body', fn);
  }

  classDefinition(node: Node, scope: Scope): void {
    const nameNode = node.childForFieldName('name')!;
    this.bind(nameNode.text, 'class', scope, nameNode, node);
    const header = this.typeParams(node, scope, nameNode.text);
    this.field(node, 'superclasses', header);
    const cls = this.openScope('class', node, header, this.childName(scope, nameNode.text));
    this.field(node, 'body', cls);
  }

  lambda(node: Node, scope: Scope): void {
    const fn = this.openScope('lambda', node, scope, this.childName(scope, '<lambda>'));
    const params = node.childForFieldName('parameters');
    if (params) bindParameters(this, params, fn, scope, scope);
    this.field(node, 'body', fn);
  }

  /** The first iterable runs in the enclosing scope; the rest in the comprehension's own. */
  comprehension(node: Node, scope: Scope): void {
    const comp = this.openScope('comprehension', node, scope, scope.qualifiedName);
    let first = true;
    for (const child of namedChildrenOf(node)) {
      if (child?.type !== 'for_in_clause') continue;
      const right = child.childForFieldName('right');
      if (right) this.visit(right, first ? scope : comp);
      const left = child.childForFieldName('left');
      if (left) bindTargets(this, left, comp, 'comprehension', child);
      first = false;
    }
    for (const child of namedChildrenOf(node)) {
      if (!child || child.type === 'for_in_clause') continue;
      this.visit(child, comp);
    }
  }

  importStatement(node: Node, scope: Scope): void {
    const statement = describeImport(node);
    const prefix = statement.kind === 'from' ? '.'.repeat(statement.level) : '';
    if (statement.wildcard) {
      const binding = { statement, clause: undefined, target: prefix + statement.module };
      this.bind('*', 'star-import', scope, node, node, binding);
      return;
    }
    const clauses = node.childrenForFieldName('name');
    statement.names.forEach((clause, i) => {
      const clauseNode = clauses[i]!;
      const bindNode =
        clauseNode.type === 'aliased_import'
          ? clauseNode.childForFieldName('alias')!
          : (clauseNode.descendantsOfType('identifier')[0] ?? clauseNode);
      let target: string;
      if (statement.kind === 'import') target = clause.alias ? clause.name : clause.bound;
      else if (statement.isFuture) target = `__future__.${clause.name}`;
      else target = `${prefix}${statement.module}${statement.module ? '.' : ''}${clause.name}`;
      this.bind(clause.bound, 'import', scope, bindNode, node, { statement, clause, target });
    });
  }

  /** `a.b.c`: the base name is a reference, the attribute names are recorded as a chain. */
  attribute(node: Node, scope: Scope): void {
    const attributes: Node[] = [];
    let current: Node = node;
    while (current.type === 'attribute') {
      const attr = current.childForFieldName('attribute');
      if (attr) attributes.unshift(attr);
      const object = current.childForFieldName('object');
      if (!object) return;
      current = object;
    }
    if (current.type === 'identifier') {
      this.chains.push({ base: this.reference(current, scope), attributes });
    } else this.visit(current, scope);
  }

  /** Names in a plain string annotation (`"Foo"`, `"list[mod.Bar]"`): not after a dot. */
  stringAnnotation(node: Node, scope: Scope): void {
    const content = node.namedChildren.filter((c) => c && c.type !== 'string_start');
    const body = content.filter((c) => c?.type !== 'string_end');
    if (body.length !== 1 || body[0]!.type !== 'string_content') return;
    const part = body[0]!;
    const text = part.text;
    if (!/^[\w.[\], |"']*$/.test(text)) return;
    for (const match of text.matchAll(/(?<![\w.])[A-Za-z_]\w*/g)) {
      this.stringReference(node, scope, match[0], part.startIndex + match.index);
    }
  }
}
