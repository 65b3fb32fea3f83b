/**
 * Which files are Python: the extensions the Python language adapter owns (`.py`
 * modules and `.pyi` stubs), asked through one predicate rather than a regex per caller.
 */

export const PYTHON_EXTENSIONS: readonly string[] = ['.py', '.pyi'];

/** Whether a path (or file name) is a Python module or stub. */
export function isPythonPath(path: string): boolean {
  return PYTHON_EXTENSIONS.some((ext) => path.endsWith(ext));
}

/** Whether a path is a stub (`.pyi`): declarations that are never executed. */
export function isStubPath(path: string): boolean {
  return path.endsWith('.pyi');
}

/** The path without its Python extension (`app/models.py` -> `app/models`). */
export function withoutPythonExtension(path: string): string {
  const ext = PYTHON_EXTENSIONS.find((e) => path.endsWith(e));
  return ext ? path.slice(0, -ext.length) : path;
}

/** Whether a path is a package's `__init__.py` (or `__init__.pyi`). */
export function isPackageInit(path: string): boolean {
  return isPythonPath(path) && /(^|\/)__init__$/.test(withoutPythonExtension(path));
}
