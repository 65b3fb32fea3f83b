/**
 * The scope model of one Python module (LibCST's ScopeProvider is the model): scopes,
 * the names they bind, and the references resolved to those bindings. Built by
 * `analyzeModule()` in `scope-builder.ts`; nodes are tree-sitter nodes of the module's tree.
 */
import type { ImportedName, ImportStatement } from '../imports.js';
import type { Node } from '../parser.js';

export type ScopeKind =
  | 'module'
  | 'class'
  | 'function'
  | 'lambda'
  | 'comprehension'
  /** PEP 695 type parameters (`def f[T](x: T)`), between a definition and its enclosing scope. */
  | 'type-params';

export type BindingKind =
  | 'function'
  | 'class'
  | 'import'
  /** `from m import *`: binds names not known from this module alone. */
  | 'star-import'
  | 'assignment'
  | 'augmented-assignment'
  /** `x: int` with no value: makes `x` local, binds nothing at runtime. */
  | 'annotation'
  | 'parameter'
  | 'for'
  | 'with'
  | 'except'
  | 'walrus'
  | 'comprehension'
  | 'match'
  | 'type-param'
  | 'type-alias';

/** What an import binding imports (absolute names where resolution needs the project). */
export interface ImportBinding {
  readonly statement: ImportStatement;
  readonly clause: ImportedName | undefined;
  /**
   * What the bound name denotes, as written: `a` for `import a.b`, `a.b` for `import a.b as c`,
   * `.m.x` / `pkg.m.x` for `from .m import x` / `from pkg.m import x`.
   */
  readonly target: string;
}

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  /** The scope the name is bound in (after `global` / `nonlocal` redirection). */
  readonly scope: Scope;
  /** The identifier that binds (def/class name, target, alias, parameter). */
  readonly node: Node;
  /** The statement (or comprehension / lambda / parameter list) that binds. */
  readonly statement: Node;
  readonly import?: ImportBinding;
  /** References resolved to this binding (filled in by resolution). */
  readonly references: Reference[];
}

export type ReferenceContext =
  /** An ordinary read. */
  | 'load'
  /** The target of `x += 1` (also a binding). */
  | 'augmented'
  | 'del'
  /** The name in `global x` / `nonlocal x`. */
  | 'global'
  | 'nonlocal'
  /** A name inside a string annotation (`"Foo"`), parsed from the string's text. */
  | 'string-annotation';

export interface Reference {
  readonly name: string;
  /** The identifier node; for a string annotation, the string node (see `start`/`end`). */
  readonly node: Node;
  /** Exact range of the name in the file's text. */
  readonly start: number;
  readonly end: number;
  readonly scope: Scope;
  readonly context: ReferenceContext;
  /** The bindings it may refer to; empty for builtins and unresolved names (set once, shared). */
  bindings: readonly Binding[];
  /** True when no binding was found and the name is a builtin. */
  builtin: boolean;
}

/** `a.b.c` read in an expression: the base name reference and the attribute identifiers. */
export interface AttributeChain {
  readonly base: Reference;
  /** Attribute identifiers in order (`b`, `c`). */
  readonly attributes: readonly Node[];
}

export interface Scope {
  readonly kind: ScopeKind;
  readonly node: Node;
  readonly parent: Scope | undefined;
  readonly children: Scope[];
  /** Dotted path inside the module: `''`, `f`, `C.m`, `f.<locals>.g`. */
  readonly qualifiedName: string;
  readonly bindings: Map<string, Binding[]>;
  readonly globalNames: Set<string>;
  readonly nonlocalNames: Set<string>;
  /** Names deleted (`del x`) in this scope: local even without another binding. */
  readonly deletedNames: Set<string>;
  readonly references: Reference[];
  /** Star imports in this scope (module scope only in Python 3). */
  readonly starImports: Binding[];
}

export function newScope(kind: ScopeKind, node: Node, parent: Scope | undefined, name: string) {
  const scope: Scope = {
    kind,
    node,
    parent,
    children: [],
    qualifiedName: name,
    bindings: new Map(),
    globalNames: new Set(),
    nonlocalNames: new Set(),
    deletedNames: new Set(),
    references: [],
    starImports: [],
  };
  parent?.children.push(scope);
  return scope;
}

/** Bindings of `name` made in `scope` itself (empty when none). */
export function bindingsIn(scope: Scope, name: string): readonly Binding[] {
  return scope.bindings.get(name) ?? [];
}

/** Whether `name` is local to `scope` (bound or deleted there, not declared global/nonlocal). */
export function isLocal(scope: Scope, name: string): boolean {
  if (scope.globalNames.has(name) || scope.nonlocalNames.has(name)) return false;
  return scope.bindings.has(name) || scope.deletedNames.has(name);
}

/** The list stored under `key`, created empty on first use. */
export function entryOf<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}
