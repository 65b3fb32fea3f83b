/**
 * What a helper needs from its module, and whether two copies need the same things:
 * each name a helper reads from its module is a builtin, another helper being
 * extracted, an import, a constant or function that can be copied along, or blocked
 * (module state, a class, a name bound twice). A `meaning` string per name lets copies
 * in different modules be compared; `closure` lists what must travel with a helper.
 */
import type { ImportRequest } from '../../src/python/import-edits.js';
import { uncopyableValue } from '../../src/python/module-values.js';
import { lineOf, statementOf } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import type { ModuleAnalysis } from '../../src/python/project/module-analysis.js';
import type { PythonProject } from '../../src/python/project/project.js';
import type { Binding, Reference } from '../../src/python/project/scope-types.js';
import { shapeOf } from '../../src/python/structure.js';

export type Dependency =
  | { readonly kind: 'builtin'; readonly name: string }
  | { readonly kind: 'helper'; readonly name: string; readonly to: string }
  | {
      readonly kind: 'import';
      readonly name: string;
      readonly binding: Binding;
      readonly request: ImportRequest;
    }
  /** A module-level constant or function copied along under its own name. */
  | {
      readonly kind: 'definition';
      readonly name: string;
      readonly binding: Binding;
      readonly statement: Node;
    }
  | { readonly kind: 'blocked'; readonly name: string; readonly why: string };

/** Local helper names of a file -> their new names. */
export type HelperNames = (path: string) => ReadonlyMap<string, string>;

export class DependencyResolver {
  private readonly meanings = new Map<string, string>();

  constructor(
    private readonly project: PythonProject,
    private readonly helpers: HelperNames,
  ) {}

  analysis(path: string): ModuleAnalysis {
    const analysis = this.project.analysis(path);
    if (!analysis) throw new Error(`${path} does not parse`);
    return analysis;
  }

  /** How a free name of `path` is printed in a shape: helpers by their new name. */
  printName(path: string): (ref: Reference) => string {
    const helpers = this.helpers(path);
    return (ref) => {
      const b = ref.bindings[0];
      const to = b?.kind === 'function' ? helpers.get(ref.name) : undefined;
      return to ?? ref.name;
    };
  }

  /** What a free reference of `path` depends on. */
  resolve(path: string, ref: Reference): Dependency {
    if (ref.builtin) return { kind: 'builtin', name: ref.name };
    if (ref.bindings.length === 0)
      return { kind: 'blocked', name: ref.name, why: 'it is not defined' };
    return this.resolveName(path, ref.name);
  }

  /** What the module-level name `name` of `path` is, as a dependency. */
  resolveName(path: string, name: string): Dependency {
    const module = this.analysis(path).globalBindings(name);
    if (module.length === 0) return { kind: 'blocked', name, why: 'it is not defined' };
    if (module.length > 1) {
      const lines = module.map((b) => lineOf(b.node)).join(', ');
      return { kind: 'blocked', name, why: `it is bound more than once (lines ${lines})` };
    }
    const b = module[0]!;
    if (b.kind === 'function' && this.helpers(path).has(name)) {
      return { kind: 'helper', name, to: this.helpers(path).get(name)! };
    }
    if (b.kind === 'import') return this.importDependency(path, b);
    const statement = statementOf(b.statement);
    if (statement.parent?.type !== 'module') {
      return {
        kind: 'blocked',
        name,
        why: `it is defined inside a block (line ${lineOf(b.node)})`,
      };
    }
    if (b.kind === 'function') return { kind: 'definition', name, binding: b, statement };
    if (b.kind === 'class') {
      return {
        kind: 'blocked',
        name,
        why: 'it is a class: a copy would be a second, different class',
      };
    }
    if (b.kind === 'assignment') return this.assignmentDependency(b, statement);
    return {
      kind: 'blocked',
      name,
      why: `it is bound by a ${b.kind} statement (line ${lineOf(b.node)})`,
    };
  }

  private importDependency(path: string, b: Binding): Dependency {
    const { statement, clause } = b.import!;
    if (!clause) return { kind: 'blocked', name: b.name, why: 'it comes from `import *`' };
    if (statement.kind === 'import') {
      const request = { module: clause.name, ...(clause.alias ? { alias: clause.alias } : {}) };
      return { kind: 'import', name: b.name, binding: b, request };
    }
    const module = this.project.modules.resolveRelative(path, statement.level, statement.module);
    if (!module) {
      return { kind: 'blocked', name: b.name, why: 'its relative import cannot be resolved' };
    }
    const request = { module, name: clause.name, ...(clause.alias ? { alias: clause.alias } : {}) };
    return { kind: 'import', name: b.name, binding: b, request };
  }

  private assignmentDependency(b: Binding, statement: Node): Dependency {
    const assignment = b.statement;
    const left = assignment.childForFieldName('left');
    const value = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || !value || value.type === 'assignment') {
      return {
        kind: 'blocked',
        name: b.name,
        why: `line ${lineOf(b.node)} is not a plain \`name = value\``,
      };
    }
    const problem = uncopyableValue(value, b);
    if (problem) {
      return {
        kind: 'blocked',
        name: b.name,
        why: `it is module state: ${problem} (line ${lineOf(b.node)})`,
      };
    }
    return { kind: 'definition', name: b.name, binding: b, statement };
  }

  /** A string equal for two dependencies that behave the same in their modules. */
  meaning(path: string, dep: Dependency, visiting = new Set<string>()): string {
    switch (dep.kind) {
      case 'builtin':
        return `builtin:${dep.name}`;
      case 'helper':
        return `helper:${dep.to}`;
      case 'blocked':
        return `blocked:${dep.why}`;
      case 'import':
        return `import:${dep.request.module}:${dep.request.name ?? ''}`;
      case 'definition':
        return this.definitionMeaning(path, dep, visiting);
    }
  }

  private definitionMeaning(
    path: string,
    dep: Extract<Dependency, { kind: 'definition' }>,
    visiting: Set<string>,
  ): string {
    const id = `${path}\u0000${dep.name}`;
    const cached = this.meanings.get(id);
    if (cached) return cached;
    if (visiting.has(id)) return `cycle:${dep.name}`;
    visiting.add(id);
    const shape = shapeOf(this.analysis(path), dep.statement, { freeName: this.printName(path) });
    const meaning = `def:${shape.key}{${this.environment(path, shape.free, visiting)}}`;
    visiting.delete(id);
    this.meanings.set(id, meaning);
    return meaning;
  }

  /** `name=meaning` of every non-helper free name, sorted: part of a copy's identity. */
  environment(path: string, free: readonly Reference[], visiting = new Set<string>()): string {
    const entries = new Map<string, string>();
    for (const ref of free) {
      if (entries.has(ref.name)) continue;
      const dep = this.resolve(path, ref);
      if (dep.kind === 'helper') continue;
      entries.set(ref.name, this.meaning(path, dep, visiting));
    }
    return [...entries]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([n, m]) => `${n}=${m}`)
      .join(';');
  }

  /**
   * Everything a node needs that must exist in its new module: imports and copied
   * definitions (transitively), and the names that block the move. Helpers and
   * builtins are not listed.
   */
  closure(path: string, node: Node): Dependency[] {
    const out = new Map<string, Dependency>();
    const queue: Node[] = [node];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const ref of shapeOf(this.analysis(path), current).free) {
        if (out.has(ref.name)) continue;
        const dep = this.resolve(path, ref);
        if (dep.kind === 'builtin' || dep.kind === 'helper') continue;
        out.set(ref.name, dep);
        if (dep.kind === 'definition') queue.push(dep.statement);
      }
    }
    return [...out.values()];
  }
}
