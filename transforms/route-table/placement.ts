/**
 * Module-level positions for the route table and for deleting predicates: the table
 * goes right above the dispatcher (above the comments attached to it) unless a handler
 * it reads at import time is defined later, in which case it goes after that definition.
 */
import { Edit } from '../../src/core/edit.js';
import { statementDeletionRange } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import type { ModuleAnalysis } from '../../src/python/project/module-analysis.js';

/** The module-level statement that contains `node`. */
function topLevelStatement(node: Node): Node {
  let current = node;
  while (current.parent && current.parent.type !== 'module') current = current.parent;
  return current;
}

/** Start of the comment lines directly above `statement` (no blank line between), else its start. */
function attachedCommentsStart(statement: Node): number {
  let start = statement.startIndex;
  let row = statement.startPosition.row;
  for (
    let prev = statement.previousNamedSibling;
    prev?.type === 'comment';
    prev = prev.previousNamedSibling
  ) {
    if (prev.endPosition.row !== row - 1) break;
    start = prev.startIndex;
    row = prev.startPosition.row;
  }
  return start;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** The edit inserting `table` (a module-level statement's text) for the dispatcher `def`. */
export function insertTable(
  text: string,
  analysis: ModuleAnalysis,
  def: Node,
  table: string,
  readAtImport: readonly string[],
  eol: string,
): Edit {
  const anchor = topLevelStatement(def);
  let after: Node | undefined;
  for (const name of readAtImport) {
    const bindings = analysis.globalBindings(name);
    if (bindings.length === 0 || bindings.some((b) => b.statement.startIndex < anchor.startIndex))
      continue;
    const last = topLevelStatement(bindings[bindings.length - 1]!.statement);
    if (!after || last.endIndex > after.endIndex) after = last;
  }
  if (after) return Edit.insert(lineEnd(text, after.endIndex), `${eol}${eol}${eol}${table}`);
  return Edit.insert(lineStart(text, attachedCommentsStart(anchor)), `${table}${eol}${eol}${eol}`);
}

/** The edit deleting a module-level definition with the comment lines attached above it. */
export function deleteDefinition(text: string, def: Node): Edit {
  const statement = topLevelStatement(def);
  const range = statementDeletionRange(text, statement);
  const comments = attachedCommentsStart(statement);
  if (comments === statement.startIndex) return Edit.delete(range.start, range.end);
  // Like statementDeletionRange: take the blank lines above the comments too.
  let start = lineStart(text, comments);
  while (start > 0) {
    const prev = lineStart(text, start - 1);
    if (text.slice(prev, start).trim() !== '') break;
    start = prev;
  }
  return Edit.delete(start, range.end);
}
