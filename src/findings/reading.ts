/**
 * How a document was read, section by section, for `remedy findings --explain`: which
 * findings each section defines and from which structure, and why the others gave none
 * (restatements, phase lists, resolution notes, tables without IDs, prose...).
 */
import type { RootContent } from 'mdast';
import type { Draft } from './draft.js';
import { allSections, descendants, type Section } from './outline.js';
import type { Group } from './phases.js';
import { type IdReference, insideFinding } from './references.js';
import { isResolutionTitle } from './resolution.js';
import type { DocumentReading, FindingSource, SectionReading } from './types.js';

export interface ReadingInput {
  readonly doc: string;
  readonly outline: Section;
  readonly drafts: readonly Draft[];
  readonly refs: readonly IdReference[];
  readonly groups: readonly Group[];
}

export function describeReading(input: ReadingInput): DocumentReading {
  const findingSections = new Set(
    input.drafts.flatMap((d) => (d.heading ? [d.heading.section] : [])),
  );
  const byHome = groupBy(input.drafts, (d) => d.home);
  const sections: SectionReading[] = [];
  for (const section of allSections(input.outline)) {
    const own = findingSections.has(section);
    if (!own && insideFinding(section, findingSections)) continue;
    if (!section.heading && section.blocks.length === 0) continue;
    const defined = byHome.get(section) ?? [];
    const base = { line: section.line, level: section.level, title: section.title || '(top)' };
    if (defined.length > 0) {
      const sources = [...new Set(defined.map((d) => d.source))] as FindingSource[];
      sections.push({ ...base, findings: defined.map((d) => d.id), sources });
    } else {
      sections.push({ ...base, findings: [], sources: [], skipped: skipReason(section, input) });
    }
  }
  return { doc: input.doc, sections };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function skipReason(section: Section, input: ReadingInput): string {
  if (isResolutionTitle(section.title))
    return 'says work is done: the findings it holds or names are marked resolved';
  const group = input.groups.find((g) => g.section === section);
  if (group) return `groups findings as phase ${group.id}: ${group.members.join(', ')}`;
  const restated = [
    ...new Set(
      input.refs.filter((r) => r.section === section && r.kind !== 'heading').flatMap((r) => r.ids),
    ),
  ];
  if (restated.length > 0) return `restates findings by ID: ${restated.join(', ')}`;
  if (section.children.length > 0 && section.blocks.length === 0)
    return 'a heading over the sections below it';
  return contentReason(section.blocks, input.drafts.length > 0);
}

function contentReason(all: readonly RootContent[], hasFindings: boolean): string {
  const blocks = all.filter((b) => b.type !== 'thematicBreak' && b.type !== 'html');
  const items = descendants(blocks, 'listItem');
  if (items.some((i) => typeof i.checked === 'boolean'))
    return hasFindings
      ? 'a checklist in a document whose findings are elsewhere (items without a bold ID label are not findings)'
      : 'a checklist under a heading not named like Tasks / To do / Findings';
  if (blocks.some((b) => b.type === 'table'))
    return 'a table without an ID, #, No. or Item column of finding IDs';
  if (items.length > 0)
    return hasFindings
      ? 'list items in a document whose findings have IDs or numbers (lists there are evidence or plans)'
      : 'list items under a heading not named like Findings / Issues / Problems / Risks / Recommendations';
  if (blocks.length > 0 && blocks.every((b) => b.type === 'code')) return 'code blocks only';
  return blocks.length === 0 ? 'no content' : 'prose, with no finding structure';
}
