/**
 * Find the files to work on under the given paths (those whose name `accept`s: the
 * extensions of a transform's languages): respects `.gitignore` (nested ones and
 * `.git/info/exclude`), skips virtualenvs, `node_modules` and caches, and directories
 * holding a `.git` file or folder (submodules, nested repositories: another
 * repository's files). Files named explicitly are included, by their real path when
 * they are symlinks; paths that a symlink leads outside the root, or that lie inside a
 * submodule, are reported as missing with the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { repoRelative, resolveInRepo, toPosix } from '../core/paths.js';

const SKIP_DIRS = new Set([
  '.git',
  'node_modules',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  'site-packages',
  '.eggs',
  '.hg',
  '.svn',
]);

interface Matcher {
  readonly base: string;
  readonly ig: Ignore;
}

export interface Discovery {
  /** Repository-relative paths, sorted. */
  readonly files: string[];
  /** Paths given that do not exist or cannot be read. */
  readonly missing: { readonly path: string; readonly reason: string }[];
}

function loadIgnore(dir: string, name: string): Matcher | undefined {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return { base: dir, ig: ignore().add(text) };
}

function isIgnored(abs: string, isDir: boolean, matchers: readonly Matcher[]): boolean {
  for (const m of matchers) {
    const rel = path.relative(m.base, abs);
    if (!rel || rel.startsWith('..')) continue;
    if (m.ig.ignores(rel.split(path.sep).join('/') + (isDir ? '/' : ''))) return true;
  }
  return false;
}

function isVirtualenv(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'pyvenv.cfg'));
}

/** The ignore files that apply to `dir` from the root down. */
function matchersFor(root: string, dir: string): Matcher[] {
  const matchers: Matcher[] = [];
  const exclude = loadIgnore(path.join(root, '.git', 'info'), 'exclude');
  if (exclude) matchers.push({ base: root, ig: exclude.ig });
  let current = root;
  const rel = path.relative(root, dir);
  const parts = rel ? rel.split(path.sep) : [];
  for (let i = 0; i <= parts.length; i++) {
    const m = loadIgnore(current, '.gitignore');
    if (m) matchers.push(m);
    if (i < parts.length) current = path.join(current, parts[i]!);
  }
  return matchers;
}

/** Whether a file name is one to work on. */
export type AcceptFile = (name: string) => boolean;

/** A submodule or nested repository: its files belong to another repository. */
function isNestedRepo(dir: string): boolean {
  return fs.existsSync(path.join(dir, '.git'));
}

function walk(dir: string, matchers: Matcher[], accept: AcceptFile, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (
        SKIP_DIRS.has(entry.name) ||
        isIgnored(abs, true, matchers) ||
        isVirtualenv(abs) ||
        isNestedRepo(abs)
      )
        continue;
      const own = loadIgnore(abs, '.gitignore');
      walk(abs, own ? [...matchers, own] : matchers, accept, out);
    } else if (entry.isFile() && accept(entry.name)) {
      if (!isIgnored(abs, false, matchers)) out.push(abs);
    }
  }
}

/** Accepted files under `paths` (repository-relative or absolute inside `root`). */
export function discoverFiles(
  root: string,
  paths: readonly string[],
  accept: AcceptFile,
): Discovery {
  const found = new Set<string>();
  const missing: { path: string; reason: string }[] = [];
  for (const given of paths.length ? paths : ['.']) {
    const located = locate(root, given);
    if ('reason' in located) {
      missing.push({ path: given, reason: located.reason });
    } else if (located.stat.isDirectory()) {
      const out: string[] = [];
      walk(located.abs, matchersFor(root, located.abs), accept, out);
      for (const f of out) found.add(repoRelative(root, f));
    } else {
      found.add(repoRelative(root, located.abs));
    }
  }
  return { files: [...found].sort(), missing };
}

type Located = { readonly abs: string; readonly stat: fs.Stats } | { readonly reason: string };

/**
 * A given path as the file or directory it really is, under `root`: symlinks resolved;
 * refused when that leaves the root or lies inside a submodule / nested repository.
 */
function locate(root: string, given: string): Located {
  const abs = resolveInRepo(root, given);
  let stat: fs.Stats;
  let real: string;
  try {
    stat = fs.statSync(abs);
    real = fs.realpathSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? 'no such file or directory' : (error as Error).message };
  }
  const realRoot = fs.realpathSync(root);
  const rel = path.relative(realRoot, real);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    return {
      reason: `a symbolic link leads ${given} to ${real}, outside the repository; remedy does not follow it`,
    };
  }
  const nested = nestedRepoAbove(realRoot, real, stat.isDirectory());
  if (nested !== undefined) {
    return {
      reason: `${given} is inside the submodule or nested repository ${toPosix(nested)}, which belongs to another repository; remedy leaves it alone`,
    };
  }
  return { abs: path.join(root, rel), stat };
}

/** The root-relative directory between `realRoot` (excluded) and `real` that holds a `.git`. */
function nestedRepoAbove(realRoot: string, real: string, isDir: boolean): string | undefined {
  let dir = isDir ? real : path.dirname(real);
  let found: string | undefined;
  while (dir !== realRoot && dir.startsWith(realRoot)) {
    if (isNestedRepo(dir)) found = path.relative(realRoot, dir);
    dir = path.dirname(dir);
  }
  return found;
}
