/**
 * Repository-relative paths: every path a user gives (options, config, documents)
 * is relative to the repository root and may not leave it.
 */
import path from 'node:path';
import { InputError } from './errors.js';

/** Forward-slash form of a relative path. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Resolve `p` (relative to `root`, or absolute inside it) to an absolute path.
 * Throws InputError when it leaves the root.
 */
export function resolveInRepo(root: string, p: string, what = 'path'): string {
  const abs = path.resolve(root, p);
  const rel = path.relative(root, abs);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new InputError(`${what} "${p}" is outside the repository ${root}`, {
      hint: 'paths in options, config and documents are relative to the repository root (--repo)',
    });
  }
  return abs;
}

/** The repository-relative, forward-slash form of an absolute path inside `root`. */
export function repoRelative(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  return rel === '' ? '.' : toPosix(rel);
}
