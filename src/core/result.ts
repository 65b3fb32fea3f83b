/**
 * Per-file outcome of running a transform: a union, so one file's failure never
 * stops the batch, and the exit code comes from the counts.
 */
import type { Diagnostic } from './diagnostic.js';
import type { Fix } from './fix.js';

interface Base {
  /** Path relative to the repository root, with forward slashes. */
  readonly path: string;
  /** What the transform, the engine and the guard said about this file. */
  readonly diagnostics: readonly Diagnostic[];
  /** Unsafe fixes proposed for this file and not applied (no `--unsafe`). */
  readonly heldBack?: number;
}

export interface ChangedFile extends Base {
  readonly kind: 'changed';
  /** Text before, or empty for a created file. */
  readonly before: string;
  readonly after: string;
  readonly fixes: readonly Fix[];
  /** True when the file did not exist before. */
  readonly created: boolean;
  /** True when the run deletes the file (`after` is empty). */
  readonly deleted?: boolean;
  /** True when facts prove the semantic guard has nothing to find (src/engine/guard-proof.ts). */
  readonly guardNeedless?: boolean;
}
export interface UnchangedFile extends Base {
  readonly kind: 'unchanged';
}
export interface SkippedFile extends Base {
  readonly kind: 'skipped';
  readonly reason: string;
}
export interface FailedFile extends Base {
  readonly kind: 'failed';
  readonly error: string;
  readonly before?: string;
  readonly after?: string;
  /** The stack of an internal error (printed with `--debug`). */
  readonly stack?: string;
}

export type FileResult = ChangedFile | UnchangedFile | SkippedFile | FailedFile;

export interface ResultCounts {
  changed: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export function countResults(results: readonly FileResult[]): ResultCounts {
  const counts: ResultCounts = { changed: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const r of results) counts[r.kind]++;
  return counts;
}

/** 1 when any file failed, else 0. */
export function exitCodeFor(results: readonly FileResult[]): 0 | 1 {
  return results.some((r) => r.kind === 'failed') ? 1 : 0;
}

/** Unsafe fixes held back over all results. */
export function heldBackCount(results: readonly FileResult[]): number {
  return results.reduce((sum, r) => sum + (r.heldBack ?? 0), 0);
}
