/**
 * Whether a name is bound exactly once in a module, by a module-level import, and every
 * other occurrence of it reads it (`t.List`, `Optional[int]`, `t()`): the fact that lets
 * the engine skip the semantic guard for a rewrite that removed some reads of the name
 * but not all (src/engine/guard-proof.ts). With one binding there is no redefinition to
 * be unused (F811), no local to be read early (F823), and a read left keeps the import
 * used (F401). Anything else (an assignment, a parameter, a second import) says no.
 */
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

/** See the module comment. Identifier occurrences only: strings and comments do not bind. */
export function isBoundOnlyByOneImport(tree: Tree, name: string): boolean {
  const root = tree.rootNode;
  const base = root.startIndex;
  const text = root.text;
  let imports = 0;
  let reads = 0;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const at = base + i;
    const node = root.descendantForIndex(at, at + name.length);
    const exact =
      node?.type === 'identifier' && node.startIndex === at && node.endIndex === at + name.length;
    if (!node || !exact) continue;
    if (moduleLevelImport(node)) imports++;
    else if (isPlainRead(node)) reads++;
    else return false;
  }
  return imports === 1 && reads > 0;
}
