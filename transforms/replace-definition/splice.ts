/**
 * Put a new definition where the old one is: the range to replace (decorators kept
 * unless the new code brings its own; comments after the last statement kept), the
 * old docstring carried over when the new code has none, re-indented for methods.
 */
import { docstringOf, withDecorators } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import {
  leadingWhitespace,
  lineAt,
  normaliseBlock,
  placeBlock,
} from '../../src/python/reindent.js';
import type { NewDefinition } from './code.js';

export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The replacement of `old` (a def/class node of `source`) by `fresh`. */
export function spliceDefinition(
  source: string,
  old: Node,
  fresh: NewDefinition,
  eol: '\n' | '\r\n',
): Splice {
  const start = fresh.hasDecorators ? withDecorators(old).startIndex : old.startIndex;
  const end = lastStatementEnd(old);
  const indent = leadingWhitespace(lineAt(source, start).text);
  let code = fresh.text;
  const docstring = fresh.hasDocstring ? undefined : oldDocstring(source, old);
  if (docstring) code = withDocstring(fresh, docstring);
  return { start, end, text: placeBlock(code, indent, eol) };
}

/** End of the definition's last statement: comments after it stay where they are. */
function lastStatementEnd(def: Node): number {
  const body = def.childForFieldName('body');
  const statements = body?.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  const last = statements?.[statements.length - 1];
  return last ? last.endIndex : def.endIndex;
}

/** The old docstring's text, dedented to column 0. */
function oldDocstring(source: string, def: Node): string | undefined {
  const body = def.childForFieldName('body');
  const doc = body ? docstringOf(body) : undefined;
  if (!doc) return undefined;
  const indent = leadingWhitespace(lineAt(source, doc.startIndex).text);
  const raw = source.slice(doc.startIndex, doc.endIndex).replace(/\r\n/g, '\n');
  const lines = raw.split('\n');
  return lines
    .map((l, i) => (i > 0 && l.startsWith(indent) ? l.slice(indent.length) : l))
    .join('\n');
}

/** The new definition's text with `docstring` as the first statement of its body. */
function withDocstring(fresh: NewDefinition, docstring: string): string {
  const text = fresh.text;
  const at = fresh.bodyStart;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const bodyIndent = text.slice(lineStart, at);
  const sameLine = bodyIndent.trim() !== '';
  if (sameLine) {
    // `def f(): return 1` — the body shares the header's line; give it its own block.
    const headerIndent = leadingWhitespace(text.slice(text.lastIndexOf('\n', at) + 1));
    const inner = `${headerIndent}    `;
    const doc = indentLines(docstring, inner);
    return normaliseBlock(`${text.slice(0, at).trimEnd()}\n${doc}\n${inner}${text.slice(at)}`);
  }
  const doc = indentLines(docstring, bodyIndent);
  return `${text.slice(0, lineStart)}${doc}\n${text.slice(lineStart)}`;
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? '' : indent + l))
    .join('\n');
}
