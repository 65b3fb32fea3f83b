/**
 * The smallest path tests of a route condition, each read into the alternatives it
 * accepts: `s == "/x"`, `(method, s) == ("GET", "/x")`, `s in ("/a", "/b")`,
 * `(method, s) in (("GET", "/a"), ...)`, `s.startswith("/x/")` (or a tuple of
 * prefixes), `re.match(r"^/x/?$", s)` (also `fullmatch`, `search`). Anything else is
 * a problem, described in words.
 */
import { stringLiteralValue } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';

/** One subject compared with one literal. */
export interface Component {
  readonly subject: Node;
  readonly kind: 'eq' | 'startswith' | 'regex';
  readonly value: string;
  /** The literal as written (keeps the file's quote style and prefixes). */
  readonly literal: string;
  /** The regex function as written (`re.match`), for `regex`. */
  readonly matcher?: string;
}

/** Components that must all hold (one per subject). */
export type Alternative = readonly Component[];

const REGEX_FUNCTIONS = new Set(['match', 'fullmatch', 'search']);

export function unparenthesize(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1) {
    current = current.namedChild(0)!;
  }
  return current;
}

export function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

/** `a <op> b` joined by `op` (`or` / `and`) -> [a, b], through parentheses. */
export function operands(node: Node, op: 'or' | 'and'): Node[] {
  const inner = unparenthesize(node);
  if (inner.type === 'boolean_operator' && inner.childForFieldName('operator')?.type === op) {
    return [
      ...operands(inner.childForFieldName('left')!, op),
      ...operands(inner.childForFieldName('right')!, op),
    ];
  }
  return [inner];
}

function elements(node: Node): Node[] | undefined {
  const inner = unparenthesize(node);
  if (!['tuple', 'list', 'set'].includes(inner.type)) return undefined;
  return inner.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
}

function literalOf(node: Node): { value: string; literal: string } | undefined {
  const value = stringLiteralValue(node);
  return value === undefined ? undefined : { value, literal: node.text };
}

/** The alternatives a test accepts, or why it is not a path test. */
export function readAtom(node: Node): Alternative[] | string {
  const what = `\`${oneLine(node.text)}\``;
  if (node.type === 'comparison_operator') return readComparison(node, what);
  if (node.type === 'call') {
    const read = readStartswith(node) ?? readRegex(node);
    if (read) return read;
  }
  return `${what} is not a path comparison`;
}

function readComparison(node: Node, what: string): Alternative[] | string {
  const sides = node.namedChildren.filter((n): n is Node => !!n);
  const operators = node.children.filter((c) => c && !c.isNamed).map((c) => c!.type);
  if (sides.length !== 2 || operators.length !== 1) return `${what} is not a single comparison`;
  const [left, right] = sides as [Node, Node];
  if (operators[0] === '==') {
    const one =
      literalOf(right) || elements(right)?.every((e) => literalOf(e))
        ? equality(left, right)
        : equality(right, left);
    return one ? [one] : `${what} does not compare with a plain string`;
  }
  const items = operators[0] === 'in' ? elements(right) : undefined;
  if (!items) return `${what} uses \`${operators[0]}\`, not \`==\` or \`in (...)\``;
  const out: Alternative[] = [];
  for (const item of items) {
    const one = equality(left, item);
    if (!one) return `${what} does not list plain strings`;
    out.push(one);
  }
  return out;
}

/** `subject == literal`, or a tuple of subjects equal to a tuple of literals. */
function equality(subject: Node, value: Node): Alternative | undefined {
  const single = literalOf(value);
  if (single) return [{ subject, kind: 'eq', ...single }];
  const subjects = elements(subject);
  const values = elements(value);
  if (!subjects || !values || subjects.length !== values.length || subjects.length === 0)
    return undefined;
  const out: Component[] = [];
  for (const [i, s] of subjects.entries()) {
    const lit = literalOf(values[i]!);
    if (!lit || literalOf(s)) return undefined;
    out.push({ subject: s, kind: 'eq', ...lit });
  }
  return out;
}

function readStartswith(call: Node): Alternative[] | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'startswith')
    return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.length !== 1 || !args[0]) return undefined;
  const subject = fn.childForFieldName('object')!;
  const prefixes = elements(args[0]) ?? [args[0]];
  const out: Alternative[] = [];
  for (const p of prefixes) {
    const lit = literalOf(p);
    if (!lit) return undefined;
    out.push([{ subject, kind: 'startswith', ...lit }]);
  }
  return out;
}

function readRegex(call: Node): Alternative[] | undefined {
  const fn = call.childForFieldName('function');
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  if (!name || !REGEX_FUNCTIONS.has(name)) return undefined;
  const module = fn!.childForFieldName('object');
  if (module?.type !== 'identifier') return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const [pattern, subject] = args;
  const lit = args.length === 2 && pattern ? literalOf(pattern) : undefined;
  if (!lit || !subject || subject.type === 'keyword_argument') return undefined;
  return [[{ subject, kind: 'regex', ...lit, matcher: fn!.text }]];
}
