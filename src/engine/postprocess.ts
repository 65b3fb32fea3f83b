/**
 * After a file is rewritten: the semantic guard (ruff pyflakes before vs after), then
 * sorting of touched import blocks that were sorted before and formatting of the
 * edited regions. Both use in-process ruff, loaded on first use.
 */
import type { ChangedFile, FileResult } from '../core/result.js';
import { parsePython } from '../python/parser.js';
import { formatEditedRegions } from './format.js';
import { type GuardResult, guardRewrite } from './guard.js';
import { errorMessage, syntaxErrorReason } from './pipeline.js';
import { RuffTrapError } from './ruff.js';
import { sortEditedImportBlocks } from './sort-imports.js';

export interface PostOptions {
  readonly guard: boolean;
  readonly format: boolean;
  /** ruff Workspace options (line length, quote style...) for this file. */
  readonly ruffOptions: Record<string, unknown>;
}

function isPython(path: string): boolean {
  return path.endsWith('.py') || path.endsWith('.pyi');
}

export function postProcess(result: FileResult, opts: PostOptions): FileResult {
  if (result.kind !== 'changed' || !isPython(result.path)) return result;
  let file: ChangedFile = result;
  if (opts.guard) {
    let guard: GuardResult;
    try {
      guard = guardRewrite(file.before, file.after, opts.ruffOptions);
    } catch (error) {
      // ruff trapped on this file (and was recreated): this file fails, the batch goes on.
      if (!(error instanceof RuffTrapError)) throw error;
      return { kind: 'failed', path: file.path, error: error.message, notes: file.notes };
    }
    if (guard.errors.length > 0) {
      const list = guard.errors.map((g) => `${g.code} ${g.message} (line ${g.line})`).join('; ');
      return {
        kind: 'failed',
        path: file.path,
        error: `the rewrite would break the module: ${list}`,
        notes: file.notes,
        before: file.before,
        after: file.after,
      };
    }
    if (guard.warnings.length > 0) {
      file = {
        ...file,
        notes: [
          ...file.notes,
          ...guard.warnings.map((g) => ({
            severity: 'warning' as const,
            message: `${g.code} ${g.message}`,
            line: g.line,
          })),
        ],
      };
    }
  }
  if (opts.format) {
    let formatted: string;
    try {
      const sorted = sortEditedImportBlocks(file.before, file.after, opts.ruffOptions);
      formatted = formatEditedRegions(file.before, sorted, opts.ruffOptions);
    } catch (error) {
      return withNote(
        file,
        `not formatted: ruff could not format the file (${errorMessage(error)})`,
      );
    }
    const tree = parsePython(formatted);
    const broken = syntaxErrorReason(tree);
    tree.delete();
    if (broken) return withNote(file, 'not formatted: the formatted text did not parse');
    if (formatted === file.before) return { kind: 'unchanged', path: file.path, notes: file.notes };
    file = { ...file, after: formatted };
  }
  return file;
}

function withNote(file: ChangedFile, message: string): ChangedFile {
  return { ...file, notes: [...file.notes, { severity: 'warning', message }] };
}
