/**
 * Top-level GFM tables read without micromark, when every line is a `| ... |` row
 * (leading and trailing pipe, no escaped pipes), the delimiter row is plain, every row
 * has the header's number of cells, a blank line or the end follows, and every cell's
 * content is inline content direct-inline.ts builds. Otherwise `undefined`: micromark
 * reads it. The nodes are the ones mdast-util-gfm-table builds, positions included: a
 * cell spans from its leading pipe to the next one, the last cell to the row's end.
 */
import type { Table, TableCell, TableRow } from 'mdast';
import { directInline, type PointAt } from './direct-inline.js';

type Align = Table['align'];

const ROW = /^\|.*\|$/;
const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;

/** The table whose header row starts at `start`; `lines` are its rows' [start, end) offsets. */
export function directTable(
  text: string,
  lines: readonly (readonly [number, number])[],
  pointAt: PointAt,
): Table | undefined {
  const [header, delimiter, ...body] = lines;
  if (!header || !delimiter) return undefined;
  if (lines.some(([s, e]) => !ROW.test(text.slice(s, e)) || text.slice(s, e).includes('\\')))
    return undefined;
  const align = alignments(text.slice(delimiter[0] + 1, delimiter[1] - 1).split('|'));
  if (!align) return undefined;
  const rows: TableRow[] = [];
  for (const line of [header, ...body]) {
    const row = tableRow(text, line, align.length, pointAt);
    if (!row) return undefined;
    rows.push(row);
  }
  const [start, end] = [header[0], lines[lines.length - 1]?.[1] ?? header[1]];
  return {
    type: 'table',
    align,
    children: rows,
    position: { start: pointAt(start), end: pointAt(end) },
  };
}

function alignments(cells: readonly string[]): Align | undefined {
  const align: NonNullable<Align> = [];
  for (const cell of cells) {
    const m = DELIMITER_CELL.exec(cell);
    if (!m) return undefined;
    align.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null);
  }
  return align;
}

function tableRow(
  text: string,
  [start, end]: readonly [number, number],
  count: number,
  pointAt: PointAt,
): TableRow | undefined {
  const pipes: number[] = [];
  for (let i = text.indexOf('|', start); i >= 0 && i < end; i = text.indexOf('|', i + 1))
    pipes.push(i);
  if (pipes.length - 1 !== count) return undefined;
  const cells: TableCell[] = [];
  for (let c = 0; c < count; c++) {
    const [open, close] = [pipes[c] ?? start, pipes[c + 1] ?? end];
    const cell = tableCell(text, open, close, c === count - 1 ? end : close, pointAt);
    if (!cell) return undefined;
    cells.push(cell);
  }
  return {
    type: 'tableRow',
    children: cells,
    position: { start: pointAt(start), end: pointAt(end) },
  };
}

/** The cell between the pipes at `open` and `close`; its position ends at `end`. */
function tableCell(
  text: string,
  open: number,
  close: number,
  end: number,
  pointAt: PointAt,
): TableCell | undefined {
  let from = open + 1;
  let to = close;
  while (from < to && text[from] === ' ') from++;
  while (to > from && text[to - 1] === ' ') to--;
  // A delimiter touching a pipe would be classified against the pipe: leave it to micromark.
  if (/[*_]/.test(text[open + 1] ?? '') || /[*_]/.test(text[close - 1] ?? '')) return undefined;
  const children = from < to ? directInline(text, from, to, pointAt) : [];
  if (!children) return undefined;
  return {
    type: 'tableCell',
    children: children as TableCell['children'],
    position: { start: pointAt(open), end: pointAt(end) },
  };
}
