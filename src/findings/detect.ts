/**
 * Finding detection: ID headings (`### B-SEC-01 · HIGH — ...`, `### 1.1 ...`), ID table
 * rows (`| CF-05 | ... |`), and `**ID:** text` list items that add to a finding.
 */
import type { ListItem, RootContent } from 'mdast';
import { type IdHeading, parseIdHeading } from './ids.js';
import type { MarkdownDoc } from './markdown.js';
import { allSections, ancestry, descendants, type Section, sectionBlocks } from './outline.js';
import { type IdRow, idRows, keyValueCells } from './tables.js';
import { inlineText } from './text.js';

/** A finding being assembled from everything the document says about one ID. */
export interface Draft {
  readonly id: string;
  title: string;
  readonly idSynthesized: boolean;
  line: number;
  column: number;
  /** Where the finding is defined: its own section (heading) or the table's (row). */
  home: Section;
  readonly heading?: {
    readonly section: Section;
    readonly parsed: IdHeading;
    readonly blocks: RootContent[];
  };
  /** Table rows whose ID cell is this ID, in document order. */
  readonly rows: IdRow[];
  /** Extra text the document gives elsewhere (`- **CF-05:** Add ...`), by section name. */
  readonly attachments: { readonly name: string; readonly blocks: RootContent[] }[];
  /** Blocks of the list item a synthesised finding was made from. */
  readonly itemBlocks?: RootContent[];
  /** A task-list item marked done (`- [x] ...`). */
  readonly checked?: boolean;
  /** Severity and status markers of a list item that defines the finding. */
  readonly marker?: IdHeading;
  /** Analysis elsewhere in the document that a synthesised finding was linked to. */
  readonly evidence: RootContent[];
  readonly aliases: string[];
}

export interface Detected {
  readonly drafts: Draft[];
  /** Every ID row in the document (definitions and restatements). */
  readonly rows: IdRow[];
}

const FINDING_LABEL =
  /^(fix|problem|files?|impact|remediation|severity|recommendation|solution|issue|current state|risk)\b/i;
const FINDING_FACT = /^(impact|severity|effort|priority|importance|likelihood|risk)$/i;

/** Headings and table rows that define or restate findings; list items that add to them. */
export function detectFindings(doc: MarkdownDoc, outline: Section): Detected {
  const drafts: Draft[] = [];
  for (const section of allSections(outline)) {
    const draft = headingDraft(section);
    if (draft) drafts.push(draft);
  }
  const rows = allIdRows(doc, outline);
  const byId = new Map<string, Draft>();
  for (const d of drafts) if (!byId.has(d.id)) byId.set(d.id, d);
  for (const row of rows) {
    const existing = byId.get(row.id);
    if (existing) existing.rows.push(row);
    else {
      const draft = rowDraft(row);
      byId.set(row.id, draft);
      drafts.push(draft);
    }
  }
  attachIdItems(outline, byId);
  drafts.push(...itemDrafts(doc, outline, byId));
  return { drafts, rows };
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

/** A numbered heading is a finding only when its body reads like one (labels, impact). */
function looksLikeFinding(blocks: readonly RootContent[]): boolean {
  return blocks.some((b) => {
    if (b.type === 'table') return Object.keys(keyValueCells(b)).some((k) => FINDING_FACT.test(k));
    if (b.type === 'paragraph' && b.children[0]?.type === 'strong') {
      return FINDING_LABEL.test(inlineText(b.children[0], { backticks: false }));
    }
    return false;
  });
}

function rowDraft(row: IdRow): Draft {
  return {
    id: row.id,
    title: row.titleColumn >= 0 ? (row.cells[row.titleColumn] ?? '') : '',
    idSynthesized: false,
    line: row.line,
    column: row.column,
    home: row.section,
    rows: [row],
    attachments: [],
    evidence: [],
    aliases: [],
  };
}

function allIdRows(doc: MarkdownDoc, outline: Section): IdRow[] {
  const rows: IdRow[] = [];
  for (const section of allSections(outline)) {
    for (const table of descendants(section.blocks, 'table'))
      rows.push(...idRows(doc, table, section));
  }
  return rows;
}

/**
 * `- **SEC-1** (High): SQL injection in ...` defines a finding when no heading or row
 * does (lists that repeat known IDs, like an implementation order, define nothing).
 */
function itemDrafts(doc: MarkdownDoc, outline: Section, byId: Map<string, Draft>): Draft[] {
  const findingSections = new Set(
    [...byId.values()].flatMap((d) => (d.heading ? [d.heading.section] : [])),
  );
  const out: Draft[] = [];
  for (const section of allSections(outline)) {
    if (ancestry(section).some((s) => findingSections.has(s))) continue;
    for (const item of descendants(section.blocks, 'listItem')) {
      const parsed = itemHeading(item);
      if (!parsed || byId.has(parsed.id)) continue;
      const at = doc.locate(item.position?.start.offset ?? 0);
      const title = /^(.+?[.!?])(\s|$)/.exec(parsed.title)?.[1]?.replace(/\.$/, '') ?? parsed.title;
      const draft: Draft = {
        ...{
          id: parsed.id,
          title,
          idSynthesized: false,
          line: at.line,
          column: at.column,
          home: section,
        },
        ...{ rows: [], attachments: [], itemBlocks: item.children, evidence: [], aliases: [] },
        ...(item.checked ? { checked: true } : {}),
        marker: parsed,
      };
      byId.set(draft.id, draft);
      out.push(draft);
    }
  }
  return out;
}

/** A list item that leads with a strong ID in bold or followed by a separator. */
function itemHeading(item: ListItem): IdHeading | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const text = inlineText(first);
  const parsed = parseIdHeading(text);
  if (!parsed || parsed.numeric || !parsed.title) return undefined;
  const bold =
    first.children[0]?.type === 'strong' &&
    inlineText(first.children[0]).replace(/:$/, '') === parsed.id;
  const separated = new RegExp(`^\\[?${parsed.id}\\]?\\s*(\\([^)]*\\))?\\s*([:—–|·]|--|-\\s)`).test(
    text,
  );
  return bold || separated ? parsed : undefined;
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
