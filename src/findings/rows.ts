/**
 * Table rows as findings: a row whose ID is new defines a finding; a row whose ID (or
 * number: `1` for `ПРОБЛЕМА 1`) a finding already has restates it. Plain numbers reused
 * for different issues in different tables get a qualified ID (`data-integrity-issues-3`);
 * rows under `Fixes Applied` / `Resolved` only restate.
 */
import type { Draft } from './draft.js';
import { parseGroupLabel } from './labels.js';
import type { MarkdownDoc } from './markdown.js';
import { titleSlug } from './numbering.js';
import { allSections, ancestry, descendants, type Section } from './outline.js';
import { isResolutionTitle } from './resolution.js';
import { contentWords } from './similarity.js';
import { type IdRow, idRows } from './tables.js';

/** Every ID row of the document, in order. */
export function allIdRows(doc: MarkdownDoc, outline: Section): IdRow[] {
  const rows: IdRow[] = [];
  for (const section of allSections(outline)) {
    for (const table of descendants(section.blocks, 'table'))
      rows.push(...idRows(doc, table, section));
  }
  return rows;
}

/** `ПРОБЛЕМА-1` -> `1`, `TASK-3` -> `3`, when no other finding has that number. */
export function numberAliases(drafts: readonly Draft[]): Map<string, Draft> {
  const byNumber = new Map<string, Draft[]>();
  for (const d of drafts) {
    const n = /^\p{Lu}+-(\d+)$/u.exec(d.id)?.[1];
    if (n) byNumber.set(n, [...(byNumber.get(n) ?? []), d]);
  }
  const ids = new Set(drafts.map((d) => d.id));
  const out = new Map<string, Draft>();
  for (const [n, found] of byNumber)
    if (found.length === 1 && found[0] && !ids.has(n)) out.set(n, found[0]);
  return out;
}

/**
 * Drafts for the rows that define findings; rows that restate one are attached to it.
 * Once the document has heading findings, plain-number rows only restate (a numbered
 * step table is not a list of new findings).
 */
export function rowDrafts(
  rows: readonly IdRow[],
  byId: Map<string, Draft>,
  headingFindings: boolean,
): Draft[] {
  const out: Draft[] = [];
  for (const row of rows) {
    const plain = /^\d+$/.test(row.id);
    const existing = byId.get(row.id);
    const done = ancestry(row.section).some((s) => isResolutionTitle(s.title));
    if (existing && (!plain || done || sameFinding(existing, row))) {
      existing.rows.push(row);
      continue;
    }
    if (done || (plain && headingFindings)) continue;
    const id = existing ? `${sectionKey(row.section)}-${row.id}` : row.id;
    const draft = rowDraft(row, id);
    byId.set(id, draft);
    out.push(draft);
  }
  return out;
}

/** A reused number names the same finding when it is a heading's, or the titles agree. */
function sameFinding(existing: Draft, row: IdRow): boolean {
  if (existing.heading) return true;
  const first = existing.rows[0];
  if (!first || first.table === row.table) return true;
  const a = new Set(contentWords(first.title));
  const b = contentWords(row.title);
  if (a.size === 0 || b.length === 0) return true;
  const shared = b.filter((w) => a.has(w)).length;
  return shared / Math.min(a.size, new Set(b).size) >= 0.5;
}

function sectionKey(section: Section): string {
  return parseGroupLabel(section.title)?.id ?? titleSlug(section.title, 3);
}

function rowDraft(row: IdRow, id: string): Draft {
  return {
    id,
    title: row.title,
    idSynthesized: id !== row.id,
    line: row.line,
    column: row.column,
    home: row.section,
    rows: [row],
    attachments: [],
    evidence: [],
    aliases: [],
    source: 'table-row',
  };
}
