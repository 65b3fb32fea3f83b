/**
 * The semantic guard for TypeScript/JavaScript: TypeScript's errors before and after a
 * batch of changes, over the program of each file's own tsconfig; only new errors count,
 * so a project whose dependencies are not installed still works. One ts-morph Project
 * per config lives in the workspace across calls (libraries parsed once), holds only
 * the changed files, their importers and what they import, and type-checks the after
 * state as an overlay on the same program (unchanged files are reused, not re-parsed).
 */
import path from 'node:path';
import { Project } from 'ts-morph';
import {
  fileErrors,
  type LocatedDiagnostic,
  newDiagnostics,
  type TsDiagnostic,
} from './diagnostics.js';
import { findImporters, type ImportScanCache } from './importers.js';
import { type Overlay, type SourceReader, sourceReader } from './source.js';
import { type TsConfigChoice, TsConfigResolver } from './tsconfig.js';

/** One file of a batch: its text before and after; null when it does not exist then. */
export interface TsChange {
  /** Repository-relative or absolute. */
  readonly path: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface TsGuardOptions {
  /** Texts of other files not yet written (absolute path -> text, null = deleted). */
  readonly overlay?: Overlay;
  /** Also check the files that import a changed file (default true). */
  readonly importers?: boolean;
}

export interface TsGuardResult {
  /** Errors the changes introduce, sorted by file and line. */
  readonly errors: readonly TsDiagnostic[];
  /** Repository-relative files whose diagnostics were compared. */
  readonly checked: readonly string[];
  /** Repository-relative configs used (`(defaults)` for files outside every config). */
  readonly configs: readonly string[];
  /** Milliseconds spent finding importers, checking before, and checking after. */
  readonly timings: { readonly scan: number; readonly before: number; readonly after: number };
}

/** A config in play for one guard call: its project and the files to compare. */
interface InPlay {
  readonly choice: TsConfigChoice;
  readonly project: Project;
  readonly check: Set<string>;
}

/** Projects per config under one repository root, kept across guard calls. */
export class TsWorkspace {
  readonly configs: TsConfigResolver;
  private readonly projects = new Map<string, Project>();
  /** Files whose text a project holds differently from the disk, per project. */
  private readonly touched = new Map<Project, Set<string>>();
  /** Import scans of the files of every config, reused while a file's text is unchanged. */
  private readonly scans: ImportScanCache = new Map();

  constructor(readonly root: string) {
    this.configs = new TsConfigResolver(root);
  }

  /** The ts-morph project of a config (created on first use, empty: files load on demand). */
  projectFor(choice: TsConfigChoice): Project {
    let project = this.projects.get(choice.key);
    if (!project) {
      project = new Project({ compilerOptions: choice.options, skipAddingFilesFromTsConfig: true });
      this.projects.set(choice.key, project);
    }
    return project;
  }

  /** New TypeScript errors the changes would introduce (in them or in their importers). */
  guard(changes: readonly TsChange[], options: TsGuardOptions = {}): TsGuardResult {
    const t0 = performance.now();
    const abs = changes.map((c) => ({ ...c, path: path.resolve(this.root, c.path) }));
    const beforeTexts = new Map(options.overlay ?? []);
    for (const c of abs) beforeTexts.set(c.path, c.before);
    const reader = sourceReader(beforeTexts);
    const inPlay = this.plan(
      abs.map((c) => c.path),
      reader,
      options.importers !== false,
    );
    const t1 = performance.now();
    const before = new Map<string, LocatedDiagnostic[]>();
    for (const p of inPlay) {
      this.restore(p.project);
      for (const [file, text] of beforeTexts) this.setText(p.project, file, text);
      this.collect(p, before);
    }
    const t2 = performance.now();
    const after = new Map<string, LocatedDiagnostic[]>();
    for (const p of inPlay) {
      for (const c of abs) this.setText(p.project, c.path, c.after);
      this.collect(p, after);
    }
    const errors = [...after].flatMap(([file, diags]) =>
      newDiagnostics(before.get(file) ?? [], diags),
    );
    errors.sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
    );
    const rel = (f: string) => path.relative(this.root, f).split(path.sep).join('/');
    return {
      errors,
      checked: [...new Set(inPlay.flatMap((p) => [...p.check]))].map(rel).sort(),
      configs: inPlay.map((p) => (p.choice.configPath ? rel(p.choice.configPath) : '(defaults)')),
      timings: { scan: t1 - t0, before: t2 - t1, after: performance.now() - t2 },
    };
  }

  /** The configs of the changed files, with the files to compare in each. */
  private plan(files: readonly string[], reader: SourceReader, importers: boolean): InPlay[] {
    const byKey = new Map<string, InPlay>();
    for (const file of files) {
      const choice = this.configs.configFor(file);
      let entry = byKey.get(choice.key);
      if (!entry) {
        entry = { choice, project: this.projectFor(choice), check: new Set() };
        byKey.set(choice.key, entry);
      }
      entry.check.add(file);
    }
    if (importers) {
      for (const entry of byKey.values()) {
        const found = findImporters(entry.choice, entry.check, reader, undefined, this.scans);
        for (const f of found) entry.check.add(f);
      }
    }
    return [...byKey.values()];
  }

  /** Diagnostics of the files to compare, from the project's current program. */
  private collect(p: InPlay, into: Map<string, LocatedDiagnostic[]>): void {
    for (const file of p.check) {
      if (!p.project.getSourceFile(file)) p.project.addSourceFileAtPathIfExists(file);
    }
    const program = p.project.getProgram().compilerObject;
    for (const file of p.check) {
      const sf = program.getSourceFile(file);
      if (sf) into.set(file, fileErrors(program, sf, this.root));
    }
  }

  /** Give the project `text` for `file` (null: the file does not exist), remembering it. */
  private setText(project: Project, file: string, text: string | null): void {
    const sf = project.getSourceFile(file);
    if (text === null) {
      (sf ?? project.addSourceFileAtPathIfExists(file))?.delete();
    } else if (sf?.getFullText() !== text) {
      project.createSourceFile(file, text, { overwrite: true });
    }
    const set = this.touched.get(project) ?? new Set<string>();
    this.touched.set(project, set);
    set.add(file);
  }

  /** Put back the disk's text of every file an earlier call changed in this project. */
  private restore(project: Project): void {
    const files = this.touched.get(project);
    if (!files) return;
    const disk = sourceReader();
    for (const file of files) {
      const text = disk.readText(file);
      const sf = project.getSourceFile(file);
      if (text === undefined) sf?.delete();
      else if (sf?.getFullText() !== text)
        project.createSourceFile(file, text, { overwrite: true });
    }
    files.clear();
  }
}

/** One guard call on a fresh workspace (tests, one-off checks). */
export function guardTypeScript(
  root: string,
  changes: readonly TsChange[],
  options: TsGuardOptions = {},
): TsGuardResult {
  return new TsWorkspace(root).guard(changes, options);
}
