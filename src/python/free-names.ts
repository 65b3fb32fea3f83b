/**
 * Free names of a piece of code: the names it reads that it does not bind and that are
 * not builtins (what must come from the module it is pasted into), and the import
 * bindings a definition of a module uses.
 */
import type { Node, Tree } from './parser.js';
import { analyzeModule } from './project/module-analysis.js';
import type { Binding } from './project/scope-types.js';

/** Names read by the code (a parsed fragment) and bound nowhere in it, in first-use order. */
export function freeNames(tree: Tree): string[] {
  const analysis = analyzeModule(tree);
  const out = new Set<string>();
  for (const ref of analysis.references) {
    if (ref.builtin || ref.bindings.length > 0) continue;
    if (ref.context === 'global' || ref.context === 'nonlocal') continue;
    out.add(ref.name);
  }
  return [...out];
}

/**
 * The module-level import bindings that references inside `node` (a definition of the
 * module analysed in `tree`) resolve to.
 */
export function importBindingsUsedIn(tree: Tree, node: Node): Binding[] {
  const analysis = analyzeModule(tree);
  const out = new Set<Binding>();
  for (const ref of analysis.references) {
    if (ref.start < node.startIndex || ref.end > node.endIndex) continue;
    for (const b of ref.bindings) {
      if (b.kind === 'import' && b.scope.kind === 'module') out.add(b);
    }
  }
  return [...out];
}
