/**
 * Deleting hoisted imports from function bodies: whole lines, plus the blank lines
 * they leave at the start of a body; `pass` when nothing else would be left.
 */
import { Edit } from '../../src/core/edit.js';
import { docstringOf, statementLinesRange } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';

const BLANK_LINE = /^[ \t]*\r?\n/;

/** Edits that delete `statements` (all in the block `body`). */
export function removalEdits(text: string, body: Node, statements: readonly Node[]): Edit[] {
  const ids = new Set(statements.map((s) => s.id));
  const children = body.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  const doc = docstringOf(body);
  const remaining = children.filter((c) => !ids.has(c.id) && c.id !== doc?.id);
  if (remaining.length === 0 && !doc) {
    const [first, ...others] = statements;
    return [
      Edit.replaceNode(first!, 'pass'),
      ...others.map((s) => {
        const r = statementLinesRange(text, s);
        return Edit.delete(r.start, r.end);
      }),
    ];
  }
  const leading = new Set<number>();
  for (const child of children) {
    if (!ids.has(child.id)) break;
    leading.add(child.id);
  }
  return statements.map((s) => {
    const range = statementLinesRange(text, s);
    let end = range.end;
    const lastLeading =
      leading.has(s.id) && !children.some((c) => leading.has(c.id) && c.startIndex > s.startIndex);
    if (lastLeading && range.start !== s.startIndex) {
      for (let m = BLANK_LINE.exec(text.slice(end)); m; m = BLANK_LINE.exec(text.slice(end)))
        end += m[0].length;
    }
    return Edit.delete(range.start, end);
  });
}
