/**
 * List items that define findings by their own ID: `- **SEC-1** (High): ...`,
 * `- [ ] **Task 3: Title**`, `- [x] **Priority 1:** Title`. A struck-through item
 * (`~~**Task 4: Title**~~ ✅`) that repeats another finding's title is that finding.
 */
import type { ListItem, Paragraph, PhrasingContent } from 'mdast';
import type { Draft } from './draft.js';
import { type IdHeading, parseIdHeading } from './ids.js';
import type { MarkdownDoc } from './markdown.js';
import { parseNumbering } from './numbering.js';
import { allSections, ancestry, descendants, type Section } from './outline.js';
import { inlineText } from './text.js';

/**
 * `- **SEC-1** (High): SQL injection in ...` defines a finding when no heading or row
 * does (lists that repeat known IDs, like an implementation order, define nothing).
 */
export function itemDrafts(doc: MarkdownDoc, outline: Section, byId: Map<string, Draft>): Draft[] {
  const findingSections = new Set(
    [...byId.values()].flatMap((d) => (d.heading ? [d.heading.section] : [])),
  );
  const out: Draft[] = [];
  for (const section of allSections(outline)) {
    if (ancestry(section).some((s) => findingSections.has(s))) continue;
    for (const item of descendants(section.blocks, 'listItem')) {
      const parsed = itemHeading(item);
      if (!parsed || byId.has(parsed.heading.id)) continue;
      const draft = itemDraft(doc, section, item, parsed);
      byId.set(draft.id, draft);
      out.push(draft);
    }
  }
  return out;
}

function itemDraft(
  doc: MarkdownDoc,
  section: Section,
  item: ListItem,
  parsed: { heading: IdHeading; struck: boolean },
): Draft {
  const at = doc.locate(item.position?.start.offset ?? 0);
  const { heading } = parsed;
  const title = /^(.+?[.!?])(\s|$)/.exec(heading.title)?.[1]?.replace(/\.$/, '') ?? heading.title;
  return {
    ...{ id: heading.id, title, idSynthesized: false, line: at.line, column: at.column },
    ...{ home: section, rows: [], attachments: [], itemBlocks: item.children },
    ...{ evidence: [], aliases: [], marker: heading },
    source: typeof item.checked === 'boolean' ? 'checklist' : 'bullet',
    ...(item.checked ? { checked: true } : {}),
    ...(parsed.struck ? { struck: true } : {}),
  };
}

/**
 * A list item that leads with a strong ID in bold or followed by a separator, or with a
 * bold label ID (`**Task 3:**`, `~~**Task 4: ...**~~`).
 */
function itemHeading(item: ListItem): { heading: IdHeading; struck: boolean } | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const text = inlineText(first);
  const struck = first.children[0]?.type === 'delete';
  const parsed = parseIdHeading(text);
  if (parsed && !parsed.numeric && parsed.title) {
    const bold =
      first.children[0]?.type === 'strong' &&
      inlineText(first.children[0]).replace(/:$/, '') === parsed.id;
    const separated = new RegExp(
      `^\\[?${parsed.id}\\]?\\s*(\\([^)]*\\))?\\s*([:—–|·]|--|-\\s)`,
    ).test(text);
    return bold || separated ? { heading: parsed, struck } : undefined;
  }
  const label = parseNumbering(text);
  if (label?.kind !== 'label' || !label.title || !boldLead(first)) return undefined;
  const heading: IdHeading = {
    id: label.id,
    title: label.title,
    severity: label.severity,
    severityLabel: null,
    status: label.status ?? (struck ? 'resolved' : null),
    numeric: false,
  };
  return { heading, struck };
}

/** The paragraph starts with bold text (possibly struck through: `~~**...**~~`). */
function boldLead(p: Paragraph): boolean {
  const lead: PhrasingContent | undefined = p.children[0];
  if (lead?.type === 'strong') return true;
  return lead?.type === 'delete' && lead.children[0]?.type === 'strong';
}

/** Struck-through items that repeat an earlier finding's title become its aliases. */
export function mergeStruckDuplicates(drafts: readonly Draft[]): Draft[] {
  const byTitle = new Map<string, Draft>();
  const out: Draft[] = [];
  for (const d of drafts) {
    const key = d.title.toLowerCase().replace(/\s+/g, ' ').trim();
    const earlier = byTitle.get(key);
    if (d.struck && earlier && key) {
      earlier.aliases.push(d.id);
      continue;
    }
    if (!byTitle.has(key)) byTitle.set(key, d);
    out.push(d);
  }
  return out;
}
