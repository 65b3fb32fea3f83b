/**
 * Where a before-snippet sits in a file: the functions to search (when the finding names
 * one), the token matches inside them, and a description of a near miss for refusals.
 */
import { findDefinitions, findFunctionsAnywhere } from '../../src/python/definitions.js';
import { lineOf } from '../../src/python/nodes.js';
import type { Node, Tree } from '../../src/python/parser.js';
import {
  codeTokens,
  findTokenSequence,
  longestPartialMatch,
  type Token,
  type TokenMatch,
  tokenize,
} from '../../src/python/tokens.js';

export interface SearchScope {
  readonly start: number;
  readonly end: number;
  /** `_safe_handler()`, or the file for a whole-file search. */
  readonly label: string;
}

/** The ranges to search: the named function(s), or the whole file. */
export function searchScopes(
  tree: Tree,
  file: string,
  fn: string | undefined,
): SearchScope[] | string {
  if (!fn) return [{ start: 0, end: tree.rootNode.endIndex, label: file }];
  let defs: Node[] = findDefinitions(tree, fn).filter((d) => d.type === 'function_definition');
  if (defs.length === 0) defs = findFunctionsAnywhere(tree, fn.split('.').pop()!);
  if (defs.length === 0) return `there is no function ${fn}() in ${file}`;
  return defs.map((d) => ({
    start: d.startIndex,
    end: d.endIndex,
    label: `${fn}() at ${file}:${lineOf(d)}`,
  }));
}

export interface ScopedMatch extends TokenMatch {
  readonly scope: SearchScope;
}

/** Token matches of `snippet` inside the scopes. */
export function matchIn(
  fileTokens: readonly Token[],
  scopes: readonly SearchScope[],
  snippet: string,
): ScopedMatch[] {
  const needle = codeTokens(tokenize(snippet));
  return scopes.flatMap((scope) =>
    findTokenSequence(tokensWithin(fileTokens, scope), needle).map((m) => ({ ...m, scope })),
  );
}

/** The code tokens (no comments, no magic trailing commas) inside a scope. */
function tokensWithin(tokens: readonly Token[], scope: SearchScope): Token[] {
  return codeTokens(tokens.filter((t) => t.start >= scope.start && t.end <= scope.end));
}

/** "line 38 agrees with the first 9 of 21 tokens" — the nearest miss, for a refusal. */
export function nearestMiss(
  fileTokens: readonly Token[],
  scopes: readonly SearchScope[],
  snippet: string,
  lineOfOffset: (offset: number) => number,
): string | undefined {
  const needle = codeTokens(tokenize(snippet));
  let best: { start: number; matched: number } | undefined;
  for (const scope of scopes) {
    const found = longestPartialMatch(tokensWithin(fileTokens, scope), needle);
    if (found && (!best || found.matched > best.matched)) best = found;
  }
  if (!best || best.matched < 3) return undefined;
  const differs = needle[best.matched];
  return (
    `the closest code, at line ${lineOfOffset(best.start)}, agrees with the first ` +
    `${best.matched} of ${needle.length} tokens` +
    (differs ? ` (the snippet continues with \`${differs.text}\` there)` : '')
  );
}
