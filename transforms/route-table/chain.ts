/**
 * Where a dispatcher's route chain is: the last run of top-level `if` statements whose
 * conditions test the request path (a `"/..."` literal compared, prefixed or matched, or a
 * path predicate of this module). The statements before it (logging, parsing, guards,
 * early returns) and after it (the fall-through) stay where they are.
 */
import { findDefinitions } from '../../src/python/definitions.js';
import type { Node, Tree } from '../../src/python/parser.js';
import { oneLine, operands, readAtom } from './atoms.js';

export const NO_CHAIN = 'the dispatcher has no if-chain that tests the path';

/** A literal that names a route: `"/venues"`, `r"^/webhooks/"` (not a bare `"/"`). */
const ROUTE_LITERAL = /^\^?\/./;

export interface ChainLocation {
  /** The chain's `if` statements, with the comments between them and right above the first. */
  readonly statements: readonly Node[];
}

/** Whether `condition` tests the path somewhere (enough to belong to the chain). */
function testsPath(tree: Tree, condition: Node): boolean {
  for (const disjunct of operands(condition, 'or')) {
    for (const atom of operands(disjunct, 'and')) {
      const read = readAtom(atom);
      if (
        typeof read !== 'string' &&
        read.some((alt) => alt.some((c) => ROUTE_LITERAL.test(c.value)))
      )
        return true;
      if (isPredicateCall(tree, atom)) return true;
    }
  }
  return false;
}

/** `_is_admin_path(path)`: a call of a function of this module that compares a route literal. */
function isPredicateCall(tree: Tree, node: Node): boolean {
  const fn = node.type === 'call' ? node.childForFieldName('function') : undefined;
  if (fn?.type !== 'identifier') return false;
  const defs = findDefinitions(tree, fn.text).filter((d) => d.type === 'function_definition');
  const strings = defs[0]?.descendantsOfType('string') ?? [];
  return (
    defs.length === 1 &&
    strings.some((s) => s && ROUTE_LITERAL.test(s.text.replace(/^[rRuU]?["']+/, '')))
  );
}

/** The conditions of an `if` statement and of its `elif` clauses. */
export function conditionsOf(statement: Node): Node[] {
  const elifs = statement
    .childrenForFieldName('alternative')
    .filter((a) => a?.type === 'elif_clause');
  return [statement, ...elifs].map((c) => c!.childForFieldName('condition')!);
}

function isRouteIf(tree: Tree, statement: Node): boolean {
  return (
    statement.type === 'if_statement' && conditionsOf(statement).some((c) => testsPath(tree, c))
  );
}

/** The subjects the chain's route tests compare (`path`, `event["resource"]`), as written. */
function routeSubjects(chain: readonly Node[]): Set<string> {
  const out = new Set<string>();
  for (const statement of chain) {
    for (const condition of conditionsOf(statement)) {
      for (const atom of operands(condition, 'or').flatMap((d) => operands(d, 'and'))) {
        const read = readAtom(atom);
        if (typeof read !== 'string')
          for (const alt of read) for (const c of alt) out.add(c.subject.text);
      }
    }
  }
  return out;
}

/**
 * An `if` right after the chain that tests one of its subjects otherwise
 * (`if path.endswith(".json"):`) is a branch of the chain remedy does not read, not a
 * fall-through: the chain takes it in, so the refusal names it.
 */
function continuesChain(chain: readonly Node[], next: Node): boolean {
  if (next.type !== 'if_statement') return false;
  const subjects = [...routeSubjects(chain)];
  return conditionsOf(next).some((c) => subjects.some((s) => c.text.includes(s)));
}

function line(node: Node): number {
  return node.startPosition.row + 1;
}

/** Find the chain among a body's statements (docstring excluded), or say why there is none. */
export function locateChain(tree: Tree, statements: readonly Node[]): ChainLocation | string {
  const code = statements.filter((s) => s.type !== 'comment');
  let last = -1;
  code.forEach((s, i) => {
    if (isRouteIf(tree, s)) last = i;
  });
  if (last === -1) return NO_CHAIN;
  let first = last;
  while (first > 0 && isRouteIf(tree, code[first - 1]!)) first--;
  const earlier = code.slice(0, first).find((s) => isRouteIf(tree, s));
  if (earlier) {
    const between = code[first - 1]!;
    return `\`${oneLine(between.text)}\` (line ${line(between)}) sits between the route branches at lines ${line(earlier)} and ${line(code[first]!)}; remedy expects them together`;
  }
  while (last + 1 < code.length && continuesChain(code.slice(first, last + 1), code[last + 1]!))
    last++;
  let start = statements.indexOf(code[first]!);
  while (start > 0 && statements[start - 1]!.type === 'comment') start--;
  const end = statements.indexOf(code[last]!);
  return { statements: statements.slice(start, end + 1) };
}
