/**
 * Find the file of a module a user names: by repository path, by a base name unique
 * in the repository (`admin_request.py`), or by dotted module name under the import
 * roots. Shared by the transforms that act on "the module that defines X".
 */
import type { PythonProject } from './project.js';

/** A module named by `file` (path or unique base name) or, when no file is given, `module`. */
export interface ModuleQuery {
  readonly file?: string | undefined;
  readonly module?: string | undefined;
}

/** The repository path of the module, or why it cannot be found. */
export function locateModuleFile(
  project: PythonProject,
  query: ModuleQuery,
): { path: string } | { problem: string } {
  if (query.file !== undefined) {
    const file = query.file.replace(/\\/g, '/').replace(/^\.\//, '');
    if (project.files.includes(file)) return { path: file };
    const matches = project.files.filter((f) => f.endsWith(`/${file}`));
    if (matches.length === 1) return { path: matches[0]! };
    if (matches.length > 1) {
      return {
        problem: `"${file}" matches ${matches.length} files (${matches.join(', ')}); give the full path`,
      };
    }
    return { problem: `no Python file "${file}" in the repository` };
  }
  const found = query.module === undefined ? undefined : project.fileOf(query.module);
  if (found) return { path: found.path };
  const roots = project.roots.map((r) => r.path || '.').join(', ');
  return { problem: `no module "${query.module ?? ''}" under the import roots (${roots})` };
}
