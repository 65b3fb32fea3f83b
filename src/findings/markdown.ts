/**
 * The parsed document: mdast (micromark + GFM tables, strikethrough, task lists) over the
 * recovered text, parsed in pieces (chunks.ts), with positions
 * mapped back to lines and columns of the document as given.
 */
import type { Code, Nodes, Root, RootContent } from 'mdast';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { BATCH_SIZE, MarkdownBatches } from './batches.js';
import { countNewlines, lastAtOrBefore, type Piece, splitPieces } from './chunks.js';
import { recoverFlattened } from './flattened.js';
import { checkNesting, neutralizeEmphasis } from './guards.js';

export interface Location {
  readonly line: number;
  readonly column: number;
}

export interface MarkdownDoc {
  /** The document path as given. */
  readonly path: string;
  /** The text that was parsed (flattened lines recovered). */
  readonly text: string;
  readonly root: Root;
  /** True when some lines had lost their newlines and were rebuilt. */
  readonly recovered: boolean;
  /** Lines of paragraphs read without emphasis: too many markers to resolve. */
  readonly plainLines: readonly number[];
  /** Line and column in the document as given of an offset in `text`. */
  readonly locate: (offset: number) => Location;
}

/**
 * The GFM parts audits use: tables, ~~strikethrough~~ and task lists. Autolink literals
 * and footnotes are left out (a fifth of the parse time, and nothing reads them).
 */
export const MARKDOWN_OPTIONS = {
  extensions: [gfmTable(), gfmStrikethrough(), gfmTaskListItem()],
  mdastExtensions: [
    gfmTableFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ],
};

export function parseMarkdown(source: string, path: string): MarkdownDoc {
  const normalized = source.replace(/\r\n?/g, '\n');
  const recovery = recoverFlattened(normalized);
  const lineStarts = lineStartOffsets(normalized);
  const locate = (offset: number): Location => {
    const original = recovery.toOriginal(offset);
    const index = lastAtOrBefore(lineStarts, original);
    return { line: index + 1, column: original - (lineStarts[index] ?? 0) + 1 };
  };
  checkNesting(recovery.text, path, (offset) => locate(offset).line);
  const neutral = neutralizeEmphasis(recovery.text);
  const root = parseInPieces(neutral.text);
  const plainLines = neutral.starts.map((offset) => locate(offset).line);
  return { path, text: neutral.text, root, recovered: recovery.recovered, locate, plainLines };
}

/** A link reference definition, which changes how text elsewhere in the document reads. */
const DEFINITION = /^[ \t>]*\[[^\]\n]*\]:/m;

/**
 * Whether pieces may be parsed in batches: not when a link reference definition (outside
 * code) could make a reference in another piece of the batch resolve.
 */
function batchable(text: string): boolean {
  if (!DEFINITION.test(text)) return true;
  return !splitPieces(text).some(
    (p) => p.kind === 'markdown' && DEFINITION.test(text.slice(p.start, p.end)),
  );
}

/**
 * The whole text as one mdast root, parsed piece by piece (see chunks.ts): code blocks
 * read directly, the rest by micromark in batches (batches.ts).
 */
function parseInPieces(text: string): Root {
  const batches = new MarkdownBatches(text, MARKDOWN_OPTIONS, batchable(text) ? BATCH_SIZE : 0);
  const slots: RootContent[][] = [];
  let lines = 0;
  for (const piece of splitPieces(text)) {
    if (piece.kind === 'code') slots.push([codeNode(text, piece, lines)]);
    else if (/\S/.test(text.slice(piece.start, piece.end))) {
      const nodes: RootContent[] = [];
      slots.push(nodes);
      batches.add(piece.start, piece.end, lines, nodes);
    }
    const end = piece.kind === 'markdown' ? piece.end : Math.min(piece.end + 1, text.length);
    lines += countNewlines(text, piece.start, end);
  }
  batches.flush();
  return {
    type: 'root',
    children: slots.flat(),
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lines + 1, column: 1, offset: text.length },
    },
  };
}

/** The mdast node micromark would give for a top-level fenced block. */
function codeNode(
  text: string,
  piece: Extract<Piece, { kind: 'code' }>,
  linesBefore: number,
): Code {
  const [lang, ...meta] = piece.info.split(/\s+/).filter(Boolean);
  const closing = text.slice(text.lastIndexOf('\n', piece.end - 1) + 1, piece.end);
  return {
    type: 'code',
    lang: lang ?? null,
    meta: meta.length > 0 ? meta.join(' ') : null,
    value: piece.value,
    position: {
      start: { line: linesBefore + 1, column: 1, offset: piece.start },
      end: {
        line: linesBefore + 1 + countNewlines(text, piece.start, piece.end),
        column: closing.length + 1,
        offset: piece.end,
      },
    },
  };
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Where a node starts, in the document as given. */
export function nodeLocation(doc: MarkdownDoc, node: Nodes): Location {
  return doc.locate(startOffset(node));
}

/** The markdown source of a node (or of a run of sibling nodes). */
export function sourceOf(doc: MarkdownDoc, first: Nodes, last: Nodes = first): string {
  return doc.text.slice(startOffset(first), endOffset(last));
}
