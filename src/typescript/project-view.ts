/**
 * A project view for TypeScript planners: the ts-morph Project of the tsconfig that
 * owns the files a finding is about (its `include`d files, `paths` aliases and
 * options), loaded from an overlay of texts not yet written (earlier findings of a dry
 * run) over the disk, with repository-relative paths, module specifiers in the
 * project's own style, and the code style for inserted text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Project as MorphProject, Project, type SourceFile, ts } from 'ts-morph';
import { repoRelative } from '../core/paths.js';
import { isTypeScriptPath } from './extensions.js';
import { SpecifierResolver } from './importers.js';
import { type Overlay, type SourceReader, sourceReader } from './source.js';
import { type ImportConventions, moduleSpecifierFor, surveyImports } from './specifier.js';
import { type CodeStyle, inferCodeStyle, resolveCodeStyle } from './style.js';
import { configuredStyle } from './style-config.js';
import { type TsConfigChoice, TsConfigResolver } from './tsconfig.js';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', '.next', 'coverage']);

/** Where a view reads texts from: repository-relative paths; undefined for a missing file. */
export interface TsViewHost {
  readonly root: string;
  /** Repository files besides the tsconfig's own (created in memory by earlier steps). */
  readonly files: readonly string[];
  readText(path: string): string | undefined;
}

/** A place where a symbol is named (UTF-16 offsets of the file's text). */
export interface Reference {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly isDefinition: boolean;
}

/** What a planner reads of a TypeScript project. */
export class TsProjectView {
  readonly project: MorphProject;
  readonly reader: SourceReader;
  private conventions: ImportConventions | undefined;
  private readonly resolver: SpecifierResolver;

  private constructor(
    readonly root: string,
    readonly config: TsConfigChoice,
    reader: SourceReader,
    extraFiles: readonly string[],
  ) {
    this.reader = reader;
    this.resolver = new SpecifierResolver(config, this.reader);
    this.project = new Project({
      compilerOptions: config.options,
      skipAddingFilesFromTsConfig: true,
    });
    for (const file of projectFiles(root, config, extraFiles)) {
      const text = this.reader.readText(file);
      if (text !== undefined) this.project.createSourceFile(file, text, { overwrite: true });
    }
  }

  /**
   * The view of the config that owns `anchor` (a repository path; it need not exist).
   * `overlay`: absolute path -> text not yet written, or null for a deleted file.
   */
  static open(root: string, anchor: string, overlay: Overlay = new Map()): TsProjectView {
    const abs = path.resolve(root);
    const config = new TsConfigResolver(abs).configFor(path.resolve(abs, anchor));
    const extra = [...overlay].filter(([, text]) => text !== null).map(([file]) => file);
    return new TsProjectView(abs, config, sourceReader(overlay), extra);
  }

  /**
   * The view over a host's texts (an engine context: the disk seen through the texts
   * earlier steps changed, created or deleted); `host.files` adds files no glob of the
   * tsconfig has seen yet (created in memory).
   */
  static openOn(host: TsViewHost, anchor: string): TsProjectView {
    const root = path.resolve(host.root);
    const config = new TsConfigResolver(root).configFor(path.resolve(root, anchor));
    const relOf = (abs: string) => repoRelative(root, abs);
    const inside = (abs: string) => !path.relative(root, abs).startsWith('..');
    const disk = sourceReader();
    const reader: SourceReader = {
      readText: (abs) => (inside(abs) ? host.readText(relOf(abs)) : disk.readText(abs)),
      fileExists: (abs) =>
        inside(abs) ? host.readText(relOf(abs)) !== undefined : disk.fileExists(abs),
    };
    return new TsProjectView(
      root,
      config,
      reader,
      host.files.map((f) => path.resolve(root, f)),
    );
  }

  abs(rel: string): string {
    return path.resolve(this.root, rel);
  }

  rel(abs: string): string {
    return repoRelative(this.root, abs);
  }

  /** A source file of the project by repository path, or undefined. */
  sourceFile(rel: string): SourceFile | undefined {
    return this.project.getSourceFile(this.abs(rel));
  }

  /** TypeScript's program of the project (built on first use, then cached by ts-morph). */
  get program(): ts.Program {
    return this.project.getProgram().compilerObject;
  }

  get checker(): ts.TypeChecker {
    return this.program.getTypeChecker();
  }

  /** TypeScript's own source file (the program's) by repository path. */
  tsFile(rel: string): ts.SourceFile | undefined {
    return this.program.getSourceFile(this.abs(rel));
  }

  /**
   * Every reference to the symbol at `offset` of `rel`, across the project (through
   * imports, re-exports and aliases), the definitions included.
   */
  references(rel: string, offset: number): Reference[] {
    const service = this.project.getLanguageService().compilerObject;
    const found = service.findReferences(this.abs(rel), offset) ?? [];
    const out: Reference[] = [];
    const seen = new Set<string>();
    for (const symbol of found) {
      for (const r of symbol.references) {
        const key = `${r.fileName}:${r.textSpan.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          file: this.rel(r.fileName),
          start: r.textSpan.start,
          end: r.textSpan.start + r.textSpan.length,
          isDefinition: r.isDefinition === true,
        });
      }
    }
    return out;
  }

  /** Text of any repository file as the view sees it (overlay first). */
  text(rel: string): string | undefined {
    return this.reader.readText(this.abs(rel));
  }

  /** Whether the project's config covers `rel` (a file it would type-check). */
  covers(rel: string): boolean {
    return this.sourceFile(rel) !== undefined || this.config.fileNames.has(this.abs(rel));
  }

  /** Repository paths of the project's own source files (no declaration files), sorted. */
  files(): string[] {
    return this.project
      .getSourceFiles()
      .filter((sf) => !sf.isDeclarationFile())
      .map((sf) => this.rel(sf.getFilePath()))
      .sort();
  }

  /** The repository path `specifier` names from `fromRel`, if it resolves to a project file. */
  resolve(specifier: string, fromRel: string): string | undefined {
    const abs = this.resolver.resolve(specifier, this.abs(fromRel));
    return abs ? this.rel(abs) : undefined;
  }

  /**
   * The specifier `fromRel` should use to import `toRel`, as the project writes them —
   * and, between the `paths` alias and a relative path, as the file itself writes its
   * imports of the target's directory when it has any.
   */
  specifier(fromRel: string, toRel: string): string {
    this.conventions ??= surveyImports(this.config, this.reader);
    const habit = this.habitFor(fromRel, path.posix.dirname(toRel));
    const conventions =
      habit === 'alias'
        ? { ...this.conventions, usesRelative: false }
        : habit === 'relative'
          ? { ...this.conventions, aliases: [] }
          : this.conventions;
    return moduleSpecifierFor(this.abs(fromRel), this.abs(toRel), conventions);
  }

  /** How `fromRel` imports modules of directory `dir`: mostly by alias, mostly relative, or neither. */
  private habitFor(fromRel: string, dir: string): 'alias' | 'relative' | undefined {
    const text = this.text(fromRel);
    if (text === undefined) return undefined;
    let alias = 0;
    let relative = 0;
    for (const { fileName } of ts.preProcessFile(text, true, false).importedFiles) {
      const resolved = this.resolve(fileName, fromRel);
      if (!resolved || path.posix.dirname(resolved) !== dir) continue;
      if (fileName.startsWith('.')) relative++;
      else alias++;
    }
    return alias > relative ? 'alias' : relative > alias ? 'relative' : undefined;
  }

  /** The style of text inserted into an existing file. */
  style(rel: string, text: string): CodeStyle {
    return resolveCodeStyle(this.root, this.abs(rel), text);
  }

  /** The style of a new file: the repository's formatter config, else its neighbours' majority. */
  styleForNewFile(rel: string): CodeStyle {
    const configured = configuredStyle(this.root, this.abs(rel));
    if (configured.kind === 'found') return configured.style;
    const styles = neighbours(this.files(), rel)
      .map((n) => ({ n, text: this.text(n) }))
      .filter((x): x is { n: string; text: string } => x.text !== undefined)
      .map((x) => inferCodeStyle(x.n, x.text));
    if (styles.length === 0) return inferCodeStyle(rel, '');
    const count = (f: (s: CodeStyle) => boolean) => styles.filter(f).length;
    const base = styles[0]!;
    return {
      ...base,
      quote: count((s) => s.quote === 'single') * 2 >= styles.length ? 'single' : 'double',
      semicolons: count((s) => s.semicolons) * 2 > styles.length,
    };
  }

  /** 1-based line of an offset in a repository file's current text. */
  lineOf(rel: string, offset: number): number {
    const sf = this.sourceFile(rel);
    if (sf) return sf.getLineAndColumnAtPos(offset).line;
    const text = this.text(rel) ?? '';
    return text.slice(0, offset).split('\n').length;
  }
}

/** Up to five project files nearest `rel`: its directory first, then its parents'. */
function neighbours(files: readonly string[], rel: string): string[] {
  const out: string[] = [];
  for (let dir = path.posix.dirname(rel); out.length < 5; dir = path.posix.dirname(dir)) {
    const prefix = dir === '.' ? '' : `${dir}/`;
    for (const f of files) {
      if (out.length >= 5) break;
      if (f !== rel && f.startsWith(prefix) && !out.includes(f) && !/\.(test|spec)\./.test(f))
        out.push(f);
    }
    if (dir === '.' || dir === '/') break;
  }
  return out;
}

/** The config's files (or every TS/JS file under the root when no config covers it), plus new ones. */
function projectFiles(
  root: string,
  config: TsConfigChoice,
  extraFiles: readonly string[],
): string[] {
  const files = new Set(config.configPath ? config.fileNames : walk(root));
  const base = config.configPath ? path.dirname(config.configPath) : root;
  for (const file of extraFiles) {
    if (isTypeScriptPath(file) && !path.relative(base, file).startsWith('..')) files.add(file);
  }
  return [...files].filter((f) => isTypeScriptPath(f));
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.'))
        walk(path.join(dir, entry.name), out);
    } else if (isTypeScriptPath(entry.name)) out.push(path.join(dir, entry.name));
  }
  return out;
}
