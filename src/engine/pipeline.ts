/**
 * The steps every touched file goes through, whatever kind of transform touched it:
 * applicability selection (unsafe fixes wait for `--unsafe`), import requests (one
 * resolver: the adapter plans each edit, the file is re-parsed incrementally when read),
 * and the re-parse check. `file-run.ts` and `project-run.ts` feed files in; `finish.ts`
 * guards and formats what comes out. Never throws for a problem with one file.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { applyEdits, type Edit } from '../core/edit.js';
import { errorStack, RemedyError, TransformCrash } from '../core/errors.js';
import type { Fix } from '../core/fix.js';
import type { FileResult } from '../core/result.js';
import { LineIndex } from '../core/text.js';
import { type ImportRequests, noImports, SkipFile } from './context.js';
import type { AnyTransform, ImportRequest } from './contract.js';
import { guardProvenNeedless } from './guard-proof.js';
import type { AnyLanguage, LanguageEnv } from './language.js';

/**
 * A file on its way through the pipeline: its current text and (for a file of a known
 * language) its tree, both replaced as edits land; old trees are freed. With an adapter
 * that can edit a tree without parsing (`editTree`), edits only mark the tree stale, and
 * it is re-parsed (once, for all of them) when someone reads `tree`.
 */
export class WorkingFile {
  private current: unknown;
  /** `current` is edited up to `text` but not re-parsed. */
  private stale = false;
  /** A plan was made on the edited tree since the last parse (checked when parsing). */
  private planned = false;
  /** A re-parse found that the edited tree misled a plan (`misledByEditedTree`). */
  private misled = false;

  constructor(
    readonly path: string,
    readonly language: AnyLanguage | undefined,
    public text: string,
    tree: unknown,
  ) {
    this.current = tree;
  }

  /** Parse `text` for `path` (no tree when no language owns the file). */
  static parse(path: string, language: AnyLanguage | undefined, text: string): WorkingFile {
    return new WorkingFile(path, language, text, language?.parse(path, text));
  }

  /** The tree of `text`, re-parsed first if edits are pending. */
  get tree(): unknown {
    const { language } = this;
    if (this.stale && language) {
      const edited = this.current;
      this.current = language.reparse(edited, this.text, [], this.text);
      if (this.planned && language.editedTreeHeld?.(edited, this.current) === false) {
        this.misled = true;
      }
      language.dispose(edited);
      this.stale = false;
      this.planned = false;
    }
    return this.current;
  }

  /** While edits are pending: the edited, not re-parsed tree (see `ImportEditFile`). */
  get editedTree(): unknown {
    return this.stale ? this.current : undefined;
  }

  /** Note that a plan was made on `editedTree`: the re-parse checks that it held. */
  plannedOnEditedTree(): void {
    if (this.stale) this.planned = true;
  }

  /** Whether a plan made on the edited tree may be wrong (parses the pending edits if one was). */
  misledByEditedTree(): boolean {
    if (this.planned) void this.tree;
    return this.misled;
  }

  /** Start again from `text`, parsed from scratch. */
  restart(text: string): void {
    this.dispose();
    this.text = text;
    this.current = this.language?.parse(this.path, text);
    this.misled = false;
  }

  /** Move to `text`, which is the current text with `edits` applied (re-parsed incrementally, maybe later). */
  advance(edits: readonly Edit[], text: string): void {
    const { language, current } = this;
    if (language && current !== undefined) {
      if (language.editTree) {
        language.editTree(current, this.text, edits);
        this.stale = true;
      } else {
        this.current = language.reparse(current, this.text, edits, text);
        language.dispose(current);
      }
    }
    this.text = text;
  }

  syntaxError(): string | undefined {
    const { language, tree } = this;
    return language && tree !== undefined ? language.syntaxError(tree) : undefined;
  }

  /**
   * Done with the file. With `keepTree` (its text is a changed result's `after`), the
   * language may keep the tree for formatting that text (`retainTree`); otherwise it is freed.
   */
  dispose(keepTree = false): void {
    const { language } = this;
    const tree = this.stale ? undefined : this.current;
    if (this.stale) language?.dispose(this.current);
    this.current = undefined;
    this.stale = false;
    this.planned = false;
    if (!language || tree === undefined) return;
    if (keepTree && language.retainTree) language.retainTree(this.text, tree);
    else language.dispose(tree);
  }
}

export interface Selection {
  readonly kept: Fix[];
  /** Unsafe fixes left out (no `--unsafe`). */
  readonly heldBack: Fix[];
}

/** Keep safe fixes, and unsafe ones only when allowed. */
export function selectApplicable(fixes: readonly Fix[], allowUnsafe: boolean): Selection {
  if (allowUnsafe) return { kept: [...fixes], heldBack: [] };
  const kept: Fix[] = [];
  const heldBack: Fix[] = [];
  for (const fix of fixes) (fix.applicability === 'safe' ? kept : heldBack).push(fix);
  return { kept, heldBack };
}

/** One info diagnostic per held-back fix (`-v` shows them; the count is always printed). */
export function heldBackDiagnostics(
  path: string,
  text: string,
  heldBack: readonly Fix[],
): Diagnostic[] {
  if (heldBack.length === 0) return [];
  const lines = new LineIndex(text);
  return heldBack.map((fix) => ({
    severity: 'info',
    code: 'fix/unsafe-held-back',
    message: `unsafe fix not applied (use --unsafe): ${fix.title}`,
    file: path,
    line: lines.lineOf(fix.edits[0]!.start),
  }));
}

/**
 * A file's import requests, unless every fix proposed for it was held back: the imports
 * serve the fixes, so they wait with them.
 */
export function importsToResolve(
  requests: ImportRequests | undefined,
  applied: readonly Fix[],
  heldBack: readonly Fix[],
): ImportRequests {
  if (!requests || (applied.length === 0 && heldBack.length > 0)) return noImports();
  return requests;
}

/**
 * Call `transform.run`. A plain Error (a bug in the transform) becomes a TransformCrash
 * that fails this run only; RemedyErrors (a refusal, bad input) and skips pass through.
 */
export function runTransformCode<T>(transform: AnyTransform, run: () => T, file?: string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RemedyError || error instanceof SkipFile) throw error;
    throw new TransformCrash(transform.id, error, file);
  }
}

/**
 * Apply import additions, then removals of names no longer used, each planned on the
 * current text (the adapter may answer from the edited tree, before any re-parse,
 * unless `freshTrees`).
 */
export function resolveImports(
  file: WorkingFile,
  imports: ImportRequests,
  env: LanguageEnv,
  freshTrees = false,
): void {
  const { language } = file;
  if (imports.add.length + imports.removeIfUnused.length === 0) return;
  if (!language || (file.editedTree === undefined && file.tree === undefined)) {
    throw new Error(`no language adapter owns ${file.path}, so its imports cannot be edited`);
  }
  const step = (req: ImportRequest, kind: 'add' | 'remove-if-unused') => {
    if (freshTrees) void file.tree;
    const edit = language.importEdit(file, req, kind, env);
    file.plannedOnEditedTree();
    if (edit) file.advance([edit], applyEdits(file.text, [edit]));
  };
  for (const req of imports.add) step(req, 'add');
  for (const req of imports.removeIfUnused) step(req, 'remove-if-unused');
}

/**
 * `resolveImports`, checked: when a re-parse finds that the edited tree misled a plan,
 * the imports are planned again from the text before them, on fresh trees.
 */
function resolveImportsChecked(file: WorkingFile, imports: ImportRequests, env: LanguageEnv) {
  const before = file.text;
  resolveImports(file, imports, env);
  if (!file.misledByEditedTree()) return;
  file.restart(before);
  resolveImports(file, imports, env, true);
}

export interface Settled {
  readonly env: LanguageEnv;
  readonly before: string;
  readonly applied: readonly Fix[];
  readonly imports: ImportRequests;
  readonly diagnostics: readonly Diagnostic[];
  readonly heldBack: number;
  readonly created: boolean;
}

/** Resolve the file's import requests, check that it still parses, and build its result. */
export function settle(file: WorkingFile, s: Settled): FileResult {
  const { path } = file;
  const base = {
    path,
    diagnostics: s.diagnostics,
    ...(s.heldBack ? { heldBack: s.heldBack } : {}),
  };
  try {
    resolveImportsChecked(file, s.imports, s.env);
  } catch (error) {
    return { ...base, kind: 'failed', error: `resolving imports: ${errorMessage(error)}` };
  }
  if (file.text === s.before && !s.created) return { ...base, kind: 'unchanged' };
  const broken = file.syntaxError();
  if (broken) {
    const error = `the rewritten file does not parse: ${broken}`;
    return { ...base, kind: 'failed', error, before: s.before, after: file.text };
  }
  return {
    ...base,
    kind: 'changed',
    before: s.before,
    after: file.text,
    fixes: s.applied,
    created: s.created,
    ...(guardProvenNeedless({ ...s, after: file.text, isNameSettled: nameSettled(file) })
      ? { guardNeedless: true }
      : {}),
  };
}

/** The adapter's `isNameSettled` on the file's current tree, if it has one. */
function nameSettled(file: WorkingFile): ((name: string) => boolean) | undefined {
  const { language, tree } = file;
  if (!language?.isNameSettled || tree === undefined) return undefined;
  return (name) => language.isNameSettled!(tree, name);
}

/** A failed result for an error thrown while transforming a file. */
export function failedFile(
  path: string,
  error: unknown,
  diagnostics: readonly Diagnostic[],
): FileResult {
  const stack = error instanceof TransformCrash ? errorStack(error.cause) : undefined;
  return {
    kind: 'failed',
    path,
    error: errorMessage(error),
    diagnostics,
    ...(stack ? { stack } : {}),
  };
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
