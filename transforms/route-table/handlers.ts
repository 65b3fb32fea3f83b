/**
 * What a route branch returns: a handler call, deferred (`return lambda: h(event, path)`)
 * or direct (`return h(event, path)`), with the names its callee and arguments read.
 */
import type { Node } from '../../src/python/parser.js';
import { oneLine } from './conditions.js';

export interface HandlerCall {
  readonly style: 'lambda' | 'direct';
  /** The callee as written (`handle_admin_assets_request`, `self.handle`). */
  readonly callee: string;
  /** The argument list without parentheses, on one line (`event, method, path`). */
  readonly args: string;
  /** Names the callee reads (the first name of a dotted callee). */
  readonly calleeNames: readonly string[];
  /** Names the arguments read. */
  readonly argNames: readonly string[];
}

/** Read `return <handler call>` (the only statement of a branch body), or say why not. */
export function readHandler(body: Node | null): HandlerCall | string {
  const statements =
    body?.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment') ?? [];
  if (statements.length !== 1) {
    return `its body has ${statements.length} statements; remedy expects a single \`return <handler call>\``;
  }
  const statement = statements[0]!;
  const value = statement.type === 'return_statement' ? statement.namedChild(0) : undefined;
  if (!value) return `its body is \`${oneLine(statement.text)}\`, not \`return <handler call>\``;
  if (value.type === 'lambda') {
    if (value.childForFieldName('parameters'))
      return `it returns a lambda with parameters: \`${oneLine(value.text)}\``;
    const call = value.childForFieldName('body');
    if (call?.type !== 'call') return `it returns \`${oneLine(value.text)}\`, not a handler call`;
    return describeCall(call, 'lambda');
  }
  if (value.type === 'call') return describeCall(value, 'direct');
  return `it returns \`${oneLine(value.text)}\`, not a handler call`;
}

function describeCall(call: Node, style: HandlerCall['style']): HandlerCall | string {
  const fn = call.childForFieldName('function')!;
  const args = call.childForFieldName('arguments');
  if (!['identifier', 'attribute'].includes(fn.type) || args?.type !== 'argument_list') {
    return `it calls \`${oneLine(fn.text)}\`, which is not a handler name`;
  }
  return {
    style,
    callee: fn.text,
    args: oneLine(args.text.slice(1, -1).trim()).replace(/,\s*$/, ''),
    calleeNames: namesRead(fn),
    argNames: namesRead(args),
  };
}

/** Identifiers read in `node`: not attribute names, not keyword-argument names. */
function namesRead(node: Node): string[] {
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
