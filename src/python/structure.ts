/**
 * Structural comparison of code: a canonical form of a definition (or any node) that
 * ignores layout, comments, docstrings, quote style, trailing commas and grouping
 * parentheses, with the definition's own local variables alpha-renamed (`$1`, `$2`,
 * ... by first use).
 * Parameters and local imports keep their names: they are the interface.
 * Names that are not local (globals, builtins) are printed through a callback, so a
 * caller can map helper names or compare what the names are bound to.
 */
import { docstringOf } from './nodes.js';
import type { Node } from './parser.js';
import type { ModuleAnalysis } from './project/module-analysis.js';
import type { Binding, Reference } from './project/scope-types.js';

export interface ShapeOptions {
  /** How to print a name that is not local to the node (default: the name). */
  readonly freeName?: (ref: Reference) => string;
  /** Nodes (by id) to leave out, e.g. one statement. */
  readonly omit?: ReadonlySet<number>;
}

export interface Shape {
  /** The canonical form: equal keys mean the same code up to layout and local names. */
  readonly key: string;
  /** References to names that are not local to the node (globals, builtins, unresolved). */
  readonly free: readonly Reference[];
}

const SKIPPED = new Set(['comment', 'line_continuation', ',']);

interface Lookup {
  readonly refs: Map<number, Reference>;
  readonly bindings: Map<number, Binding>;
}

const lookups = new WeakMap<ModuleAnalysis, Lookup>();

function lookupOf(analysis: ModuleAnalysis): Lookup {
  let found = lookups.get(analysis);
  if (!found) {
    found = { refs: new Map(), bindings: new Map() };
    for (const r of analysis.references) found.refs.set(r.start, r);
    for (const b of analysis.bindings) found.bindings.set(b.node.id, b);
    lookups.set(analysis, found);
  }
  return found;
}

function within(node: Node, outer: Node): boolean {
  return node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}

/** A binding of a scope opened inside `root` (not the module, not outside). */
function isInside(binding: Binding, root: Node): boolean {
  return binding.scope.kind !== 'module' && within(binding.scope.node, root);
}

/** A local whose name does not matter: not a parameter, not an import. */
function isRenamable(binding: Binding): boolean {
  return binding.kind !== 'parameter' && binding.kind !== 'import';
}

class ShapeWriter {
  readonly parts: string[] = [];
  readonly free: Reference[] = [];
  private readonly locals = new Map<string, string>();
  private readonly docstrings = new Set<number>();
  private readonly lookup: Lookup;

  constructor(
    analysis: ModuleAnalysis,
    private readonly root: Node,
    private readonly ownName: Node | undefined,
    private readonly options: ShapeOptions,
  ) {
    this.lookup = lookupOf(analysis);
  }

  private local(name: string): string {
    let alias = this.locals.get(name);
    if (!alias) {
      alias = `$${this.locals.size + 1}`;
      this.locals.set(name, alias);
    }
    return alias;
  }

  private identifier(node: Node): string {
    if (this.ownName && node.id === this.ownName.id) return '$self';
    const parent = node.parent;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === node.id)
      return node.text;
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id)
      return node.text;
    const binding = this.lookup.bindings.get(node.id);
    if (binding && isInside(binding, this.root))
      return isRenamable(binding) ? this.local(node.text) : node.text;
    const ref = this.lookup.refs.get(node.startIndex);
    if (!ref || ref.node.id !== node.id) return node.text;
    if (ref.bindings.length > 0 && ref.bindings.every((b) => isInside(b, this.root))) {
      return ref.bindings.every(isRenamable) ? this.local(node.text) : node.text;
    }
    this.free.push(ref);
    return this.options.freeName ? this.options.freeName(ref) : node.text;
  }

  private stringDelimiter(node: Node): string {
    // `f"` / `'''` / `rb'`: keep the prefix, drop the quotes.
    return node.text.replace(/['"]/g, '').toLowerCase();
  }

  write(node: Node): void {
    if (this.options.omit?.has(node.id) || this.docstrings.has(node.id)) return;
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'function_definition' || node.type === 'class_definition') {
      const body = node.childForFieldName('body');
      const doc = body ? docstringOf(body) : undefined;
      if (doc) this.docstrings.add(doc.id);
    }
    if (node.type === 'identifier') {
      this.parts.push(this.identifier(node));
      return;
    }
    if (node.type === 'string_start') {
      this.parts.push(`str:${this.stringDelimiter(node)}`);
      return;
    }
    if (node.type === 'string_end') return;
    if (node.type === 'parenthesized_expression') {
      // `(a * b)` is `a * b`: brackets for layout are not structure.
      for (const child of node.namedChildren) if (child) this.write(child);
      return;
    }
    if (node.childCount === 0) {
      this.parts.push(
        node.type === 'integer' || node.type === 'float' ? numberKey(node) : node.text,
      );
      return;
    }
    this.parts.push(`(${node.type}`);
    for (const child of node.children) if (child) this.write(child);
    this.parts.push(')');
  }
}

function numberKey(node: Node): string {
  return node.text.toLowerCase().replace(/_/g, '');
}

/**
 * The canonical form of `node` (a definition, a statement or an expression) in its
 * module. For a `def`/`class` (or its decorated form), the definition's own name is
 * printed as `$self`, and its docstring and those of nested definitions are left out.
 */
export function shapeOf(analysis: ModuleAnalysis, node: Node, options: ShapeOptions = {}): Shape {
  const definition =
    node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
  const ownName =
    definition?.type === 'function_definition' || definition?.type === 'class_definition'
      ? (definition.childForFieldName('name') ?? undefined)
      : undefined;
  const writer = new ShapeWriter(analysis, node, ownName, options);
  writer.write(node);
  return { key: writer.parts.join(' '), free: writer.free };
}

/** `if` statements without `elif`/`else` inside `node`: candidate guarded blocks. */
export function guardedBlocks(node: Node): Node[] {
  return node
    .descendantsOfType('if_statement')
    .filter(
      (n): n is Node =>
        !!n && n.childrenForFieldName('alternative').filter((c) => c !== null).length === 0,
    );
}
