/**
 * What a finding's body looks like, for headings that carry no strong ID: bold labels
 * (`**File:**`, `**Problem**:`, `**Статус:**`), labelled list items (`- **Status:** ...`),
 * `Key: value` tables; and sub-heading titles that name a part of a body (`Problem`, `Fix`).
 */
import type { Nodes, RootContent } from 'mdast';
import { keyValueCells } from './tables.js';
import { inlineText } from './text.js';

const LABEL_END = String.raw`(?=[\s:：(]|$)`;
const FINDING_LABEL = new RegExp(
  `^(fix(es)?|problem|files?|impact|remediation|severity|recommendation|recommended fix|solution|issues?|current state|current code|risk|location|lines?|status|effort|priority|finding|evidence|proof|why|root cause|enhancement|better approach|affected|файл[а-я]*|статус|проблема|решение|исправление)${LABEL_END}`,
  'iu',
);
const FACT_LABEL = new RegExp(
  `^(status|effort|impact|severity|priority|owner|risk|likelihood|статус)${LABEL_END}`,
  'iu',
);
const FINDING_FACT = /^(impact|severity|effort|priority|importance|likelihood|risk)$/i;

/** Titles of sub-headings that are parts of one finding, not findings of their own. */
const BODY_PART =
  /^(problem|issues?|fix(es)?|solution|remediation|recommendations?|recommended fix|proposed fix|implementation( spec(ification)?| plan| notes)?|files?( to (modify|change|create|add|update|delete))?|affected files|impact|evidence|proof|details?|description|background|context|why|root cause|current (state|code|behaviou?r)|before|after|example|code|verification|testing|tests?|acceptance criteria|notes?|references?|risks?|steps|approach|summary)\b/i;

/** The bold label a paragraph starts with (`**File:** x` -> `File`), lower-cased text. */
function leadingLabel(node: Nodes): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  const first = node.children[0];
  if (first?.type !== 'strong') return undefined;
  return inlineText(first, { backticks: false });
}

/** Labels of the paragraphs and list items of a body, in order. */
function bodyLabels(blocks: readonly RootContent[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    const own = leadingLabel(b);
    if (own) out.push(own);
    if (b.type === 'list')
      for (const item of b.children) {
        const label = item.children[0] ? leadingLabel(item.children[0]) : undefined;
        if (label) out.push(label);
      }
  }
  return out;
}

/** A body reads like a finding: labels such as File / Problem / Status, or an Impact table. */
export function looksLikeFinding(blocks: readonly RootContent[]): boolean {
  if (bodyLabels(blocks).some((l) => FINDING_LABEL.test(l))) return true;
  return blocks.some(
    (b) => b.type === 'table' && Object.keys(keyValueCells(b)).some((k) => FINDING_FACT.test(k)),
  );
}

/** The body's labels are facts (`Status`, `Effort`, `Impact`): a register entry. */
export function startsWithFields(blocks: readonly RootContent[]): boolean {
  const labels = bodyLabels(blocks.slice(0, 3));
  return labels.length > 0 && labels.every((l) => FACT_LABEL.test(l));
}

/** A sub-heading that names a part of a finding (`Problem`, `Files to modify`). */
export function isBodyPartTitle(title: string): boolean {
  return BODY_PART.test(title.replace(/^[^\p{L}]+/u, '').trim());
}

/** The body has some content (text, list, table or code). */
export function hasContent(blocks: readonly RootContent[]): boolean {
  return blocks.some((b) => b.type !== 'thematicBreak' && b.type !== 'html');
}
