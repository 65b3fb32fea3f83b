/**
 * The words documents use for severity, status and priority, normalised:
 * `HIGH`, `Critical`, `✅ PARTIALLY RESOLVED`, `[x]`, `P1`, `Tier 2`, `HIGH PRIORITY`.
 */
import { parseSeverity, priorityLevelSeverity } from './severity.js';
import type { FindingStatus, Severity } from './types.js';

export { parseSeverity, severitiesIn } from './severity.js';

const STATUS_TAIL =
  /(?:[✅☑✔]\s*)?(?:(?:already|discovered)\s+)?(partially\s+)?(resolved|fixed|done|addressed|completed?)\s*[✅☑✔]?\s*$/i;
const DONE_MARK = /^[✅☑✔]\uFE0F?\s*/;

/** A status marker around a title: `... ✅ RESOLVED`, `✅ PARTIALLY RESOLVED`, `[x] ...`, `✅ Title`. */
export function parseStatusMarker(text: string): FindingStatus | null {
  const t = text.trim();
  const tail = STATUS_TAIL.exec(t);
  if (tail && (/[✅☑✔]/.test(tail[0]) || tail[0] === tail[0].toUpperCase())) {
    return tail[1] ? 'partially-resolved' : 'resolved';
  }
  if (/^\[x\]/i.test(t) || /[✅☑✔]\s*$/.test(t) || DONE_MARK.test(t)) return 'resolved';
  return null;
}

/** The title without its status marker. */
export function stripStatusMarker(text: string): string {
  return text
    .replace(STATUS_TAIL, '')
    .replace(/^\[[x ]\]\s*/i, '')
    .replace(DONE_MARK, '')
    .replace(/[✅☑✔]\s*$/, '')
    .trim();
}

const NOT_DONE =
  /❌|\bnot\s+(yet\s+)?(fixed|done|started|resolved|implemented|complete[d]?|addressed)\b|\b(unresolved|to ?do|pending|open|not started)\b|(^|\s)не\s|нужно/iu;
const PARTIAL = /\bpartial|частично/iu;
const DONE =
  /[✅☑✔]|\[x\]|\b(done|resolved|fixed|complete[d]?|closed|addressed|implemented|already (fixed|implemented|done|complete[d]?))\b|исправлено|сделано|готово/iu;

/** A status table cell or `**Status:**` value (`✅ Done`, `Partial`, `❌ НЕ ИСПРАВЛЕНО`, `Not started`). */
export function parseStatusValue(text: string): FindingStatus {
  const t = text.trim();
  if (PARTIAL.test(t)) return 'partially-resolved';
  if (/^❌/u.test(t) || (NOT_DONE.test(t) && !/^[✅☑✔]/u.test(t))) return 'open';
  return DONE.test(t) ? 'resolved' : 'open';
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

const LEADING_EMOJI = /^(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)\s*)+/u;
const SEVERITY_GROUP =
  /^(critical|high|medium|moderate|low|major|minor)(?:[\s-]+(?:priority|severity|risk))?(?:\s+(?:issues?|findings?|items?|bugs?|problems?|risks?|vulnerabilities))?\s*(\(([^)]*)\))?\s*:?$/i;

/**
 * The group a heading or row label names: `Phase 2: ...` -> phase-2, `Tier 1` -> tier-1,
 * `P0 (Do ASAP)` -> p0, `HIGH PRIORITY` / `**HIGH**` / `🔴 CRITICAL (Must Fix)` -> high /
 * critical, `Low Priority (Backlog)` -> low-priority. Undefined otherwise.
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
  return severityGroup(text);
}

/** `🔴 CRITICAL ISSUES (P0)`, `High Priority (Week 1)`, `MEDIUM:`. */
function severityGroup(text: string): GroupLabel | undefined {
  const emoji = LEADING_EMOJI.exec(text)?.[0] ?? '';
  const sev = SEVERITY_GROUP.exec(text.slice(emoji.length).trim());
  if (!sev?.[1]) return undefined;
  const severity = parseSeverity(sev[1]);
  const level = /^\s*(P[0-3])\s*$/i.exec(sev[3] ?? '')?.[1]?.toUpperCase() ?? null;
  const plain = !sev[2] || emoji !== '' || level !== null;
  return {
    id: plain ? (severity ?? sev[1].toLowerCase()) : slugId(text),
    kind: 'priority',
    priority: level ?? sev[1].toUpperCase(),
    severity: severity ?? (level ? priorityLevelSeverity(level) : null),
  };
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
