/**
 * Whether importing a project module from another one closes an import cycle: the
 * target imports (at module level, directly or through other project modules) the
 * module that would import it. Such an import can fail at start-up with a partially
 * initialised module, so a fix that adds it is unsafe.
 */
import { topLevelImports } from '../../src/python/imports.js';
import type { PythonProject } from '../../src/python/project/index.js';

/** The project modules a module imports at module level (absolute names). */
function importedModules(project: PythonProject, module: string): string[] {
  const file = project.fileOf(module);
  const tree = file ? project.analysis(file.path)?.tree : undefined;
  if (!file || !tree) return [];
  const out: string[] = [];
  for (const stmt of topLevelImports(tree)) {
    if (stmt.kind === 'import') {
      out.push(...stmt.names.map((n) => n.name));
      continue;
    }
    const base = project.modules.resolveRelative(file.path, stmt.level, stmt.module);
    if (!base) continue;
    out.push(base, ...stmt.names.map((n) => `${base}.${n.name}`));
  }
  return out.filter((m) => project.modules.isLocal(m));
}

/** The chain `target -> ... -> importer` when `target` imports `importer`, else undefined. */
export function importChain(
  project: PythonProject,
  target: string,
  importer: string,
): string[] | undefined {
  const previous = new Map<string, string | undefined>([[target, undefined]]);
  const queue = [target];
  while (queue.length > 0) {
    const module = queue.shift()!;
    if (module === importer) {
      const chain: string[] = [];
      for (let m: string | undefined = module; m !== undefined; m = previous.get(m))
        chain.unshift(m);
      return chain;
    }
    for (const next of importedModules(project, module)) {
      if (previous.has(next)) continue;
      previous.set(next, module);
      queue.push(next);
    }
  }
  return undefined;
}
