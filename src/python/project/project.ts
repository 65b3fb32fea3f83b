/**
 * `PythonProject`: the project model a cross-module transform reads (`ctx.project`).
 * Import roots and the module map are computed on first use; each file is parsed and
 * analyzed (`ModuleAnalysis`) only when something asks about it, then cached. Dotted
 * names resolve across modules, following `from m import x` chains and re-exports
 * through `__init__.py` (LibCST's QualifiedNameProvider, made project-wide).
 */
import { stringLiteralValue } from '../nodes.js';
import type { Tree } from '../parser.js';
import { analyzeModule, localQualifiedName, type ModuleAnalysis } from './module-analysis.js';
import { type ModuleCategory, type ModuleFile, ModuleMap } from './module-map.js';
import { type ImportRoot, inferImportRoots } from './roots.js';
import type { Binding, Reference } from './scope-types.js';

/** Where the project reads files from. Trees belong to the source (it frees them). */
export interface ProjectSource {
  /** Repository-relative paths of every Python file of the project. */
  readonly files: readonly string[];
  /** Text of any repository file, or undefined when it does not exist. */
  readText(path: string): string | undefined;
  /** The parsed tree of a Python file, or undefined when it cannot be read or parsed. */
  tree(path: string): Tree | undefined;
}

export interface ProjectOptions {
  /** Import roots from config `python.roots` (repo-relative); inferred when absent. */
  readonly configRoots?: readonly string[] | undefined;
}

/** What a dotted name denotes. */
export type Resolution =
  /** A module or package of this repository (`file` absent for a namespace package). */
  | { readonly kind: 'module'; readonly module: string; readonly file: ModuleFile | undefined }
  /** A module-level binding of a repository module, after following imports. */
  | {
      readonly kind: 'symbol';
      readonly module: string;
      readonly file: ModuleFile;
      readonly name: string;
      readonly bindings: readonly Binding[];
      /** Attribute path below the symbol (`['count']` for `repo.BaseRepository.count`). */
      readonly member: readonly string[];
    }
  /** Something outside the repository (stdlib or an installed package). */
  | { readonly kind: 'external'; readonly name: string; readonly category: ModuleCategory }
  | { readonly kind: 'unresolved'; readonly name: string };

const MAX_DEPTH = 32;

export class PythonProject {
  private rootsCache: ImportRoot[] | undefined;
  private modulesCache: ModuleMap | undefined;
  private readonly texts = new Map<string, string | undefined>();
  private readonly analyses = new Map<string, ModuleAnalysis | undefined>();
  private readonly resolutions = new Map<string, Resolution>();

  constructor(
    readonly source: ProjectSource,
    readonly options: ProjectOptions = {},
  ) {}

  /** Every Python file of the project (repository-relative). */
  get files(): readonly string[] {
    return this.source.files;
  }

  /** Import roots, most authoritative first. */
  get roots(): readonly ImportRoot[] {
    this.rootsCache ??= inferImportRoots({
      files: this.files,
      readText: (p) => this.text(p),
      parse: (p) => this.source.tree(p),
      configRoots: this.options.configRoots,
    });
    return this.rootsCache;
  }

  get modules(): ModuleMap {
    this.modulesCache ??= new ModuleMap(this.files, this.roots);
    return this.modulesCache;
  }

  /** A file's text (cached), or undefined when it cannot be read. */
  text(path: string): string | undefined {
    if (!this.texts.has(path)) this.texts.set(path, this.source.readText(path));
    return this.texts.get(path);
  }

  /** The scope analysis of a file (built on first use), or undefined when it does not parse. */
  analysis(path: string): ModuleAnalysis | undefined {
    if (!this.analyses.has(path)) {
      const tree = this.source.tree(path);
      this.analyses.set(path, tree ? analyzeModule(tree) : undefined);
    }
    return this.analyses.get(path);
  }

  /** The dotted module name of a file, if it is importable. */
  moduleName(path: string): string | undefined {
    return this.modules.moduleOf(path)?.name;
  }

  /** The file of a module of this repository. */
  fileOf(module: string): ModuleFile | undefined {
    return this.modules.fileOf(module);
  }

  category(module: string): ModuleCategory {
    return this.modules.category(module);
  }

  /** Files whose text mentions any of `names` as a whole word. */
  filesMentioning(names: Iterable<string>): string[] {
    const list = [...names];
    const word = new RegExp(`(?<![\\w])(?:${list.map(escapeRegExp).join('|')})(?![\\w])`);
    return this.files.filter((f) => {
      const text = this.text(f);
      return text !== undefined && list.some((n) => text.includes(n)) && word.test(text);
    });
  }

  /** The absolute dotted name an import binding of `path` denotes (`pkg.mod.name`). */
  importTarget(path: string, binding: Binding): string | undefined {
    if (!binding.import) return undefined;
    return this.modules.absoluteName(path, binding.import.target);
  }

  /** The absolute qualified name of a binding of `path` (`app.db.f`, `app.db.f.<locals>.x`). */
  bindingQualifiedName(path: string, binding: Binding): string | undefined {
    if (binding.kind === 'import') return this.importTarget(path, binding);
    if (binding.kind === 'star-import') return undefined;
    const module = this.moduleName(path);
    const local = localQualifiedName(binding);
    return module ? `${module}.${local}` : local;
  }

  /** The qualified names a reference may denote (one per binding; `builtins.x` for builtins). */
  qualifiedNames(path: string, ref: Reference): string[] {
    if (ref.builtin) return [`builtins.${ref.name}`];
    const names = new Set<string>();
    for (const b of ref.bindings) {
      if (b.kind === 'star-import') {
        const source = this.importTarget(path, b);
        if (source) names.add(`${source}.${ref.name}`);
        continue;
      }
      const qn = this.bindingQualifiedName(path, b);
      if (qn) names.add(qn);
    }
    return [...names];
  }

  /** What a reference denotes, across modules. */
  resolveReference(path: string, ref: Reference): Resolution[] {
    return this.qualifiedNames(path, ref).map((qn) => this.resolve(qn));
  }

  /** What `base.a.b` denotes, for a reference and the first `count` attributes of its chain. */
  resolveAttributes(path: string, base: Reference, attributes: readonly string[]): Resolution[] {
    const suffix = attributes.length ? `.${attributes.join('.')}` : '';
    return this.qualifiedNames(path, base).map((qn) => this.resolve(qn + suffix));
  }

  /** Resolve an absolute dotted name (`app.api.admin_request._parse_body`). */
  resolve(dotted: string): Resolution {
    const cached = this.resolutions.get(dotted);
    if (cached) return cached;
    const result = this.resolveWalk(dotted, new Set());
    this.resolutions.set(dotted, result);
    return result;
  }

  private resolveWalk(dotted: string, seen: Set<string>): Resolution {
    const parts = dotted.split('.');
    const top = parts[0]!;
    if (top === 'builtins' || !this.modules.isLocal(top)) {
      return { kind: 'external', name: dotted, category: this.modules.category(dotted) };
    }
    let module = top;
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i]!;
      const rest = parts.slice(i + 1);
      const step = this.resolveMember(module, part, seen);
      if (step === 'submodule') {
        module = `${module}.${part}`;
        continue;
      }
      if (step === undefined) return { kind: 'unresolved', name: dotted };
      if (typeof step === 'string') {
        if (seen.size > MAX_DEPTH) return { kind: 'unresolved', name: dotted };
        return this.resolveWalk([step, ...rest].join('.'), seen);
      }
      return { ...step, member: rest };
    }
    return { kind: 'module', module, file: this.fileOf(module) };
  }

  /**
   * One step `module.part`: a symbol, a submodule, a dotted name to continue from (an
   * import or star import to follow), or undefined.
   */
  private resolveMember(
    module: string,
    part: string,
    seen: Set<string>,
  ): Extract<Resolution, { kind: 'symbol' }> | 'submodule' | string | undefined {
    const key = `${module}.${part}`;
    const file = this.fileOf(module);
    const analysis = file ? this.analysis(file.path) : undefined;
    const bindings = analysis?.globalBindings(part) ?? [];
    const isSubmodule = this.modules.isLocal(key);
    if (bindings.length > 0 && file && !seen.has(key)) {
      seen.add(key);
      const definitions = bindings.filter((b) => b.kind !== 'import');
      if (definitions.length > 0) {
        return { kind: 'symbol', module, file, name: part, bindings, member: [] };
      }
      const target = this.importTarget(file.path, bindings[bindings.length - 1]!);
      if (target && target !== key) return target;
    }
    if (isSubmodule) return 'submodule';
    for (const star of analysis?.moduleScope.starImports ?? []) {
      const source = file ? this.importTarget(file.path, star) : undefined;
      if (source && !seen.has(`${source}.*`) && this.exports(source).includes(part)) {
        seen.add(`${source}.*`);
        return `${source}.${part}`;
      }
    }
    return undefined;
  }

  /** The names `from module import *` binds: `__all__` when it is a literal, else public names. */
  exports(module: string): string[] {
    const file = this.fileOf(module);
    const analysis = file ? this.analysis(file.path) : undefined;
    if (!analysis) return [];
    const all = literalAll(analysis);
    if (all) return all;
    return analysis.globalNames().filter((n) => !n.startsWith('_'));
  }
}

/** The string entries of a module-level `__all__ = [...]` (and `+=`), if literal. */
export function literalAll(analysis: ModuleAnalysis): string[] | undefined {
  const bindings = analysis.globalBindings('__all__');
  if (bindings.length === 0) return undefined;
  const names: string[] = [];
  for (const b of bindings) {
    const right = b.statement.childForFieldName('right');
    if (!right || !['list', 'tuple'].includes(right.type)) return undefined;
    for (const item of right.namedChildren) {
      const value = item ? stringLiteralValue(item) : undefined;
      if (value === undefined) return undefined;
      names.push(value);
    }
  }
  return names;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
