/**
 * Guards that keep reading a hostile document linear and on the stack: lists and
 * quotes nested deeper than any audit needs are refused with a clear error, and a
 * paragraph packed with emphasis markers (which micromark resolves in quadratic time)
 * is read with those markers as plain characters.
 */
import { InputError } from '../core/errors.js';

/** Deepest list/quote nesting read; real audits use a handful of levels. */
export const MAX_NESTING = 100;
/** Emphasis delimiter runs (`*`, `_`, `~`) one paragraph may hold before they count as text. */
export const MAX_DELIMITER_RUNS = 200;

/**
 * Throws InputError naming the line where lists or quotes nest deeper than MAX_NESTING;
 * `lineOf` maps an offset of `text` to a line of the document as given.
 */
export function checkNesting(
  text: string,
  docPath: string,
  lineOf: (offset: number) => number,
): void {
  const items: number[] = [];
  let fence: string | null = null;
  let offset = -1;
  for (const line of lines(text)) {
    offset += line.length + 1;
    const lineStart = offset - line.length;
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (fenceMark?.[0] === fence[0] && line.trim() === fenceMark) fence = null;
      continue;
    }
    if (fenceMark) fence = fenceMark;
    if (line.trim() === '') continue;
    const quote = /^(?:\s{0,3}>)+/.exec(line)?.[0] ?? '';
    const quotes = quote.split('>').length - 1;
    const rest = line.slice(quote.length);
    const indent = /^\s*/.exec(rest)?.[0].length ?? 0;
    while (items.length > 0 && indent < (items[items.length - 1] ?? 0)) items.pop();
    const marker = /^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)/.exec(rest);
    if (marker) items.push(marker[0].length);
    const depth = quotes + items.length;
    if (depth > MAX_NESTING)
      throw tooDeep(docPath, lineOf(lineStart), depth, quotes > items.length);
  }
}

function tooDeep(docPath: string, line: number, depth: number, quotes: boolean): InputError {
  return new InputError(
    `the document nests ${quotes ? 'block quotes' : 'lists'} ${depth} levels deep; remedy reads up to ${MAX_NESTING}`,
    {
      location: { file: docPath, line },
      hint: 'flatten the nesting at that line (findings are rarely more than a few levels deep)',
    },
  );
}

export interface Neutralized {
  readonly text: string;
  /** Offsets of the paragraphs read without emphasis. */
  readonly starts: number[];
}

/**
 * Paragraphs with more than MAX_DELIMITER_RUNS emphasis runs get their `*` / `~` and
 * word-edge `_` replaced by look-alike characters of the same length (offsets stay).
 */
export function neutralizeEmphasis(text: string): Neutralized {
  const blocks = paragraphBlocks(text);
  const heavy = blocks.filter((b) => delimiterRuns(text, b.start, b.end) > MAX_DELIMITER_RUNS);
  if (heavy.length === 0) return { text, starts: [] };
  const parts: string[] = [];
  let at = 0;
  for (const b of heavy) {
    parts.push(text.slice(at, b.start), plain(text.slice(b.start, b.end)));
    at = b.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), starts: heavy.map((b) => b.start) };
}

function plain(block: string): string {
  return block
    .replace(/\*/g, '\u2217')
    .replace(/~/g, '\u223c')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\uff3f');
}

function delimiterRuns(text: string, start: number, end: number): number {
  let runs = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 42 || c === 95 || c === 126) && text.charCodeAt(i - 1) !== c) runs++;
  }
  return runs;
}

interface Block {
  readonly start: number;
  readonly end: number;
}

/** A line that starts its own inline content: heading, list item, quote, table row. */
const BLOCK_START = /^\s*(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\|)/;

/** Paragraphs: runs of lines outside fenced code, each list item, row or heading on its own. */
function paragraphBlocks(text: string): Block[] {
  const out: Block[] = [];
  let fence: string | null = null;
  let open: number | null = null;
  let offset = 0;
  const close = (end: number) => {
    if (open !== null) out.push({ start: open, end });
    open = null;
  };
  for (const line of lines(text)) {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null || fenceMark) {
      close(offset);
      if (fence === null) fence = fenceMark ?? null;
      else if (fenceMark?.[0] === fence[0] && line.trim() === fenceMark) fence = null;
    } else if (line.trim() === '') close(offset);
    else {
      if (BLOCK_START.test(line)) close(offset);
      open ??= offset;
    }
    offset += line.length + 1;
  }
  close(text.length);
  return out;
}

function* lines(text: string): Generator<string> {
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    yield text.slice(start, end < 0 ? text.length : end);
    if (end < 0) return;
    start = end + 1;
  }
}
