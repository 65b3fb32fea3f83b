/**
 * A transform's `paths` option: the files of a run that lie at or under any of the given
 * repository-relative paths (`backend/`, `backend/main.py`), and the paths that match
 * none of them (for a clear refusal).
 */
import type { Problem } from '../engine/contract.js';

export interface PathScope {
  readonly files: string[];
  /** Given paths under which no file of the run lies. */
  readonly unmatched: string[];
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/** `files` restricted to `paths`; every file when `paths` is undefined or names the root. */
export function filesUnder(
  files: readonly string[],
  paths: readonly string[] | undefined,
): PathScope {
  if (!paths) return { files: [...files], unmatched: [] };
  const wanted = paths.map(normalize);
  if (wanted.some((p) => p === '' || p === '.')) return { files: [...files], unmatched: [] };
  const inside = (file: string, p: string) => file === p || file.startsWith(`${p}/`);
  return {
    files: files.filter((f) => wanted.some((p) => inside(f, p))),
    unmatched: wanted.filter((p) => !files.some((f) => inside(f, p))),
  };
}

/** One refusal problem per path under which no file lies, with the transform's code. */
export function unmatchedProblems(scope: PathScope, code: string): Problem[] {
  return scope.unmatched.map((p) => ({ code, message: `no Python file at or under ${p}` }));
}
