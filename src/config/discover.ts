/**
 * Where a command works, found the way git and ruff find theirs: the repository root
 * is the git top level of a starting point (outside git, the nearest directory with a
 * project marker), and `remedy.config.json` is searched upward from the current
 * directory, never above the root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from './load.js';

/** Files that mark a project root outside git, nearest first. */
export const ROOT_MARKERS: readonly string[] = [CONFIG_FILE, 'pyproject.toml', 'package.json'];

/**
 * The real path of `p`, resolving symlinks of the part that exists; the rest (a file
 * not created yet) is appended as given.
 */
export function realPathLoose(p: string): string {
  const abs = path.resolve(p);
  const missing: string[] = [];
  let current = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return abs;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** The directory to start from: `p` itself when it is a directory, else its parent. */
function startDir(p: string): string {
  try {
    if (fs.statSync(p).isDirectory()) return p;
  } catch {
    // a path that does not exist: start from its parent
  }
  return path.dirname(p);
}

/** `dir` and its ancestors, nearest first. */
function* ancestors(dir: string): Generator<string> {
  let current = dir;
  for (;;) {
    yield current;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** The git top level above `start` (a `.git` directory or file), if any. */
export function findGitTopLevel(start: string): string | undefined {
  for (const dir of ancestors(startDir(realPathLoose(start)))) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
  }
  return undefined;
}

/**
 * The repository root for a path (file or directory, existing or not): its git top
 * level; outside git the nearest directory holding a root marker; else the path's
 * own directory.
 */
export function findProjectRoot(start: string): string {
  const dir = startDir(realPathLoose(start));
  const top = findGitTopLevel(dir);
  if (top) return top;
  for (const candidate of ancestors(dir)) {
    if (ROOT_MARKERS.some((m) => fs.existsSync(path.join(candidate, m)))) return candidate;
  }
  return dir;
}

/** True when `p` is `root` or inside it (both absolute, real paths). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * `remedy.config.json` nearest to `cwd`, searched upward but never above `root`;
 * when `cwd` is outside the root, only the root's own config counts.
 */
export function findConfigFile(cwd: string, root: string): string | undefined {
  const here = realPathLoose(cwd);
  const from = isInside(root, here) ? here : root;
  for (const dir of ancestors(from)) {
    const file = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(file)) return file;
    if (dir === root) break;
  }
  return undefined;
}
