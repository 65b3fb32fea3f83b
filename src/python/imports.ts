import type { Node, Tree } from './parser.js';

export interface ImportedName {
  /** The imported name: a dotted module path for `import`, a name for `from`. */
  readonly name: string;
  readonly alias: string | undefined;
  /** The local name bound: alias, the name, or the first component of `import a.b`. */
  readonly bound: string;
  /** Range of the whole clause (`y as z`). */
  readonly start: number;
  readonly end: number;
}

export interface ImportStatement {
  readonly kind: 'import' | 'from';
  /** Module path without leading dots (`''` for `from . import x`); for `import`, ''. */
  readonly module: string;
  /** Number of leading dots of a relative import. */
  readonly level: number;
  readonly names: readonly ImportedName[];
  readonly wildcard: boolean;
  readonly isFuture: boolean;
  readonly parenthesized: boolean;
  /** Whether the statement is at module level (not inside a def, class, if, try...). */
  readonly topLevel: boolean;
  readonly node: Node;
  readonly start: number;
  readonly end: number;
  /** 1-based line. */
  readonly line: number;
}

const IMPORT_TYPES = ['import_statement', 'import_from_statement', 'future_import_statement'];

function importedName(clause: Node, kind: 'import' | 'from'): ImportedName {
  if (clause.type === 'aliased_import') {
    const name = clause.childForFieldName('name')!.text.replace(/\s+/g, '');
    const alias = clause.childForFieldName('alias')!.text;
    return { name, alias, bound: alias, start: clause.startIndex, end: clause.endIndex };
  }
  const name = clause.text.replace(/\s+/g, '');
  const bound = kind === 'import' ? name.split('.')[0]! : name;
  return { name, alias: undefined, bound, start: clause.startIndex, end: clause.endIndex };
}

/** Describe one import statement node. */
export function describeImport(node: Node): ImportStatement {
  const kind = node.type === 'import_statement' ? 'import' : 'from';
  const isFuture = node.type === 'future_import_statement';
  let module = '';
  let level = 0;
  const moduleNode = node.childForFieldName('module_name');
  if (isFuture) module = '__future__';
  else if (moduleNode?.type === 'relative_import') {
    level = moduleNode.child(0)?.text.length ?? 0;
    module = moduleNode.namedChildren.find((c) => c?.type === 'dotted_name')?.text ?? '';
  } else if (moduleNode) module = moduleNode.text.replace(/\s+/g, '');
  const names = node.childrenForFieldName('name').map((c) => importedName(c!, kind));
  const wildcard = node.namedChildren.some((c) => c?.type === 'wildcard_import');
  const parenthesized = node.children.some((c) => c?.type === '(');
  return {
    kind,
    module,
    level,
    names,
    wildcard,
    isFuture,
    parenthesized,
    topLevel: node.parent?.type === 'module',
    node,
    start: node.startIndex,
    end: node.endIndex,
    line: node.startPosition.row + 1,
  };
}

/** Every import statement in the tree, at any depth, in document order. */
export function collectImports(tree: Tree): ImportStatement[] {
  return tree.rootNode.descendantsOfType(IMPORT_TYPES).map((n) => describeImport(n!));
}

/** Module-level import statements only. */
export function topLevelImports(tree: Tree): ImportStatement[] {
  return tree.rootNode.namedChildren
    .filter((n) => n && IMPORT_TYPES.includes(n.type))
    .map((n) => describeImport(n!));
}

/** The dotted module a `from` import reads, with its leading dots (`..pkg.mod`). */
/**
 * Whether `from __future__ import annotations` is in effect: a module-level future
 * import naming `annotations`, found from where the text says `__future__` (so a large
 * module costs no more than a small one). `text` is the tree's text, when at hand.
 */
export function hasFutureAnnotations(tree: Tree, text?: string): boolean {
  const source = text ?? tree.rootNode.text;
  const base = text === undefined ? tree.rootNode.startIndex : 0;
  for (const match of source.matchAll(/\b__future__\b/g)) {
    const at = base + match.index;
    const token = tree.rootNode.descendantForIndex(at, at + match[0].length);
    const stmt = token?.type === '__future__' ? token.parent : undefined;
    if (stmt?.type !== 'future_import_statement' || stmt.parent?.type !== 'module') continue;
    if (describeImport(stmt).names.some((n) => n.name === 'annotations')) return true;
  }
  return false;
}
