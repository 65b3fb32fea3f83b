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

/**
 * The edits taken so far, sorted by (start, end): they never conflict with each other,
 * so a new edit can only meet its neighbours. Lookups are binary searches, so a file
 * with thousands of fixes costs O(F log F), not O(F²).
 */
class TakenEdits {
  readonly edits: Edit[] = [];

  /** Index of the first edit that sorts at or after `edit`. */
  private lowerBound(edit: Edit): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = this.edits[mid]!;
      if (t.start < edit.start || (t.start === edit.start && t.end < edit.end)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Taken edits that may touch `edit`: the one before it, and those starting in its range. */
  private *near(edit: Edit): Generator<Edit> {
    let i = this.lowerBound(edit);
    while (i > 0 && this.edits[i - 1]!.start === edit.start) i--;
    if (i > 0) yield this.edits[i - 1]!;
    for (let j = i; j < this.edits.length && this.edits[j]!.start <= edit.end; j++)
      yield this.edits[j]!;
  }

  has(edit: Edit): boolean {
    for (const t of this.near(edit)) if (sameEdit(t, edit)) return true;
    return false;
  }

  conflicts(edit: Edit): boolean {
    for (const t of this.near(edit)) if (editsConflict(t, edit)) return true;
    return false;
  }

  add(edit: Edit): void {
    this.edits.splice(this.lowerBound(edit), 0, edit);
  }
}

/** One pass: apply every fix that does not overlap a fix taken before it. */
export function applyFixes(source: string, fixes: readonly Fix[]): ApplyResult {
  const ordered = [...fixes].sort(compareFixes);
  const taken = new TakenEdits();
  const applied: Fix[] = [];
  const conflicting: Fix[] = [];
  for (const fix of ordered) {
    const fresh: Edit[] = [];
    let clash = false;
    for (const edit of fix.edits) {
      if (taken.has(edit)) continue;
      if (taken.conflicts(edit)) {
        clash = true;
        break;
      }
      fresh.push(edit);
    }
    if (clash) {
      conflicting.push(fix);
      continue;
    }
    for (const edit of fresh) taken.add(edit);
    applied.push(fix);
  }
  return { output: applyEdits(source, taken.edits), applied, conflicting };
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
