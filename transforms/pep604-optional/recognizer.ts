/**
 * Does a finding ask for PEP 604 unions? It shows `Optional[...]` and `... | None` (the
 * old spelling and the new one, as B-QUAL-03 does); the options are the defaults.
 */
import type { Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import type { Pep604Options } from './index.js';

function mentionsPep604(finding: Finding): boolean {
  const text = `${finding.title}\n${finding.body}`;
  return /\bOptional\[/.test(text) && /\|\s*None\b/.test(text);
}

export const recognizer: Recognizer<Pep604Options> = {
  transform: 'pep604-optional',
  infer: (finding) => (mentionsPep604(finding) ? { unions: true } : undefined),
};
