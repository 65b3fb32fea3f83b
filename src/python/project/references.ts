/**
 * Every use of one module-level symbol across the project: its definitions, the import
 * clauses that bring it in (through re-export chains, with or without alias), names
 * resolved to those bindings, `module.attr` reads, dotted strings such as
 * `mock.patch("pkg.mod.name")`, `patch.object(mod, "name")`, `__all__` entries, and the
 * dynamic uses that cannot be proven (`getattr(obj, "name")` on an unknown object).
 */
import type { Node } from '../parser.js';
import type { ModuleAnalysis } from './module-analysis.js';
import type { PythonProject } from './project.js';
import type { Binding, Reference } from './scope-types.js';
import { collectStringUses, type DynamicUse, type StringUse } from './string-uses.js';

export type { DynamicUse, StringUse } from './string-uses.js';

/** A module-level binding of a repository module: what `findSymbolUses` looks for. */
export interface SymbolTarget {
  /** Repository-relative path of the defining module. */
  readonly path: string;
  readonly name: string;
}

export interface ImportUse {
  readonly path: string;
  /** The binding the clause makes (`alias` or the name), in whatever scope it is. */
  readonly binding: Binding;
  /** The imported name's identifier in the clause (`x` in `from m import x as y`). */
  readonly nameNode: Node;
  /** True when the clause has `as alias` with a different name. */
  readonly aliased: boolean;
}

export interface NameUse {
  readonly path: string;
  readonly reference: Reference;
  /** The binding it goes through: the definition, or an import binding in its file. */
  readonly binding: Binding;
}

export interface AttributeUse {
  readonly path: string;
  /** The attribute identifier (`x` in `mod.x`). */
  readonly node: Node;
  /** The module whose attribute it is (`mod`), and the name there. */
  readonly module: string;
  readonly name: string;
}

export interface SymbolUses {
  readonly target: SymbolTarget;
  /** Dotted module name of the defining module (if importable). */
  readonly module: string | undefined;
  /** Module-level bindings of the name in the defining module. */
  readonly definitions: readonly Binding[];
  readonly imports: readonly ImportUse[];
  readonly names: readonly NameUse[];
  readonly attributes: readonly AttributeUse[];
  /** Dotted strings, `patch.object(mod, "x")` names and `__all__` entries. */
  readonly strings: readonly StringUse[];
  readonly dynamic: readonly DynamicUse[];
  /** Files that get the symbol through `from m import *`. */
  readonly starImports: readonly { readonly path: string; readonly binding: Binding }[];
  /** Every `module -> local name` under which the symbol is a module-level binding. */
  readonly exposed: ReadonlyMap<string, ReadonlySet<string>>;
  /** Files that mention the name but do not parse: uses there are unknown. */
  readonly unparsed: readonly string[];
}

/** Whether `module.name` resolves to the target symbol itself. */
export function exposesTarget(
  project: PythonProject,
  target: SymbolTarget,
  module: string,
  name: string,
): boolean {
  const r = project.resolve(`${module}.${name}`);
  return (
    r.kind === 'symbol' &&
    r.file.path === target.path &&
    r.name === target.name &&
    r.member.length === 0
  );
}

class UseCollector {
  readonly imports: ImportUse[] = [];
  readonly names: NameUse[] = [];
  readonly attributes: AttributeUse[] = [];
  readonly strings: StringUse[] = [];
  readonly dynamic: DynamicUse[] = [];
  readonly starImports: { path: string; binding: Binding }[] = [];
  readonly exposed = new Map<string, Set<string>>();
  readonly unparsed: string[] = [];
  /** Local names the symbol goes by (grows with aliases). */
  readonly known: Set<string>;

  constructor(
    readonly project: PythonProject,
    readonly target: SymbolTarget,
    readonly definitions: readonly Binding[],
    known: ReadonlySet<string>,
  ) {
    this.known = new Set(known);
  }

  exposes = (module: string, name: string): boolean =>
    exposesTarget(this.project, this.target, module, name);

  private expose(module: string | undefined, name: string): void {
    if (!module) return;
    const set = this.exposed.get(module) ?? new Set<string>();
    this.exposed.set(module, set.add(name));
  }

  /** The bindings of a file that stand for the symbol (definition, imports, star imports). */
  private symbolBindings(path: string, analysis: ModuleAnalysis): Set<Binding> {
    const out = new Set<Binding>();
    const module = this.project.moduleName(path);
    if (path === this.target.path) {
      for (const d of this.definitions) out.add(d);
      this.expose(module, this.target.name);
    }
    for (const b of analysis.bindings) {
      if (b.kind === 'star-import') {
        const source = this.project.importTarget(path, b);
        if (source && this.project.exports(source).some((n) => this.exposes(source, n))) {
          this.starImports.push({ path, binding: b });
          out.add(b);
        }
        continue;
      }
      if (b.kind !== 'import' || b.import?.statement.kind !== 'from') continue;
      const clause = b.import.clause!;
      if (!this.known.has(clause.name)) continue;
      const target = this.project.importTarget(path, b);
      const r = target ? this.project.resolve(target) : undefined;
      if (r?.kind !== 'symbol' || r.file.path !== this.target.path || r.name !== this.target.name)
        continue;
      if (r.member.length > 0) continue;
      out.add(b);
      const nameNode = b.statement
        .descendantsOfType('identifier')
        .find((id) => id && id.startIndex >= clause.start && id.text === clause.name)!;
      this.imports.push({ path, binding: b, nameNode, aliased: b.name !== clause.name });
      this.known.add(b.name);
      if (b.scope.kind === 'module') this.expose(module, b.name);
    }
    return out;
  }

  scan(path: string): void {
    const analysis = this.project.analysis(path);
    if (!analysis) {
      this.unparsed.push(path);
      return;
    }
    const bindings = this.symbolBindings(path, analysis);
    for (const ref of analysis.references) {
      const via = ref.bindings.find((b) => bindings.has(b));
      if (!via) continue;
      if (via.kind === 'star-import') {
        const source = this.project.importTarget(path, via);
        if (!source || !this.exposes(source, ref.name)) continue;
        this.expose(this.project.moduleName(path), ref.name);
      }
      this.names.push({ path, reference: ref, binding: via });
    }
    this.scanAttributes(path, analysis);
    const strings = collectStringUses(this.project, path, analysis, this.known, this.exposes);
    this.strings.push(...strings.uses);
    this.dynamic.push(...strings.dynamic);
  }

  private scanAttributes(path: string, analysis: ModuleAnalysis): void {
    for (const chain of analysis.attributeChains) {
      chain.attributes.forEach((attr, i) => {
        if (!this.known.has(attr.text)) return;
        const prefix = chain.attributes.slice(0, i).map((a) => a.text);
        for (const r of this.project.resolveAttributes(path, chain.base, prefix)) {
          if (r.kind === 'module' && this.exposes(r.module, attr.text)) {
            this.attributes.push({ path, node: attr, module: r.module, name: attr.text });
            return;
          }
        }
      });
    }
  }
}

/**
 * Find every use of `target` (a module-level definition) in the project. Only files
 * that mention one of the symbol's names are analyzed.
 */
export function findSymbolUses(project: PythonProject, target: SymbolTarget): SymbolUses {
  const analysis = project.analysis(target.path);
  const definitions = analysis?.globalBindings(target.name) ?? [];
  let known = new Set([target.name]);
  let collector = new UseCollector(project, target, definitions, known);
  for (;;) {
    for (const file of project.filesMentioning(known)) collector.scan(file);
    if (collector.known.size === known.size) break;
    known = new Set(collector.known);
    collector = new UseCollector(project, target, definitions, known);
  }
  return {
    target,
    module: project.moduleName(target.path),
    definitions,
    imports: collector.imports,
    names: collector.names,
    attributes: collector.attributes,
    strings: collector.strings,
    dynamic: collector.dynamic,
    starImports: collector.starImports,
    exposed: collector.exposed,
    unparsed: collector.unparsed,
  };
}
