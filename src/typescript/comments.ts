/**
 * The comments of a TypeScript/JavaScript text, and the ones a rewrite lost: a fact a
 * whole-text rewrite (a jscodeshift module's reprint) is judged by — a comment that
 * disappears makes the rewrite unsafe.
 */
import { ts } from 'ts-morph';
import { parseTs } from './parse.js';

/** Every comment of the text, whitespace-normalized, in order. */
export function commentsOf(path: string, text: string): string[] {
  const sf = parseTs(path, text).sourceFile;
  const seen = new Set<number>();
  const out: string[] = [];
  const add = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      out.push(text.slice(r.pos, r.end).replace(/\s+/g, ' ').trim());
    }
  };
  const visit = (node: ts.Node): void => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    node.forEachChild(visit);
  };
  visit(sf);
  add(ts.getLeadingCommentRanges(text, sf.endOfFileToken.pos));
  return out;
}

/** The comments of `before` that `after` no longer has (as a multiset). */
export function lostComments(path: string, before: string, after: string): string[] {
  const left = new Map<string, number>();
  for (const c of commentsOf(path, after)) left.set(c, (left.get(c) ?? 0) + 1);
  const lost: string[] = [];
  for (const c of commentsOf(path, before)) {
    const n = left.get(c) ?? 0;
    if (n > 0) left.set(c, n - 1);
    else lost.push(c);
  }
  return lost;
}
