/**
 * Findings for documents with no IDs and no numbered findings: the items of lists under
 * headings (or bold labels) named like Findings / Issues / Problems / Risks / Edge cases /
 * Problematic calls / Recommendations, and task lists. IDs come from the enclosing
 * section's number (`1.7-2`: the second item under `### 1.7`) or a slug of the title.
 */
import type { List, ListItem, RootContent } from 'mdast';
import type { Draft } from './draft.js';
import { namesFile } from './file-refs.js';
import { isNumericId } from './ids.js';
import type { MarkdownDoc } from './markdown.js';
import { itemLead } from './numbered.js';
import { parseNumbering, titleSlug } from './numbering.js';
import { allSections, ancestry, type Section } from './outline.js';
import { parseSeverityValue } from './severity.js';
import { inlineText } from './text.js';

const PRIMARY = /^(findings?|issues?|problems?|vulnerabilit(y|ies)|bugs?|defects?|weaknesses)\b/i;
const FINDINGS =
  /\b(findings?|issues?|problems?|vulnerabilit(y|ies)|bugs?|defects?|weaknesses|concerns|edge cases?|misbehaviou?r|problematic|risks?|gaps?|pitfalls?)\b/i;
const RECOMMENDATIONS =
  /\b(recommendations?|recommended|action items?|actions|to-?dos?|checklist|tasks?|fixes|remediation|suggestions?|improvements?)\b/i;
const NOT_FINDINGS =
  /\b(open questions?|assumptions?|no (issues|findings)|non-issues?|positive|strengths?|good|what works|out of scope|summary|overview|references?|verification|acceptance|milestones?|metrics|definition of done|template|sprint|how to)\b/i;

/** Where a list of findings sits: its section and the label that named it. */
interface FindingList {
  readonly section: Section;
  readonly list: List;
  readonly recommendation: boolean;
}

/** Drafts for every item of a findings-like list, in document order. */
export function bulletFindings(doc: MarkdownDoc, outline: Section): Draft[] {
  const lists = findingLists(outline);
  const primary = lists.some((l) => !l.recommendation && PRIMARY.test(bareTitle(l.section.title)));
  const kept = lists.filter((l) => !l.recommendation || !primary || numberedAncestor(l.section));
  const counters = new Map<string, number>();
  const slugs = new Set<string>();
  const drafts: Draft[] = [];
  for (const { section, list } of kept) {
    for (const item of list.children) {
      const lead = itemLead(item);
      if (!lead.title || /^_+$/.test(lead.title)) continue;
      const id = itemId(section, lead.title, counters, slugs);
      const draft = bulletDraft(doc, section, item, id, lead);
      if (!itemNamesFile(item)) draft.evidence.push(...contextOf(section));
      drafts.push(draft);
    }
  }
  return drafts;
}

/** The item's first paragraph names a file. */
function itemNamesFile(item: ListItem): boolean {
  return item.children[0] !== undefined && namesFile(item.children[0]);
}

/** The paragraphs that introduce the numbered section the list is in (where its files are named). */
function contextOf(section: Section): RootContent[] {
  const numbered = ancestry(section).find((s) => /^\d+(\.\d+)*[.)]?\s/.test(s.title));
  return (numbered?.blocks ?? []).filter((b) => b.type === 'paragraph');
}

function findingLists(outline: Section): FindingList[] {
  const out: FindingList[] = [];
  for (const section of allSections(outline)) {
    if (!section.heading) continue;
    const named = kindOf(section.title);
    const lists = named ? section.blocks.filter((b): b is List => b.type === 'list') : [];
    for (const list of lists) out.push({ section, list, recommendation: named === 'rec' });
    out.push(...labelledLists(section));
  }
  return out;
}

/** `**Edge cases:**` followed by a list, inside any section. */
function labelledLists(section: Section): FindingList[] {
  const out: FindingList[] = [];
  let label: 'finding' | 'rec' | undefined;
  for (const block of section.blocks) {
    if (block.type === 'paragraph') label = boldLabelKind(block);
    else if (block.type === 'list' && label && !kindOf(section.title))
      out.push({ section, list: block, recommendation: label === 'rec' });
    else label = undefined;
  }
  return out;
}

function boldLabelKind(
  p: Extract<RootContent, { type: 'paragraph' }>,
): 'finding' | 'rec' | undefined {
  const first = p.children[0];
  if (first?.type !== 'strong' || p.children.length > 2) return undefined;
  return kindOf(inlineText(first).replace(/:$/, ''));
}

/** `finding` for Findings / Edge cases / Risks..., `rec` for Recommendations / Tasks. */
function kindOf(title: string): 'finding' | 'rec' | undefined {
  const bare = bareTitle(title);
  if (!bare || NOT_FINDINGS.test(bare)) return undefined;
  if (FINDINGS.test(bare)) return 'finding';
  return RECOMMENDATIONS.test(bare) ? 'rec' : undefined;
}

function bareTitle(title: string): string {
  return title.replace(/^[^\p{L}]+/u, '').trim();
}

/** The section or nearest ancestor numbered like `1.7` / `4.` / `2)`. */
function numberedAncestor(section: Section): string | undefined {
  for (const s of ancestry(section)) {
    const head = /^(\d+(?:\.\d+)*)/.exec(s.title.trim())?.[1];
    if (head && (isNumericId(head) || parseNumbering(s.title)?.kind === 'number')) return head;
  }
  return undefined;
}

/** `1.7-2` under a numbered section, else a slug of the title (made unique with `-2`). */
function itemId(
  section: Section,
  title: string,
  counters: Map<string, number>,
  slugs: Set<string>,
): string {
  const number = numberedAncestor(section);
  if (number) {
    const n = (counters.get(number) ?? 0) + 1;
    counters.set(number, n);
    return `${number}-${n}`;
  }
  const base = titleSlug(title);
  let id = base;
  for (let i = 2; slugs.has(id); i++) id = `${base}-${i}`;
  slugs.add(id);
  return id;
}

function bulletDraft(
  doc: MarkdownDoc,
  section: Section,
  item: ListItem,
  id: string,
  lead: ReturnType<typeof itemLead>,
): Draft {
  const at = doc.locate(item.position?.start.offset ?? 0);
  const text = item.children[0] ? inlineText(item.children[0]) : '';
  const struck =
    item.children[0]?.type === 'paragraph' && item.children[0].children[0]?.type === 'delete';
  const severity = lead.severity ?? proseSeverity(text);
  return {
    ...{ id, title: lead.title, idSynthesized: true, line: at.line, column: at.column },
    ...{ home: section, rows: [], attachments: [], itemBlocks: item.children },
    ...{ evidence: [], aliases: [] },
    marker: {
      id,
      title: lead.title,
      severity,
      severityLabel: null,
      status: struck ? 'resolved' : null,
      numeric: false,
    },
    source: typeof item.checked === 'boolean' ? 'checklist' : 'bullet',
    ...(item.checked ? { checked: true } : {}),
    ...(lead.priority ? { priority: lead.priority } : {}),
  };
}

/** `– High risk.`, `[MEDIUM]`, `(severity: low)` in an item's text. */
function proseSeverity(text: string) {
  const m =
    /\b(critical|high|medium|moderate|low)[\s-]+(risk|severity|priority|impact)\b/i.exec(text) ??
    /[[(](?:severity:\s*)?(critical|high|medium|moderate|low)[\])]/i.exec(text);
  return m?.[1] ? parseSeverityValue(m[1]) : null;
}
