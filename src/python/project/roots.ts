/**
 * Import roots: the directories whose children are top-level modules (what `sys.path`
 * holds when the code runs). From config `python.roots` when given; else inferred, in
 * this order: pytest `pythonpath`, pyproject package settings, `sys.path` insertions in
 * `conftest.py` / `tests/__init__.py`, `src/` layouts, directories holding top-level
 * packages, and the repository root.
 */
import path from 'node:path/posix';
import { parse as parseToml } from 'smol-toml';
import { isPackageInit } from '../files.js';
import type { Tree } from '../parser.js';
import { sysPathInsertions } from './sys-path.js';

export type RootSource =
  | 'config'
  | 'pytest'
  | 'pyproject'
  | 'sys-path'
  | 'src-layout'
  | 'package-parent'
  | 'repository';

export interface ImportRoot {
  /** Repository-relative directory, forward slashes; '' is the repository root. */
  readonly path: string;
  readonly source: RootSource;
  /** A directory of stand-in packages (`stubs/`, `typings/`): its modules count as third-party. */
  readonly stub: boolean;
}

export interface RootInput {
  /** Repository-relative paths of every Python file. */
  readonly files: readonly string[];
  /** Text of a repository file, or undefined when it does not exist. */
  readonly readText: (path: string) => string | undefined;
  /** Parse a Python file (the caller owns nothing: the tree is freed by `parse`'s owner). */
  readonly parse: (path: string) => Tree | undefined;
  readonly configRoots?: readonly string[] | undefined;
}

const STUB_DIRS = /(^|\/)(stubs|typings|stub)$|-stubs$/;

function clean(dir: string): string {
  const normal = path.normalize(dir.replace(/\\/g, '/')).replace(/\/$/, '');
  return normal === '.' ? '' : normal.replace(/^\.\//, '');
}

function root(dir: string, source: RootSource): ImportRoot {
  const p = clean(dir);
  return { path: p, source, stub: STUB_DIRS.test(p) };
}

/** Every directory that holds a Python file, with its ancestors, depth-limited. */
function configDirs(files: readonly string[]): string[] {
  const dirs = new Set<string>(['']);
  for (const file of files) {
    const parts = file.split('/').slice(0, -1);
    for (let i = 1; i <= Math.min(parts.length, 2); i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [...dirs];
}

function iniValue(text: string, section: RegExp, key: string): string[] {
  const lines = text.split(/\r?\n/);
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*\[/.test(line)) inSection = section.test(line.trim());
    const m = inSection ? new RegExp(`^${key}\\s*[=:]\\s*(.*)$`).exec(line) : null;
    if (!m) continue;
    const values = [m[1]!];
    while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]!)) values.push(lines[++i]!);
    return values
      .join(' ')
      .split(/[\s,]+/)
      .filter(Boolean);
  }
  return [];
}

function tomlTable(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** pytest `pythonpath` and pyproject packaging settings of the config files in `dir`. */
function configuredRoots(dir: string, readText: RootInput['readText']): ImportRoot[] {
  const out: ImportRoot[] = [];
  const at = (p: string) => (dir ? `${dir}/${p}` : p);
  for (const [file, section] of [
    ['pytest.ini', /^\[pytest\]$/],
    ['setup.cfg', /^\[tool:pytest\]$/],
    ['tox.ini', /^\[pytest\]$/],
  ] as const) {
    const text = readText(at(file));
    if (text)
      for (const p of iniValue(text, section, 'pythonpath')) out.push(root(at(p), 'pytest'));
  }
  const text = readText(at('pyproject.toml'));
  if (!text) return out;
  let toml: unknown;
  try {
    toml = parseToml(text);
  } catch {
    return out;
  }
  for (const p of strings(tomlTable(toml, 'tool', 'pytest', 'ini_options', 'pythonpath')))
    out.push(root(at(p), 'pytest'));
  for (const p of strings(tomlTable(toml, 'tool', 'setuptools', 'packages', 'find', 'where')))
    out.push(root(at(p), 'pyproject'));
  const packageDir = tomlTable(toml, 'tool', 'setuptools', 'package-dir', '');
  for (const p of strings(packageDir)) out.push(root(at(p), 'pyproject'));
  const poetry = tomlTable(toml, 'tool', 'poetry', 'packages');
  if (Array.isArray(poetry)) {
    for (const entry of poetry) {
      const from = tomlTable(entry, 'from');
      if (typeof from === 'string') out.push(root(at(from), 'pyproject'));
    }
  }
  for (const p of strings(
    tomlTable(toml, 'tool', 'hatch', 'build', 'targets', 'wheel', 'packages'),
  )) {
    out.push(root(at(path.dirname(p)), 'pyproject'));
  }
  return out;
}

function isBootstrap(file: string): boolean {
  const base = path.basename(file);
  return base === 'conftest.py' || /(^|\/)tests?\/__init__\.py$/.test(file);
}

function dirOf(p: string): string {
  const d = path.dirname(p);
  return d === '.' ? '' : d;
}

/** Directories holding a top-level package (a package whose parent is not one), and `src/`. */
function layoutRoots(files: readonly string[]): ImportRoot[] {
  const packages = new Set(files.filter(isPackageInit).map(dirOf));
  const out: ImportRoot[] = [];
  for (const file of files) {
    const dir = dirOf(file);
    if (path.basename(dir) === 'src') out.push(root(dir, 'src-layout'));
    const parent = dirOf(dir);
    if (dir && packages.has(dir) && !packages.has(parent)) {
      out.push(root(parent, path.basename(parent) === 'src' ? 'src-layout' : 'package-parent'));
    }
  }
  return out;
}

/** The import roots of a repository, most authoritative first, without duplicates. */
export function inferImportRoots(input: RootInput): ImportRoot[] {
  if (input.configRoots && input.configRoots.length > 0) {
    return dedupe(input.configRoots.map((r) => root(r, 'config')));
  }
  const found: ImportRoot[] = [];
  for (const dir of configDirs(input.files)) found.push(...configuredRoots(dir, input.readText));
  for (const file of input.files.filter(isBootstrap)) {
    const tree = input.parse(file);
    if (tree) found.push(...sysPathInsertions(tree, file).map((p) => root(p, 'sys-path')));
  }
  found.push(...layoutRoots(input.files));
  found.push(root('', 'repository'));
  return dedupe(found);
}

function dedupe(roots: readonly ImportRoot[]): ImportRoot[] {
  const seen = new Set<string>();
  return roots.filter((r) => !seen.has(r.path) && !!seen.add(r.path));
}
