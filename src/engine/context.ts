/**
 * The contexts a transform runs with, and what they collect: fixes per file, files to
 * create, import requests per file and diagnostics (`Emitted`). One implementation of
 * the verbs serves both kinds of transform; only what they may read differs.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { InputError, NotApplicableError, RefusalError } from '../core/errors.js';
import type { Applicability, Fix } from '../core/fix.js';
import { resolveInRepo } from '../core/paths.js';
import { detectEol, LineIndex } from '../core/text.js';
import type {
  Anchor,
  FileContext,
  ImportRequest,
  LanguageTypes,
  Problem,
  ProjectContext,
  RefuseOptions,
  Report,
  SourceFile,
  TransformSettings,
} from './contract.js';
import { discoverFiles } from './discover.js';
import { type AnyLanguage, languageOf } from './language.js';
import type { SourceStore } from './store.js';

/** Thrown by `ctx.skip()`; caught by the engine. */
export class SkipFile extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface ImportRequests {
  readonly add: ImportRequest[];
  readonly removeIfUnused: ImportRequest[];
}

export function noImports(): ImportRequests {
  return { add: [], removeIfUnused: [] };
}

function pushUnique(list: ImportRequest[], req: ImportRequest): void {
  if (!list.some((r) => r.module === req.module && r.name === req.name && r.alias === req.alias)) {
    list.push(req);
  }
}

/** Add `from`'s requests to `into`, each once. */
export function mergeImports(into: ImportRequests, from: ImportRequests | undefined): void {
  for (const r of from?.add ?? []) pushUnique(into.add, r);
  for (const r of from?.removeIfUnused ?? []) pushUnique(into.removeIfUnused, r);
}

/** Everything a transform emitted in one run. */
export class Emitted {
  readonly fixes = new Map<string, Fix[]>();
  readonly imports = new Map<string, ImportRequests>();
  readonly created = new Map<string, { text: string; applicability: Applicability }>();
  readonly deleted = new Map<string, Applicability>();
  readonly diagnostics: Diagnostic[] = [];

  fix(path: string, fix: Fix): void {
    this.fixes.set(path, [...(this.fixes.get(path) ?? []), fix]);
  }

  importsOf(path: string): ImportRequests {
    let requests = this.imports.get(path);
    if (!requests) {
      requests = noImports();
      this.imports.set(path, requests);
    }
    return requests;
  }
}

function request(module: string, name?: string, alias?: string): ImportRequest {
  return { module, ...(name ? { name } : {}), ...(alias ? { alias } : {}) };
}

/** A parsed file as transforms read it; its import requests go to `emitted`. */
class SourceFileView<L extends LanguageTypes> implements SourceFile<L> {
  private lineIndex: LineIndex | undefined;
  private lineEnding: '\n' | '\r\n' | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly tree: L['tree'],
    private readonly emitted: Emitted,
  ) {}

  /** Built on first use: most files never need a line number. */
  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  get eol(): '\n' | '\r\n' {
    this.lineEnding ??= detectEol(this.text);
    return this.lineEnding;
  }

  addImport(module: string, name?: string, alias?: string): void {
    pushUnique(this.emitted.importsOf(this.path).add, request(module, name, alias));
  }

  removeImportIfUnused(module: string, name?: string): void {
    pushUnique(this.emitted.importsOf(this.path).removeIfUnused, request(module, name));
  }
}

/** A transform's report as a diagnostic: `at` becomes a line of `file`. */
function toDiagnostic(
  report: Report,
  file: string | undefined,
  lineOf: (file: string, at: Anchor) => number | undefined,
): Diagnostic {
  const { at, file: _, ...rest } = report;
  const line = report.line ?? (file && at !== undefined ? lineOf(file, at) : undefined);
  return { ...rest, ...(file ? { file } : {}), ...(line ? { line } : {}) };
}

function offsetOf(at: Anchor): number {
  return typeof at === 'number' ? at : at.startIndex;
}

/** The verbs both contexts share; `lineOf` and `fixAllowed` are what differ. */
abstract class Verbs {
  constructor(protected readonly emitted: Emitted) {}

  protected abstract defaultFile(): string | undefined;
  protected abstract lineOf(file: string, at: Anchor): number | undefined;
  abstract fix(path: string, fix: Fix): void;
  abstract createFile(path: string, text: string, applicability?: Applicability): void;
  abstract deleteFile(path: string, applicability?: Applicability): void;

  report(report: Report): void {
    this.emitted.diagnostics.push(this.diagnostic(report));
  }

  refuse(problems: Problem | readonly Problem[], options: RefuseOptions = {}): never {
    const list = Array.isArray(problems) ? problems : [problems as Problem];
    const diagnostics = list.map((p) => this.diagnostic({ ...p, severity: 'error' }));
    throw new RefusalError(diagnostics, options);
  }

  notApplicable(reason: string): never {
    throw new NotApplicableError(reason);
  }

  private diagnostic(report: Report): Diagnostic {
    return toDiagnostic(report, report.file ?? this.defaultFile(), (f, at) => this.lineOf(f, at));
  }
}

/** The context of a file-reading transform: one file, its fixes and requests. */
export class FileRunContext<O, L extends LanguageTypes> extends Verbs implements FileContext<O, L> {
  private readonly file: SourceFileView<L>;

  constructor(
    path: string,
    text: string,
    tree: L['tree'],
    readonly options: O,
    readonly settings: TransformSettings,
    emitted: Emitted,
  ) {
    super(emitted);
    this.file = new SourceFileView(path, text, tree, emitted);
  }

  get path(): string {
    return this.file.path;
  }
  get text(): string {
    return this.file.text;
  }
  get tree(): L['tree'] {
    return this.file.tree;
  }
  get lines(): LineIndex {
    return this.file.lines;
  }
  get eol(): '\n' | '\r\n' {
    return this.file.eol;
  }

  addImport(module: string, name?: string, alias?: string): void {
    this.file.addImport(module, name, alias);
  }

  removeImportIfUnused(module: string, name?: string): void {
    this.file.removeImportIfUnused(module, name);
  }

  fix(path: string, fix: Fix): void {
    if (path !== this.path) {
      throw new Error(`a file-reading transform fixed ${path} while running on ${this.path}`);
    }
    this.emitted.fix(path, fix);
  }

  createFile(path: string): void {
    throw new Error(`a file-reading transform cannot create files (${path}); read the project`);
  }

  deleteFile(path: string): void {
    throw new Error(`a file-reading transform cannot delete files (${path}); read the project`);
  }

  skip(reason: string): never {
    throw new SkipFile(reason);
  }

  protected defaultFile(): string {
    return this.path;
  }

  protected lineOf(file: string, at: Anchor): number | undefined {
    return file === this.path ? this.lines.lineOf(offsetOf(at)) : undefined;
  }
}

/** The context of a project-reading transform: any file, parsed on demand, and the project model. */
export class ProjectRunContext<O, L extends LanguageTypes>
  extends Verbs
  implements ProjectContext<O, L>
{
  private readonly views = new Map<string, SourceFileView<L>>();
  private projectModel: L['project'] | undefined;
  readonly root: string;

  constructor(
    private readonly store: SourceStore,
    private readonly language: AnyLanguage,
    readonly files: readonly string[],
    readonly options: O,
    readonly settings: TransformSettings,
    emitted: Emitted,
  ) {
    super(emitted);
    this.root = store.root;
  }

  /** The language's project model over every one of its files in the repository. */
  get project(): L['project'] {
    if (!this.language.openProject) {
      throw new Error(`the ${this.language.id} language adapter has no project model`);
    }
    this.projectModel ??= this.language.openProject(
      {
        files: this.repositoryFiles(),
        readText: (path: string) => this.readText(path),
        tree: (path: string) => this.treeOrUndefined(path),
      },
      this.settings,
    );
    return this.projectModel;
  }

  private repositoryFiles(): string[] {
    const owns = (p: string) => languageOf(p) === this.language;
    const files = new Set(discoverFiles(this.root, [], owns).files);
    for (const extra of this.store.extraFiles()) if (owns(extra)) files.add(extra);
    for (const gone of this.store.deletedFiles()) files.delete(gone);
    return [...files].sort();
  }

  private treeOrUndefined(path: string): L['tree'] | undefined {
    try {
      return this.file(path).tree;
    } catch {
      return undefined;
    }
  }

  file(path: string): SourceFileView<L> {
    const cached = this.views.get(path);
    if (cached) return cached;
    const language = languageOf(path);
    if (!language) throw new InputError(`${path}: no language remedy knows owns this file`);
    const read = this.store.read(path);
    if (!read.ok) throw new InputError(`${path}: ${read.reason}`, { location: { file: path } });
    const tree = language.parse(path, read.text);
    const broken = language.syntaxError(tree);
    if (broken) {
      language.dispose(tree);
      throw new InputError(`${path}: ${broken}; remedy only edits files that parse`, {
        location: { file: path },
      });
    }
    const view = new SourceFileView<L>(path, read.text, tree, this.emitted);
    this.views.set(path, view);
    return view;
  }

  exists(path: string): boolean {
    return this.store.exists(path);
  }

  readText(path: string): string | undefined {
    const read = this.store.read(path);
    return read.ok ? read.text : undefined;
  }

  fix(path: string, fix: Fix): void {
    resolveInRepo(this.root, path);
    this.emitted.fix(path, fix);
  }

  createFile(path: string, text: string, applicability: Applicability = 'safe'): void {
    resolveInRepo(this.root, path);
    this.emitted.created.set(path, { text, applicability });
  }

  deleteFile(path: string, applicability: Applicability = 'safe'): void {
    resolveInRepo(this.root, path);
    if (!this.store.exists(path)) throw new Error(`cannot delete ${path}: there is no such file`);
    this.emitted.deleted.set(path, applicability);
  }

  protected defaultFile(): undefined {
    return undefined;
  }

  protected lineOf(file: string, at: Anchor): number | undefined {
    try {
      return this.file(file).lines.lineOf(offsetOf(at));
    } catch {
      return undefined;
    }
  }

  /** Free every parsed tree. */
  dispose(): void {
    for (const [path, view] of this.views) languageOf(path)?.dispose(view.tree);
    this.views.clear();
  }
}
