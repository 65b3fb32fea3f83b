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
  /**
   * A fact the transform proves by construction, when it can: the fix adds no reference
   * to any name and binds or unbinds nothing; it only removes references to these names
   * (every other identifier keeps its text, order, scope and role). The engine skips the
   * semantic guard for a file whose fixes all say so, once none of these names is left
   * in it (src/engine/guard-proof.ts).
   */
  readonly onlyRemovesReferencesTo?: readonly string[];
}

/** Facts about a fix beyond its edits (see `Fix.onlyRemovesReferencesTo`). */
export interface FixFacts {
  readonly onlyRemovesReferencesTo?: readonly string[];
}

function make(
  title: string,
  edits: readonly Edit[],
  applicability: Applicability,
  facts: FixFacts = {},
): Fix {
  if (edits.length === 0) throw new Error(`fix "${title}" has no edits`);
  const sorted = dedupeEdits([...edits].sort(compareEdits));
  for (let i = 1; i < sorted.length; i++) {
    if (editsConflict(sorted[i - 1]!, sorted[i]!)) {
      throw new Error(`fix "${title}" has overlapping edits`);
    }
  }
  const removes = facts.onlyRemovesReferencesTo;
  return Object.freeze({
    title,
    edits: Object.freeze(sorted),
    applicability,
    ...(removes ? { onlyRemovesReferencesTo: Object.freeze([...new Set(removes)]) } : {}),
  });
}

export const Fix = {
  safe: (title: string, edits: readonly Edit[], facts?: FixFacts): Fix =>
    make(title, edits, 'safe', facts),
  unsafe: (title: string, edits: readonly Edit[], facts?: FixFacts): Fix =>
    make(title, edits, 'unsafe', facts),
  of: (
    title: string,
    edits: readonly Edit[],
    applicability: Applicability,
    facts?: FixFacts,
  ): Fix => make(title, edits, applicability, facts),
} as const;

/** The smallest offset any edit of the fix touches. */
export function fixStart(fix: Fix): number {
  return fix.edits[0]!.start;
}
