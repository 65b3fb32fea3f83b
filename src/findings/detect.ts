/**
 * Finding detection: ID headings (`### B-SEC-01 · HIGH — ...`, `### 1.1 ...`), ID table
 * rows (`| CF-05 | ... |`), and `**ID:** text` list items that add to a finding.
 */
import type { ListItem, RootContent } from 'mdast';
import type { Draft } from './draft.js';
import { looksLikeFinding } from './finding-shape.js';
import { parseIdHeading } from './ids.js';

export type { Draft } from './draft.js';

import { itemDrafts, mergeStruckDuplicates } from './items.js';
import type { MarkdownDoc } from './markdown.js';
import { numberedDrafts } from './numbered.js';
import { allSections, descendants, type Section, sectionBlocks } from './outline.js';
import { allIdRows, numberAliases, rowDrafts } from './rows.js';
import type { IdRow } from './tables.js';
import { inlineText } from './text.js';

export interface Detected {
  readonly drafts: Draft[];
  /** Every ID row in the document (definitions and restatements). */
  readonly rows: IdRow[];
}

/** Headings and table rows that define or restate findings; list items that add to them. */
export function detectFindings(doc: MarkdownDoc, outline: Section): Detected {
  const drafts: Draft[] = [];
  for (const section of allSections(outline)) {
    const draft = headingDraft(section);
    if (draft) drafts.push(draft);
  }
  const claimed = new Set(drafts.flatMap((d) => (d.heading ? [d.heading.section] : [])));
  drafts.push(...numberedDrafts(doc, outline, claimed));
  drafts.sort((a, b) => a.line - b.line || a.column - b.column);
  const byId = new Map<string, Draft>();
  for (const d of drafts) if (!byId.has(d.id)) byId.set(d.id, d);
  for (const [alias, d] of numberAliases(drafts)) if (!byId.has(alias)) byId.set(alias, d);
  const rows = allIdRows(doc, outline);
  drafts.push(...rowDrafts(rows, byId, drafts.length > 0));
  attachIdItems(outline, byId);
  drafts.push(...itemDrafts(doc, outline, byId));
  return { drafts: mergeStruckDuplicates(drafts), rows };
}

function headingDraft(section: Section): Draft | undefined {
  if (!section.heading) return undefined;
  const parsed = parseIdHeading(section.title);
  if (!parsed) return undefined;
  const blocks = findingBlocks(section);
  if (parsed.numeric && !looksLikeFinding(blocks)) return undefined;
  return {
    id: parsed.id,
    title: parsed.title,
    idSynthesized: false,
    line: section.line,
    column: section.column,
    home: section,
    heading: { section, parsed, blocks },
    rows: [],
    attachments: [],
    evidence: [],
    aliases: [],
    source: 'heading',
  };
}

/** The section's blocks and sub-sections, up to the first sub-section that is itself a finding. */
function findingBlocks(section: Section): RootContent[] {
  const out: RootContent[] = [...section.blocks];
  for (const child of section.children) {
    if (parseIdHeading(child.title)) break;
    if (child.heading) out.push(child.heading);
    out.push(...sectionBlocks(child));
  }
  return out;
}

/** `- **CF-05:** Add a validator ...` adds a section to CF-05 (named after the heading above). */
function attachIdItems(outline: Section, byId: ReadonlyMap<string, Draft>): void {
  for (const section of allSections(outline)) {
    for (const item of descendants(section.blocks, 'listItem')) {
      const id = labelledId(item);
      const draft = id ? byId.get(id) : undefined;
      if (!draft || draft.heading?.section === section) continue;
      draft.attachments.push({
        name: /\bfix/i.test(section.title) ? 'Fix' : 'Description',
        blocks: item.children,
      });
    }
  }
}

/** The ID of a list item that starts with a bold `ID:` label. */
function labelledId(item: ListItem): string | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph' || first.children[0]?.type !== 'strong') return undefined;
  const label = inlineText(first.children[0], { backticks: false });
  const after = first.children[1];
  const colon = label.endsWith(':') || (after?.type === 'text' && after.value.startsWith(':'));
  const id = label.replace(/:$/, '').trim();
  return colon && parseIdHeading(id)?.id === id ? id : undefined;
}
