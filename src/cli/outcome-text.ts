/** One-line descriptions of finding outcomes, shared by plan, diff and apply. */
import type { FindingOutcome } from '../workflow/execute.js';
import { paint } from './output.js';

export function outcomeLabel(outcome: FindingOutcome): string {
  switch (outcome.kind) {
    case 'changed':
      return paint('green', `${outcome.files.length} file(s)`);
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

export function transformOf(outcome: FindingOutcome): string {
  return 'step' in outcome && outcome.step ? outcome.step.transform.id : '-';
}
