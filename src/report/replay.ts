/**
 * Re-run an applied finding where it was applied — on its commit's parent, extracted
 * into a temporary directory — to recover the notes, refusals and held-back fixes
 * that the apply printed and the commit does not record. Nothing in the repository
 * is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RemedyError } from '../core/errors.js';
import { DiskStore } from '../engine/store.js';
import type { PlannedFinding } from '../plan/mapping.js';
import { type ExecuteOptions, executeFinding, type FindingOutcome } from '../workflow/execute.js';
import { extractTree } from './history.js';

/** The finding's outcome at `hash^`, or undefined when there is no parent or it cannot run. */
export async function replayAtParent(
  root: string,
  planned: PlannedFinding,
  hash: string,
  opts: ExecuteOptions,
): Promise<FindingOutcome | undefined> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-replay-')));
  try {
    if (!extractTree(root, `${hash}^`, dir)) return undefined;
    return await executeFinding(planned, new DiskStore(dir), opts);
  } catch (error) {
    if (error instanceof RemedyError) return undefined;
    throw error;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
