/**
 * Named children without web-tree-sitter's per-node cache: `node.namedChildren` stores
 * its array on the node, so a node the model keeps (a scope's) would keep its whole
 * subtree of node objects alive. The walk uses this on scope nodes.
 */
import type { Node } from '../parser.js';

export function namedChildrenOf(node: Node): Node[] {
  const out: Node[] = [];
  const count = node.namedChildCount;
  for (let i = 0; i < count; i++) {
    const child = node.namedChild(i);
    if (child) out.push(child);
  }
  return out;
}
