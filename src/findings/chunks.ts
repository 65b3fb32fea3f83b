/**
 * Parsing a long document in independent pieces, so that reading time stays linear in
 * its size (micromark slows down on one huge event list): the text is cut before
 * top-level headings and paragraphs that start after a blank line outside fenced code
 * (where no open list, quote or table can continue), each piece is parsed on its own and
 * the node positions are shifted back into the whole text.
 */
import type { Nodes, Root } from 'mdast';

/** Pieces are cut once they reach this many characters. */
export const CHUNK_SIZE = 16_000;

/** Start offsets of the pieces (the first is 0). */
export function chunkStarts(text: string, size = CHUNK_SIZE): number[] {
  const starts = [0];
  if (text.length <= size) return starts;
  let fence: string | null = null;
  let previousBlank = true;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && canStartPiece(line, previousBlank)) {
      if (lineStart - (starts[starts.length - 1] ?? 0) >= size) starts.push(lineStart);
    }
    if (fenceMark) {
      if (fence === null) fence = fenceMark;
      else if (
        fenceMark[0] === fence[0] &&
        fenceMark.length >= fence.length &&
        line.trim() === fenceMark
      )
        fence = null;
    }
    previousBlank = line.trim() === '';
    lineStart = lineEnd + 1;
  }
  return starts;
}

/** An ATX heading at column 0, or an unindented paragraph line after a blank line. */
function canStartPiece(line: string, previousBlank: boolean): boolean {
  if (/^#{1,6}(\s|$)/.test(line)) return true;
  return previousBlank && /^\p{L}/u.test(line) && !/^\d/.test(line);
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
