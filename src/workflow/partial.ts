/**
 * Partial findings and resolutions, as the workflow reports and commits them: a changed
 * finding is partial when its transform left part of it undone (`undone: true`); its
 * commit lists those parts, and every conflict the transform resolved
 * (`<area>/resolved-<what>` diagnostics), one line each.
 */
import { compareDiagnostics, type Diagnostic, isResolution } from '../core/diagnostic.js';
import { type FindingOutcome, runDiagnostics } from './execute.js';

/** A changed finding whose transform left part of it undone. */
export function isPartial(outcome: FindingOutcome): boolean {
  return outcome.kind === 'changed' && outcome.undone.length > 0;
}

/** `file:line: message [code]`, one line, for commit bodies and reasons. */
export function noteLine(d: Diagnostic): string {
  const place = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
  return `${place}${d.message} [${d.code}]`;
}

/** What a changed finding's commit lists: the resolutions made, and what is left undone. */
export function commitNotes(outcome: FindingOutcome): {
  resolved: string[];
  undone: string[];
} {
  if (outcome.kind !== 'changed') return { resolved: [], undone: [] };
  const resolved = runDiagnostics(outcome)
    .filter(isResolution)
    .sort(compareDiagnostics)
    .map(noteLine);
  return { resolved, undone: outcome.undone.map(noteLine) };
}
