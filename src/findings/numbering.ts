/**
 * The document's own numbering in headings, bold labels and table cells: `7. Title`,
 * `1a. Title`, `a) Title`, `19-47. Title`, `CRITICAL #1: Title`, `Task 3: Title`,
 * `ПРОБЛЕМА 1 — Title`; and the markers around a title (severity, status, stars).
 */
import { parseStatusMarker, stripStatusMarker } from './labels.js';
import { parseSeverity } from './severity.js';
import type { FindingStatus, Severity } from './types.js';

export type NumberingKind = 'number' | 'letter' | 'range' | 'label';

export interface Numbering {
  readonly kind: NumberingKind;
  /** `7`, `1a`, `a`, `19`, `CRITICAL-1`: the ID this numbering gives on its own. */
  readonly id: string;
  /** The number (`7`, `19` for a range `19-47`, `1` for `1a`), when there is one. */
  readonly number: number | null;
  /** The letter of `1a` / `a)`, lower case. */
  readonly letter: string | null;
  /** The label word of `Task 3` / `CRITICAL #1`, upper case. */
  readonly word: string | null;
  /** The last number of a range heading (`47` in `19-47.`). */
  readonly rangeEnd: number | null;
  readonly title: string;
  readonly severity: Severity | null;
  readonly status: FindingStatus | null;
}

/** Label words that name groups or parts of a text, never findings (`Phase 2`, `Option 1`). */
const NOT_FINDING_WORDS =
  /^(phase|tier|week|sprint|stage|step|wave|milestone|month|iteration|day|part|section|chapter|appendix|option|alternative|approach|example|scenario|version|figure|table|page|level|round|release|top|grade|score|quarter|year|q|v|rev|pr|cve|rfc|iso|utf|sha|http|tls|ipv|python|node|php|es|md|h)$/i;

const NUMBER = /^(\d{1,3})([a-z])?[.)](?=\s|$)\s*/;
const LETTER = /^\(?([a-z])[.)](?=\s)\s*/;
const RANGE = /^(\d{1,3})\s*[-–]\s*(\d{1,3})[.)]?(?=\s|$)\s*/;
const LABEL =
  /^(\p{L}[\p{L}]{1,19})\s*#?\s*(\d{1,3})(?!\.\d|\d)(?=$|\s*[:.—–|)-]|\s+\S)\s*[:.—–|)-]?\s*/u;

/** The numbering a heading or bold label starts with, or undefined. */
export function parseNumbering(text: string): Numbering | undefined {
  const t = text.trim();
  const range = RANGE.exec(t);
  if (range?.[1] && range[2] && Number(range[2]) > Number(range[1])) {
    return make('range', range[1], t.slice(range[0].length), {
      number: Number(range[1]),
      rangeEnd: Number(range[2]),
    });
  }
  const num = NUMBER.exec(t);
  if (num?.[1]) {
    const letter = num[2] ?? null;
    return make(
      letter ? 'letter' : 'number',
      `${Number(num[1])}${letter ?? ''}`,
      t.slice(num[0].length),
      {
        number: Number(num[1]),
        letter,
      },
    );
  }
  const letter = LETTER.exec(t);
  if (letter?.[1])
    return make('letter', letter[1], t.slice(letter[0].length), { letter: letter[1] });
  const label = LABEL.exec(t);
  if (label?.[1] && label[2] && isLabelWord(label[1], label[0].includes('#'))) {
    const word = label[1].toUpperCase();
    return make('label', `${word}-${Number(label[2])}`, t.slice(label[0].length), {
      number: Number(label[2]),
      word,
    });
  }
  return undefined;
}

/** `Task 3`, `ПРОБЛЕМА 1`; a severity word only with `#` (`HIGH #3`, not `High 3`). */
function isLabelWord(word: string, hashed: boolean): boolean {
  if (NOT_FINDING_WORDS.test(word)) return false;
  return hashed || parseSeverity(word) === null;
}

function make(
  kind: NumberingKind,
  id: string,
  rest: string,
  parts: Partial<Pick<Numbering, 'number' | 'letter' | 'word' | 'rangeEnd'>>,
): Numbering {
  const marked = titleMarkers(rest);
  return {
    kind,
    id,
    number: parts.number ?? null,
    letter: parts.letter ?? null,
    word: parts.word ?? null,
    rangeEnd: parts.rangeEnd ?? null,
    ...marked,
  };
}

export interface MarkedTitle {
  readonly title: string;
  readonly severity: Severity | null;
  readonly status: FindingStatus | null;
  /** A trailing `(P1)` priority. */
  readonly priority?: string;
}

const TRAILING_SEVERITY =
  /\s*[([]\s*(critical|high|medium|moderate|low|major|minor|blocker)(?:\s+(?:priority|severity|risk))?\s*[)\]]\s*$/i;
const STARRED_SEVERITY =
  /\s*(?:[⭐★*]+\s*)+(critical|high|medium|moderate|low|major|minor|blocker)?\s*$/iu;

/**
 * A title without its markers: leading/trailing status (`✅`, `✅ RESOLVED`), trailing
 * severity (`(CRITICAL)`, `(HIGH PRIORITY)`, `⭐ CRITICAL`) and rating stars.
 */
export function titleMarkers(text: string): MarkedTitle {
  let title = text.trim();
  let severity: Severity | null = null;
  const status = parseStatusMarker(title);
  if (status) title = stripStatusMarker(title);
  for (const pattern of [TRAILING_SEVERITY, STARRED_SEVERITY]) {
    const m = pattern.exec(title);
    if (!m) continue;
    severity ??= m[1] ? parseSeverity(m[1]) : null;
    title = title.slice(0, m.index).trim();
  }
  const level = /\s*\((P[0-3])\)\s*$/i.exec(title);
  if (level?.[1]) title = title.slice(0, level.index).trim();
  const priority = level?.[1]?.toUpperCase();
  return {
    title: title.replace(/^[:.—–-]\s*/, '').trim(),
    severity,
    status,
    ...(priority ? { priority } : {}),
  };
}

const SLUG_STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'in',
  'on',
  'of',
  'to',
  'for',
  'and',
  'or',
  'with',
  'is',
  'are',
  'be',
]);

/** A short stable slug of a title: `Backend Tests (unit)` -> `backend-tests`. */
export function titleSlug(title: string, maxWords = 4): string {
  const words = title
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !SLUG_STOPWORDS.has(w));
  return words.slice(0, maxWords).join('-') || 'item';
}
