/**
 * Which bindings a rename renames: the definition, then every import clause that reads
 * the name from a module whose binding is renamed, and the local bindings of those
 * clauses when they have no alias (and their module is not kept on the old name by
 * `onCollision: alias`), to a fixed point across re-export chains.
 */
import type { PythonProject } from '../project.js';
import type { ImportUse, SymbolUses } from '../references.js';
import type { Binding } from '../scope-types.js';

export interface Propagation {
  /** Modules -> names there that are renamed (the symbol's new name replaces them). */
  readonly renamedNames: ReadonlyMap<string, ReadonlySet<string>>;
  /** Bindings whose name changes (definitions and unaliased import bindings) -> their file. */
  readonly renamedBindings: ReadonlyMap<Binding, string>;
  /** Import clauses whose imported name changes. */
  readonly renamedClauses: ReadonlySet<ImportUse>;
}

/** The module a `from X import ...` clause reads from, made absolute. */
function clauseSource(project: PythonProject, use: ImportUse): string | undefined {
  const stmt = use.binding.import!.statement;
  return project.modules.resolveRelative(use.path, stmt.level, stmt.module);
}

export function propagate(
  project: PythonProject,
  uses: SymbolUses,
  aliasFiles: ReadonlySet<string>,
): Propagation {
  const old = uses.target.name;
  const renamedNames = new Map<string, Set<string>>();
  const add = (module: string | undefined) => {
    if (!module) return false;
    const set = renamedNames.get(module) ?? new Set<string>();
    const had = set.has(old);
    renamedNames.set(module, set.add(old));
    return !had;
  };
  const isRenamed = (module: string | undefined) =>
    !!module && !!renamedNames.get(module)?.has(old);
  add(uses.module);
  const renamedBindings = new Map<Binding, string>(
    uses.definitions.map((d) => [d, uses.target.path]),
  );
  const renamedClauses = new Set<ImportUse>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const use of uses.imports) {
      if (renamedClauses.has(use)) continue;
      const clause = use.binding.import!.clause!;
      if (clause.name !== old || !isRenamed(clauseSource(project, use))) continue;
      renamedClauses.add(use);
      changed = true;
      if (use.aliased || aliasFiles.has(use.path)) continue;
      renamedBindings.set(use.binding, use.path);
      if (use.binding.scope.kind === 'module') add(project.moduleName(use.path));
    }
    for (const star of uses.starImports) {
      const source = project.importTarget(star.path, star.binding);
      if (isRenamed(source) && add(project.moduleName(star.path))) changed = true;
    }
  }
  return { renamedNames, renamedBindings, renamedClauses };
}
