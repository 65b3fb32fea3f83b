/**
 * Markdown pieces parsed in batches (batches.ts) get exactly the nodes each piece gets
 * parsed alone, positions included; a batch whose joined text does not split at the
 * separators falls back to parsing piece by piece, and a piece that may leave a fence
 * open is never joined.
 */
import type { RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { MarkdownBatches } from '../../src/findings/batches.js';
import { shiftPositions } from '../../src/findings/chunks.js';
import { MARKDOWN_OPTIONS } from '../../src/findings/markdown.js';

/** The text, and the pieces of it to parse: [start, end) of each. */
function piecesOf(parts: readonly string[]): { text: string; pieces: [number, number][] } {
  const pieces: [number, number][] = [];
  let text = '';
  for (const [i, part] of parts.entries()) {
    pieces.push([text.length, text.length + part.length]);
    text += part + (i < parts.length - 1 ? 'Direct paragraph between pieces.\n' : '');
  }
  return { text, pieces };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

function batched(text: string, pieces: readonly [number, number][], size: number) {
  const batches = new MarkdownBatches(text, MARKDOWN_OPTIONS, size);
  const slots = pieces.map(() => [] as RootContent[]);
  for (const [i, [s, e]] of pieces.entries()) batches.add(s, e, lineOf(text, s), slots[i] ?? []);
  batches.flush();
  return slots;
}

function alone(text: string, pieces: readonly [number, number][]) {
  return pieces.map(([s, e]) => {
    const root = fromMarkdown(text.slice(s, e), MARKDOWN_OPTIONS);
    shiftPositions(root, s, lineOf(text, s));
    return root.children;
  });
}

const PARTS = [
  '- item one\n  - nested\n\n',
  '> a quote\nlazy line\n\n',
  '1. first\n\n   second paragraph\n2. next\n\n',
  'text with a hard break  \nand [a link](http://x)\n\n',
  '    indented code\n\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n\n',
  '* star list\n+ plus list\n',
  '- item\n  ```\n  code left open\n',
  'Setext heading\n---\n\n',
];

describe('markdown pieces parsed in batches', () => {
  it('give every piece the nodes it gets alone, for every batch size', () => {
    const { text, pieces } = piecesOf(PARTS);
    const expected = JSON.stringify(alone(text, pieces));
    for (const size of [0, 10, 40, 100, 2000])
      expect(JSON.stringify(batched(text, pieces, size)), `batch size ${size}`).toBe(expected);
  });

  it('parse piece by piece when the joined text does not split at the separators', () => {
    // The open comment swallows the separator: the joined tree cannot be cut back.
    const { text, pieces } = piecesOf(['intro\n\n<!-- open comment\n', 'after\n', '- last\n']);
    expect(JSON.stringify(batched(text, pieces, 2000))).toBe(JSON.stringify(alone(text, pieces)));
  });
});
