/**
 * Module names <-> files under the import roots, relative import resolution, and the
 * category of a module (stdlib, first-party, third-party).
 */
import { isPythonPath, isStubPath, withoutPythonExtension } from '../files.js';
import { isPythonName } from '../names.js';
import { isStdlibModule } from '../stdlib.js';
import type { ImportRoot } from './roots.js';

export type ModuleCategory = 'future' | 'stdlib' | 'first-party' | 'third-party';

export interface ModuleFile {
  /** Dotted module name (`app.api.admin_request`; a package's name for its `__init__.py`). */
  readonly name: string;
  /** Repository-relative path. */
  readonly path: string;
  readonly root: ImportRoot;
  /** True for a package's `__init__.py`. */
  readonly isPackage: boolean;
}

function contains(rootPath: string, file: string): boolean {
  return rootPath === '' || file.startsWith(`${rootPath}/`);
}

export class ModuleMap {
  private readonly byName = new Map<string, ModuleFile>();
  private readonly byPath = new Map<string, ModuleFile>();
  /** Every package name, regular or namespace (every proper prefix of a module name). */
  private readonly packages = new Set<string>();

  constructor(
    files: readonly string[],
    readonly roots: readonly ImportRoot[],
  ) {
    for (const file of files) {
      const module = this.nameFile(file);
      if (!module) continue;
      this.byPath.set(file, module);
      const existing = this.byName.get(module.name);
      if (!existing || this.prefer(module, existing)) this.byName.set(module.name, module);
      const parts = module.name.split('.');
      for (let i = 1; i < parts.length; i++) this.packages.add(parts.slice(0, i).join('.'));
      if (module.isPackage) this.packages.add(module.name);
    }
  }

  /** A file's module under the most specific import root that contains it. */
  private nameFile(file: string): ModuleFile | undefined {
    if (!isPythonPath(file)) return undefined;
    let best: ImportRoot | undefined;
    for (const r of this.roots) {
      if (contains(r.path, file) && (!best || r.path.length > best.path.length)) best = r;
    }
    if (!best) return undefined;
    const rel = best.path ? file.slice(best.path.length + 1) : file;
    const parts = withoutPythonExtension(rel).split('/');
    const isPackage = parts[parts.length - 1] === '__init__';
    if (isPackage) parts.pop();
    if (parts.length === 0 || !parts.every(isPythonName)) return undefined;
    return { name: parts.join('.'), path: file, root: best, isPackage };
  }

  /** Between two files of one module: the earlier root wins, then `.py` over `.pyi`. */
  private prefer(candidate: ModuleFile, existing: ModuleFile): boolean {
    const rank = (m: ModuleFile) => this.roots.indexOf(m.root);
    if (rank(candidate) !== rank(existing)) return rank(candidate) < rank(existing);
    return isStubPath(existing.path) && !isStubPath(candidate.path);
  }

  /** The module a repository file is, if it is importable under the roots. */
  moduleOf(path: string): ModuleFile | undefined {
    return this.byPath.get(path);
  }

  /** The file of a dotted module name in this repository, if any. */
  fileOf(name: string): ModuleFile | undefined {
    return this.byName.get(name);
  }

  /** Whether `name` is a package here (with an `__init__.py`, or a namespace package). */
  isPackage(name: string): boolean {
    return this.packages.has(name);
  }

  /** Whether `name` is a module or package of this repository. */
  isLocal(name: string): boolean {
    return this.byName.has(name) || this.packages.has(name);
  }

  /** Every module of the repository. */
  modules(): IterableIterator<ModuleFile> {
    return this.byName.values();
  }

  /** The absolute module of a relative reference (`level` dots + `module`) made in `fromPath`. */
  resolveRelative(fromPath: string, level: number, module: string): string | undefined {
    if (level === 0) return module;
    const from = this.moduleOf(fromPath);
    if (!from) return undefined;
    const parts = from.name.split('.');
    if (!from.isPackage) parts.pop();
    for (let i = 1; i < level; i++) {
      if (parts.length === 0) return undefined;
      parts.pop();
    }
    if (module) parts.push(...module.split('.'));
    return parts.length ? parts.join('.') : undefined;
  }

  /** `.m.x` / `..x` / `pkg.x` as written in `fromPath`, made absolute. */
  absoluteName(fromPath: string, dotted: string): string | undefined {
    const m = /^(\.*)(.*)$/.exec(dotted)!;
    return this.resolveRelative(fromPath, m[1]!.length, m[2]!);
  }

  /** What kind of module `name` is, by its top-level package. */
  category(name: string): ModuleCategory {
    if (name === '__future__') return 'future';
    const top = name.split('.')[0]!;
    const local = this.fileOf(top) ?? this.fileOf(name);
    if (local) return local.root.stub ? 'third-party' : 'first-party';
    if (this.packages.has(top)) return 'first-party';
    return isStdlibModule(name) ? 'stdlib' : 'third-party';
  }
}
