/**
 * Would a new import close a cycle? `from target import f` added to a module that the
 * target itself imports (directly or through other first-party modules, at module level)
 * can fail at import time, depending on which module is imported first. A planner asks
 * before adding such an import and leaves that site, saying why.
 */
import type { PythonProject } from './project/project.js';

/** The first-party modules `path` imports at module level (by file). */
function importedFiles(project: PythonProject, path: string): string[] {
  const analysis = project.analysis(path);
  if (!analysis) return [];
  const out = new Set<string>();
  for (const bindings of analysis.moduleScope.bindings.values()) {
    for (const b of bindings) {
      if (b.kind !== 'import') continue;
      const target = project.importTarget(path, b);
      if (!target) continue;
      const r = project.resolve(target);
      const file =
        r.kind === 'module' ? r.file?.path : r.kind === 'symbol' ? r.file.path : undefined;
      if (file && file !== path) out.add(file);
    }
  }
  return [...out];
}

/** Whether `module`'s file imports `importer` (transitively): importing `module` from `importer` makes a cycle. */
export function importWouldCycle(
  project: PythonProject,
  importer: string,
  module: string,
): boolean {
  const start = project.fileOf(module)?.path;
  if (!start || start === importer) return false;
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0 && seen.size < 500) {
    for (const next of importedFiles(project, queue.shift()!)) {
      if (next === importer) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}
