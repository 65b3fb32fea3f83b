/**
 * Restatement linking: table rows in an ID family no heading uses (seed 002's `IMP-013`)
 * that restate a finding are recorded as that finding's aliases, not as findings.
 */
import type { Draft } from './detect.js';
import { idFamily } from './ids.js';
import { bestMatch, contentWords, WordWeights } from './similarity.js';
import { rowTitle } from './tables.js';
import { blockText } from './text.js';
import type { DocumentWarning } from './types.js';

/** A row is linked when it scores this well and clearly better than the runner-up. */
const MIN_SCORE = 0.4;
const MIN_MARGIN = 0.08;
/** Titles (heading, table rows) count more than the body text. */
const TITLE_WEIGHT = 0.75;
/** A family restates findings when this share of its rows link. */
const FAMILY_SHARE = 0.5;

export interface AliasLink {
  readonly alias: string;
  readonly target: string;
  readonly score: number;
}

/**
 * Drop restating drafts from the list, recording each as an alias of the finding it
 * restates. Families without headings where most rows link are restating families.
 */
export function linkRestatements(
  drafts: readonly Draft[],
  doc: string,
  warnings: DocumentWarning[],
): Draft[] {
  const primaryFamilies = new Set(drafts.filter((d) => d.heading).map((d) => idFamily(d.id)));
  if (primaryFamilies.size === 0) return [...drafts];
  const primary = drafts.filter((d) => primaryFamilies.has(idFamily(d.id)));
  const candidates = drafts.filter((d) => !primaryFamilies.has(idFamily(d.id)));
  if (candidates.length === 0) return [...drafts];
  const links = scoreLinks(primary, candidates);
  const dropped = new Set<string>();
  for (const [family, members] of groupBy(candidates, (d) => idFamily(d.id))) {
    const linked = members.filter((m) => links.has(m.id));
    if (linked.length < members.length * FAMILY_SHARE) continue;
    for (const m of members) {
      const link = links.get(m.id);
      const target = link && primary.find((p) => p.id === link.target);
      if (!target) {
        warnings.push({
          message: `${m.id} looks like a restatement (${family}) but matches no finding; kept as a finding`,
          doc,
          line: m.line,
        });
        continue;
      }
      target.aliases.push(m.id);
      dropped.add(m.id);
    }
  }
  return drafts.filter((d) => !dropped.has(d.id));
}

/**
 * Link each candidate to the finding it restates, one alias per finding per family:
 * the strongest matches are taken first, the rest choose among findings still free.
 */
function scoreLinks(
  primary: readonly Draft[],
  candidates: readonly Draft[],
): Map<string, AliasLink> {
  const titles = new Map(primary.map((p) => [p.id, new Set(contentWords(titleText(p)))]));
  const bodies = new Map(primary.map((p) => [p.id, new Set(contentWords(bodyText(p)))]));
  const weights = new WordWeights([...bodies.values()].map((b) => [...b]));
  const queries = new Map(
    candidates.map((c) => [c.id, weights.prepare(contentWords(c.rows.map(rowTitle).join(' ')))]),
  );
  const empty = new Set<string>();
  const scoreOf = (c: Draft, p: Draft) => {
    const query = queries.get(c.id) ?? weights.prepare([]);
    return (
      TITLE_WEIGHT * query.coverage(titles.get(p.id) ?? empty) +
      (1 - TITLE_WEIGHT) * query.coverage(bodies.get(p.id) ?? empty)
    );
  };
  // Each candidate's best score, computed once (not in the sort's comparisons).
  const firstChoice = new Map(
    candidates.map((c) => [c, bestMatch(primary, (p) => scoreOf(c, p))?.score ?? 0]),
  );
  const ordered = [...candidates].sort(
    (a, b) => (firstChoice.get(b) ?? 0) - (firstChoice.get(a) ?? 0),
  );
  const links = new Map<string, AliasLink>();
  const taken = new Set<string>();
  for (const c of ordered) {
    const free = primary.filter((p) => !taken.has(`${idFamily(c.id)} ${p.id}`));
    const match = bestMatch(free, (p) => scoreOf(c, p));
    if (!match || match.score < MIN_SCORE || match.score - match.second < MIN_MARGIN) continue;
    taken.add(`${idFamily(c.id)} ${match.best.id}`);
    links.set(c.id, { alias: c.id, target: match.best.id, score: match.score });
  }
  return links;
}

/** The finding's own title and every title a table row gives it. */
function titleText(d: Draft): string {
  return [d.title, ...d.rows.map(rowTitle)].join(' ');
}

function bodyText(d: Draft): string {
  return [titleText(d), blockText(d.heading?.blocks ?? [])].join(' ');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}
