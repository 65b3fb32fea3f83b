/**
 * Whether a rewrite that removed reads of a name left it settled, the fact that lets the
 * engine skip the semantic guard (src/engine/guard-proof.ts): either the name is gone
 * (no identifier, and no word in a string other than a docstring, since a string may be
 * an annotation pyflakes reads), or it is bound exactly once, by a module-level import,
 * and every other occurrence reads it (`t.List`, `Optional[int]`, `t()`). With one
 * binding there is no redefinition to be unused (F811), no local to be read early
 * (F823), and a read left keeps the import used (F401). Anything else (an assignment, a
 * parameter, a second import, a string that names it) says no.
 */
import { inNonDocstring } from './import-edits.js';
import type { Node, Tree } from './parser.js';

const IMPORTS = new Set(['import_statement', 'import_from_statement']);

/** Whether `node` (an identifier) is a read in a position that can never bind it. */
function isPlainRead(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const is = (field: string) => parent.childForFieldName(field)?.id === node.id;
  switch (parent.type) {
    case 'attribute':
      return is('object');
    case 'subscript':
      return is('value');
    case 'call':
      return is('function');
    case 'generic_type':
      return parent.namedChild(0)?.id === node.id;
    default:
      return false;
  }
}

/** The import statement `node` lies in, when that statement is at module level. */
function moduleLevelImport(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (IMPORTS.has(p.type)) return p.parent?.type === 'module' ? p : undefined;
    if (p.type === 'block' || p.type === 'module') return undefined;
  }
  return undefined;
}

const IDENTIFIER_CHAR = /[\p{L}\p{N}_]/u;

/** Whether `text` holds a whole word (no identifier character either side) of `length` at `i`. */
function isWordAt(text: string, i: number, length: number): boolean {
  return !IDENTIFIER_CHAR.test(text[i - 1] ?? '') && !IDENTIFIER_CHAR.test(text[i + length] ?? '');
}

/** See the module comment. Comments and docstrings are not read; other strings may be. */
export function isNameSettled(tree: Tree, name: string): boolean {
  const root = tree.rootNode;
  const base = root.startIndex;
  const text = root.text;
  let imports = 0;
  let reads = 0;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const at = base + i;
    const end = at + name.length;
    const node = root.descendantForIndex(at, end);
    if (!node) continue;
    const exact = node.type === 'identifier' && node.startIndex === at && node.endIndex === end;
    if (!exact) {
      if (isWordAt(text, i, name.length) && inNonDocstring(node)) return false;
      continue;
    }
    if (moduleLevelImport(node)) imports++;
    else if (isPlainRead(node)) reads++;
    else return false;
  }
  return imports + reads === 0 || (imports === 1 && reads > 0);
}
