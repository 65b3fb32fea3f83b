/**
 * Parsing a long document in independent pieces, so that reading time stays linear in
 * its size (micromark slows down on one huge event list): the text is cut before
 * top-level headings and paragraphs that start after a blank line outside fenced code
 * (where no open list, quote or table can continue), and around top-level fenced code
 * blocks (read directly); each piece is parsed on its own and its node positions are
 * shifted back into the whole text.
 */
import type { Nodes, Root } from 'mdast';

/** Pieces are cut once they reach this many characters. */
export const CHUNK_SIZE = 16_000;

/** A run of markdown for micromark, or a top-level fenced code block read directly. */
export type Piece =
  | { readonly kind: 'markdown'; readonly start: number; readonly end: number }
  | {
      readonly kind: 'code';
      readonly start: number;
      readonly end: number;
      readonly info: string;
      readonly value: string;
    };

/**
 * The document as pieces. A fence at column 0 opens a code block at the top level (no
 * list or quote can hold it), so its lines are taken as they are instead of being fed
 * through micromark character by character.
 */
export function splitPieces(text: string, size = CHUNK_SIZE): Piece[] {
  const pieces: Piece[] = [];
  let pieceStart = 0;
  let fence: InnerFence | null = null;
  let listColumn: number | null = null;
  let previousBlank = true;
  let at = 0;
  while (at < text.length) {
    const lineEnd = endOfLine(text, at);
    const line = text.slice(at, lineEnd);
    const left = fence !== null && leaves(fence, line);
    if (left) fence = null;
    // The line that ends a list item's code block may be its own fence: leave it to micromark.
    const topFence = fence === null && !left ? openingFence(line) : undefined;
    if (topFence) {
      if (at > pieceStart) pieces.push({ kind: 'markdown', start: pieceStart, end: at });
      const block = codeBlock(text, at, topFence);
      pieces.push(block);
      pieceStart = at = Math.min(text.length, block.end + 1);
      previousBlank = true;
      continue;
    }
    if (fence === null && at - pieceStart >= size && canStartPiece(line, previousBlank)) {
      pieces.push({ kind: 'markdown', start: pieceStart, end: at });
      pieceStart = at;
    }
    if (fence === null) listColumn = nextListColumn(listColumn, line, previousBlank);
    fence = nextFence(fence, line, listColumn);
    previousBlank = line.trim() === '';
    at = lineEnd + 1;
  }
  if (pieceStart < text.length)
    pieces.push({ kind: 'markdown', start: pieceStart, end: text.length });
  return pieces;
}

/** The index of the last entry of an ascending list at or below `value` (0 when none). */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Newlines in `text` from `from` up to `to`. */
export function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function endOfLine(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  return newline < 0 ? text.length : newline;
}

/** `\`\`\`python` at column 0 (a backtick fence's info may not hold a backtick). */
function openingFence(line: string): { mark: string; info: string } | undefined {
  const m = /^(`{3,}|~{3,})(.*)$/.exec(line);
  if (!m?.[1] || (m[1][0] === '`' && (m[2] ?? '').includes('`'))) return undefined;
  return { mark: m[1], info: (m[2] ?? '').trim() };
}

function isClosing(line: string, mark: string): boolean {
  const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
  return close !== undefined && close[0] === mark[0] && close.length >= mark.length;
}

/** The code block opened at `start`: up to its closing fence, or the end of the text. */
function codeBlock(text: string, start: number, open: { mark: string; info: string }): Piece {
  const contentStart = endOfLine(text, start) + 1;
  let at = contentStart;
  while (at < text.length) {
    const lineEnd = endOfLine(text, at);
    if (isClosing(text.slice(at, lineEnd), open.mark)) {
      return {
        kind: 'code',
        start,
        end: lineEnd,
        info: open.info,
        value: text.slice(contentStart, Math.max(contentStart, at - 1)),
      };
    }
    at = lineEnd + 1;
  }
  const value = contentStart < text.length ? text.slice(contentStart).replace(/\n$/, '') : '';
  return { kind: 'code', start, end: text.length, info: open.info, value };
}

/** A fence not read directly: its mark, the indentation / `>` before it, and its container. */
interface InnerFence {
  readonly mark: string;
  readonly prefix: number;
  readonly quoted: boolean;
  /** Inside a list item or quote (so a line outside that container ends it). */
  readonly contained: boolean;
}

/**
 * A non-blank line that leaves the fence's list item or quote (less indented, or no `>`).
 * Unsure cases err towards "still inside": then nothing is cut or read directly there.
 */
function leaves(fence: InnerFence, line: string): boolean {
  if (line.trim() === '' || !fence.contained) return false;
  const lead = /^[\s>]*/.exec(line)?.[0] ?? '';
  return lead.length < fence.prefix || (fence.quoted && !lead.includes('>'));
}

/**
 * The inner fence still open after this line (opened, kept or closed by it); `listColumn`
 * is the content column of the list item open before it, if any.
 */
function nextFence(
  fence: InnerFence | null,
  line: string,
  listColumn: number | null,
): InnerFence | null {
  // The lead: indentation, `>` and list markers (`- \`\`\`js` opens a fence in the item).
  const m = /^((?:[\s>]|[-*+](?=\s)|\d{1,9}[.)](?=\s))*)(`{3,}|~{3,})(.*)$/.exec(line);
  const mark = m?.[2];
  if (!m || !mark) return fence;
  if (fence === null) {
    if (mark[0] === '`' && (m[3] ?? '').includes('`')) return null;
    const lead = m[1] ?? '';
    const quoted = lead.includes('>');
    const contained = quoted || (listColumn !== null && lead.length >= listColumn);
    return { mark, prefix: lead.length, quoted, contained };
  }
  const closes =
    mark[0] === fence.mark[0] && mark.length >= fence.mark.length && (m[3] ?? '').trim() === '';
  return closes ? null : fence;
}

/** The content column of the list item open after this line (a blank then a less indented line ends it). */
function nextListColumn(
  column: number | null,
  line: string,
  previousBlank: boolean,
): number | null {
  if (line.trim() === '') return column;
  const marker = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)/.exec(line);
  if (marker) return marker[0].length;
  const indent = /^\s*/.exec(line)?.[0].length ?? 0;
  return column !== null && indent < column && previousBlank ? null : column;
}

/** An ATX heading at column 0, or an unindented paragraph line after a blank line. */
function canStartPiece(line: string, previousBlank: boolean): boolean {
  if (/^#{1,6}(\s|$)/.test(line)) return true;
  return previousBlank && /^\p{L}/u.test(line);
}

/** Shift every position under `root` by an offset and a line count (iteratively). */
export function shiftPositions(root: Root, offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const p = node.position;
    if (p) {
      if (p.start.offset !== undefined) p.start.offset += offset;
      if (p.end.offset !== undefined) p.end.offset += offset;
      p.start.line += lines;
      p.end.line += lines;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}
