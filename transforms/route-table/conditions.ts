/**
 * Path tests in a condition: `p == "/x"` (exact), `p == "/x" or p.startswith("/x/")`
 * (prefix: the path or anything below it), several of them joined with `or`, and
 * `p in ("/a", "/b")` (exact each). Anything else is a problem, described in words.
 */
import { stringLiteralValue } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import { codeTokens, tokenize } from '../../src/python/tokens.js';

export type MatchKind = 'exact' | 'prefix';

export interface PathTest {
  readonly path: string;
  readonly kind: MatchKind;
  /** The path's string literal as written (keeps the file's quote style). */
  readonly literal: string;
}

export interface ParsedCondition {
  readonly tests: readonly PathTest[];
  /** The expression compared with the paths, and its token key. */
  readonly subject: Node;
  readonly subjectKey: string;
}

type Atom =
  | { kind: 'eq'; subject: Node; value: string; literal: string }
  | { kind: 'startswith'; subject: Node; value: string; literal: string };

/** Token key of an expression: equal for code that differs only in layout and comments. */
export function codeKey(text: string): string {
  return codeTokens(tokenize(text))
    .map((t) => t.key)
    .join(' ');
}

/** The path tests of `condition`, or why it is not made of path tests. */
export function parseCondition(condition: Node): ParsedCondition | string {
  const atoms: Atom[] = [];
  for (const part of orOperands(condition)) {
    const parsed = parseAtom(part);
    if (typeof parsed === 'string') return parsed;
    atoms.push(...parsed);
  }
  const subjectKey = codeKey(atoms[0]!.subject.text);
  const other = atoms.find((a) => codeKey(a.subject.text) !== subjectKey);
  if (other) {
    return `it compares both \`${atoms[0]!.subject.text}\` and \`${other.subject.text}\``;
  }
  const tests = pairAtoms(atoms);
  if (typeof tests === 'string') return tests;
  return { tests, subject: atoms[0]!.subject, subjectKey };
}

/** `a or b or c` -> [a, b, c], through parentheses. */
function orOperands(node: Node): Node[] {
  const inner = unparenthesize(node);
  if (inner.type === 'boolean_operator' && inner.childForFieldName('operator')?.type === 'or') {
    return [
      ...orOperands(inner.childForFieldName('left')!),
      ...orOperands(inner.childForFieldName('right')!),
    ];
  }
  return [inner];
}

function unparenthesize(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1) {
    current = current.namedChild(0)!;
  }
  return current;
}

function parseAtom(node: Node): Atom[] | string {
  if (node.type === 'comparison_operator') return parseComparison(node);
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    const arg = args.length === 1 ? args[0] : undefined;
    const value = arg ? stringLiteralValue(arg) : undefined;
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'startswith') {
      if (value !== undefined && arg) {
        const subject = fn.childForFieldName('object')!;
        return [{ kind: 'startswith', subject, value, literal: arg.text }];
      }
    }
  }
  return `\`${oneLine(node.text)}\` is not a path comparison`;
}

function parseComparison(node: Node): Atom[] | string {
  const operands = node.namedChildren.filter((n): n is Node => !!n);
  const operators = node.children.filter((c) => c && !c.isNamed).map((c) => c!.type);
  const what = `\`${oneLine(node.text)}\``;
  if (operands.length !== 2 || operators.length !== 1) return `${what} is not a single comparison`;
  const [left, right] = operands as [Node, Node];
  if (operators[0] === '==') {
    const [subject, literal] =
      stringLiteralValue(right) !== undefined ? [left, right] : [right, left];
    const value = stringLiteralValue(literal);
    if (value === undefined) return `${what} does not compare with a plain string`;
    return [{ kind: 'eq', subject, value, literal: literal.text }];
  }
  if (operators[0] === 'in' && ['tuple', 'list', 'set'].includes(unparenthesize(right).type)) {
    const items = unparenthesize(right).namedChildren.filter((n): n is Node => !!n);
    const atoms: Atom[] = [];
    for (const item of items) {
      const value = stringLiteralValue(item);
      if (value === undefined) return `${what} does not list plain strings`;
      atoms.push({ kind: 'eq', subject: left, value, literal: item.text });
    }
    return atoms;
  }
  return `${what} uses \`${operators[0]}\`, not \`==\``;
}

/** Pair `== "/x"` with `.startswith("/x/")` into prefix tests; lone `==` are exact. */
function pairAtoms(atoms: readonly Atom[]): PathTest[] | string {
  const used = new Set<Atom>();
  const tests: { at: number; test: PathTest }[] = [];
  atoms.forEach((atom, at) => {
    if (atom.kind !== 'startswith') return;
    const base = atom.value.endsWith('/') ? atom.value.slice(0, -1) : undefined;
    const eq = atoms.find((a) => a.kind === 'eq' && a.value === base && !used.has(a));
    if (!eq || base === undefined) return;
    used.add(atom).add(eq);
    tests.push({
      at: Math.min(at, atoms.indexOf(eq)),
      test: { path: base, kind: 'prefix', literal: eq.literal },
    });
  });
  const lone = atoms.find((a) => a.kind === 'startswith' && !used.has(a));
  if (lone) {
    return `\`.startswith(${lone.literal})\` is not paired with an equality test, so it is neither an exact nor a prefix match`;
  }
  atoms.forEach((atom, at) => {
    if (!used.has(atom))
      tests.push({ at, test: { path: atom.value, kind: 'exact', literal: atom.literal } });
  });
  return tests.sort((a, b) => a.at - b.at).map((t) => t.test);
}

export function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
