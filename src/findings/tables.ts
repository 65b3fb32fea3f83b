/**
 * Tables that name findings: which column holds the ID, which the title, and the rows
 * as ID + cells; plus `Key: value` cells (`| Impact: **Critical** | Effort: **S** |`).
 */
import type { Table, TableRow } from 'mdast';
import { isNumericId, isStrongId } from './ids.js';
import type { MarkdownDoc } from './markdown.js';
import type { Section } from './outline.js';
import { tableRows } from './text.js';
import type { FindingTable } from './types.js';

export interface IdRow {
  readonly id: string;
  readonly header: readonly string[];
  readonly cells: readonly string[];
  readonly idColumn: number;
  readonly titleColumn: number;
  readonly line: number;
  readonly column: number;
  readonly table: Table;
  readonly node: TableRow;
  /** Offset of the row in the parsed text (for document order). */
  readonly offset: number;
  readonly section: Section;
}

const ID_HEADER = /^(id|#|no\.?|ref|key|finding id|item id|issue id)$/i;
const TITLE_HEADER =
  /^(finding|title|improvement|item|issue|name|summary|problem|recommendation|description)$/i;

/** The rows of a table whose ID column holds a finding ID, or [] for other tables. */
export function idRows(doc: MarkdownDoc, table: Table, section: Section): IdRow[] {
  const [header, ...body] = tableRows(table);
  if (!header || body.length === 0) return [];
  const idColumn = findIdColumn(header, body);
  if (idColumn < 0) return [];
  const numericAllowed = ID_HEADER.test(header[idColumn] ?? '');
  const titleColumn = findTitleColumn(header, idColumn);
  const rows: IdRow[] = [];
  body.forEach((cells, i) => {
    const id = (cells[idColumn] ?? '').trim();
    if (!isStrongId(id) && !(numericAllowed && isNumericId(id))) return;
    const node = table.children[i + 1];
    if (!node) return;
    const offset = node.position?.start.offset ?? 0;
    const at = doc.locate(offset);
    rows.push({
      id,
      header,
      cells,
      idColumn,
      titleColumn,
      line: at.line,
      column: at.column,
      table,
      node,
      offset,
      section,
    });
  });
  return rows;
}

function findIdColumn(header: readonly string[], body: readonly string[][]): number {
  const byHeader = header.findIndex((h) => ID_HEADER.test(h.trim()));
  if (byHeader >= 0) return byHeader;
  return header.findIndex((_, col) => body.every((row) => isStrongId((row[col] ?? '').trim())));
}

function findTitleColumn(header: readonly string[], idColumn: number): number {
  const named = header.findIndex((h, i) => i !== idColumn && TITLE_HEADER.test(h.trim()));
  if (named >= 0) return named;
  return idColumn + 1 < header.length ? idColumn + 1 : -1;
}

/** The row's cells other than ID and title, keyed by header. */
export function rowAttributes(row: IdRow): Record<string, string> {
  const out: Record<string, string> = {};
  row.header.forEach((h, i) => {
    const value = row.cells[i]?.trim() ?? '';
    if (i === row.idColumn || i === row.titleColumn || !h || !value) return;
    out[h.trim()] = value;
  });
  return out;
}

export function rowTitle(row: IdRow): string {
  return row.titleColumn >= 0 ? (row.cells[row.titleColumn] ?? '').trim() : '';
}

/** `Key: value` facts from cells such as `Impact: **Critical**` (header-only tables). */
export function keyValueCells(table: Table): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of tableRows(table)) {
    for (const cell of row) {
      const m = /^([A-Za-z][\w\s-]{0,30}):\s*(.+)$/.exec(cell.trim());
      if (m?.[1] && m[2]) out[m[1].trim()] = m[2].trim();
    }
  }
  return out;
}

/** A table as a FindingTable: header and rows cleaned of code ticks and emphasis. */
export function toFindingTable(doc: MarkdownDoc, table: Table): FindingTable {
  const [header = [], ...rows] = tableRows(table);
  return { header, rows, line: doc.locate(table.position?.start.offset ?? 0).line };
}
