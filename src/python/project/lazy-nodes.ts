/**
 * References and bindings that keep offsets, not node objects: a web-tree-sitter node
 * costs ~250 bytes of heap, and a 1,000-file model holds hundreds of thousands of them.
 * `node` / `statement` are found again in the tree when asked for (one lookup each).
 */
import type { Node, Tree } from '../parser.js';
import type {
  Binding,
  BindingKind,
  ImportBinding,
  Reference,
  ReferenceContext,
  Scope,
} from './scope-types.js';

const NO_BINDINGS: readonly Binding[] = Object.freeze([]);

/** Finds the node of a tree with an exact range and type. */
export class NodeLocator {
  constructor(readonly tree: Tree) {}

  find(start: number, end: number, type: string): Node {
    const deepest = this.tree.rootNode.namedDescendantForIndex(start, end);
    for (let n: Node | null = deepest; n; n = n.parent) {
      if (n.startIndex !== start || n.endIndex !== end) break;
      if (n.type === type) return n;
    }
    if (!deepest) throw new Error(`no ${type} node at [${start}, ${end})`);
    return deepest;
  }
}

export class LazyReference implements Reference {
  bindings: readonly Binding[] = NO_BINDINGS;
  builtin = false;
  private readonly nodeStart: number;
  private readonly nodeEnd: number;
  private readonly nodeType: string;

  constructor(
    readonly name: string,
    node: Node,
    readonly start: number,
    readonly end: number,
    readonly scope: Scope,
    readonly context: ReferenceContext,
    private readonly locator: NodeLocator,
  ) {
    this.nodeStart = node.startIndex;
    this.nodeEnd = node.endIndex;
    this.nodeType = node.type;
  }

  get node(): Node {
    return this.locator.find(this.nodeStart, this.nodeEnd, this.nodeType);
  }
}

/** A binding as the walk records it, before `global` / `nonlocal` redirection. */
export interface RawBinding {
  readonly name: string;
  readonly kind: BindingKind;
  readonly scope: Scope;
  readonly nodeStart: number;
  readonly nodeEnd: number;
  readonly nodeType: string;
  readonly statementStart: number;
  readonly statementEnd: number;
  readonly statementType: string;
  readonly import?: ImportBinding;
  readonly locator: NodeLocator;
}

export function rawBinding(
  name: string,
  kind: BindingKind,
  scope: Scope,
  node: Node,
  statement: Node,
  locator: NodeLocator,
  imp?: ImportBinding,
): RawBinding {
  return {
    name,
    kind,
    scope,
    nodeStart: node.startIndex,
    nodeEnd: node.endIndex,
    nodeType: node.type,
    statementStart: statement.startIndex,
    statementEnd: statement.endIndex,
    statementType: statement.type,
    locator,
    ...(imp ? { import: imp } : {}),
  };
}

export class LazyBinding implements Binding {
  readonly references: Reference[] = [];
  readonly name: string;
  readonly kind: BindingKind;
  readonly import: ImportBinding | undefined;

  constructor(
    private readonly raw: RawBinding,
    readonly scope: Scope,
  ) {
    this.name = raw.name;
    this.kind = raw.kind;
    this.import = raw.import;
  }

  get node(): Node {
    const { nodeStart, nodeEnd, nodeType, locator } = this.raw;
    return locator.find(nodeStart, nodeEnd, nodeType);
  }

  get statement(): Node {
    const { statementStart, statementEnd, statementType, locator } = this.raw;
    return locator.find(statementStart, statementEnd, statementType);
  }
}
