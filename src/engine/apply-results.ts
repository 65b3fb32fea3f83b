/**
 * Write a run's changed files to disk, atomically per file (deleting the deleted ones). A project-reading
 * transform is all or nothing: if any of its files failed, nothing is written.
 */
import fs from 'node:fs';
import { resolveInRepo } from '../core/paths.js';
import type { Reads } from './contract.js';
import type { RunOutcome } from './run.js';
import { writeFileAtomic } from './write.js';

/** Returns whether anything was written. */
export function writeResults(root: string, outcome: RunOutcome, reads: Reads): boolean {
  if (reads === 'project' && outcome.results.some((r) => r.kind === 'failed')) return false;
  let wrote = false;
  for (const r of outcome.results) {
    if (r.kind !== 'changed') continue;
    if (r.deleted) fs.rmSync(resolveInRepo(root, r.path), { force: true });
    else writeFileAtomic(resolveInRepo(root, r.path), r.after);
    wrote = true;
  }
  return wrote;
}
