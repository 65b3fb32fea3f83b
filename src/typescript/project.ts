/**
 * The project view the TypeScript planners read: one ts-morph Project per tsconfig in
 * play, holding every file of that config with its current text (texts not yet written
 * win over the disk), so that the language service sees the whole program — references,
 * re-exports, JSX uses. Built on demand from a host (root, files, readText); files no
 * config covers share a project with default options.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Project, type ts } from 'ts-morph';
import { toPosix } from '../core/paths.js';
import { isTypeScriptPath } from './extensions.js';
import { type TsConfigChoice, TsConfigResolver } from './tsconfig.js';

/** What a project view is built from (the engine's project host, or a test's). */
export interface TsProjectHost {
  /** Absolute repository root. */
  readonly root: string;
  /** Repository-relative TS/JS files of the repository, forward slashes. */
  readonly files: readonly string[];
  /** Current text of a repository-relative file, or undefined when it does not exist. */
  readText(path: string): string | undefined;
}

export class TsProjectView {
  readonly root: string;
  readonly configs: TsConfigResolver;
  private readonly projects = new Map<string, Project>();
  private readonly choices = new Map<string, TsConfigChoice>();

  constructor(private readonly host: TsProjectHost) {
    this.root = path.resolve(host.root);
    this.configs = new TsConfigResolver(this.root);
  }

  /** Repository-relative, forward-slash form of an absolute path. */
  rel(abs: string): string {
    return toPosix(path.relative(this.root, abs));
  }

  abs(rel: string): string {
    return path.resolve(this.root, rel);
  }

  /** Current text of a repository-relative file. */
  text(rel: string): string | undefined {
    return this.host.readText(rel);
  }

  /** Repository-relative files of the host that the TypeScript adapter owns. */
  get files(): readonly string[] {
    return this.host.files.filter(isTypeScriptPath);
  }

  /** The config that governs a repository-relative file. */
  configOf(rel: string): TsConfigChoice {
    return this.configs.configFor(this.abs(rel));
  }

  /** The project of the file's own config, with every file of that config loaded. */
  projectOf(rel: string): Project {
    return this.projectFor(this.configOf(rel));
  }

  /**
   * Every project in play: one per config of the host's files. Files outside every
   * config join the default project only when their text mentions one of `mentions`
   * (loose scripts rarely matter, and each costs a parse).
   */
  allProjects(mentions: readonly string[] = []): Project[] {
    const keys = new Map<string, TsConfigChoice>();
    for (const rel of this.files) {
      const choice = this.configOf(rel);
      if (choice.configPath === undefined) {
        const text = this.text(rel);
        if (text === undefined || !mentions.some((m) => text.includes(m))) continue;
      }
      keys.set(choice.key, choice);
    }
    return [...keys.values()].map((c) => this.projectFor(c, mentions));
  }

  /** The program's source file for a repository-relative path (in its own config's project). */
  sourceFile(rel: string): ts.SourceFile | undefined {
    return this.projectOf(rel).getProgram().compilerObject.getSourceFile(this.abs(rel));
  }

  private projectFor(choice: TsConfigChoice, mentions: readonly string[] = []): Project {
    let project = this.projects.get(choice.key);
    if (project) return project;
    project = new Project({ compilerOptions: choice.options, skipAddingFilesFromTsConfig: true });
    this.projects.set(choice.key, project);
    this.choices.set(choice.key, choice);
    for (const abs of this.filesOf(choice, mentions)) {
      const text = this.text(this.rel(abs));
      if (text !== undefined) project.createSourceFile(abs, text, { overwrite: true });
    }
    return project;
  }

  /** The config's own files and the host's files it governs (files created in memory included). */
  private filesOf(choice: TsConfigChoice, mentions: readonly string[]): Set<string> {
    const files = new Set(choice.fileNames);
    for (const rel of this.files) {
      if (this.configOf(rel).key !== choice.key) continue;
      if (choice.configPath === undefined && mentions.length > 0) {
        const text = this.text(rel) ?? '';
        if (!mentions.some((m) => text.includes(m))) continue;
      }
      files.add(this.abs(rel));
    }
    return files;
  }
}

/** The language service of a project (the TypeScript object, not ts-morph's wrapper). */
export function languageServiceOf(project: Project): ts.LanguageService {
  return project.getLanguageService().compilerObject;
}

/** The type checker of a project's current program. */
export function checkerOf(project: Project): ts.TypeChecker {
  return project.getProgram().compilerObject.getTypeChecker();
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.next']);

/**
 * A host over a directory on disk: its TS/JS files (skipping node_modules, .git and
 * build output) with their texts, and `overlay` texts winning (null: deleted).
 */
export function diskHost(
  root: string,
  overlay: ReadonlyMap<string, string | null> = new Map(),
): TsProjectHost {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !SKIP_DIRS.has(e.name)) walk(path.join(dir, e.name));
      else if (e.isFile() && isTypeScriptPath(e.name)) {
        files.push(toPosix(path.relative(root, path.join(dir, e.name))));
      }
    }
  };
  walk(root);
  for (const [rel, text] of overlay) if (text !== null && !files.includes(rel)) files.push(rel);
  return {
    root,
    files: files.filter((f) => overlay.get(f) !== null).sort(),
    readText(rel) {
      if (overlay.has(rel)) return overlay.get(rel) ?? undefined;
      try {
        return fs.readFileSync(path.join(root, rel), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
