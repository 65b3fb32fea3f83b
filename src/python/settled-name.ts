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
import { nameOccurrences } from './import-edits.js';
import { isPrimaryOfPostfix } from './nodes.js';
import type { Node, Tree } from './parser.js';

const IMPORTS = new Set(['import_statement', 'import_from_statement']);

/** Whether `node` (an identifier) is a read in a position that can never bind it. */
function isPlainRead(node: Node): boolean {
  if (isPrimaryOfPostfix(node)) return true;
  const parent = node.parent;
  return parent?.type === 'generic_type' && parent.namedChild(0)?.id === node.id;
}

/** The import statement `node` lies in, when that statement is at module level. */
function moduleLevelImport(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (IMPORTS.has(p.type)) return p.parent?.type === 'module' ? p : undefined;
    if (p.type === 'block' || p.type === 'module') return undefined;
  }
  return undefined;
}

/** See the module comment. Comments and docstrings are not read; other strings may be. */
export function isNameSettled(tree: Tree, name: string): boolean {
  let imports = 0;
  let reads = 0;
  for (const o of nameOccurrences(tree, name)) {
    if (o.wordInString) return false;
    if (!o.identifier) continue;
    if (moduleLevelImport(o.node)) imports++;
    else if (isPlainRead(o.node)) reads++;
    else return false;
  }
  return imports + reads === 0 || (imports === 1 && reads > 0);
}
