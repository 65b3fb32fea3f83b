/**
 * What the loop evaluates more (or less) often than the chain did: the predicates'
 * normalisation runs once per dispatch instead of once per predicate, and the subject
 * once per route instead of once per branch. Harmless for reads (names, attributes,
 * subscripts, `.get(...)`) and str methods; any other call makes the fix unsafe.
 */
import type { Node } from '../../src/python/parser.js';
import type { Dispatch } from './dispatcher.js';

/** The str methods (and `dict.get`) that may be evaluated more or fewer times. */
const PURE_METHODS = new Set([
  'rstrip',
  'lstrip',
  'strip',
  'lower',
  'upper',
  'casefold',
  'removeprefix',
  'removesuffix',
  'get',
]);

function callsSomethingElse(expr: Node, allowGet: boolean): boolean {
  return [expr, ...expr.descendantsOfType('call')].some((call) => {
    if (call?.type !== 'call') return false;
    const fn = call.childForFieldName('function');
    const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    return !method || !PURE_METHODS.has(method) || (method === 'get' && !allowGet);
  });
}

/** A normalisation the predicates evaluate that calls something other than a str method, or undefined. */
export function impureNormalisation(dispatch: Dispatch): string | undefined {
  for (const branch of dispatch.branches) {
    const expr = branch.predicate?.normalisation?.expr;
    if (expr && callsSomethingElse(expr, false)) return expr.text;
  }
  return undefined;
}

/** A subject or qualifier the chain compares that calls something with possible effects, or undefined. */
export function impureSubject(dispatch: Dispatch): string | undefined {
  const first = dispatch.branches[0]!;
  const nodes = [
    ...first.qualifiers,
    ...(first.subject.kind === 'expression' ? [first.subject.node] : []),
  ];
  return nodes.find((n) => callsSomethingElse(n, true))?.text;
}
