/**
 * What the TypeScript planners (rename, imports-first, codemods) hand back: edits per
 * file, files to create or delete, diagnostics with stable codes, and refusals. Pure
 * data, no I/O; the engine (or a test) applies it. Diagnostics have the engine's shape
 * (`{severity, code, message, file?, line?, hint?, undone?}`).
 */
import type { Edit } from '../core/edit.js';

export type PlanSeverity = 'error' | 'warning' | 'info';

/** One thing a planner has to say, with a stable `<area>/<what>` code. */
export interface PlanDiagnostic {
  readonly severity: PlanSeverity;
  readonly code: string;
  readonly message: string;
  /** Repository-relative path, forward slashes. */
  readonly file?: string;
  /** 1-based line in the file's text as planned on. */
  readonly line?: number;
  readonly hint?: string;
  /** This part of the request was left undone while the rest was planned (partial). */
  readonly undone?: boolean;
}

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

/** Whether the plan leaves part of its request undone (a partial result). */
export function isPartial(plan: TsPlan): boolean {
  return plan.diagnostics.some((d) => d.undone === true);
}
