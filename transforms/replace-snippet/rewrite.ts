/**
 * The edits of a snippet replacement: the matched range becomes the after-code,
 * re-indented to the match's position; an `except ... as name` whose name the new code
 * no longer uses loses its `as name`.
 */
import { Edit } from '../../src/core/edit.js';
import { docstringOf, findAncestor } from '../../src/python/nodes.js';
import type { Node, Tree } from '../../src/python/parser.js';
import { leadingWhitespace, lineAt, normaliseBlock } from '../../src/python/reindent.js';
import { codeTokens, type Token, tokenize } from '../../src/python/tokens.js';

/** The after-code as it replaces the text from `start` (the first matched token). */
export function replacementText(
  text: string,
  start: number,
  before: string,
  after: string,
  eol: '\n' | '\r\n',
): string {
  const line = lineAt(text, start);
  const lineIndent = leadingWhitespace(line.text);
  const startsLine = text.slice(line.start, start).trim() === '';
  const beforeFirst = leadingWhitespace(normaliseBlock(before).split('\n')[0] ?? '');
  // A snippet whose first line is indented relative to its later lines sits deeper
  // in the file than its base: remove that extra depth from the base indentation.
  const base =
    startsLine && lineIndent.endsWith(beforeFirst)
      ? lineIndent.slice(0, lineIndent.length - beforeFirst.length)
      : lineIndent;
  const lines = normaliseBlock(after).split('\n');
  return lines.map((l, i) => (i === 0 ? l.trimStart() : l === '' ? '' : base + l)).join(eol);
}

/** Comments and docstrings inside the replaced range that the after-code does not have. */
export interface DroppedDocumentation {
  readonly comments: readonly string[];
  readonly docstrings: readonly string[];
}

/** What documentation the replacement drops: it goes with the old code unless `after` repeats it. */
export function droppedDocumentation(
  tree: Tree,
  tokens: readonly Token[],
  range: { start: number; end: number },
  after: string,
): DroppedDocumentation {
  const kept = new Set(
    tokenize(after)
      .filter((t) => t.kind === 'comment' || t.kind === 'string')
      .map((t) => t.text.trim()),
  );
  const comments = tokens
    .filter((t) => t.kind === 'comment' && t.start > range.start && t.end < range.end)
    .map((t) => t.text)
    .filter((text) => !kept.has(text.trim()));
  const around = tree.rootNode.descendantForIndex(range.start, range.end);
  const docstrings = (around ? [around, ...around.descendantsOfType('expression_statement')] : [])
    .filter((n): n is Node => !!n && n.type === 'expression_statement')
    .filter((n) => n.startIndex >= range.start && n.endIndex <= range.end)
    .filter((n) => n.parent !== null && docstringOf(n.parent)?.id === n.id)
    .map((n) => n.text)
    .filter((text) => !kept.has(text.trim()));
  return { comments, docstrings };
}

/**
 * When the match sits in `except E as name:` and `name` was used by the old code but
 * not by the new code nor anywhere else in the handler: the edit removing `as name`.
 */
export function unusedExceptAlias(
  tree: Tree,
  text: string,
  range: { start: number; end: number },
  before: string,
  after: string,
): Edit | undefined {
  const node = tree.rootNode.descendantForIndex(range.start, range.end);
  const clause = node && findAncestor(node, (n) => n.type === 'except_clause');
  if (!clause) return undefined;
  const alias = exceptAlias(clause);
  if (!alias) return undefined;
  const name = alias.name.text;
  if (!usesName(before, name) || usesName(after, name)) return undefined;
  const body = clause.namedChildren.find((c) => c?.type === 'block');
  if (!body) return undefined;
  const rest = text.slice(body.startIndex, range.start) + text.slice(range.end, body.endIndex);
  if (usesName(rest, name)) return undefined;
  return Edit.delete(alias.from, alias.name.endIndex);
}

/** `as name` of an except clause: the name node and where ` as` starts. */
function exceptAlias(clause: Node): { name: Node; from: number } | undefined {
  const children = clause.children.filter((c): c is Node => !!c);
  const asIndex = children.findIndex((c) => c.type === 'as');
  if (asIndex > 0) {
    const name = children[asIndex + 1];
    if (name?.type !== 'identifier') return undefined;
    return { name, from: children[asIndex - 1]!.endIndex };
  }
  // Older grammars: `as_pattern` wrapping the exception type.
  const pattern = children.find((c) => c.type === 'as_pattern');
  const target = pattern?.childForFieldName('alias');
  const value = pattern?.namedChild(0);
  const name = target?.namedChild(0) ?? target;
  if (!pattern || !value || name?.type !== 'identifier') return undefined;
  return { name, from: value.endIndex };
}

function usesName(code: string, name: string): boolean {
  return codeTokens(tokenize(code)).some((t) => t.kind === 'name' && t.text === name);
}
