/**
 * The transform contract. A transform reads (its own file, or the whole project),
 * computes fixes and says what it found; it never writes. Whatever it reads, it emits
 * through the same verbs — `fix`, `createFile`, import requests, `report`, `refuse` —
 * and the engine sends every touched file down one pipeline (see docs/architecture.md).
 * Nothing here knows a language: a language adapter (`language.ts`) supplies the tree
 * and project types a transform of that language sees.
 */
import type { z } from 'zod';
import type { Severity } from '../core/diagnostic.js';
import type { Applicability, Fix } from '../core/fix.js';
import type { LineIndex } from '../core/text.js';

/**
 * What a transform may read. `file`: only the file it is run on; the engine runs it
 * once per file (in worker threads for large runs) and may skip files its `prefilter`
 * rules out. `project`: any file and the project model; the engine runs it once.
 */
export type Reads = 'file' | 'project';

/** The types a language brings: its syntax tree and its project model. */
export interface LanguageTypes {
  readonly tree: unknown;
  readonly project: unknown;
}

/** A language version (Python 3.10 is `{ major: 3, minor: 10 }`). */
export interface TargetVersion {
  readonly major: number;
  readonly minor: number;
}

/** Facts about the target repository a transform may depend on. */
export interface TransformSettings {
  /** Absolute repository root. */
  readonly root: string;
  /** Version the code must run on (CLI > config > the language's own config files), if known. */
  readonly targetVersion: TargetVersion | undefined;
  /** Python import roots from config `python.roots`, repo-relative, if given. */
  readonly pythonRoots: readonly string[] | undefined;
}

/** An import a file must have after the fixes: `from module import name as alias`, or `import module`. */
export interface ImportRequest {
  /** Dotted module, with leading dots for a relative import (`..utils`). */
  readonly module: string;
  /** For `from module import name`; omit for `import module`. */
  readonly name?: string;
  readonly alias?: string;
}

/** A place in a file's current text: an offset, or a node (anything with `startIndex`). */
export type Anchor = number | { readonly startIndex: number };

/** A diagnostic as a transform reports it; the engine turns `at` into a line. */
export interface Report {
  readonly severity: Severity;
  /** Stable `<transform-area>/<what>` code: `rename/collision-local`, `hoist/guarded`. */
  readonly code: string;
  readonly message: string;
  /** Repository path; default: the file a file-reading transform runs on. */
  readonly file?: string;
  readonly line?: number;
  /** Where in `file` (its text as the transform sees it); gives `line`. */
  readonly at?: Anchor;
  readonly hint?: string;
  /** This part of the request was left undone while the rest was applied (a partial result). */
  readonly undone?: boolean;
}

/** One reason for a refusal: an error diagnostic. */
export type Problem = Omit<Report, 'severity' | 'undone'>;

export interface RefuseOptions {
  /** What the user can do about it. */
  readonly hint?: string;
  /** One line above the problems (`refusing to rename, nothing changed`). */
  readonly summary?: string;
}

/** One file as a transform reads it, and the import requests it may make for it. */
export interface SourceFile<L extends LanguageTypes = LanguageTypes> {
  /** Repository-relative path with forward slashes. */
  readonly path: string;
  readonly text: string;
  readonly tree: L['tree'];
  readonly lines: LineIndex;
  readonly eol: '\n' | '\r\n';
  /** Ensure `from module import name [as alias]` (or `import module`) after the fixes. */
  addImport(module: string, name?: string, alias?: string): void;
  /** After the fixes, drop `name` from its `from module import` if nothing uses it any more. */
  removeImportIfUnused(module: string, name?: string): void;
}

/** The verbs: how every transform, whatever it reads, hands its results to the engine. */
export interface TransformOutput {
  /** A fix for a file (a file-reading transform: its own file only). */
  fix(path: string, fix: Fix): void;
  /**
   * Create a new file with `text` (project-reading transforms). Unsafe when creating it
   * belongs to a change that is unsafe: it is then held back with that change's fixes.
   */
  createFile(path: string, text: string, applicability?: Applicability): void;
  /**
   * Delete a file (project-reading transforms): the diff shows the deletion, apply
   * commits it, a rollback restores it. Held back like `createFile` when unsafe.
   */
  deleteFile(path: string, applicability?: Applicability): void;
  report(diagnostic: Report): void;
  /** Refuse the whole transform: nothing is changed; the problems say why. */
  refuse(problems: Problem | readonly Problem[], options?: RefuseOptions): never;
  /**
   * Say the finding does not call for this transform (e.g. its code block adds new code
   * rather than replacing a definition): an inferred step becomes manual, with the reason.
   */
  notApplicable(reason: string): never;
}

interface ContextBase<O> extends TransformOutput {
  readonly options: O;
  readonly settings: TransformSettings;
}

/** What a file-reading transform sees: its file (the `SourceFile` members) and the verbs. */
export interface FileContext<O = unknown, L extends LanguageTypes = LanguageTypes>
  extends ContextBase<O>,
    SourceFile<L> {
  /** Stop processing this file: it is reported as skipped with the reason. */
  skip(reason: string): never;
}

/** What a project-reading transform sees: every file of its languages, the project model, the verbs. */
export interface ProjectContext<O = unknown, L extends LanguageTypes = LanguageTypes>
  extends ContextBase<O> {
  readonly root: string;
  /** Repository-relative paths of the files in scope (the run's paths). */
  readonly files: readonly string[];
  /** The language's project model over every file of the repository, built on first use. */
  readonly project: L['project'];
  /** A parsed file (cached); throws InputError when it cannot be read or does not parse. */
  file(path: string): SourceFile<L>;
  /** Whether a repository-relative path exists (file or directory). */
  exists(path: string): boolean;
  /** Text of any repository file, or undefined when it does not exist. */
  readText(path: string): string | undefined;
}

export type ContextFor<O, R extends Reads, L extends LanguageTypes> = R extends 'file'
  ? FileContext<O, L>
  : ProjectContext<O, L>;

/** What `run` may return: a file-reading transform may return its own file's fixes. */
export type RunReturn<R extends Reads> = R extends 'file' ? FileRunReturn : NoReturn;
// biome-ignore lint/suspicious/noConfusingVoidType: `run` may be written as a void function
type FileRunReturn = readonly Fix[] | undefined | void;
// biome-ignore lint/suspicious/noConfusingVoidType: `run` may be written as a void function
type NoReturn = void;

export interface Transform<
  O = unknown,
  R extends Reads = Reads,
  L extends LanguageTypes = LanguageTypes,
> {
  /** Kebab-case id, named for what it does (`hoist-imports`). */
  readonly id: string;
  /** One line, imperative; also the default commit subject. */
  readonly summary: string;
  /** Ids of the languages whose files it reads and fixes (`['python']`). */
  readonly languages: readonly string[];
  /** Options schema; the engine validates user input with it. */
  readonly options: z.ZodType<O>;
  readonly reads: R;
  /**
   * File-reading transforms: text a file must contain for the transform to have
   * anything to do. Files that do not match are reported unchanged without being
   * parsed, which is most of the cost of a run.
   */
  readonly prefilter?: RegExp;
  /** Compute fixes and diagnostics through `ctx`; never write. */
  run(ctx: ContextFor<O, R, L>): RunReturn<R>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds transforms of every option and language type
export type AnyTransform = Transform<any, Reads, any>;

export function defineTransform<O, R extends Reads, L extends LanguageTypes = LanguageTypes>(
  transform: Transform<O, R, L>,
): Transform<O, R, L> {
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
