/**
 * The one conflict policy: sort fixes, skip a fix that overlaps one already taken,
 * apply identical edits once, and re-run the producer until no fix is left out
 * (capped, with an error when it does not converge). ruff `fix/mod.rs` is the model.
 */
import { applyEdits, type Edit, editsConflict, sameEdit } from './edit.js';
import { ConvergenceError } from './errors.js';
import { type Fix, fixStart } from './fix.js';

export interface ApplyResult {
  readonly output: string;
  /** Fixes whose edits are in `output`. */
  readonly applied: readonly Fix[];
  /** Fixes left out because they overlap an applied one; a later pass may take them. */
  readonly conflicting: readonly Fix[];
}

function compareFixes(a: Fix, b: Fix): number {
  return fixStart(a) - fixStart(b) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
}

/** One pass: apply every fix that does not overlap a fix taken before it. */
export function applyFixes(source: string, fixes: readonly Fix[]): ApplyResult {
  const ordered = [...fixes].sort(compareFixes);
  const taken: Edit[] = [];
  const applied: Fix[] = [];
  const conflicting: Fix[] = [];
  for (const fix of ordered) {
    const fresh: Edit[] = [];
    let clash = false;
    for (const edit of fix.edits) {
      if (taken.some((t) => sameEdit(t, edit))) continue;
      if (taken.some((t) => editsConflict(t, edit))) {
        clash = true;
        break;
      }
      fresh.push(edit);
    }
    if (clash) {
      conflicting.push(fix);
      continue;
    }
    taken.push(...fresh);
    applied.push(fix);
  }
  return { output: applyEdits(source, taken), applied, conflicting };
}

export const MAX_FIX_ITERATIONS = 10;

export interface StableResult {
  readonly output: string;
  readonly applied: readonly Fix[];
  readonly iterations: number;
}

/**
 * Produce fixes for the text, apply them, and repeat while some were left out for
 * overlapping, until none are left out. Throws ConvergenceError past the cap.
 */
export function fixUntilStable(
  source: string,
  produce: (text: string, iteration: number) => readonly Fix[],
  maxIterations = MAX_FIX_ITERATIONS,
): StableResult {
  let text = source;
  const applied: Fix[] = [];
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const fixes = produce(text, iteration);
    if (fixes.length === 0) return { output: text, applied, iterations: iteration };
    const result = applyFixes(text, fixes);
    applied.push(...result.applied);
    text = result.output;
    if (result.conflicting.length === 0) return { output: text, applied, iterations: iteration };
  }
  throw new ConvergenceError(maxIterations);
}
