/**
 * The markdown pieces left to micromark, parsed a few kilobytes at a time instead of
 * one call each: hundreds of small calls cost more than the parsing (each call rebuilds
 * micromark's and mdast's tables, and enough of them make V8 spend half a second
 * optimising mdast's compiler). The pieces of one batch are joined with a line `#`
 * between them: an empty heading, which ends whatever a piece left open as the end of
 * the text would, and starts nothing. Each top-level node then goes back to its piece
 * with its positions shifted; when the tree is not cut exactly at those headings, the
 * batch is parsed piece by piece after all.
 */
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { countNewlines, shiftPositions } from './chunks.js';

/** Characters of markdown parsed in one call (micromark slows down on long inputs). */
export const BATCH_SIZE = 2_000;

const SEPARATOR = '#\n';

/**
 * Anything that may open a fenced code block. A fence left open at the end of a piece
 * ends with the text (taking its newlines along) but stops short of a separator, so
 * such pieces are never joined: only an open fence reads differently before the
 * separator than at the end of the text (test/findings/batches.test.ts).
 */
const FENCE_MARK = /`{3}|~{3}/;

type Options = Parameters<typeof fromMarkdown>[1];

interface Pending {
  readonly start: number;
  readonly end: number;
  /** Lines of the whole text before the piece. */
  readonly line: number;
  /** Where the piece's nodes go. */
  readonly nodes: RootContent[];
}

/** Collects markdown pieces, parses them in batches, and puts each piece's nodes in its slot. */
export class MarkdownBatches {
  private pending: Pending[] = [];
  private size = 0;

  constructor(
    private readonly text: string,
    private readonly options: Options,
    private readonly batchSize = BATCH_SIZE,
  ) {}

  /** Queue a piece; `nodes` receives its top-level nodes by the time `flush` returns. */
  add(start: number, end: number, line: number, nodes: RootContent[]): void {
    if (FENCE_MARK.test(this.text.slice(start, end))) {
      // A fence the piece leaves open would run into the separator: parse it on its own.
      this.parseAlone({ start, end, line, nodes });
      return;
    }
    this.pending.push({ start, end, line, nodes });
    this.size += end - start;
    if (this.size >= this.batchSize) this.flush();
  }

  flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.size = 0;
    if (batch.length === 0) return;
    if (batch.length === 1 || !this.parseTogether(batch)) for (const p of batch) this.parseAlone(p);
  }

  private parseAlone(p: Pending): void {
    const parsed = fromMarkdown(this.text.slice(p.start, p.end), this.options);
    shiftPositions(parsed, p.start, p.line);
    p.nodes.push(...parsed.children);
  }

  /** False, with no slot filled, when the joined text did not split at the separators. */
  private parseTogether(batch: readonly Pending[]): boolean {
    const parts: string[] = [];
    const starts: number[] = [];
    let length = 0;
    for (const [i, p] of batch.entries()) {
      if (i > 0) {
        // The separator must start a line: every piece but the last ends with a newline.
        if (this.text[(batch[i - 1]?.end ?? 0) - 1] !== '\n') return false;
        parts.push(SEPARATOR);
        length += SEPARATOR.length;
      }
      starts.push(length);
      parts.push(this.text.slice(p.start, p.end));
      length += p.end - p.start;
    }
    const root = fromMarkdown(parts.join(''), this.options);
    const owners = assignNodes(
      root,
      starts,
      batch.map((p, i) => (starts[i] ?? 0) + p.end - p.start),
    );
    if (!owners) return false;
    let linesBefore = 0;
    for (const [i, p] of batch.entries()) {
      const nodes = owners[i] ?? [];
      shiftPositions(
        { type: 'root', children: nodes },
        p.start - (starts[i] ?? 0),
        p.line - linesBefore,
      );
      p.nodes.push(...nodes);
      linesBefore += countNewlines(this.text, p.start, p.end) + (i < batch.length - 1 ? 1 : 0);
    }
    return true;
  }
}

/**
 * The top-level nodes of each piece of a joined parse, or undefined unless every node
 * lies inside one piece (`starts` to `ends` in the joined text) and every separator was
 * read as an empty heading of its own.
 */
function assignNodes(
  root: Root,
  starts: readonly number[],
  ends: readonly number[],
): RootContent[][] | undefined {
  const owners: RootContent[][] = starts.map(() => []);
  let piece = 0;
  for (const node of root.children) {
    const start = node.position?.start.offset ?? -1;
    const end = node.position?.end.offset ?? -1;
    const pieceEnd = ends[piece] ?? 0;
    if (start >= pieceEnd && piece < starts.length - 1) {
      if (!isSeparator(node, pieceEnd)) return undefined;
      piece++;
      continue;
    }
    if (start < (starts[piece] ?? 0) || end > pieceEnd) return undefined;
    owners[piece]?.push(node);
  }
  return piece === starts.length - 1 ? owners : undefined;
}

function isSeparator(node: RootContent, at: number): boolean {
  return (
    node.type === 'heading' &&
    node.depth === 1 &&
    node.children.length === 0 &&
    node.position?.start.offset === at &&
    node.position.end.offset === at + 1
  );
}
