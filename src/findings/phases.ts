/**
 * Phases: every grouping a document uses for "do these together / in this order" —
 * `### Phase N` / tier / sprint / P0 / HIGH PRIORITY headings, children of a priority
 * matrix or execution-order section, numbered order lists, summary tables, week plans.
 */
import type { Code, Table } from 'mdast';
import { knownIdsIn } from './ids.js';
import { type GroupLabel, parseGroupLabel, slugId } from './labels.js';
import type { MarkdownDoc } from './markdown.js';
import { allSections, descendants, type Section } from './outline.js';
import { type IdIndex, type IdReference, insideFinding, isWithin } from './references.js';
import { idRows } from './tables.js';
import { tableRows } from './text.js';
import type { Severity } from './types.js';

export interface Group {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly line: number;
  readonly offset: number;
  readonly members: string[];
  readonly priority: string | null;
  readonly severity: Severity | null;
  /** The heading section of a heading group. */
  readonly section?: Section;
}

const CONTAINER =
  /\b(implementation|execution|recommended|remediation|work|suggested|fix)\s+(order|sequence|plan)\b|^order\b|\broadmap\b|\bpriority\s+matrix\b|\bprioriti[sz]ed\b|\bsequence\b|\bschedule\b/i;

export function isContainerTitle(title: string): boolean {
  return CONTAINER.test(title);
}

interface GroupContext {
  readonly doc: MarkdownDoc;
  readonly outline: Section;
  readonly refs: readonly IdReference[];
  readonly index: IdIndex;
  readonly findingSections: ReadonlySet<Section>;
}

/** All groups of a document, merged by id, in order of first appearance. */
export function collectGroups(ctx: GroupContext): Group[] {
  const groups = [
    ...headingGroups(ctx),
    ...stepGroups(ctx),
    ...summaryTableGroups(ctx),
    ...scheduleGroups(ctx),
  ];
  return mergeById(groups.sort((a, b) => a.offset - b.offset));
}

function headingGroups(ctx: GroupContext): Group[] {
  const out: Group[] = [];
  for (const section of allSections(ctx.outline)) {
    if (!section.heading || insideFinding(section, ctx.findingSections)) continue;
    const label = parseGroupLabel(section.title);
    if (!label && !(section.parent && isContainerTitle(section.parent.title))) continue;
    const members = ctx.refs.filter((r) => isWithin(r.section, section)).flatMap((r) => r.ids);
    if (members.length === 0) continue;
    out.push(
      makeGroup(
        ctx,
        section.title,
        label,
        section.heading.position?.start.offset ?? 0,
        members,
        section,
      ),
    );
  }
  return out;
}

/** `1. **B-SEC-01** — ...` items directly under an implementation-order section: step-1, step-2... */
function stepGroups(ctx: GroupContext): Group[] {
  const out: Group[] = [];
  for (const section of allSections(ctx.outline)) {
    if (!section.heading || !isContainerTitle(section.title) || parseGroupLabel(section.title))
      continue;
    for (const list of section.blocks.filter((b) => b.type === 'list')) {
      list.children.forEach((item, i) => {
        const ref = ctx.refs.find((r) => r.item === item);
        if (!ref) return;
        const n = (list.ordered ? (list.start ?? 1) : 1) + i;
        const title = (ref.rest ?? '').replace(/^[\s—–:-]+/, '') || ref.ids.join(' + ');
        const offset = item.position?.start.offset ?? 0;
        out.push(
          makeGroup(
            ctx,
            title,
            { id: `step-${n}`, kind: 'step', priority: null, severity: null },
            offset,
            [...ref.ids],
          ),
        );
      });
    }
  }
  return out;
}

/** `| **HIGH** | 4 | B-SEC-01, B-DUP-01, ... |`: one group per row of a table listing IDs. */
function summaryTableGroups(ctx: GroupContext): Group[] {
  const out: Group[] = [];
  for (const section of allSections(ctx.outline)) {
    if (insideFinding(section, ctx.findingSections)) continue;
    for (const table of descendants(section.blocks, 'table'))
      out.push(...summaryRows(ctx, table, section));
  }
  return out;
}

function summaryRows(ctx: GroupContext, table: Table, section: Section): Group[] {
  if (idRows(ctx.doc, table, section).length > 0) return [];
  const [, ...body] = tableRows(table);
  const idColumn = (row: readonly string[]) =>
    row.findIndex((cell, i) => i > 0 && knownIdsIn(cell, ctx.index.known).length > 0);
  if (body.length === 0 || body.filter((r) => idColumn(r) > 0).length < body.length / 2) return [];
  return body.flatMap((row, i) => {
    const col = idColumn(row);
    const label = row[0] ?? '';
    if (col < 0 || !label) return [];
    const offset = table.children[i + 1]?.position?.start.offset ?? 0;
    return [
      makeGroup(
        ctx,
        label,
        parseGroupLabel(label),
        offset,
        ctx.index.resolveAll(knownIdsIn(row[col] ?? '', ctx.index.known)),
      ),
    ];
  });
}

const SCHEDULE_HEADER =
  /(?:^|\s)((?:Week|Sprint|Phase|Stage|Month|Tier|Day)s?\s+\d+(?:\s*[-–]\s*\d+)?|[A-Z][a-z]+(?:-[A-Za-z]+)?)\s+[—–]\s+([^:\n]{1,80}?):(?=\s|$)/g;

/** A plan in a code block: `Week 1 — Security (Tier 1):` followed by item IDs and ranges. */
function scheduleGroups(ctx: GroupContext): Group[] {
  const out: Group[] = [];
  for (const section of allSections(ctx.outline)) {
    if (insideFinding(section, ctx.findingSections)) continue;
    for (const code of descendants(section.blocks, 'code')) out.push(...scheduleIn(ctx, code));
  }
  return out;
}

function scheduleIn(ctx: GroupContext, code: Code): Group[] {
  const headers = [...code.value.matchAll(SCHEDULE_HEADER)];
  if (headers.length < 2) return [];
  const base = code.position?.start.offset ?? 0;
  const firstLine = ctx.doc.locate(base).line + 1;
  return headers.flatMap((h, i) => {
    const label = h[1] ?? '';
    const bodyEnd = headers[i + 1]?.index ?? code.value.length;
    const members = ctx.index.resolveAll(
      knownIdsIn(code.value.slice(h.index + h[0].length, bodyEnd), ctx.index.known),
    );
    if (members.length === 0) return [];
    const title = `${label} — ${h[2] ?? ''}`.trim();
    const line = firstLine + (code.value.slice(0, h.index + 1).match(/\n/g)?.length ?? 0);
    return [
      {
        ...makeGroup(ctx, title, parseGroupLabel(label), base + h.index + 1, members),
        line: ctx.doc.recovered ? ctx.doc.locate(base).line : line,
      },
    ];
  });
}

function makeGroup(
  ctx: GroupContext,
  title: string,
  label: GroupLabel | undefined,
  offset: number,
  members: readonly string[],
  section?: Section,
): Group {
  return {
    id: label?.id ?? slugId(title),
    kind: label?.kind ?? 'group',
    title: inlineTitle(title),
    line: ctx.doc.locate(offset).line,
    offset,
    members: [...new Set(members)],
    priority: label?.priority ?? null,
    severity: label?.severity ?? null,
    ...(section ? { section } : {}),
  };
}

function inlineTitle(title: string): string {
  return title.replace(/\*\*|__/g, '').trim();
}

function mergeById(groups: readonly Group[]): Group[] {
  const byId = new Map<string, Group>();
  for (const g of groups) {
    const prev = byId.get(g.id);
    if (!prev) byId.set(g.id, { ...g, members: [...g.members] });
    else for (const m of g.members) if (!prev.members.includes(m)) prev.members.push(m);
  }
  return [...byId.values()];
}
