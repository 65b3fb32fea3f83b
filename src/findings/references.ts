/**
 * Where a document refers to its findings by ID as structure (not prose): finding
 * headings, ID table rows, and list items that lead with IDs (`3. **B-DUP-01 + B-SEC-02** — ...`).
 */
import type { ListItem } from 'mdast';
import type { Draft } from './detect.js';
import { leadingIds } from './ids.js';
import { allSections, descendants, type Section } from './outline.js';
import type { IdRow } from './tables.js';
import { inlineText } from './text.js';

export interface IdReference {
  /** Canonical finding IDs (aliases resolved), in the order written. */
  readonly ids: readonly string[];
  readonly offset: number;
  readonly section: Section;
  readonly kind: 'heading' | 'row' | 'item';
  /** For list items: the text after the IDs. */
  readonly rest?: string;
  readonly item?: ListItem;
}

export class IdIndex {
  /** Finding IDs and aliases, in document order. */
  readonly known: readonly string[];
  private readonly canonical: ReadonlyMap<string, string>;

  constructor(drafts: readonly Draft[]) {
    const map = new Map<string, string>();
    for (const d of drafts) {
      map.set(d.id, d.id);
      for (const a of d.aliases) map.set(a, d.id);
    }
    this.canonical = map;
    this.known = [...map.keys()];
  }

  /** The finding ID for an ID or alias, or undefined. */
  resolve(id: string): string | undefined {
    return this.canonical.get(id);
  }

  resolveAll(ids: readonly string[]): string[] {
    return [
      ...new Set(ids.map((i) => this.resolve(i)).filter((i): i is string => i !== undefined)),
    ];
  }
}

/** Every structural reference to a finding, in document order. */
export function collectReferences(
  outline: Section,
  drafts: readonly Draft[],
  rows: readonly IdRow[],
  index: IdIndex,
): IdReference[] {
  const refs: IdReference[] = [];
  const findingSections = new Set(drafts.flatMap((d) => (d.heading ? [d.heading.section] : [])));
  for (const d of drafts) {
    if (d.heading)
      refs.push({
        ids: [d.id],
        offset: d.heading.section.heading?.position?.start.offset ?? 0,
        section: d.heading.section,
        kind: 'heading',
      });
    if (d.itemBlocks)
      refs.push({
        ids: [d.id],
        offset: d.itemBlocks[0]?.position?.start.offset ?? 0,
        section: d.home,
        kind: 'item',
      });
  }
  refs.push(...rowReferences(drafts, rows, index));
  for (const section of allSections(outline)) {
    if (insideFinding(section, findingSections)) continue;
    for (const item of descendants(section.blocks, 'listItem')) {
      const first = item.children[0];
      if (first?.type !== 'paragraph') continue;
      const lead = leadingIds(inlineText(first), index.known);
      const ids = lead ? index.resolveAll(lead.ids) : [];
      if (lead && ids.length > 0) {
        refs.push({
          ids,
          offset: item.position?.start.offset ?? 0,
          section,
          kind: 'item',
          rest: lead.rest,
          item,
        });
      }
    }
  }
  return refs.sort((a, b) => a.offset - b.offset);
}

/** Rows as references: to the finding that took the row, else to the finding their ID names. */
function rowReferences(
  drafts: readonly Draft[],
  rows: readonly IdRow[],
  index: IdIndex,
): IdReference[] {
  const owners = new Map<IdRow, string>();
  for (const d of drafts) for (const row of d.rows) owners.set(row, d.id);
  return rows.flatMap((row): IdReference[] => {
    const owner = owners.get(row);
    const ids = owner ? [owner] : index.resolveAll([row.id]);
    return ids.length > 0 ? [{ ids, offset: row.offset, section: row.section, kind: 'row' }] : [];
  });
}

export function insideFinding(section: Section, findingSections: ReadonlySet<Section>): boolean {
  for (let s: Section | null = section; s; s = s.parent) if (findingSections.has(s)) return true;
  return false;
}

/** True when `section` is `ancestor` or lies under it. */
export function isWithin(section: Section, ancestor: Section): boolean {
  for (let s: Section | null = section; s; s = s.parent) if (s === ancestor) return true;
  return false;
}
