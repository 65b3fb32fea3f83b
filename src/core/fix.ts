/**
 * A Fix is a group of edits that must be applied together (all or none), with an
 * applicability as in ruff: `safe` cannot change runtime behaviour, `unsafe` might.
 */
import { compareEdits, dedupeEdits, type Edit, editsConflict } from './edit.js';

export type Applicability = 'safe' | 'unsafe';

export interface Fix {
  readonly title: string;
  /** Sorted by start offset, non-overlapping. */
  readonly edits: readonly Edit[];
  readonly applicability: Applicability;
}

function make(title: string, edits: readonly Edit[], applicability: Applicability): Fix {
  if (edits.length === 0) throw new Error(`fix "${title}" has no edits`);
  const sorted = dedupeEdits([...edits].sort(compareEdits));
  for (let i = 1; i < sorted.length; i++) {
    if (editsConflict(sorted[i - 1]!, sorted[i]!)) {
      throw new Error(`fix "${title}" has overlapping edits`);
    }
  }
  return Object.freeze({ title, edits: Object.freeze(sorted), applicability });
}

export const Fix = {
  safe: (title: string, edits: readonly Edit[]): Fix => make(title, edits, 'safe'),
  unsafe: (title: string, edits: readonly Edit[]): Fix => make(title, edits, 'unsafe'),
  of: (title: string, edits: readonly Edit[], applicability: Applicability): Fix =>
    make(title, edits, applicability),
} as const;

/** The smallest offset any edit of the fix touches. */
export function fixStart(fix: Fix): number {
  return fix.edits[0]!.start;
}
