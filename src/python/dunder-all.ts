/**
 * Add names to a module's literal `__all__` (a list or tuple of strings): kept sorted
 * when it was sorted, else appended; one entry per line when it was written that way.
 * A module without a literal `__all__` is left alone (nothing to keep in step).
 */
import { Edit } from '../core/edit.js';
import { stringLiteralValue } from './nodes.js';
import type { Node, Tree } from './parser.js';

export interface DunderAll {
  /** The list or tuple node. */
  readonly node: Node;
  readonly names: readonly string[];
}

/** The module's `__all__ = [...]` when it is one literal assignment of strings. */
export function literalDunderAll(tree: Tree): DunderAll | undefined {
  const found: DunderAll[] = [];
  for (const statement of tree.rootNode.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChild(0) : null;
    if (assignment?.childForFieldName('left')?.text !== '__all__') continue;
    const right = assignment.childForFieldName('right');
    if (assignment.type !== 'assignment' || !right || !['list', 'tuple'].includes(right.type)) {
      return undefined;
    }
    const names = right.namedChildren
      .filter((n): n is Node => !!n && n.type !== 'comment')
      .map((n) => stringLiteralValue(n));
    if (names.some((n) => n === undefined)) return undefined;
    found.push({ node: right, names: names as string[] });
  }
  return found.length === 1 ? found[0] : undefined;
}

function isSorted(names: readonly string[]): boolean {
  return names.every((n, i) => i === 0 || names[i - 1]! <= n);
}

/** The edit adding `names` to `__all__`, or undefined when there is no literal one or nothing is missing. */
export function addToDunderAll(
  text: string,
  tree: Tree,
  names: readonly string[],
): Edit | undefined {
  const all = literalDunderAll(tree);
  if (!all) return undefined;
  const missing = names.filter((n, i) => !all.names.includes(n) && names.indexOf(n) === i);
  if (missing.length === 0) return undefined;
  const merged = isSorted(all.names)
    ? [...all.names, ...missing].sort()
    : [...all.names, ...missing];
  const node = all.node;
  const quote = /^[^"]*'/.test(node.text) && !node.text.includes('"') ? "'" : '"';
  const items = merged.map((n) => `${quote}${n}${quote}`);
  const [open, close] = node.type === 'list' ? ['[', ']'] : ['(', ')'];
  if (!node.text.includes('\n')) {
    const single = items.length === 1 && node.type === 'tuple' ? ',' : '';
    return Edit.replace(
      node.startIndex,
      node.endIndex,
      `${open}${items.join(', ')}${single}${close}`,
    );
  }
  const first = node.namedChildren.find((n) => !!n);
  const lineStart = first ? text.lastIndexOf('\n', first.startIndex - 1) + 1 : node.startIndex;
  const indent = first ? text.slice(lineStart, first.startIndex) : '    ';
  const closeStart = text.lastIndexOf('\n', node.endIndex - 1) + 1;
  const closeIndent = /^[ \t]*/.exec(text.slice(closeStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = items.map((i) => `${indent}${i},${eol}`).join('');
  return Edit.replace(node.startIndex, node.endIndex, `${open}${eol}${body}${closeIndent}${close}`);
}
