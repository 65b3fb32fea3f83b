/**
 * A finding's facts and where each comes from, nearest source first: severity (heading
 * marker, Impact/Severity cell, priority group, defined P-label), priority, status,
 * category (section or Package column) and effort.
 */
import type { BuildContext } from './build.js';
import type { Draft } from './detect.js';
import { parseStatusValue } from './labels.js';
import { ancestry } from './outline.js';
import type { Group } from './phases.js';
import { parseSeverityValue } from './severity.js';
import type { FindingStatus, Severity } from './types.js';

export interface FindingFacts {
  readonly severity: Severity | null;
  readonly priority: string | null;
  readonly status: FindingStatus;
  readonly category: string | null;
  readonly effort: string | null;
}

export function findingFacts(
  draft: Draft,
  attributes: Readonly<Record<string, string>>,
  ctx: BuildContext,
): FindingFacts {
  const attr = (pattern: RegExp) => Object.entries(attributes).find(([k]) => pattern.test(k))?.[1];
  const groups = memberGroups(draft, ctx.groups);
  const priority =
    draft.priority ??
    (draft.heading?.parsed ?? draft.marker)?.priority ??
    attr(/^priority$/i) ??
    groups.find((g) => g.priority)?.priority ??
    null;
  return {
    severity: severityOf(draft, attr, groups, priority, ctx),
    priority,
    status: statusOf(draft, attr),
    category: ctx.categoryOf(draft) ?? attr(/^(category|package|component|area|module)$/i) ?? null,
    effort: meaningful(attr(/^effort$/i)),
  };
}

/** Groups holding the finding: enclosing heading groups nearest first, then the others in order. */
function memberGroups(draft: Draft, groups: readonly Group[]): Group[] {
  const enclosing = ancestry(draft.home);
  const holding = groups.filter((g) => g.members.includes(draft.id));
  const rank = (g: Group) => {
    const i = g.section ? enclosing.indexOf(g.section) : -1;
    return i >= 0 ? i : enclosing.length + holding.indexOf(g);
  };
  return [...holding].sort((a, b) => rank(a) - rank(b));
}

function severityOf(
  draft: Draft,
  attr: (pattern: RegExp) => string | undefined,
  groups: readonly Group[],
  priority: string | null,
  ctx: BuildContext,
): Severity | null {
  const marked = (draft.heading?.parsed ?? draft.marker)?.severity;
  if (marked) return marked;
  for (const key of [/^(severity|sev)$/i, /^impact$/i, /^risk$/i, /^(priority|приоритет)$/iu]) {
    const stated = attr(key);
    const fromCell = stated ? parseSeverityValue(stated, ctx.prioritySeverity) : null;
    if (fromCell) return fromCell;
  }
  const fromGroup = groups.find((g) => g.severity)?.severity;
  if (fromGroup) return fromGroup;
  return priority ? parseSeverityValue(priority, ctx.prioritySeverity) : null;
}

function statusOf(draft: Draft, attr: (pattern: RegExp) => string | undefined): FindingStatus {
  const marked = (draft.heading?.parsed ?? draft.marker)?.status;
  if (marked) return marked;
  if (draft.checked) return 'resolved';
  const stated = attr(/^(status|статус)$/iu);
  if (stated) return parseStatusValue(stated);
  return draft.resolvedInDoc ? 'resolved' : 'open';
}

/** A cell value, or null when it is a placeholder (`--`, `n/a`). */
function meaningful(value: string | undefined): string | null {
  return value && !/^\s*([-—–]+|n\/?a|none|tbd|\?)\s*$/i.test(value) ? value.trim() : null;
}
