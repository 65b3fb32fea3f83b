/**
 * The words documents use for severity, status and priority, normalised:
 * `HIGH`, `Critical`, `✅ PARTIALLY RESOLVED`, `[x]`, `P1`, `Tier 2`, `HIGH PRIORITY`.
 */
import type { FindingStatus, Severity } from './types.js';

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

const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** A single severity word (`HIGH`, `Critical`, `moderate`), or null. */
export function parseSeverity(word: string): Severity | null {
  return SEVERITY_WORDS[word.trim().toLowerCase()] ?? null;
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

const STATUS_TAIL =
  /(?:[✅☑✔]\s*)?(partially\s+)?(resolved|fixed|done|addressed|completed?)\s*[✅☑✔]?\s*$/i;

/** A status marker at the end of a title: `✅ RESOLVED`, `✅ PARTIALLY RESOLVED`, `[x]`. */
export function parseStatusMarker(text: string): FindingStatus | null {
  const t = text.trim();
  const tail = STATUS_TAIL.exec(t);
  if (tail && (/[✅☑✔]/.test(tail[0]) || tail[0] === tail[0].toUpperCase())) {
    return tail[1] ? 'partially-resolved' : 'resolved';
  }
  if (/^\[x\]/i.test(t) || /[✅☑✔]\s*$/.test(t)) return 'resolved';
  return null;
}

/** The title without its status marker. */
export function stripStatusMarker(text: string): string {
  return text
    .replace(STATUS_TAIL, '')
    .replace(/^\[[x ]\]\s*/i, '')
    .replace(/[✅☑✔]\s*$/, '')
    .trim();
}

/** A status table cell or `**Status:**` value. */
export function parseStatusValue(text: string): FindingStatus {
  const t = text.trim().toLowerCase();
  if (/\bpartial/.test(t)) return 'partially-resolved';
  if (/[✅☑✔]|\[x\]|\b(done|resolved|fixed|complete[d]?|closed|addressed)\b/.test(t))
    return 'resolved';
  return 'open';
}

export interface GroupLabel {
  /** Stable id: `phase-2`, `tier-1`, `p0`, `high`. */
  readonly id: string;
  readonly kind: string;
  /** The priority as the document writes it (`P1`, `Tier 1`, `HIGH`), for priority-like groups. */
  readonly priority: string | null;
  readonly severity: Severity | null;
}

const NUMBERED_GROUP =
  /^(phase|tier|week|sprint|stage|step|wave|milestone|month|iteration)\s*#?\s*(\d+)\b/i;

/**
 * The group a heading or row label names: `Phase 2: ...` -> phase-2, `Tier 1` -> tier-1,
 * `P0 (Do ASAP)` -> p0, `HIGH PRIORITY` / `**HIGH**` -> high. Undefined otherwise.
 */
export function parseGroupLabel(label: string): GroupLabel | undefined {
  const text = label.replace(/[*_`]/g, '').trim();
  const numbered = NUMBERED_GROUP.exec(text);
  if (numbered?.[1] && numbered[2]) {
    const kind = numbered[1].toLowerCase();
    const priority = kind === 'tier' ? `Tier ${numbered[2]}` : null;
    return { id: `${kind}-${numbered[2]}`, kind, priority, severity: null };
  }
  const p = /^P(\d)\b/.exec(text);
  if (p?.[1]) return { id: `p${p[1]}`, kind: 'priority', priority: `P${p[1]}`, severity: null };
  const sev = /^(critical|high|medium|moderate|low)(\s+priority)?\s*:?$/i.exec(text);
  if (sev?.[1]) {
    const severity = parseSeverity(sev[1]);
    return {
      id: severity ?? sev[1].toLowerCase(),
      kind: 'priority',
      priority: sev[1].toUpperCase(),
      severity,
    };
  }
  return undefined;
}

/** A readable stable id for any other group title: `Short-Term (Sprint 2-3)` -> `short-term`. */
export function slugId(title: string): string {
  const head = title.replace(/[*_`]/g, '').split(/[(:—–]/)[0] ?? title;
  const slug = head
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'group';
}
