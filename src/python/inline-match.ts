/**
 * Find where a function's body is written out by hand: the run of statements in some
 * block of a call site that does what `helper(args)` would do. Both sides are compared
 * structurally — layout, comments, grouping parentheses and local-variable annotations
 * ignored; the helper's parameters read as the call's arguments; its locals matched
 * one-to-one with the site's names; a local read once, in the very next statement,
 * before any call there, is inlined on either side (`body = {...}; return f(200, body)`).
 * What still differs is returned as mismatched node pairs, so a caller can list the
 * site, or adapt the helper where every site agrees against it.
 */

import { identifierReads, isNameField } from './name-reads.js';
import { stringLiteralValue } from './nodes.js';
import { type Node, parsePython, type Tree } from './parser.js';
import { analyzeModule } from './project/module-analysis.js';

export interface Mismatch {
  /** The helper's node (in the helper's tree). */
  readonly helper: Node;
  /** The site's node. */
  readonly site: Node;
  /** The site's code in the helper's terms (its locals and parameter names). */
  readonly siteInHelperTerms: string;
}

export interface InlinedRun {
  /** The site statements the call replaces (in document order, contiguous). */
  readonly statements: readonly Node[];
  /** The site name that receives the helper's result (`x = helper(...)`), when the helper returns a local. */
  readonly target: string | undefined;
  readonly mismatches: readonly Mismatch[];
  /** With `freeParams`: the site's code for each parameter (the call's arguments). */
  readonly bound: ReadonlyMap<string, string>;
}

export interface MatchOptions {
  /** Two `raise` statements count as the same whatever they raise (the finding changes it). */
  readonly anyRaise?: boolean;
  /** A parameter with no argument given stands for whatever the site has there (the same each time). */
  readonly freeParams?: boolean;
}

/** A helper function ready for matching: parsed once, its locals and shape known. */
export class InlineHelper {
  readonly name: string;
  readonly params: readonly string[];
  /** Parameter annotations as written (`items` -> `Sequence[T]`). */
  readonly annotations: ReadonlyMap<string, string>;
  readonly locals: ReadonlySet<string>;
  /** Body statements (docstring excluded), with the final `return <local>` removed when it returns a local. */
  readonly statements: readonly Node[];
  /** The local the helper returns, when its last statement is `return <local>`. */
  readonly resultLocal: string | undefined;
  private readonly inlined: Map<number, Node>;

  constructor(
    readonly tree: Tree,
    readonly def: Node,
  ) {
    this.name = def.childForFieldName('name')?.text ?? '';
    const params = def.childForFieldName('parameters')?.namedChildren ?? [];
    this.params = params.map((p) => paramName(p)).filter((n): n is string => !!n);
    this.annotations = new Map(
      params.flatMap((p) => {
        const type = p?.childForFieldName('type')?.text;
        const name = paramName(p);
        return type && name ? [[name, type] as const] : [];
      }),
    );
    const analysis = analyzeModule(tree);
    this.locals = new Set(
      analysis.bindings
        .filter((b) => b.scope.kind !== 'module' && b.kind !== 'parameter' && within(b.node, def))
        .map((b) => b.name),
    );
    let body = statementsOf(def.childForFieldName('body')!);
    if (isDocstring(body[0])) body = body.slice(1);
    const last = body[body.length - 1];
    const returned = last?.type === 'return_statement' ? last.namedChild(0) : null;
    this.resultLocal =
      returned?.type === 'identifier' && this.locals.has(returned.text) ? returned.text : undefined;
    if (this.resultLocal) body = body.slice(0, -1);
    const { kept, inlined } = inlineSingleUse(body, (n) => this.locals.has(n), def);
    this.statements = kept;
    this.inlined = inlined;
  }

  /** Parse `code` (one function definition) into a helper; undefined when it is not one. */
  static parse(code: string): InlineHelper | undefined {
    const tree = parsePython(code);
    const def = tree.rootNode.namedChildren.find(
      (n) => n?.type === 'function_definition' || n?.type === 'decorated_definition',
    );
    const fn = def?.type === 'decorated_definition' ? def.childForFieldName('definition') : def;
    if (fn?.type !== 'function_definition') {
      tree.delete();
      return undefined;
    }
    return new InlineHelper(tree, fn);
  }

  dispose(): void {
    this.tree.delete();
  }

  /** The helper-side node for an identifier inlined from a single-use local. */
  resolve(node: Node): Node {
    return this.inlined.get(node.id) ?? node;
  }

  /**
   * The best run in `scope` (a function definition) doing what `helper(args)` does: same
   * statement skeleton, fewest mismatches. `args` maps parameters to argument text.
   */
  findRun(
    scope: Node,
    args: ReadonlyMap<string, string>,
    options: MatchOptions = {},
  ): InlinedRun | undefined {
    const argTrees = new Map<string, Tree>();
    try {
      for (const [p, text] of args) argTrees.set(p, parsePython(text));
      const argNodes = new Map(
        [...argTrees].map(([p, t]) => [p, t.rootNode.namedChild(0)!.namedChild(0)!]),
      );
      let best: InlinedRun | undefined;
      for (const block of blocksOf(scope)) {
        const all = statementsOf(block);
        const site = inlineSingleUse(all, () => true, scope);
        const n = this.statements.length;
        for (let i = 0; i + n <= site.kept.length; i++) {
          const window = site.kept.slice(i, i + n);
          const run = new Comparison(this, site.inlined, argNodes, options).run(window);
          if (run && (!best || run.mismatches.length < best.mismatches.length)) {
            best = { ...run, statements: covered(all, site.kept, window) };
          }
        }
      }
      return best;
    } finally {
      for (const t of argTrees.values()) t.delete();
    }
  }
}

/** The block's statements from the window's first to its last, with the inlined assignments just before it. */
function covered(all: readonly Node[], kept: readonly Node[], window: readonly Node[]): Node[] {
  let first = all.indexOf(window[0]!);
  while (first > 0 && !kept.includes(all[first - 1]!)) first--;
  return all.slice(first, all.indexOf(window[window.length - 1]!) + 1);
}

function paramName(p: Node | null): string | undefined {
  if (!p) return undefined;
  if (p.type === 'identifier') return p.text;
  const name = p.childForFieldName('name') ?? p.namedChild(0);
  return name?.type === 'identifier' ? name.text : undefined;
}

function within(node: Node, outer: Node): boolean {
  return node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}

function statementsOf(block: Node): Node[] {
  return block.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
}

function isDocstring(statement: Node | undefined): boolean {
  const expr = statement?.type === 'expression_statement' ? statement.namedChild(0) : null;
  return expr?.type === 'string' || expr?.type === 'concatenated_string';
}

/** Every block of a function (its body and nested statement bodies), outermost first. */
function blocksOf(scope: Node): Node[] {
  const body = scope.childForFieldName('body');
  if (!body) return [];
  const out = [body];
  for (const block of body.descendantsOfType('block')) {
    if (!block) continue;
    const owner = block.parent;
    if (owner && ['function_definition', 'class_definition', 'lambda'].includes(owner.type))
      continue;
    out.push(block);
  }
  return out;
}

/** `x = E` / `x: T = E` with a plain name target: [x, E]. */
function simpleAssignment(statement: Node): [string, Node] | undefined {
  const a = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  const left = a?.childForFieldName('left');
  const right = a?.childForFieldName('right');
  return a?.type === 'assignment' && left?.type === 'identifier' && right
    ? [left.text, right]
    : undefined;
}

/**
 * Drop `x = E` when `x` is read exactly once afterwards in `scope`, in the next
 * statement, before any call there: that read stands for `E` (returned in `inlined`).
 */
function inlineSingleUse(
  statements: readonly Node[],
  isLocal: (name: string) => boolean,
  scope: Node,
): { kept: Node[]; inlined: Map<number, Node> } {
  const inlined = new Map<number, Node>();
  const kept: Node[] = [];
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    const next = statements[i + 1];
    const assignment = simpleAssignment(s);
    if (assignment && next && isLocal(assignment[0])) {
      const [name, value] = assignment;
      const later = identifierReads(scope, new Set([name])).filter(
        (r) => r.startIndex >= s.endIndex,
      );
      const use = later[0];
      const callsBefore = use
        ? next.descendantsOfType('call').some((c) => !!c && c.endIndex <= use.startIndex)
        : true;
      if (later.length === 1 && use && within(use, next) && !callsBefore) {
        inlined.set(use.id, value);
        continue;
      }
    }
    kept.push(s);
  }
  return { kept, inlined };
}

const SKIP = new Set(['comment', 'line_continuation']);

const CLOSERS = new Set([')', ']', '}']);

/** A comma right before the closing bracket is layout, except in a one-element tuple. */
function isTrailingComma(node: Node, i: number): boolean {
  if (node.child(i)?.type !== ',' || !CLOSERS.has(node.child(i + 1)?.type ?? '')) return false;
  return !(node.type === 'tuple' && node.namedChildCount === 1);
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (!c || SKIP.has(c.type) || isTrailingComma(node, i)) continue;
    // A local's annotation does not change what the code does.
    if (node.type === 'assignment' && node.childForFieldName('type')?.id === c.id) continue;
    if (c.type === ':' && node.type === 'assignment') continue;
    out.push(c);
  }
  return out;
}

function unwrap(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** One comparison of the helper against a window of site statements. */
class Comparison {
  private readonly toSite = new Map<string, string>();
  private readonly fromSite = new Map<string, string>();
  private readonly bound = new Map<string, Node>();
  private readonly mismatches: { helper: Node; site: Node }[] = [];

  constructor(
    private readonly helper: InlineHelper,
    private readonly siteInlined: ReadonlyMap<number, Node>,
    private readonly args: ReadonlyMap<string, Node>,
    private readonly options: MatchOptions,
  ) {}

  run(window: readonly Node[]): InlinedRun | undefined {
    const skeleton = (nodes: readonly Node[]) => nodes.map((n) => n.type).join(',');
    if (skeleton(window) !== skeleton(this.helper.statements)) return undefined;
    for (const [i, h] of this.helper.statements.entries()) this.diff(h, window[i]!);
    const local = this.helper.resultLocal;
    const target = local ? this.toSite.get(local) : undefined;
    if (local && !target) return undefined;
    if (!local && window[window.length - 1]?.type !== 'return_statement') return undefined;
    const mismatches = this.mismatches.map((m) => ({
      ...m,
      siteInHelperTerms: this.inHelperTerms(m.site),
    }));
    const bound = new Map([...this.bound].map(([p, n]) => [p, n.text]));
    return { statements: window, target, mismatches, bound };
  }

  /** The site node's text with site locals and simple arguments named as in the helper. */
  private inHelperTerms(site: Node): string {
    const params = new Map<string, string>();
    for (const [p, arg] of this.args) if (arg.type === 'identifier') params.set(arg.text, p);
    let text = site.text;
    const ids = site.type === 'identifier' ? [site] : site.descendantsOfType('identifier');
    for (const id of [...ids].reverse()) {
      if (!id || isNameField(id)) continue;
      const name = this.fromSite.get(id.text) ?? params.get(id.text);
      if (!name) continue;
      const at = id.startIndex - site.startIndex;
      text = text.slice(0, at) + name + text.slice(at + id.text.length);
    }
    return text;
  }

  private identifier(h: Node, s: Node): boolean {
    const arg = this.args.get(h.text) ?? this.bound.get(h.text);
    if (arg) return canonical(arg) === canonical(s);
    if (this.options.freeParams && this.helper.params.includes(h.text)) {
      this.bound.set(h.text, s);
      return true;
    }
    if (!this.helper.locals.has(h.text)) return s.type === 'identifier' && s.text === h.text;
    if (s.type !== 'identifier') return false;
    const bound = this.toSite.get(h.text);
    if (bound) return bound === s.text;
    if (this.fromSite.has(s.text)) return false;
    this.toSite.set(h.text, s.text);
    this.fromSite.set(s.text, h.text);
    return true;
  }

  private diff(hNode: Node, sNode: Node): void {
    const h = unwrap(this.helper.resolve(hNode));
    const s = unwrap(this.siteInlined.get(sNode.id) ?? sNode);
    if (h.type === 'identifier' && !isNameField(h)) {
      if (!this.identifier(h, s)) this.mismatches.push({ helper: h, site: s });
      return;
    }
    if (this.options.anyRaise && h.type === 'raise_statement' && s.type === 'raise_statement')
      return;
    if (h.type !== s.type) {
      this.mismatches.push({ helper: h, site: s });
      return;
    }
    const hc = children(h);
    const sc = children(s);
    if (hc.length === 0 || sc.length === 0) {
      if (leafKey(h) !== leafKey(s) || hc.length !== sc.length)
        this.mismatches.push({ helper: h, site: s });
      return;
    }
    const shape = (list: Node[]) => list.map((c) => (c.isNamed ? '#' : c.text)).join(' ');
    if (shape(hc) !== shape(sc)) {
      this.mismatches.push({ helper: h, site: s });
      return;
    }
    hc.forEach((c, i) => {
      if (c.isNamed) this.diff(c, sc[i]!);
    });
  }
}

function leafKey(node: Node): string {
  if (node.type === 'string') return `s:${stringLiteralValue(node) ?? node.text}`;
  return `${node.type}:${node.text}`;
}

/** A canonical form for equality of small expressions (layout and parentheses ignored). */
export function canonical(node: Node): string {
  const n = unwrap(node);
  const list = children(n);
  if (list.length === 0) return leafKey(n);
  return `${n.type}(${list.map(canonical).join(' ')})`;
}
