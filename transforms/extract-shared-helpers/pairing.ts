/**
 * Pair old helper names with the new names an auditor proposes, by meaning: names
 * are split into words (`_extract_organization_ids` -> extract, organization, id),
 * common abbreviations are expanded and plurals folded, and verbs (get, extract,
 * build, ...) are optional. An old name pairs with a new name that contains all of
 * its other words (`_policy` -> `build_iam_policy`, `_extract_token` ->
 * `extract_bearer_token`); the best-scoring candidate wins, and a tie pairs nothing.
 */

/** Words that say what a helper does rather than what it is about. */
const VERBS = new Set(
  'get fetch read load extract find lookup parse build make create compute generate resolve collect use do run handle check is has ensure validate'.split(
    ' ',
  ),
);

/** General programming abbreviations and spelling variants -> one word. */
const SYNONYMS: Readonly<Record<string, string>> = {
  org: 'organization',
  organisation: 'organization',
  identifier: 'id',
  authentication: 'auth',
  authorization: 'auth',
  authorisation: 'auth',
  cfg: 'config',
  conf: 'config',
  configuration: 'config',
  env: 'environment',
  msg: 'message',
  req: 'request',
  resp: 'response',
  hdr: 'header',
  tok: 'token',
  param: 'parameter',
  arg: 'argument',
  db: 'database',
  str: 'string',
  util: 'utility',
  dir: 'directory',
  func: 'function',
  fn: 'function',
  addr: 'address',
  ts: 'timestamp',
};

function singular(word: string): string {
  if (VERBS.has(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length >= 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word))
    return word.slice(0, -1);
  return word;
}

/** The words of an identifier, normalised. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/_+/)
    .filter(Boolean)
    .map((w) => {
      const one = singular(w);
      return SYNONYMS[one] ?? SYNONYMS[w] ?? one;
    });
}

/** Words that must all appear in a new name for it to mean the same thing. */
function contentWords(words: readonly string[]): string[] {
  const content = words.filter((w) => !VERBS.has(w));
  return content.length > 0 ? content : [...words];
}

export interface Pairing {
  readonly from: string;
  readonly to: string;
  /** The words both names share. */
  readonly shared: readonly string[];
}

/** How well `to` names what `from` names, or undefined when it cannot be the same helper. */
function pairScore(from: string, to: string): number | undefined {
  const old = nameWords(from);
  const fresh = new Set(nameWords(to));
  if (!contentWords(old).every((w) => fresh.has(w))) return undefined;
  const common = old.filter((w) => fresh.has(w)).length;
  const extra = [...fresh].filter((w) => !old.includes(w)).length;
  return common * 10 - extra;
}

/** The new name each old name pairs with (old names without a clear match are left out). */
export function pairNames(oldNames: readonly string[], newNames: readonly string[]): Pairing[] {
  const out: Pairing[] = [];
  for (const from of oldNames) {
    const scored = newNames
      .map((to) => ({ to, score: pairScore(from, to) }))
      .filter((s): s is { to: string; score: number } => s.score !== undefined)
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (!best || scored[1]?.score === best.score) continue;
    const fresh = new Set(nameWords(best.to));
    out.push({
      from,
      to: best.to,
      shared: [...new Set(nameWords(from).filter((w) => fresh.has(w)))],
    });
  }
  return out;
}
