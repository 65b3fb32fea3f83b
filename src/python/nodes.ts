/**
 * Small helpers over tree-sitter-python nodes: traversal, ancestry, statements and
 * the source lines they occupy. Everything works in JS string offsets.
 */
import type { Node } from './parser.js';

/** Depth-first pre-order walk; return `false` from `visit` to skip a node's children. */
export function walk(root: Node, visit: (node: Node) => boolean | undefined): void {
  const cursor = root.walk();
  try {
    let descend = true;
    for (;;) {
      if (descend) {
        const goDeeper = visit(cursor.currentNode) !== false;
        if (goDeeper && cursor.gotoFirstChild()) continue;
      }
      if (cursor.currentNode.id === root.id) break;
      if (cursor.gotoNextSibling()) {
        descend = true;
        continue;
      }
      if (!cursor.gotoParent() || cursor.currentNode.id === root.id) break;
      descend = false;
    }
  } finally {
    cursor.delete();
  }
}

/** Every descendant (and `root` itself) whose type is in `types`, in document order. */
/** 1-based line of a node. */
export function lineOf(node: { readonly startPosition: { readonly row: number } }): number {
  return node.startPosition.row + 1;
}

export function ancestors(node: Node): Node[] {
  const out: Node[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

export function findAncestor(node: Node, predicate: (n: Node) => boolean): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (predicate(p)) return p;
  return undefined;
}

/** A `decorated_definition` wrapping `def` or `class`, or the definition itself. */
export function withDecorators(definition: Node): Node {
  const parent = definition.parent;
  return parent?.type === 'decorated_definition' ? parent : definition;
}

/** Whether `node` is a statement (a direct child of a module or block). */
export function isStatement(node: Node): boolean {
  const parent = node.parent;
  return !!parent && (parent.type === 'module' || parent.type === 'block');
}

/** The statement that contains `node` (itself when it is one). */
export function statementOf(node: Node): Node {
  let current: Node | null = node;
  while (current && !isStatement(current)) current = current.parent;
  return current ?? node;
}

/**
 * The range of whole lines occupied by a statement: from the start of its first line
 * to just past the line break of its last line, when nothing else shares those lines.
 * Falls back to the exact node range when another statement shares a line.
 */
export function statementLinesRange(text: string, node: Node): { start: number; end: number } {
  // A byte-order mark is not part of the first line: it must survive a deletion.
  const lineStart = Math.max(text.lastIndexOf('\n', node.startIndex - 1) + 1, bomLength(text));
  const before = text.slice(lineStart, node.startIndex);
  let lineEnd = text.indexOf('\n', node.endIndex);
  lineEnd = lineEnd === -1 ? text.length : lineEnd + 1;
  const after = text.slice(node.endIndex, lineEnd).replace(/\r?\n$/, '');
  if (before.trim() === '' && (after.trim() === '' || after.trim().startsWith('#'))) {
    return { start: lineStart, end: lineEnd };
  }
  return { start: node.startIndex, end: node.endIndex };
}

/** The docstring expression statement of a module, class or function body, if any. */
export function docstringOf(bodyOrModule: Node): Node | undefined {
  const first = bodyOrModule.namedChildren.find((n) => n && n.type !== 'comment');
  if (first?.type === 'expression_statement' && first.namedChildCount === 1) {
    const expr = first.namedChild(0);
    if (expr && (expr.type === 'string' || expr.type === 'concatenated_string')) return first;
  }
  return undefined;
}

/** The text of a plain (non-f, non-bytes) string literal's content, or undefined. */
export function stringLiteralValue(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const start = node.child(0);
  if (start?.type !== 'string_start' || /[fFbB]/.test(start.text)) return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') value += child.text;
    else if (child.type === 'interpolation' || child.type === 'escape_sequence') {
      if (child.type === 'interpolation') return undefined;
      value += child.text;
    }
  }
  return value;
}

/** `a.b.c` for identifier / attribute chains, else undefined. */
export function dottedName(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attribute = node.childForFieldName('attribute');
    if (!object || !attribute) return undefined;
    const left = dottedName(object);
    return left === undefined ? undefined : `${left}.${attribute.text}`;
  }
  if (node.type === 'dotted_name') return node.text.replace(/\s+/g, '');
  return undefined;
}

const BLANK_LINE = /^[ \t]*\r?\n/;

function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * The range to delete to remove a whole statement cleanly: its lines, plus the blank
 * lines that would otherwise pile up (the ones before it when it sat between blank
 * lines, or the ones after it at the top of the file).
 */
export function statementDeletionRange(text: string, node: Node): { start: number; end: number } {
  const range = statementLinesRange(text, node);
  const bom = bomLength(text);
  if (range.start !== Math.max(text.lastIndexOf('\n', node.startIndex - 1) + 1, bom)) return range;
  let { start, end } = range;
  const blankAfter = end >= text.length || BLANK_LINE.test(text.slice(end));
  if (text.slice(bom, start).trim() === '') {
    while (end < text.length) {
      const m = BLANK_LINE.exec(text.slice(end));
      if (!m) break;
      end += m[0].length;
    }
    return { start: bom, end };
  }
  if (blankAfter) {
    for (;;) {
      const prevStart = text.lastIndexOf('\n', start - 2) + 1;
      if (start === 0 || !/^[ \t]*\r?\n$/.test(text.slice(prevStart, start))) break;
      start = prevStart;
    }
  }
  return { start, end };
}

/**
 * Whether `node` is the primary of a postfix expression: the object of an attribute
 * (`node.x`), the value of a subscript (`node[i]`) or the function of a call (`node()`).
 */
export function isPrimaryOfPostfix(node: Node): boolean {
  const parent = node.parent;
  const field = parent ? POSTFIX_PRIMARY[parent.type] : undefined;
  return field !== undefined && parent!.childForFieldName(field)?.id === node.id;
}

const POSTFIX_PRIMARY: Record<string, string> = {
  attribute: 'object',
  subscript: 'value',
  call: 'function',
};
