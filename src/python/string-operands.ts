/**
 * String operands of `|`: `"Foo" | None` is valid syntax but raises TypeError whenever
 * it is evaluated (`str | None`), which is what SQLAlchemy, pydantic and
 * `typing.get_type_hints` do with annotations — even under `from __future__ import
 * annotations`, where the whole annotation is a string evaluated later. ruff's own UP045
 * / UP007 fixes produce it from `Optional["Foo"]`; this finds the sites.
 */
import type { Node, Tree } from './parser.js';

const STRINGS = new Set(['string', 'concatenated_string']);

/** Whether `node` is a string literal, through parentheses. */
function isStringOperand(node: Node | null): boolean {
  let n = node;
  while (n?.type === 'parenthesized_expression') n = n.namedChild(0);
  return n !== null && STRINGS.has(n.type);
}

/** Every `a | b` (binary operator) of the tree with a string literal on either side. */
export function stringOperandUnions(tree: Tree): Node[] {
  const out: Node[] = [];
  const text = tree.rootNode.text;
  if (!text.includes('|')) return out;
  const walk = (node: Node): void => {
    if (
      node.type === 'binary_operator' &&
      node.childForFieldName('operator')?.type === '|' &&
      (isStringOperand(node.childForFieldName('left')) ||
        isStringOperand(node.childForFieldName('right')))
    ) {
      out.push(node);
    }
    for (const child of node.namedChildren) if (child) walk(child);
  };
  walk(tree.rootNode);
  return out;
}
