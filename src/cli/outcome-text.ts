/** Finding outcomes as text and JSON, shared by plan, diff and apply. */
import type { Diagnostic } from '../core/diagnostic.js';
import type { SkippedFinding } from '../workflow/apply.js';
import type { FindingOutcome } from '../workflow/execute.js';
import { isPartial } from '../workflow/partial.js';
import { printDiagnostics, printHeldBack, printResults, printStack } from './diagnostics.js';
import { err, paint } from './output.js';

/** A finding's outcome in a dry run or an apply (where the reviewer may skip it). */
export type AnyOutcome = FindingOutcome | SkippedFinding;

/** `; partial: 1 left undone` after a partial finding's label (nothing otherwise). */
export function partialNote(outcome: AnyOutcome): string {
  if (outcome.kind !== 'changed' || outcome.undone.length === 0) return '';
  return paint('yellow', `; partial: ${outcome.undone.length} left undone`);
}

/** The status `--json` gives an outcome: its kind, or `partial` for a partial change. */
export function outcomeStatus(outcome: AnyOutcome): string {
  return outcome.kind !== 'skipped' && isPartial(outcome) ? 'partial' : outcome.kind;
}

export function outcomeLabel(outcome: AnyOutcome): string {
  switch (outcome.kind) {
    case 'skipped':
      return paint('yellow', `skipped: ${outcome.reason}`);
    case 'changed':
      return paint('green', `${outcome.files.length} file(s)`) + partialNote(outcome);
    case 'no-op':
      return paint('dim', 'no-op: nothing to change');
    case 'manual':
      return paint('yellow', `manual: ${outcome.reason}`);
    case 'failed':
      return paint('red', `failed: ${outcome.reason}`);
    case 'already-applied':
      return paint('dim', `already applied in ${outcome.commit.slice(0, 10)}`);
    case 'resolved-in-doc':
      return paint('dim', 'resolved in the document');
    case 'blocked':
      return paint('yellow', `blocked: ${outcome.reason}`);
  }
}

export function transformOf(outcome: AnyOutcome): string {
  return 'step' in outcome && outcome.step ? outcome.step.transform.id : '-';
}

/** Every diagnostic of an outcome: the run's, each file's, a refusal's problems. */
export function outcomeDiagnostics(o: AnyOutcome): Diagnostic[] {
  const results = 'results' in o ? (o.results ?? []) : [];
  const own = 'diagnostics' in o ? (o.diagnostics ?? []) : [];
  return [...own, ...results.flatMap((r) => r.diagnostics)];
}

/** Unsafe fixes the outcome's run held back. */
export function heldBackOf(o: AnyOutcome): number {
  return 'heldBack' in o ? o.heldBack : 0;
}

/** What `--json` carries about an outcome besides its status. */
export function outcomeJson(o: AnyOutcome) {
  return {
    ...('reason' in o ? { reason: o.reason } : {}),
    ...('hint' in o && o.hint ? { hint: o.hint } : {}),
    diagnostics: outcomeDiagnostics(o),
    heldBack: heldBackOf(o),
    ...('stack' in o && o.stack ? { stack: o.stack } : {}),
  };
}

/** Under a finding's line: its diagnostics, failed files, hint, held-back count, stack. */
export function printOutcomeDetail(o: AnyOutcome, indent = '  '): void {
  if (o.kind === 'changed' || o.kind === 'no-op') {
    printResults(o.results, o.diagnostics, indent);
  } else if (o.kind === 'failed') {
    if (o.results) printResults(o.results, o.diagnostics ?? [], indent);
    else printDiagnostics(o.diagnostics ?? [], indent);
    if (o.hint) err(paint('dim', `${indent}hint: ${o.hint}`, process.stderr));
    printStack(o.stack, indent);
  }
  printHeldBack(heldBackOf(o), indent);
}
