/**
 * The one conflict policy: sort fixes, skip a fix that overlaps one already taken,
 * apply identical edits once, and re-run the producer until no fix is left out
 * (capped, with an error when it does not converge). ruff `fix/mod.rs` is the model.
 * The loop works on one text (`fixUntilStable`) or on a set of files at once
 * (`fixFilesUntilStable`, for transforms that read the whole project).
 */
import {
  applyEdits,
  compareEdits,
  dedupeEdits,
  type Edit,
  editsConflict,
  sameEdit,
} from './edit.js';
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

/** The edits of applied fixes, sorted, identical ones once: what `applyFixes` wrote. */
export function appliedEdits(applied: readonly Fix[]): Edit[] {
  return dedupeEdits(applied.flatMap((f) => f.edits).sort(compareEdits));
}

export const MAX_FIX_ITERATIONS = 10;

export interface FixLoopOptions {
  readonly maxIterations?: number;
  /** Called after each pass that changed a file (e.g. to re-parse it incrementally). */
  readonly onApplied?: (path: string, before: string, result: ApplyResult) => void;
}

export interface StableFiles {
  /** The final text of every file a pass changed. */
  readonly texts: ReadonlyMap<string, string>;
  /** Every applied fix, per file. */
  readonly applied: ReadonlyMap<string, readonly Fix[]>;
  readonly iterations: number;
}

/**
 * Produce fixes per file for the current texts, apply them, and repeat while some were
 * left out for overlapping, until none are. `read` gives a file's text before any
 * pass; `produce` sees the texts changed so far. Throws ConvergenceError past the cap.
 */
export function fixFilesUntilStable(
  read: (path: string) => string,
  produce: (
    changed: ReadonlyMap<string, string>,
    iteration: number,
  ) => ReadonlyMap<string, readonly Fix[]>,
  opts: FixLoopOptions = {},
): StableFiles {
  const max = opts.maxIterations ?? MAX_FIX_ITERATIONS;
  const texts = new Map<string, string>();
  const applied = new Map<string, Fix[]>();
  for (let iteration = 1; iteration <= max; iteration++) {
    let leftOut = false;
    for (const [path, fixes] of produce(texts, iteration)) {
      if (fixes.length === 0) continue;
      const before = texts.get(path) ?? read(path);
      const result = applyFixes(before, fixes);
      applied.set(path, [...(applied.get(path) ?? []), ...result.applied]);
      if (result.output !== before) {
        texts.set(path, result.output);
        opts.onApplied?.(path, before, result);
      }
      if (result.conflicting.length > 0) leftOut = true;
    }
    if (!leftOut) return { texts, applied, iterations: iteration };
  }
  throw new ConvergenceError(max);
}

export interface StableResult {
  readonly output: string;
  readonly applied: readonly Fix[];
  readonly iterations: number;
}

/** `fixFilesUntilStable` for one text. */
export function fixUntilStable(
  source: string,
  produce: (text: string, iteration: number) => readonly Fix[],
  opts: Omit<FixLoopOptions, 'onApplied'> & {
    readonly onApplied?: (before: string, result: ApplyResult) => void;
  } = {},
): StableResult {
  const key = '';
  const result = fixFilesUntilStable(
    () => source,
    (changed, iteration) => new Map([[key, produce(changed.get(key) ?? source, iteration)]]),
    {
      ...(opts.maxIterations === undefined ? {} : { maxIterations: opts.maxIterations }),
      ...(opts.onApplied
        ? { onApplied: (_: string, before, r) => opts.onApplied!(before, r) }
        : {}),
    },
  );
  return {
    output: result.texts.get(key) ?? source,
    applied: result.applied.get(key) ?? [],
    iterations: result.iterations,
  };
}
