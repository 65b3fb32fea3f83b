/**
 * `analyzeModule(tree)`: the scopes, bindings and resolved references of one module,
 * with lookups by name, node and offset. Needs no project: file transforms can use it
 * directly; `PythonProject` adds module names and cross-module resolution on top.
 */
import type { Node, Tree } from '../parser.js';
import { ScopeCollector } from './scope-builder.js';
import { lookup, placeBindings, resolveReferences } from './scope-resolve.js';
import type { AttributeChain, Binding, Reference, Scope } from './scope-types.js';

export class ModuleAnalysis {
  /** Every scope, the module scope first, in document order of their nodes. */
  readonly scopes: readonly Scope[];
  readonly bindings: readonly Binding[];
  readonly references: readonly Reference[];
  /** `a.b.c` reads whose base is a name (the base is also in `references`). */
  readonly attributeChains: readonly AttributeChain[];
  private readonly scopeByNode: ReadonlyMap<number, Scope>;
  private readonly chainByBase = new Map<Reference, AttributeChain>();

  constructor(readonly tree: Tree) {
    const collector = new ScopeCollector(tree);
    this.scopes = collector.scopes;
    this.bindings = placeBindings(collector.bindings);
    resolveReferences(collector.references);
    this.references = collector.references;
    this.attributeChains = collector.chains;
    this.scopeByNode = collector.scopeByNode;
    for (const chain of collector.chains) this.chainByBase.set(chain.base, chain);
  }

  get moduleScope(): Scope {
    return this.scopes[0]!;
  }

  /** Module-level bindings of `name` (definitions, assignments, imports, `global` targets). */
  globalBindings(name: string): readonly Binding[] {
    return this.moduleScope.bindings.get(name) ?? [];
  }

  /** Every name bound at module level. */
  globalNames(): string[] {
    return [...this.moduleScope.bindings.keys()];
  }

  /** The scope a function, class, lambda or comprehension node opens. */
  scopeOfDefinition(node: Node): Scope | undefined {
    return this.scopeByNode.get(node.id);
  }

  /** The innermost scope whose node contains `offset` (the module scope at worst). */
  scopeAt(offset: number): Scope {
    let best = this.moduleScope;
    for (const scope of this.scopes) {
      if (scope.kind === 'type-params') continue;
      const { startIndex, endIndex } = scope.node;
      if (startIndex <= offset && offset < endIndex && startIndex >= best.node.startIndex) {
        best = scope;
      }
    }
    return best;
  }

  /** The function or class scope with this dotted path (`BaseRepository.count`, `f.g`). */
  scopeByQualifiedName(dotted: string): Scope | undefined {
    return this.scopes.find(
      (s) =>
        (s.kind === 'function' || s.kind === 'class') &&
        (s.qualifiedName === dotted || s.qualifiedName.replace(/\.<locals>/g, '') === dotted),
    );
  }

  /** What `name` would refer to if read in `scope` (empty: builtin or unbound). */
  lookup(scope: Scope, name: string): readonly Binding[] {
    return lookup(scope, name);
  }

  /** The reference whose name starts at `offset`, if any. */
  referenceAt(offset: number): Reference | undefined {
    return this.references.find((r) => r.start === offset);
  }

  /** The attribute chain whose base is `ref` (`ref.a.b`), if any. */
  chainOf(ref: Reference): AttributeChain | undefined {
    return this.chainByBase.get(ref);
  }

  /** References named `name`, anywhere in the module. */
  referencesNamed(name: string): Reference[] {
    return this.references.filter((r) => r.name === name);
  }
}

/** Analyze one parsed module. The tree must outlive the analysis (nodes point into it). */
export function analyzeModule(tree: Tree): ModuleAnalysis {
  return new ModuleAnalysis(tree);
}

/** `f`, `C.m`, `f.<locals>.g` + name: the dotted path of a binding inside its module. */
export function localQualifiedName(binding: Binding): string {
  const prefix = binding.scope.qualifiedName;
  if (!prefix) return binding.name;
  const sep = binding.scope.kind === 'class' ? '.' : '.<locals>.';
  return binding.scope.kind === 'module' ? binding.name : `${prefix}${sep}${binding.name}`;
}
