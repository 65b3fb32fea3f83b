/**
 * The transform contract. A transform computes fixes from a parsed file (or, for
 * cross-module transforms, from the project) and never writes; the engine applies,
 * checks, formats and reports. Cross-cutting edits (imports) go through the context.
 */
import type { z } from 'zod';
import type { Fix } from '../core/fix.js';
import type { LineIndex } from '../core/text.js';
import type { Node, Tree } from '../python/parser.js';
import type { PythonProject } from '../python/project/project.js';
import type { PythonVersion } from '../python/version.js';

/** Facts about the target repository a transform may depend on. */
export interface TransformSettings {
  /** Python version the code must run on (CLI > config > pyproject/ruff), if known. */
  readonly targetVersion: PythonVersion | undefined;
  /** Absolute repository root. */
  readonly root: string;
  /** Import roots from config `python.roots`, repo-relative, if given. */
  readonly pythonRoots: readonly string[] | undefined;
}

export interface NoteTarget {
  /** A node of the file, or a JS string offset into its text. */
  readonly at?: Node | number;
}

/** What a transform sees of one Python file. */
export interface FileContext<O = unknown> {
  /** Repository-relative path with forward slashes. */
  readonly path: string;
  readonly text: string;
  readonly tree: Tree;
  readonly lines: LineIndex;
  readonly eol: '\n' | '\r\n';
  readonly options: O;
  readonly settings: TransformSettings;
  /** Ensure `from module import name [as alias]` (or `import module` without name) after the fixes. */
  addImport(module: string, name?: string, alias?: string): void;
  /** After the fixes, drop `name` from its `from module import` if nothing uses it any more. */
  removeImportIfUnused(module: string, name?: string): void;
  warn(message: string, at?: Node | number): void;
  info(message: string, at?: Node | number): void;
  /** Stop processing this file: it is reported as skipped with the reason. */
  skip(reason: string): never;
}

/** A fix list for one file, from a project-wide transform. */
export interface FileFixes {
  readonly path: string;
  readonly fixes: readonly Fix[];
}

/** What a cross-module transform sees: every Python file, parsed on demand. */
export interface ProjectContext<O = unknown> {
  readonly root: string;
  readonly options: O;
  readonly settings: TransformSettings;
  /** Repository-relative paths of the Python files in scope. */
  readonly files: readonly string[];
  /**
   * The Python project model over every Python file of the repository (not only `files`):
   * import roots, module names, scopes and cross-module references. Built on first use;
   * it shares the trees of `file(path)`. See `src/python/project/index.ts`.
   */
  readonly project: PythonProject;
  /** The parsed file (cached); throws InputError when it cannot be read or parsed. */
  file(path: string): FileContext<O>;
  /** Whether a repository-relative path exists (file or directory). */
  exists(path: string): boolean;
  /** Text of any repository file, or undefined when it does not exist. */
  readText(path: string): string | undefined;
  /** Create a new file (or replace an empty one) with `text`. */
  createFile(path: string, text: string): void;
  warn(message: string, path?: string, line?: number): void;
  info(message: string, path?: string, line?: number): void;
  /** Refuse the whole transform: nothing is changed; the message says why. */
  refuse(reason: string, hint?: string): never;
  /**
   * Say the finding does not call for this transform (e.g. its code block adds new code
   * rather than replacing a definition): an inferred step becomes manual, with the reason.
   */
  notApplicable(reason: string): never;
}

interface TransformBase<O> {
  /** Kebab-case id, named for what it does (`hoist-imports`). */
  readonly id: string;
  readonly language: 'python';
  /** One line, imperative; also the default commit subject. */
  readonly summary: string;
  /** Options schema; the engine validates user input with it. */
  readonly options: z.ZodType<O>;
}

export interface FileTransform<O = unknown> extends TransformBase<O> {
  readonly scope: 'file';
  /**
   * Text a file must contain for the transform to have anything to do (not global).
   * Files that do not match are reported unchanged without being parsed, which is
   * most of the cost of a run; a syntax error in such a file goes unreported because
   * there is nothing to do in it.
   */
  readonly prefilter?: RegExp;
  run(ctx: FileContext<O>): readonly Fix[] | undefined;
}

export interface ProjectTransform<O = unknown> extends TransformBase<O> {
  readonly scope: 'project';
  run(ctx: ProjectContext<O>): readonly FileFixes[] | undefined;
}

export type Transform<O = unknown> = FileTransform<O> | ProjectTransform<O>;

// biome-ignore lint/suspicious/noExplicitAny: the registry holds transforms of every option type
export type AnyTransform = Transform<any>;

export function defineTransform<O>(transform: FileTransform<O>): FileTransform<O>;
export function defineTransform<O>(transform: ProjectTransform<O>): ProjectTransform<O>;
export function defineTransform<O>(transform: Transform<O>): Transform<O> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(transform.id)) {
    throw new Error(`transform id "${transform.id}" is not kebab-case`);
  }
  return transform;
}

/** A transform with the URL of the module that exports it (worker threads load it from there). */
export interface LoadedTransform {
  readonly transform: AnyTransform;
  readonly module: string;
}
