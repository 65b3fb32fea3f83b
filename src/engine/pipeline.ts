/**
 * The per-file pipeline: parse, run the transform until its fixes are stable, resolve
 * import requests, and re-parse the output (incrementally). Returns a FileResult; never throws for a
 * problem with one file, and never writes.
 */
import { applyFixes, MAX_FIX_ITERATIONS } from '../core/apply.js';
import { applyEdits, compareEdits, dedupeEdits, type Edit } from '../core/edit.js';
import { ConvergenceError } from '../core/errors.js';
import type { Fix } from '../core/fix.js';
import type { FileResult, Note } from '../core/result.js';
import type { LineIndex } from '../core/text.js';
import {
  type ImportRequest,
  planAddImport,
  planRemoveImportIfUnused,
} from '../python/import-edits.js';
import { parsePython, syntaxProblems, type Tree } from '../python/parser.js';
import { reparse, spanEdit } from '../python/reparse.js';
import type { FileTransform, TransformSettings } from './contract.js';
import { type ImportRequests, PythonFileContext, SkipFile } from './file-context.js';
import { removeUnusedImports } from './import-removal.js';

export interface PipelineOptions {
  readonly settings: TransformSettings;
  /** Apply fixes marked unsafe (`--unsafe`). */
  readonly allowUnsafe: boolean;
}

/** Why a file that does not parse is not touched. */
export function syntaxErrorReason(tree: Tree): string | undefined {
  const problems = syntaxProblems(tree);
  const first = problems[0];
  if (!first) return undefined;
  const what = first.kind === 'missing' ? `missing "${first.expected}"` : 'syntax error';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${what} at line ${first.line}, column ${first.column + 1}${more}; remedy only edits files that parse`;
}

/** A text and its tree; the pipeline replaces both as edits land (and frees old trees). */
interface Current {
  text: string;
  tree: Tree;
}

/** Apply `edits` (in `cur.text` offsets) and re-parse incrementally. */
function advanceTo(cur: Current, edits: readonly Edit[], text: string): void {
  const tree = reparse(cur.tree, cur.text, edits, text);
  cur.tree.delete();
  cur.tree = tree;
  cur.text = text;
}

/** The edits `applyFixes` applied: those of the applied fixes, identical ones once. */
function appliedEdits(applied: readonly Fix[]): Edit[] {
  return dedupeEdits(applied.flatMap((f) => f.edits).sort(compareEdits));
}

/**
 * Run a file-scoped transform on one file's text. The file is parsed once; every later
 * tree (after a fix pass, after each import edit) comes from an incremental re-parse,
 * and the last one is the re-parse check of the output.
 */
export function transformFile<O>(
  path: string,
  text: string,
  transform: FileTransform<O>,
  options: O,
  pipeline: PipelineOptions,
): FileResult {
  const cur: Current = { text, tree: parsePython(text) };
  try {
    const broken = syntaxErrorReason(cur.tree);
    if (broken) return { kind: 'failed', path, error: broken, notes: [] };
    const notes: Note[] = [];
    const imports: ImportRequests = { add: [], removeIfUnused: [] };
    let applied: Fix[];
    try {
      applied = fixLoop(cur, path, transform, options, pipeline, imports, notes);
    } catch (error) {
      if (error instanceof SkipFile) return { kind: 'skipped', path, reason: error.reason, notes };
      return { kind: 'failed', path, error: errorMessage(error), notes };
    }
    try {
      resolveImportsIn(cur, imports);
    } catch (error) {
      return { kind: 'failed', path, error: `resolving imports: ${errorMessage(error)}`, notes };
    }
    if (cur.text === text) return { kind: 'unchanged', path, notes };
    const after = cur.text;
    const rebroken = /\.pyi?$/.test(path) ? syntaxErrorReason(cur.tree) : undefined;
    if (rebroken) {
      const error = `the rewritten file does not parse: ${rebroken.replace(/; remedy.*$/, '')}`;
      return { kind: 'failed', path, error, notes, before: text, after };
    }
    return { kind: 'changed', path, before: text, after, fixes: applied, created: false, notes };
  } finally {
    cur.tree.delete();
  }
}

/**
 * The conflict policy's loop (`fixUntilStable`): run the transform, apply its fixes,
 * and run it again on the result while some fixes were left out for overlapping.
 */
function fixLoop<O>(
  cur: Current,
  path: string,
  transform: FileTransform<O>,
  options: O,
  pipeline: PipelineOptions,
  imports: ImportRequests,
  notes: Note[],
): Fix[] {
  const applied: Fix[] = [];
  for (let iteration = 1; iteration <= MAX_FIX_ITERATIONS; iteration++) {
    const ctx = new PythonFileContext(path, cur.text, cur.tree, options, pipeline.settings);
    const fixes = transform.run(ctx) ?? [];
    mergeRequests(imports, ctx.imports);
    if (iteration === 1) notes.push(...ctx.notes);
    const selected = selectApplicable(
      fixes,
      pipeline.allowUnsafe,
      () => ctx.lines,
      iteration === 1 ? notes : [],
    );
    if (selected.length === 0) return applied;
    const result = applyFixes(cur.text, selected);
    applied.push(...result.applied);
    if (result.output !== cur.text) advanceTo(cur, appliedEdits(result.applied), result.output);
    if (result.conflicting.length === 0) return applied;
  }
  throw new ConvergenceError(MAX_FIX_ITERATIONS);
}

/**
 * Import additions, then removals of names no longer used, each on the current tree;
 * several removals and nothing to add: all of them from one tree, one re-parse.
 */
function resolveImportsIn(cur: Current, imports: ImportRequests): void {
  if (imports.add.length === 0 && imports.removeIfUnused.length > 1) {
    const text = removeUnusedImports(cur.text, cur.tree, imports.removeIfUnused);
    if (text !== undefined) {
      if (text !== cur.text) advanceTo(cur, [spanEdit(cur.text, text)], text);
      return;
    }
  }
  const step = (edit: Edit | undefined) => {
    if (edit) advanceTo(cur, [edit], applyEdits(cur.text, [edit]));
  };
  for (const req of imports.add) step(planAddImport(cur.text, cur.tree, req));
  for (const req of imports.removeIfUnused) step(planRemoveImportIfUnused(cur.text, cur.tree, req));
}

/** Drop unsafe fixes unless allowed, noting each one left out. */
export function selectApplicable(
  fixes: readonly Fix[],
  allowUnsafe: boolean,
  lines: () => LineIndex,
  notes: Note[],
): Fix[] {
  if (allowUnsafe) return [...fixes];
  const kept: Fix[] = [];
  for (const fix of fixes) {
    if (fix.applicability === 'safe') kept.push(fix);
    else {
      notes.push({
        severity: 'warning',
        message: `unsafe fix not applied (use --unsafe): ${fix.title}`,
        line: lines().lineOf(fix.edits[0]!.start),
      });
    }
  }
  return kept;
}

function mergeRequests(into: ImportRequests, from: ImportRequests): void {
  for (const r of from.add) if (!hasRequest(into.add, r)) into.add.push(r);
  for (const r of from.removeIfUnused)
    if (!hasRequest(into.removeIfUnused, r)) into.removeIfUnused.push(r);
}

function hasRequest(list: readonly ImportRequest[], r: ImportRequest): boolean {
  return list.some((x) => x.module === r.module && x.name === r.name && x.alias === r.alias);
}

/**
 * Apply fixes from a project-wide transform to one file (no re-run: overlapping fixes
 * are a bug in the transform and fail the file), then finish like a file transform.
 */
export function applyProjectFixes(
  path: string,
  text: string,
  fixes: readonly Fix[],
  imports: ImportRequests,
  notes: Note[],
  created: boolean,
): FileResult {
  const tree = parsePython(text);
  const broken = syntaxErrorReason(tree);
  tree.delete();
  if (broken && !created) return { kind: 'failed', path, error: broken, notes };
  const result = applyFixes(text, fixes);
  if (result.conflicting.length > 0) {
    const titles = result.conflicting.map((f) => f.title).join('; ');
    return {
      kind: 'failed',
      path,
      error: `the transform produced overlapping fixes: ${titles}`,
      notes,
    };
  }
  return finishFile(path, text, result.output, result.applied, imports, notes, created);
}

/** Resolve import requests, re-parse, and build the result. */
export function finishFile(
  path: string,
  before: string,
  fixed: string,
  applied: readonly Fix[],
  imports: ImportRequests,
  notes: Note[],
  created = false,
): FileResult {
  let after: string;
  try {
    after = resolveImports(fixed, imports);
  } catch (error) {
    return { kind: 'failed', path, error: `resolving imports: ${errorMessage(error)}`, notes };
  }
  if (after === before && !created) return { kind: 'unchanged', path, notes };
  if (!/\.pyi?$/.test(path))
    return { kind: 'changed', path, before, after, fixes: applied, created, notes };
  const tree = parsePython(after);
  const broken = syntaxErrorReason(tree);
  tree.delete();
  if (broken) {
    return {
      kind: 'failed',
      path,
      error: `the rewritten file does not parse: ${broken.replace(/; remedy.*$/, '')}`,
      notes,
      before,
      after,
    };
  }
  return { kind: 'changed', path, before, after, fixes: applied, created, notes };
}

/** Apply import additions, then removals of names no longer used, one at a time. */
export function resolveImports(text: string, imports: ImportRequests): string {
  let current = text;
  const step = (plan: (t: string, tree: Tree) => Edit | undefined) => {
    const tree = parsePython(current);
    try {
      const edit = plan(current, tree);
      if (edit) current = applyEdits(current, [edit]);
    } finally {
      tree.delete();
    }
  };
  for (const req of imports.add) step((t, tree) => planAddImport(t, tree, req));
  for (const req of imports.removeIfUnused)
    step((t, tree) => planRemoveImportIfUnused(t, tree, req));
  return current;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
