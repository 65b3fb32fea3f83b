/**
 * What a route branch returns: a deferred handler (`return lambda: h(event, path)`) or
 * a value computed on the spot (`return h(event, path)`, `return respond(200, body)`),
 * with the names it reads. A branch that runs anything before its `return` is not a
 * route: a table entry holds only what the branch returns.
 */
import type { Node } from '../../src/python/parser.js';
import { oneLine } from './conditions.js';

export interface HandlerCall {
  readonly style: 'lambda' | 'direct';
  /** The expression the branch returns (inside the `lambda:` for the lambda style), on one line. */
  readonly expr: string;
  /** The callee, when the expression is a call of a name (`get_venue`, `self.handle`); else the expression. */
  readonly callee: string;
  /** The argument list without parentheses, on one line; undefined when not a call. */
  readonly args: string | undefined;
  /** Names the callee reads (the first name of a dotted callee). */
  readonly calleeNames: readonly string[];
  /** Names the arguments (or the whole non-call expression) read, in order of appearance. */
  readonly argNames: readonly string[];
}

/** Read `return <value>` (the only statement of a branch body), or say why not. */
export function readHandler(body: Node | null): HandlerCall | string {
  const statements =
    body?.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment') ?? [];
  const last = statements[statements.length - 1];
  if (last?.type !== 'return_statement') {
    const what = last ? `\`${oneLine(last.text)}\`` : 'nothing';
    return `it ends with ${what}, not \`return <handler>\``;
  }
  if (statements.length > 1) {
    const before = statements.slice(0, -1).map((s) => `\`${oneLine(s.text)}\``);
    const shown =
      before.length <= 3 ? before : [...before.slice(0, 2), `${before.length - 2} more statements`];
    const runs = `${shown.slice(0, -1).join(', ')}${shown.length > 1 ? ' and ' : ''}${shown[shown.length - 1]}`;
    return `it runs ${runs} before its return; a table entry holds only what the branch returns`;
  }
  const value = last.namedChild(0);
  if (!value) return describe(undefined, 'direct', 'None');
  if (value.type === 'await')
    return `it awaits \`${oneLine(value.text)}\`, which a table entry cannot`;
  if (value.type === 'lambda') {
    if (value.childForFieldName('parameters'))
      return `it returns a lambda with parameters: \`${oneLine(value.text)}\``;
    return describe(value.childForFieldName('body')!, 'lambda');
  }
  return describe(value, 'direct');
}

function describe(
  node: Node | undefined,
  style: HandlerCall['style'],
  fallback = '',
): HandlerCall | string {
  if (!node) {
    return {
      style,
      expr: fallback,
      callee: fallback,
      args: undefined,
      calleeNames: [],
      argNames: [],
    };
  }
  const expr = singleLine(node);
  if (expr === undefined) return `it returns \`${oneLine(node.text)}\`, which has comments inside`;
  const fn = node.type === 'call' ? node.childForFieldName('function') : undefined;
  const args = node.type === 'call' ? node.childForFieldName('arguments') : undefined;
  if (fn && ['identifier', 'attribute'].includes(fn.type) && args?.type === 'argument_list') {
    const inner = singleLine(args)!.slice(1, -1).trim().replace(/,\s*$/, '');
    return {
      style,
      expr,
      callee: fn.text,
      args: inner,
      calleeNames: namesRead(fn),
      argNames: namesRead(args),
    };
  }
  return { style, expr, callee: expr, args: undefined, calleeNames: [], argNames: namesRead(node) };
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}', ',']);

/** A call's trailing comma (`f(a, b,)`): dropped when the call goes on one line. */
function isTrailingArgumentComma(leaf: Node): boolean {
  return (
    leaf.text === ',' && leaf.parent?.type === 'argument_list' && leaf.nextSibling?.text === ')'
  );
}

/**
 * The code of `node` on one line: its tokens as written, each line break inside brackets
 * (with its indentation) turned into one space or none. Undefined when it holds a comment.
 */
export function singleLine(node: Node): string | undefined {
  if (!node.text.includes('\n')) return node.text;
  const leaves: Node[] = [];
  const visit = (n: Node) => {
    if (n.childCount === 0 || n.type === 'string') leaves.push(n);
    else for (const c of n.children) if (c) visit(c);
  };
  visit(node);
  if (leaves.some((l) => l.type === 'comment')) return undefined;
  let out = '';
  let previous: Node | undefined;
  for (const leaf of leaves.filter((l) => !isTrailingArgumentComma(l))) {
    if (previous) {
      const gap = node.text.slice(
        previous.endIndex - node.startIndex,
        leaf.startIndex - node.startIndex,
      );
      if (!gap.includes('\n')) out += gap;
      else if (!OPENERS.has(previous.text) && !CLOSERS.has(leaf.text)) out += ' ';
    }
    out += leaf.text;
    previous = leaf;
  }
  return out;
}

/** Identifiers read in `node`, in order: not attribute names, not keyword-argument names. */
export function namesRead(node: Node): string[] {
  const out = new Set<string>();
  const visit = (n: Node) => {
    if (n.type === 'identifier') {
      const parent = n.parent;
      const isAttributeName =
        parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === n.id;
      const isKeyword =
        parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === n.id;
      if (!isAttributeName && !isKeyword) out.add(n.text);
      return;
    }
    for (const child of n.namedChildren) if (child) visit(child);
  };
  visit(node);
  return [...out];
}
