/**
 * Finding IDs: the shapes documents use (`B-SEC-01`, `CF-07`, `TD-001`, `1.3`), ID
 * headings (`### B-SEC-01 · HIGH — title ✅ RESOLVED`), and ID lists in text.
 */

import { parseSeverity } from './labels.js';
import { titleMarkers } from './numbering.js';
import type { FindingStatus, Severity } from './types.js';

const STRONG = String.raw`[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+[a-z]?`;
const NUMERIC = String.raw`\d+(?:\.\d+)+`;
/** Hyphenated tokens that look like IDs but are standards and encodings. */
const NOT_IDS = /^(UTF|SHA|ISO|HTTP|TLS|SSL|MD|AES|RSA|UUID|IPV|ECMA|TIER|PHASE|WEEK|STEP|SPRINT)-/;

/** `B-SEC-01`, `CF-7`, `TD-001` (not `UTF-8`, `SHA-256`). */
export function isStrongId(token: string): boolean {
  return new RegExp(`^${STRONG}$`).test(token) && !NOT_IDS.test(token);
}

/** `1.1`, `2.10`: section-numbered items; only IDs where the document uses them so. */
export function isNumericId(token: string): boolean {
  return new RegExp(`^${NUMERIC}$`).test(token);
}

/** The ID family: the ID without its number (`B-SEC-`, `IMP-`; `#` for numbered items). */
export function idFamily(id: string): string {
  return isNumericId(id) ? '#' : id.replace(/\d+[a-z]?$/, '');
}

export interface IdHeading {
  readonly id: string;
  /** A `(P1)` marker in the title. */
  readonly priority?: string;
  readonly title: string;
  readonly severity: Severity | null;
  readonly severityLabel: string | null;
  readonly status: FindingStatus | null;
  readonly numeric: boolean;
}

/** Read `ID [· SEVERITY] — title [✅ RESOLVED]` from a heading; undefined when no ID leads. */
export function parseIdHeading(text: string): IdHeading | undefined {
  const m = new RegExp(`^\\[?(${STRONG}|${NUMERIC})\\]?\\.?(?=$|[\\s:·—–|)\\]-])`).exec(
    text.trim(),
  );
  if (!m?.[1]) return undefined;
  const id = m[1];
  if (!isStrongId(id) && !isNumericId(id)) return undefined;
  let rest = text
    .trim()
    .slice(m[0].length)
    .replace(/^[\s:·—–|.)\]-]+/, '');
  let severityLabel: string | null = null;
  const sev = /^[[(]?([A-Za-z]+)[\])]?\s*[·—–:|-]+\s*/.exec(rest);
  if (sev?.[1] && parseSeverity(sev[1])) {
    severityLabel = sev[1];
    rest = rest.slice(sev[0].length);
  }
  const marked = titleMarkers(rest);
  return {
    id,
    title: marked.title,
    severity: severityLabel ? parseSeverity(severityLabel) : marked.severity,
    severityLabel,
    status: marked.status,
    numeric: isNumericId(id),
    ...(marked.priority ? { priority: marked.priority } : {}),
  };
}

/** Strong IDs mentioned in text, in order, deduplicated. */
export function strongIdsIn(text: string): string[] {
  const found = [...text.matchAll(new RegExp(`(?<![\\w-])${STRONG}(?![\\w-])`, 'g'))].map(
    (m) => m[0],
  );
  return [...new Set(found.filter(isStrongId))];
}

/**
 * IDs from `known` mentioned in text, in order: strong IDs, numbered items, and
 * ranges of numbered items (`3.1–3.7`) expanded in the order of `known`.
 */
export function knownIdsIn(text: string, known: readonly string[]): string[] {
  const knownSet = new Set(known);
  const out: string[] = [];
  const pattern = new RegExp(
    `(?<![\\w.-])(${STRONG}|${NUMERIC})(?:\\s*[–-]\\s*(${NUMERIC}))?(?![\\w-]|\\.\\d)`,
    'g',
  );
  for (const m of text.matchAll(pattern)) {
    const first = m[1] ?? '';
    const last = m[2];
    if (last && knownSet.has(first) && knownSet.has(last)) out.push(...rangeOf(known, first, last));
    else if (knownSet.has(first)) out.push(first);
  }
  return [...new Set(out)];
}

function rangeOf(known: readonly string[], first: string, last: string): string[] {
  const a = known.indexOf(first);
  const b = known.indexOf(last);
  return a <= b ? known.slice(a, b + 1) : [first, last];
}

/**
 * IDs that lead a list item or phrase (`**B-DUP-01 + B-SEC-02** — title`), and the rest
 * as the title; undefined when the text does not start with an ID.
 */
export function leadingIds(
  text: string,
  known: readonly string[],
): { ids: string[]; rest: string } | undefined {
  const m = new RegExp(
    `^\\s*((?:${STRONG}|${NUMERIC})(?:\\s*(?:,|\\+|&|and|/)\\s*(?:${STRONG}|${NUMERIC}))*)\\s*(?:[:—–|]|--|-\\s|$)`,
  ).exec(text);
  if (!m?.[1]) return undefined;
  const ids = knownIdsIn(m[1], known);
  if (ids.length === 0) return undefined;
  return { ids, rest: text.slice(m[0].length).trim() };
}
