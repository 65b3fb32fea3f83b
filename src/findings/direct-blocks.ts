/**
 * Top-level headings and paragraphs read without micromark: an ATX heading at column 0
 * (`### B-SEC-01 · HIGH — Title`) or a paragraph of unindented lines that nothing
 * could read as another block, whose inline content direct-inline.ts can build. Half
 * of an audit's text is such blocks, and micromark spends about a microsecond per
 * character on them. Everything else — and any doubt — is declined (`undefined`) and
 * left to micromark; the nodes built are the ones micromark gives
 * (test/findings/direct.test.ts).
 */
import type { Heading, List, Paragraph, Table, ThematicBreak } from 'mdast';
import { lastAtOrBefore } from './chunks.js';
import { DECLINED_LINE_START, directInline, type Point } from './direct-inline.js';
import { directList } from './direct-lists.js';
import { directTable } from './direct-tables.js';

/** A block read directly: its node (positions in the whole text) and where its last line ends. */
export interface DirectBlock {
  readonly node: Heading | List | Paragraph | Table | ThematicBreak;
  readonly end: number;
}

const HEADING = /^(#{1,6}) +/;

/**
 * The block starting at `start` (the beginning of line `line`, 1-based, at the top level
 * with no paragraph open), if it is one this module reads.
 */
export function directBlock(text: string, start: number, line: number): DirectBlock | undefined {
  const lineEnd = endOfLine(text, start);
  const first = text.slice(start, lineEnd);
  const heading = HEADING.exec(first);
  if (heading) return headingBlock(text, start, lineEnd, line, heading);
  if (first[0] === '|') return tableBlock(text, start, line);
  if (THEMATIC_BREAK.test(first)) return thematicBreak(text, start, lineEnd, line);
  if (first.startsWith('- ')) return listBlock(text, start, line);
  if (first.trim() === '' || first[0] === '#' || DECLINED_LINE_START.test(first)) return undefined;
  return paragraphBlock(text, start, lineEnd, line);
}

/** `---`, `***` or `___` alone on its line (after a blank line: not a setext underline). */
const THEMATIC_BREAK = /^(?:-{3,}|\*{3,}|_{3,})$/;

/**
 * Lines that end a paragraph and start what is read next: a `- item` with content (not
 * a rule), or a fence at column 0.
 */
const INTERRUPTING_LINE = /^- (?![-\s]*$)\S|^(`{3,}|~{3,})/;

function thematicBreak(text: string, start: number, end: number, line: number): DirectBlock {
  const node: ThematicBreak = {
    type: 'thematicBreak',
    position: span(start, end, pointsFrom(text, start, end, line)),
  };
  return { node, end };
}

/**
 * The paragraph's lines up to a blank line, or up to a `- item` line or a fence, which
 * end it (what follows is read next); any other line that could start or end another
 * block declines it.
 */
function paragraphBlock(
  text: string,
  start: number,
  lineEnd: number,
  line: number,
): DirectBlock | undefined {
  let end = lineEnd;
  while (end < text.length) {
    const next = endOfLine(text, end + 1);
    const content = text.slice(end + 1, next);
    if (content.trim() === '' || INTERRUPTING_LINE.test(content)) break;
    if (DECLINED_LINE_START.test(content)) return undefined;
    end = next;
  }
  const pointAt = pointsFrom(text, start, end, line);
  const children = directInline(text, start, end, pointAt);
  if (!children) return undefined;
  const node: Paragraph = { type: 'paragraph', children, position: span(start, end, pointAt) };
  return { node, end };
}

/** The lines from `start` up to a blank line or the end: [start, end) offsets. */
function linesUntilBlank(text: string, start: number): [number, number][] {
  const lines: [number, number][] = [];
  for (let at = start; at < text.length; ) {
    const end = endOfLine(text, at);
    if (text.slice(at, end).trim() === '') break;
    lines.push([at, end]);
    at = end + 1;
  }
  return lines;
}

function tableBlock(text: string, start: number, line: number): DirectBlock | undefined {
  const lines = linesUntilBlank(text, start);
  const end = lines[lines.length - 1]?.[1] ?? start;
  const node = directTable(text, lines, pointsFrom(text, start, end, line));
  return node ? { node, end } : undefined;
}

/**
 * A list continues across blank lines: one is read directly only when the block before it
 * has no list item or indented line (so no list is open) and the block after it is
 * neither indented nor another `-` item (so the list is not loose and ends here).
 */
function listBlock(text: string, start: number, line: number): DirectBlock | undefined {
  const lines = linesUntilBlank(text, start);
  const end = lines[lines.length - 1]?.[1] ?? start;
  if (previousBlock(text, start).some((l) => MAY_CONTINUE_LIST.test(l))) return undefined;
  if (/^(\s|-)/.test(nextBlockLine(text, end) ?? '')) return undefined;
  const node = directList(text, lines, pointsFrom(text, start, end, line));
  return node ? { node, end } : undefined;
}

function headingBlock(
  text: string,
  start: number,
  end: number,
  line: number,
  marker: RegExpExecArray,
): DirectBlock | undefined {
  const content = start + marker[0].length;
  const last = text[end - 1];
  if (content >= end || last === '#' || last === ' ') return undefined;
  const pointAt = pointsFrom(text, start, end, line);
  const children = directInline(text, content, end, pointAt);
  if (!children) return undefined;
  const node: Heading = {
    type: 'heading',
    depth: (marker[1] ?? '#').length as Heading['depth'],
    children,
    position: span(start, end, pointAt),
  };
  return { node, end };
}

/** A line that may belong to a list: an item, or indented. */
const MAY_CONTINUE_LIST = /^(\s|[-*+](\s|$)|\d)/;

/** The lines of the block before `start` (back over blank lines, then up to the one before). */
function previousBlock(text: string, start: number): string[] {
  const lines: string[] = [];
  for (let end = start - 1; end > 0; ) {
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    const content = text.slice(lineStart, end);
    if (content.trim() !== '') lines.push(content);
    else if (lines.length > 0) break;
    end = lineStart - 1;
  }
  return lines;
}

/** The first non-blank line after the line ending at `end`, if any. */
function nextBlockLine(text: string, end: number): string | undefined {
  for (let at = end + 1; at < text.length; ) {
    const lineEnd = endOfLine(text, at);
    const content = text.slice(at, lineEnd);
    if (content.trim() !== '') return content;
    at = lineEnd + 1;
  }
  return undefined;
}

function span(start: number, end: number, pointAt: (offset: number) => Point) {
  return { start: pointAt(start), end: pointAt(end) };
}

function endOfLine(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  return newline < 0 ? text.length : newline;
}

/** Points of offsets from `start` (the beginning of line `line`) to `end`. */
function pointsFrom(text: string, start: number, end: number, line: number) {
  const lineStarts = [start];
  for (let nl = text.indexOf('\n', start); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1))
    lineStarts.push(nl + 1);
  return (offset: number): Point => {
    const index = lastAtOrBefore(lineStarts, offset);
    return { line: line + index, column: offset - (lineStarts[index] ?? start) + 1, offset };
  };
}
