/**
 * The per-file pipeline: parse, run the transform until its fixes are stable, resolve
 * import requests, and re-parse the output. Returns a FileResult; never throws for a
 * problem with one file, and never writes.
 */
import { applyFixes, fixUntilStable } from '../core/apply.js';
import { applyEdits, type Edit } from '../core/edit.js';
import type { Fix } from '../core/fix.js';
import type { FileResult, Note } from '../core/result.js';
import type { LineIndex } from '../core/text.js';
import {
  type ImportRequest,
  planAddImport,
  planRemoveImportIfUnused,
} from '../python/import-edits.js';
import { parsePython, syntaxProblems, type Tree } from '../python/parser.js';
import type { FileTransform, TransformSettings } from './contract.js';
import { type ImportRequests, PythonFileContext, SkipFile } from './file-context.js';

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

/** Run a file-scoped transform on one file's text. */
export function transformFile<O>(
  path: string,
  text: string,
  transform: FileTransform<O>,
  options: O,
  pipeline: PipelineOptions,
): FileResult {
  const tree = parsePython(text);
  const broken = syntaxErrorReason(tree);
  if (broken) {
    tree.delete();
    return { kind: 'failed', path, error: broken, notes: [] };
  }
  const notes: Note[] = [];
  const imports: ImportRequests = { add: [], removeIfUnused: [] };
  let stable: ReturnType<typeof fixUntilStable>;
  try {
    stable = fixUntilStable(text, (current, iteration) => {
      const currentTree = iteration === 1 ? tree : parsePython(current);
      try {
        const ctx = new PythonFileContext(path, current, currentTree, options, pipeline.settings);
        const fixes = transform.run(ctx) ?? [];
        mergeRequests(imports, ctx.imports);
        if (iteration === 1) notes.push(...ctx.notes);
        return selectApplicable(
          fixes,
          pipeline.allowUnsafe,
          ctx.lines,
          iteration === 1 ? notes : [],
        );
      } finally {
        if (iteration !== 1) currentTree.delete();
      }
    });
  } catch (error) {
    if (error instanceof SkipFile) return { kind: 'skipped', path, reason: error.reason, notes };
    return { kind: 'failed', path, error: errorMessage(error), notes };
  } finally {
    tree.delete();
  }
  return finishFile(path, text, stable.output, stable.applied, imports, notes);
}

/** Drop unsafe fixes unless allowed, noting each one left out. */
export function selectApplicable(
  fixes: readonly Fix[],
  allowUnsafe: boolean,
  lines: LineIndex,
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
        line: lines.lineOf(fix.edits[0]!.start),
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
