/**
 * One readable sentence for a zod validation issue, with the allowed values: a union
 * (`"stdlib"` or a list) says what each branch expects instead of zod's bare
 * "Invalid input", and picks the branch that came closest for objects.
 */

/** The parts of a zod 4 issue this module reads. */
export interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly values?: readonly unknown[];
  readonly expected?: string;
  readonly keys?: readonly string[];
  readonly errors?: readonly (readonly ZodIssueLike[])[];
}

export interface DescribedIssue {
  /** Key path from the root of the validated value. */
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

/** What one failed branch wanted, when it says so plainly. */
function expectation(issue: ZodIssueLike): string | undefined {
  if (issue.code === 'invalid_value' && issue.values)
    return issue.values.map((v) => JSON.stringify(v)).join(' or ');
  if (issue.code === 'invalid_type' && issue.expected) return article(issue.expected);
  return undefined;
}

function describeUnion(issue: ZodIssueLike, prefix: readonly PropertyKey[]): DescribedIssue {
  const branches = (issue.errors ?? []).filter((b) => b.length > 0);
  const fewest = Math.min(...branches.map((b) => b.length));
  const best = branches.filter((b) => b.length === fewest);
  const path = [...prefix, ...issue.path];
  const sameSpot = best.every((b) => b[0]!.path.length === 0);
  const wanted = best.map((b) => expectation(b[0]!));
  if (best.length > 1 && sameSpot && wanted.every((w) => w !== undefined))
    return { path, message: `expected ${[...new Set(wanted)].join(' or ')}` };
  return best[0] ? describeIssue(best[0][0]!, path) : { path, message: issue.message };
}

/** The issue's full path and a message that lists allowed values where zod knows them. */
export function describeIssue(
  issue: ZodIssueLike,
  prefix: readonly PropertyKey[] = [],
): DescribedIssue {
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0)
    return describeUnion(issue, prefix);
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys)
    return { path, message: `unknown key(s): ${issue.keys.join(', ')}` };
  return { path, message: issue.message };
}

/** `a.b.0` for a key path, or `fallback` for the root. */
export function keyPath(path: readonly PropertyKey[], fallback: string): string {
  return path.length ? path.map(String).join('.') : fallback;
}
