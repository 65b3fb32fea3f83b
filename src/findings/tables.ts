/**
 * Tables that name findings: which column holds the ID, which the title, and the rows
 * as ID + cells; plus `Key: value` cells (`| Impact: **Critical** | Effort: **S** |`).
 */
import type { Table, TableRow } from 'mdast';
import { isNumericId, isStrongId } from './ids.js';
import type { MarkdownDoc } from './markdown.js';
import { parseNumbering } from './numbering.js';
import type { Section } from './outline.js';
import { tableRows } from './text.js';
import type { FindingTable } from './types.js';

export interface IdRow {
  readonly id: string;
  readonly header: readonly string[];
  readonly cells: readonly string[];
  readonly idColumn: number;
  readonly titleColumn: number;
  /** The finding's title: the title cell, or the rest of a `**7. Title**` ID cell. */
  readonly title: string;
  readonly line: number;
  readonly column: number;
  readonly table: Table;
  readonly node: TableRow;
  /** Offset of the row in the parsed text (for document order). */
  readonly offset: number;
  readonly section: Section;
}

const ID_HEADER = /^(id|#|no\.?|nr\.?|num|number|ref|key|finding id|item id|issue id|item|№)$/i;
const TITLE_HEADER =
  /^(finding|title|improvement|item|issue|name|summary|problem|recommendation|description|проблема|задача)$/iu;

/** How a table names its findings: an ID column, or `**7. Title**` cells in one column. */
interface IdColumn {
  readonly index: number;
  /** Plain numbers are IDs (an `ID` / `#` / `No.` header). */
  readonly numbers: boolean;
  /** The ID is the numbering at the start of the cell (`7. Title`). */
  readonly embedded: boolean;
}

/** The rows of a table whose ID column holds a finding ID, or [] for other tables. */
export function idRows(doc: MarkdownDoc, table: Table, section: Section): IdRow[] {
  const [header, ...body] = tableRows(table);
  if (!header || body.length === 0) return [];
  const column = findIdColumn(header, body);
  if (!column) return [];
  const titleColumn = column.embedded ? column.index : findTitleColumn(header, column.index);
  const rows: IdRow[] = [];
  body.forEach((cells, i) => {
    const cell = (cells[column.index] ?? '').trim();
    const id = column.embedded ? parseNumbering(cell)?.id : cellId(cell, column.numbers);
    const node = table.children[i + 1];
    if (!id || !node) return;
    const offset = node.position?.start.offset ?? 0;
    const at = doc.locate(offset);
    const title = column.embedded
      ? (parseNumbering(cell)?.title ?? '')
      : titleColumn >= 0
        ? (cells[titleColumn] ?? '').trim()
        : '';
    rows.push({
      ...{ id, header, cells, idColumn: column.index, titleColumn, title },
      ...{ line: at.line, column: at.column, table, node, offset, section },
    });
  });
  return rows;
}

/** `B-SEC-01`, `1.3`, or (in a numbered ID column) `7` / `#7`. */
function cellId(cell: string, numbers: boolean): string | undefined {
  if (isStrongId(cell) || isNumericId(cell)) return cell;
  const plain = /^#?(\d{1,4})$/.exec(cell)?.[1];
  return numbers && plain ? String(Number(plain)) : undefined;
}

function findIdColumn(header: readonly string[], body: readonly string[][]): IdColumn | undefined {
  const share = (col: number, test: (cell: string) => boolean) =>
    body.filter((row) => test((row[col] ?? '').trim())).length / body.length;
  const named = header.findIndex(
    (h, col) => ID_HEADER.test(h.trim()) && share(col, (c) => cellId(c, true) !== undefined) >= 0.5,
  );
  if (named >= 0) return { index: named, numbers: true, embedded: false };
  const strong = header.findIndex((_, col) => share(col, isStrongId) === 1);
  if (strong >= 0) return { index: strong, numbers: false, embedded: false };
  const embedded = header.findIndex(
    (_, col) => share(col, (c) => parseNumbering(c)?.kind === 'number') >= 0.8,
  );
  return embedded >= 0 ? { index: embedded, numbers: true, embedded: true } : undefined;
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
  return row.title;
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
