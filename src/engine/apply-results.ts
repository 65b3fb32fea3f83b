/**
 * Write a run's changed files to disk: all or nothing. A project-reading transform
 * with a failed file writes nothing; a write that fails puts back the files written
 * before it (WriteError), so the tree is never left half-rewritten.
 */
import type { ChangedFile } from '../core/result.js';
import type { Reads } from './contract.js';
import type { RunOutcome } from './run.js';
import { writeAllOrNothing } from './write.js';

/** Returns whether anything was written. */
export function writeResults(root: string, outcome: RunOutcome, reads: Reads): boolean {
  if (reads === 'project' && outcome.results.some((r) => r.kind === 'failed')) return false;
  const changed = outcome.results.filter((r): r is ChangedFile => r.kind === 'changed');
  writeAllOrNothing(root, changed);
  return changed.length > 0;
}
