/**
 * What the TypeScript planners (rename, imports-first, codemods) hand back: edits per
 * file, files to create or delete, diagnostics with stable codes, and refusals. Pure
 * data, no I/O; the engine (or a test) applies it. Diagnostics are the engine's
 * (`{severity, code, message, file?, line?, hint?, undone?}`).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Edit } from '../core/edit.js';

/** One thing a planner has to say: the engine's typed diagnostic, with a stable code. */
export type PlanDiagnostic = Diagnostic;

/** A reason to change nothing at all: an error diagnostic. */
export type PlanRefusal = Omit<PlanDiagnostic, 'severity' | 'undone'>;

export interface TsPlan {
  /** Repository-relative path -> edits in that file's current text (sorted, non-overlapping). */
  readonly edits: ReadonlyMap<string, readonly Edit[]>;
  /** Files to create: path -> text. */
  readonly create: ReadonlyMap<string, string>;
  /** Files to delete. */
  readonly delete: readonly string[];
  readonly diagnostics: readonly PlanDiagnostic[];
  /** When not empty, nothing may be changed: the planner refuses, for these reasons. */
  readonly refusals: readonly PlanRefusal[];
}

/** A plan that changes nothing and says why. */
export function refusedPlan(refusals: readonly PlanRefusal[]): TsPlan {
  return { edits: new Map(), create: new Map(), delete: [], diagnostics: [], refusals };
}
