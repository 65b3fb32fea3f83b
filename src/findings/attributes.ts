/**
 * A finding's `key: value` facts (Severity, Status, Effort, Priority, Owner...): from
 * attribute tables, short bold labels (`**Status:** Fixed`), labelled list items
 * (`- **Effort:** 2 days`, `- Status: Already implemented`) and its table rows' cells.
 */
import type { List } from 'mdast';
import type { Draft } from './draft.js';
import { type LabelledBlock, paragraphLabel } from './sections.js';
import { keyValueCells, rowAttributes } from './tables.js';
import { inlineText, inlineTokens } from './text.js';

/** A labelled paragraph longer than this is prose (a section), not a fact. */
const MAX_FACT_LENGTH = 40;
const FACT_LABEL =
  /^(severity|impact|priority|status|effort|importance|likelihood|risk level|owner|category|package|component|area|module|статус|приоритет)$/iu;

/** `Key: value` facts: attribute tables, short fact labels, then table-row cells (first wins). */
export function attributesOf(
  draft: Draft,
  labelled: readonly LabelledBlock[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: string) => {
    if (v && !(k in out)) out[k] = v;
  };
  const putFact = (k: string, v: string) => {
    const value = factValue(v);
    if (value.length <= MAX_FACT_LENGTH) put(k, value);
  };
  for (const b of labelled) {
    if (b.node.type === 'table' && b.label === null)
      for (const [k, v] of Object.entries(keyValueCells(b.node))) put(k, v);
    if (b.node.type === 'list') for (const [k, v] of listFacts(b.node)) putFact(k, v);
    const value = b.rest ? inlineTokens(b.rest).map(tokenText).join('') : '';
    if (b.label && FACT_LABEL.test(b.label)) putFact(b.label, value);
  }
  for (const row of draft.rows) for (const [k, v] of Object.entries(rowAttributes(row))) put(k, v);
  return out;
}

/** `- **Effort:** 2 days`, `- Status: Already fixed`: one fact per labelled item. */
function listFacts(list: List): [string, string][] {
  const out: [string, string][] = [];
  for (const item of list.children) {
    const first = item.children[0];
    if (first?.type !== 'paragraph') continue;
    const bold = paragraphLabel(first);
    if (bold && FACT_LABEL.test(bold.label)) {
      out.push([bold.label, inlineTokens(bold.rest).map(tokenText).join('')]);
      continue;
    }
    const plain = /^([A-Za-z][\w -]{0,20}):\s+(.+)$/.exec(inlineText(first, { backticks: false }));
    if (plain?.[1] && plain[2] && FACT_LABEL.test(plain[1].trim()))
      out.push([plain[1].trim(), plain[2]]);
  }
  return out;
}

/** `✅ Actually SAFE - Python slicing ...` -> `✅ Actually SAFE` when the whole is too long. */
function factValue(text: string): string {
  const value = text.trim();
  if (value.length <= MAX_FACT_LENGTH) return value;
  return value.split(/\s+[—–-]\s+|\s*[(:;]\s*/)[0]?.trim() ?? value;
}

function tokenText(t: ReturnType<typeof inlineTokens>[number]): string {
  return t.kind === 'link' ? t.text : t.value;
}
