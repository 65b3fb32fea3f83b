/**
 * Severity as documents write it: words (`HIGH`, `Major`, `критично`), letters in a
 * severity column (`H`/`M`/`L`), coloured emoji (`🔴 Critical`, `🟡`), and priority
 * levels (`P0`..`P3`, critical..low unless the document defines its own mapping).
 */
import type { Severity } from './types.js';

const SEVERITY_WORDS: Record<string, Severity> = {
  critical: 'critical',
  blocker: 'critical',
  severe: 'critical',
  high: 'high',
  major: 'high',
  medium: 'medium',
  moderate: 'medium',
  med: 'medium',
  low: 'low',
  minor: 'low',
  info: 'low',
  informational: 'low',
};

/** Russian stems (`Критично`, `высокий`, `средний`, `низкий`). */
const RUSSIAN_STEMS: readonly [RegExp, Severity][] = [
  [/^критич/i, 'critical'],
  [/^высок/i, 'high'],
  [/^средн/i, 'medium'],
  [/^низк/i, 'low'],
];

const EMOJI_SEVERITY: Record<string, Severity> = {
  '🔴': 'critical',
  '🟠': 'high',
  '🟡': 'medium',
  '🟢': 'low',
  '🔵': 'low',
};

const LETTERS: Record<string, Severity> = { C: 'critical', H: 'high', M: 'medium', L: 'low' };

/** The default meaning of priority levels. */
const PRIORITY_LEVELS: Record<string, Severity> = {
  P0: 'critical',
  P1: 'high',
  P2: 'medium',
  P3: 'low',
};

const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** A single severity word (`HIGH`, `Critical`, `moderate`, `критично`), or null. */
export function parseSeverity(word: string): Severity | null {
  const w = word.trim().toLowerCase();
  return SEVERITY_WORDS[w] ?? RUSSIAN_STEMS.find(([stem]) => stem.test(w))?.[1] ?? null;
}

/** Every severity word in a text, highest first (`CRITICAL and HIGH items` -> critical, high). */
export function severitiesIn(text: string): Severity[] {
  const found = new Set<Severity>();
  for (const m of text.matchAll(/\b(critical|high|medium|moderate|low)\b/gi)) {
    const s = parseSeverity(m[1] ?? '');
    if (s) found.add(s);
  }
  return [...found].sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a]);
}

/** `P0` -> critical ... `P3` -> low (the default mapping), or null. */
export function priorityLevelSeverity(level: string): Severity | null {
  return PRIORITY_LEVELS[level.trim().toUpperCase()] ?? null;
}

/** The coloured circle a text starts with, as a severity (`🔴 Critical` -> critical). */
export function emojiSeverity(text: string): Severity | null {
  const first = [...text.trim()][0] ?? '';
  return EMOJI_SEVERITY[first] ?? null;
}

/**
 * A severity cell or `**Severity:**` value: `🔴 Critical`, `HIGH - Easy to exploit`,
 * `H`, `Very High`, `P1`, `P0 - BLOCKER`, `9.8 (Critical)`. Priority levels use
 * `levels` when the document defines them, else the default mapping.
 */
export function parseSeverityValue(
  text: string,
  levels: ReadonlyMap<string, Severity> = new Map(),
): Severity | null {
  const t = text.replace(/[*_`]/g, '').trim();
  if (!t) return null;
  const emoji = emojiSeverity(t);
  if (emoji) return emoji;
  const letter = LETTERS[t.toUpperCase()];
  if (letter && t.length === 1) return letter;
  const level = /^(P[0-3])\b/i.exec(t)?.[1]?.toUpperCase();
  if (level) return levels.get(level) ?? priorityLevelSeverity(level);
  const words = t.split(/[^\p{L}]+/u).filter(Boolean);
  const lead = /^(very|extremely|really)$/i.test(words[0] ?? '') ? words[1] : words[0];
  return parseSeverity(lead ?? '');
}
