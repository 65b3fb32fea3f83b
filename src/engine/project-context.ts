/**
 * The ProjectContext for cross-module transforms: files parsed on demand and cached,
 * file creation, project-level notes, and `refuse()`.
 */
import { InputError, NotApplicableError, TransformError } from '../core/errors.js';
import { resolveInRepo } from '../core/paths.js';
import type { Note } from '../core/result.js';
import { parsePython, type Tree } from '../python/parser.js';
import { PythonProject } from '../python/project/project.js';
import type { ProjectContext, TransformSettings } from './contract.js';
import { discoverPythonFiles } from './discover.js';
import { PythonFileContext } from './file-context.js';
import { syntaxErrorReason } from './pipeline.js';
import type { SourceStore } from './store.js';

export interface ProjectNote extends Note {
  readonly path?: string;
}

export class PythonProjectContext<O> implements ProjectContext<O> {
  readonly contexts = new Map<string, PythonFileContext<O>>();
  readonly created = new Map<string, string>();
  readonly notes: ProjectNote[] = [];
  private projectModel: PythonProject | undefined;

  readonly root: string;

  constructor(
    private readonly store: SourceStore,
    readonly files: readonly string[],
    readonly options: O,
    readonly settings: TransformSettings,
  ) {
    this.root = store.root;
  }

  /** The project model over every Python file of the repository, built on first use. */
  get project(): PythonProject {
    this.projectModel ??= new PythonProject(
      {
        files: this.repositoryPythonFiles(),
        readText: (path) => this.readText(path),
        tree: (path) => this.treeOrUndefined(path),
      },
      { configRoots: this.settings.pythonRoots },
    );
    return this.projectModel;
  }

  private repositoryPythonFiles(): string[] {
    const files = new Set(discoverPythonFiles(this.root, []).files);
    for (const extra of this.store.extraFiles()) if (/\.pyi?$/.test(extra)) files.add(extra);
    return [...files].sort();
  }

  private treeOrUndefined(path: string): Tree | undefined {
    try {
      return this.file(path).tree;
    } catch {
      return undefined;
    }
  }

  file(path: string): PythonFileContext<O> {
    const cached = this.contexts.get(path);
    if (cached) return cached;
    const read = this.store.read(path);
    if (!read.ok) throw new InputError(`${path}: ${read.reason}`, { location: { file: path } });
    const tree = parsePython(read.text);
    const broken = syntaxErrorReason(tree);
    if (broken) {
      tree.delete();
      throw new InputError(`${path}: ${broken}`, { location: { file: path } });
    }
    const ctx = new PythonFileContext(path, read.text, tree, this.options, this.settings);
    this.contexts.set(path, ctx);
    return ctx;
  }

  exists(path: string): boolean {
    return this.store.exists(path);
  }

  readText(path: string): string | undefined {
    const read = this.store.read(path);
    return read.ok ? read.text : undefined;
  }

  createFile(path: string, text: string): void {
    resolveInRepo(this.root, path);
    this.created.set(path, text);
  }

  warn(message: string, path?: string, line?: number): void {
    this.notes.push({
      severity: 'warning',
      message,
      ...(path ? { path } : {}),
      ...(line ? { line } : {}),
    });
  }

  info(message: string, path?: string, line?: number): void {
    this.notes.push({
      severity: 'info',
      message,
      ...(path ? { path } : {}),
      ...(line ? { line } : {}),
    });
  }

  refuse(reason: string, hint?: string): never {
    throw new TransformError(reason, hint ? { hint } : {});
  }

  notApplicable(reason: string): never {
    throw new NotApplicableError(reason);
  }

  /** Free every parsed tree. */
  dispose(): void {
    for (const ctx of this.contexts.values()) ctx.tree.delete();
    this.contexts.clear();
  }
}
