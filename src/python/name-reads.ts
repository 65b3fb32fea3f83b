/**
 * Identifiers that read a variable, as opposed to the ones that only name something:
 * the attribute in `obj.attr` and the keyword in `f(key=value)` are not variables.
 */
import type { Node } from './parser.js';

/** Whether an identifier is an attribute name or a keyword argument's name. */
export function isNameField(id: Node): boolean {
  const parent = id.parent;
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id)
    return true;
  return parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === id.id;
}

/** The identifiers under `root` that read a variable (of `names`, when given), in order. */
export function identifierReads(root: Node, names?: ReadonlySet<string>): Node[] {
  const all = root.type === 'identifier' ? [root] : root.descendantsOfType('identifier');
  return all.filter((id): id is Node => !!id && (!names || names.has(id.text)) && !isNameField(id));
}
