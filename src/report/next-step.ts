/**
 * What to do about a finding remedy does not automate: the config entry that would
 * automate it (when the finding's own code blocks make one plausible), or what to do
 * by hand (the finding's own fix, in short). Shared by `report` and `init`.
 */
import type { Finding } from '../findings/types.js';

export interface NextStep {
  /** One or two sentences for people. */
  readonly text: string;
  /** A `findings.<ID>` entry for remedy.config.json, when one can be suggested. */
  readonly entry: Record<string, unknown> | null;
}

const FIX_SECTIONS = /^(fix|recommendation|remediation|solution|suggested fix|action|resolution)/i;
const MAX_HINT = 240;

/** The finding's own advice, first sentences only. */
export function fixAdvice(finding: Finding): string | undefined {
  const key = Object.keys(finding.sections).find((k) => FIX_SECTIONS.test(k.trim()));
  // Prose only: code blocks are shown by the entry or the document itself.
  const prose = key ? finding.sections[key]!.split(/```|~~~/)[0]! : '';
  const text = prose
    .replace(/\s+/g, ' ')
    .replace(/[:\s]+$/, '')
    .trim();
  if (!text) return undefined;
  if (text.length <= MAX_HINT) return text;
  const cut = text.slice(0, MAX_HINT);
  const sentence = cut.lastIndexOf('. ');
  return sentence > 60 ? cut.slice(0, sentence + 1) : `${cut.trimEnd()}…`;
}

/** A config entry built from the finding's code blocks, when their roles suggest one. */
export function suggestedEntry(finding: Finding): Record<string, unknown> | null {
  const blocks = finding.codeBlocks;
  const file = (b?: { file?: string }) => b?.file ?? finding.files[0] ?? 'path/to/file.py';
  const before = blocks.find((b) => b.role === 'before');
  const after = blocks.find((b) => b.role === 'after');
  if (before && after)
    return {
      transform: 'replace-snippet',
      options: { file: file(before), before: before.code, after: after.code },
    };
  const definition = blocks.find((b) => b.role === 'definition');
  if (definition)
    return {
      transform: 'replace-definition',
      options: { file: file(definition), code: definition.code },
    };
  const created = blocks.find((b) => b.role === 'new-file');
  if (created)
    return {
      transform: 'create-file',
      options: { path: created.file ?? 'path/to/new_file.py', content: created.code },
    };
  return null;
}

function byHand(finding: Finding): string {
  const advice = fixAdvice(finding);
  if (!advice) return `By hand: see ${finding.doc}:${finding.line}.`;
  return `By hand: ${advice}${/[.!?…]$/.test(advice) ? '' : '.'}`;
}

/**
 * The next step for a manual finding. `configured` is true when the config marks it
 * manual; `notApplicable` is the inferred transform that recognised it but could not
 * build a fix.
 */
export function nextStepFor(
  finding: Finding,
  how: { readonly configured: boolean; readonly notApplicable?: string },
): NextStep {
  if (how.configured)
    return {
      text: `${byHand(finding)} The config marks it manual (findings.${finding.id}).`,
      entry: null,
    };
  // The entry must not name the transform that already recognised it and gave up.
  const suggested = suggestedEntry(finding);
  const entry = suggested && suggested.transform !== how.notApplicable ? suggested : null;
  const recorded = `or record the decision with "${finding.id}": {"manual": true, "reason": "…"}`;
  if (how.notApplicable && !entry)
    return {
      text: `${byHand(finding)} (${how.notApplicable} recognised the finding but cannot build this fix.) Then ${recorded.replace(/^or /, '')}.`,
      entry: null,
    };
  if (entry)
    return {
      text: `To automate it, add the entry below to "findings" in remedy.config.json and check it with "remedy diff ${finding.id}"; ${byHand(finding).replace(/^By hand/, 'otherwise, by hand')}`,
      entry,
    };
  return { text: `${byHand(finding)} Then ${recorded.replace(/^or /, '')}.`, entry: null };
}
