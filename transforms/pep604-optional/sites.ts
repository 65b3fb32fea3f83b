/**
 * Finds `Optional[...]` / `Union[...]` sites (through their import bindings) and
 * renders them as PEP 604 unions, nested sites included, keeping comments.
 */
import { describeImport } from '../../src/python/imports.js';
import type { Node, Tree } from '../../src/python/parser.js';

export type SiteKind = 'Optional' | 'Union';

export interface Site {
  readonly node: Node;
  readonly kind: SiteKind;
  /** The argument nodes inside the brackets. */
  readonly args: readonly Node[];
  /** The local binding used (`Optional`, `t.Optional`), for import cleanup. */
  readonly binding: { readonly module: string; readonly name: string | undefined };
  /** The name the rewrite stops referring to: `Opt` in `Opt[int]`, `t` in `t.Optional[int]`. */
  readonly reference: string;
  /** Offset of the spelled name (`Optional` in `t.Optional[...]`). */
  readonly at: number;
  /** The node's range, read once (each read of `endIndex` is a call into WASM). */
  readonly start: number;
  readonly end: number;
  /** False when the site's text has no `#`, so it cannot hold a comment. */
  readonly mayHaveComments: boolean;
}

/** Names and module aliases through which `typing` special forms are reachable. */
export interface TypingNames {
  /** local name -> kind (`from typing import Optional as Opt` -> Opt: Optional). */
  readonly direct: ReadonlyMap<string, { kind: SiteKind; module: string }>;
  /** local names bound to a typing module (`import typing as t` -> t: typing). */
  readonly modules: ReadonlyMap<string, string>;
}

const TYPING_MODULES = new Set(['typing', 'typing_extensions']);

export function typingNames(tree: Tree, text: string): TypingNames {
  const direct = new Map<string, { kind: SiteKind; module: string }>();
  const modules = new Map<string, string>();
  // Only the import statements that mention `typing` can bind its forms.
  const seen = new Set<number>();
  for (const match of text.matchAll(/\btyping(?:_extensions)?\b/g)) {
    const node = importAround(tree, match.index, match.index + match[0].length);
    if (!node || seen.has(node.startIndex)) continue;
    seen.add(node.startIndex);
    const stmt = describeImport(node);
    if (stmt.kind === 'from' && stmt.level === 0 && TYPING_MODULES.has(stmt.module)) {
      for (const n of stmt.names) {
        if (n.name === 'Optional' || n.name === 'Union')
          direct.set(n.bound, { kind: n.name, module: stmt.module });
      }
    } else if (stmt.kind === 'import') {
      for (const n of stmt.names) if (TYPING_MODULES.has(n.name)) modules.set(n.bound, n.name);
    }
  }
  return { direct, modules };
}

/** Node types on the way from a module name up to its import statement. */
const IN_IMPORT = new Set(['identifier', 'dotted_name', 'aliased_import', 'relative_import']);
const IMPORT_STATEMENTS = new Set([
  'import_statement',
  'import_from_statement',
  'future_import_statement',
]);

/** The import statement whose module path covers [start, end), if any. */
function importAround(tree: Tree, start: number, end: number): Node | undefined {
  for (let n = tree.rootNode.descendantForIndex(start, end); n; n = n.parent) {
    if (IMPORT_STATEMENTS.has(n.type)) return n;
    if (!IN_IMPORT.has(n.type)) return undefined;
  }
  return undefined;
}

/** The bracket arguments of a `subscript` or `generic_type` node. */
function bracketArgs(node: Node): Node[] {
  if (node.type === 'subscript')
    return node.childrenForFieldName('subscript').filter((n): n is Node => !!n);
  const params = node.namedChildren.find((c) => c?.type === 'type_parameter');
  return params ? params.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment') : [];
}

/** The subscripted expression (`Optional`, `t.Optional`) of a subscript/generic_type. */
function subscriptedValue(node: Node): Node | null {
  if (node.type === 'subscript') return node.childForFieldName('value');
  return node.namedChild(0);
}

function classify(
  value: Node,
  names: TypingNames,
): Pick<Site, 'kind' | 'binding' | 'reference'> | undefined {
  if (value.type === 'identifier') {
    const reference = value.text;
    const hit = names.direct.get(reference);
    return hit
      ? { kind: hit.kind, binding: { module: hit.module, name: hit.kind }, reference }
      : undefined;
  }
  if (value.type === 'attribute') {
    const object = value.childForFieldName('object');
    const attribute = value.childForFieldName('attribute')?.text;
    const module = object?.type === 'identifier' ? names.modules.get(object.text) : undefined;
    if (module && (attribute === 'Optional' || attribute === 'Union')) {
      return { kind: attribute, binding: { module, name: undefined }, reference: object!.text };
    }
  }
  return undefined;
}

/** Every site in the file, outermost and nested, in document order. */
export function findSites(text: string, tree: Tree, names: TypingNames): Site[] {
  const spellings = new Set<string>([...names.direct.keys()]);
  if (names.modules.size > 0) spellings.add('Optional').add('Union');
  if (spellings.size === 0) return [];
  const pattern = new RegExp(`\\b(?:${[...spellings].map(escapeRegExp).join('|')})\\b`, 'g');
  const sites: Site[] = [];
  const seen = new Set<number>();
  for (const match of text.matchAll(pattern)) {
    const ident = tree.rootNode.descendantForIndex(match.index, match.index + match[0].length);
    if (ident?.type !== 'identifier') continue;
    let value: Node = ident;
    const parent = ident.parent;
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === ident.id)
      value = parent;
    const holder = value.parent;
    if (!holder || (holder.type !== 'subscript' && holder.type !== 'generic_type')) continue;
    if (subscriptedValue(holder)?.id !== value.id || seen.has(holder.id)) continue;
    const kind = classify(value, names);
    if (!kind) continue;
    seen.add(holder.id);
    const start = holder.startIndex;
    const end = holder.endIndex;
    sites.push({
      node: holder,
      args: bracketArgs(holder),
      at: match.index,
      start,
      end,
      mayHaveComments: text.slice(start, end).includes('#'),
      ...kind,
    });
  }
  return sites;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Node types that need parentheses as an operand of `|`. */
const LOOSE = new Set([
  'lambda',
  'conditional_expression',
  'named_expression',
  'boolean_operator',
  'not_operator',
  'comparison_operator',
  'yield',
  'await',
]);

export type Refusal = 'string-operand' | 'unsupported-argument' | 'none-only' | 'empty';

/** Why a site cannot be rewritten, or undefined when it can. */
export function refusalFor(site: Site): Refusal | undefined {
  if (site.args.length === 0) return 'empty';
  if (site.kind === 'Optional' && site.args.length !== 1) return 'unsupported-argument';
  if (site.kind === 'Optional' && trailingComma(site)) return 'unsupported-argument';
  for (const arg of site.args) {
    const inner = unwrapType(arg);
    if (inner.type === 'string' || inner.type === 'concatenated_string') return 'string-operand';
    if (
      [
        'list_splat',
        'dictionary_splat',
        'keyword_argument',
        'slice',
        'tuple',
        'list',
        'parenthesized_expression',
        'list_splat_pattern',
        'ellipsis',
      ].includes(inner.type)
    ) {
      return 'unsupported-argument';
    }
  }
  if (site.args.every((a) => unwrapType(a).type === 'none')) return 'none-only';
  return undefined;
}

function trailingComma(site: Site): boolean {
  const last = site.args[site.args.length - 1]!;
  const next = last.nextSibling;
  return next?.type === ',';
}

/** `type` wrapper nodes of generic_type arguments hold the expression. */
function unwrapType(node: Node): Node {
  return node.type === 'type' && node.namedChildCount === 1 ? node.namedChild(0)! : node;
}

/** Comments inside the site's brackets, each attached to the argument before it. */
function commentsByArg(site: Site): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!site.mayHaveComments) return out;
  const container =
    site.node.type === 'subscript'
      ? site.node
      : site.node.namedChildren.find((c) => c?.type === 'type_parameter');
  if (!container) return out;
  for (const child of container.children) {
    if (child?.type !== 'comment') continue;
    let index = 0;
    site.args.forEach((arg, i) => {
      if (arg.endIndex <= child.startIndex) index = i;
    });
    const list = out.get(index) ?? [];
    list.push(child.text.replace(/\r$/, ''));
    out.set(index, list);
  }
  return out;
}

export interface RenderHooks {
  /** Render a node with the sites in it (itself included) rewritten. */
  readonly renderNode: (node: Node) => string;
  /** The rewritable site at exactly this node, if any. */
  readonly siteAt: (node: Node) => Site | undefined;
}

/** The operands of an `A | B | C` chain, left to right (parenthesised groups stay whole). */
function unionOperands(node: Node): Node[] {
  if (node.type !== 'binary_operator' || node.childForFieldName('operator')?.type !== '|') {
    return [node];
  }
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  return left && right ? [...unionOperands(left), ...unionOperands(right)] : [node];
}

/**
 * The members of the union an Optional site becomes, `None` included. As ruff does,
 * `Optional[Optional[X]]` adds no second `None`, and `Optional[A | None]` is flattened
 * with its `None` moved to the end.
 */
function optionalMembers(arg: Node, hooks: RenderHooks): string[] | undefined {
  const inner = unwrapType(arg);
  if (hooks.siteAt(inner)?.kind === 'Optional') return [hooks.renderNode(arg)];
  const operands = unionOperands(inner);
  if (operands.length < 2 || inner.descendantsOfType('comment').length > 0) return undefined;
  const kept = operands.filter((n) => n.type !== 'none');
  if (kept.length === 0) return undefined;
  return [...kept.map((n) => hooks.renderNode(n)), 'None'];
}

/**
 * Render a site as a union, nested sites rewritten through `hooks`; keeps comments
 * (one member per line inside parentheses, each comment after its member).
 */
export function renderSite(site: Site, hooks: RenderHooks, indent: string, eol: string): string {
  const flattened = site.kind === 'Optional' ? optionalMembers(site.args[0]!, hooks) : undefined;
  const members =
    flattened ??
    site.args.map((arg) => {
      const inner = unwrapType(arg);
      const text = hooks.renderNode(arg);
      return LOOSE.has(inner.type) ? `(${text})` : text;
    });
  if (site.kind === 'Optional' && !flattened) members.push('None');
  const comments = commentsByArg(site);
  if (comments.size === 0) return members.join(' | ');
  // Keep comments: one member per line inside parentheses, comments after their member.
  const inner = `${indent}    `;
  const lines = members.map((m, i) => {
    const prefix = i === 0 ? '' : '| ';
    const trailing = comments.get(i);
    return `${inner}${prefix}${m}${trailing ? `  ${trailing.join(' ')}` : ''}`;
  });
  return `(${eol}${lines.join(eol)}${eol}${indent})`;
}
