/**
 * A route condition read into route keys: `or` of alternatives, each an `and` of path
 * tests (`atoms.ts`) over the same subjects — the path (compared with `"/..."` literals,
 * or by prefix or pattern) and optionally qualifiers compared by equality (the method).
 * `p == "/x" or p.startswith("/x/")` pairs into one prefix match (the path or below it);
 * a lone `startswith` matches by prefix as written; `re.match` by pattern.
 */
import type { Node } from '../../src/python/parser.js';
import { codeTokens, tokenize } from '../../src/python/tokens.js';
import { type Alternative, type Component, oneLine, operands, readAtom } from './atoms.js';

export { oneLine } from './atoms.js';

/** `exact` ==; `prefix` the path or below it; `startswith` as written; `regex` a pattern. */
export type MatchKind = 'exact' | 'prefix' | 'startswith' | 'regex';

export interface Literal {
  readonly value: string;
  /** As written (keeps the file's quote style). */
  readonly literal: string;
}

export interface PathTest {
  /** The literal's value: a path, a prefix, or a pattern for `regex`. */
  readonly path: string;
  /** As written (keeps the file's quote style). */
  readonly literal: string;
  readonly kind: MatchKind;
  /** What the qualifiers (the method) must equal, in `ParsedCondition.qualifiers` order. */
  readonly qualifiers: readonly Literal[];
  /** The regex function as written (`re.match`), for `regex`. */
  readonly matcher?: string;
}

export interface ParsedCondition {
  readonly tests: readonly PathTest[];
  /** The expression compared with the paths, and its token key (qualifiers included). */
  readonly subject: Node;
  readonly qualifiers: readonly Node[];
  readonly subjectKey: string;
}

/** Token key of an expression: equal for code that differs only in layout and comments. */
export function codeKey(text: string): string {
  return codeTokens(tokenize(text))
    .map((t) => t.key)
    .join(' ');
}

const MIXED =
  'the branch depends on more than the path (and values compared by equality), which a route table cannot hold';

/** The route keys of `condition`, or why it is not made of path tests. */
export function parseCondition(condition: Node): ParsedCondition | string {
  const rows: Alternative[] = [];
  for (const disjunct of operands(condition, 'or')) {
    let alternatives: Alternative[] = [[]];
    const conjunction = operands(disjunct, 'and');
    for (const atom of conjunction) {
      const read = readAtom(atom);
      if (typeof read === 'string') return conjunction.length > 1 ? `${read}: ${MIXED}` : read;
      alternatives = alternatives.flatMap((a) => read.map((r) => [...a, ...r]));
    }
    rows.push(...alternatives);
  }
  const subjects = subjectsOf(rows);
  if (typeof subjects === 'string') return subjects;
  const path = pathSubject(rows, subjects);
  const qualifiers = subjects.filter((k) => k !== path);
  const byKey = (row: Alternative, key: string) =>
    row.find((c) => codeKey(c.subject.text) === key)!;
  const odd = rows.flatMap((r) => qualifiers.map((q) => byKey(r, q))).find((c) => c.kind !== 'eq');
  if (odd) {
    return `\`${oneLine(odd.subject.text)}\` is matched by ${odd.kind} and \`${oneLine(byKey(rows[0]!, path).subject.text)}\` too: only the path may be matched by prefix or pattern`;
  }
  const keyed = rows.map((r) => ({
    path: byKey(r, path),
    qualifiers: qualifiers.map((q) => literal(byKey(r, q))),
  }));
  const tests = pairPrefixes(keyed);
  const first = rows[0]!;
  return {
    tests,
    subject: byKey(first, path).subject,
    qualifiers: qualifiers.map((q) => byKey(first, q).subject),
    subjectKey: [...qualifiers, path].join(' , '),
  };
}

function literal(c: Component): Literal {
  return { value: c.value, literal: c.literal };
}

/** The subjects every alternative tests, once each, in order of appearance. */
function subjectsOf(rows: readonly Alternative[]): string[] | string {
  const order: string[] = [];
  for (const row of rows) {
    const keys = row.map((c) => codeKey(c.subject.text));
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice !== undefined) {
      const node = row.find((c) => codeKey(c.subject.text) === twice)!.subject;
      return `it tests \`${oneLine(node.text)}\` twice in one alternative`;
    }
    for (const k of keys) if (!order.includes(k)) order.push(k);
  }
  for (const row of rows) {
    const missing = order.find((k) => !row.some((c) => codeKey(c.subject.text) === k));
    if (missing !== undefined) {
      const a = rows.flat().find((c) => codeKey(c.subject.text) === missing)!;
      const b = row[0]!;
      return `it compares both \`${oneLine(a.subject.text)}\` and \`${oneLine(b.subject.text)}\``;
    }
  }
  return order;
}

/** The subject that holds the path: matched by prefix or pattern, or compared with "/..." . */
function pathSubject(rows: readonly Alternative[], subjects: readonly string[]): string {
  const score = (key: string) =>
    rows
      .flat()
      .filter((c) => codeKey(c.subject.text) === key)
      .filter((c) => c.kind !== 'eq' || /^\^?\//.test(c.value)).length;
  let best = subjects[subjects.length - 1]!;
  for (const key of subjects) if (score(key) > score(best)) best = key;
  return best;
}

interface Keyed {
  readonly path: Component;
  readonly qualifiers: readonly Literal[];
}

const sameQualifiers = (a: Keyed, b: Keyed) =>
  a.qualifiers.every((q, i) => q.value === b.qualifiers[i]?.value);

/** Pair `== "/x"` with `.startswith("/x/")` (same qualifiers) into prefix tests. */
function pairPrefixes(rows: readonly Keyed[]): PathTest[] {
  const used = new Set<Keyed>();
  const tests: { at: number; test: PathTest }[] = [];
  rows.forEach((row, at) => {
    if (row.path.kind !== 'startswith' || !row.path.value.endsWith('/')) return;
    const base = row.path.value.slice(0, -1);
    const eq = rows.find(
      (r) =>
        r.path.kind === 'eq' && r.path.value === base && !used.has(r) && sameQualifiers(r, row),
    );
    if (!eq || base === '') return;
    used.add(row).add(eq);
    const test = { path: base, literal: eq.path.literal, kind: 'prefix' as const };
    tests.push({
      at: Math.min(at, rows.indexOf(eq)),
      test: { ...test, qualifiers: row.qualifiers },
    });
  });
  rows.forEach((row, at) => {
    if (used.has(row)) return;
    const kind = row.path.kind === 'eq' ? 'exact' : row.path.kind;
    const { value: path, literal } = row.path;
    const matcher = row.path.matcher ? { matcher: row.path.matcher } : {};
    tests.push({ at, test: { path, literal, kind, qualifiers: row.qualifiers, ...matcher } });
  });
  return tests.sort((a, b) => a.at - b.at).map((t) => t.test);
}
