/**
 * Findings from the document's own numbering where headings carry no strong ID:
 * `### 7. Title` with a finding-like body or under a severity heading, label IDs
 * (`CRITICAL #1`, `ПРОБЛЕМА 3`), numbered sections whose lettered or labelled
 * sub-headings are the findings (`1a`, `5-backend-tests`), and range headings
 * (`## 19-47.`) whose bullets are findings 19, 20, ...
 */
import type { ListItem, RootContent } from 'mdast';
import type { Draft } from './draft.js';
import {
  hasContent,
  isBodyPartTitle,
  looksLikeFinding,
  startsWithFields,
} from './finding-shape.js';
import type { IdHeading } from './ids.js';
import { parseGroupLabel } from './labels.js';
import type { MarkdownDoc } from './markdown.js';
import { type Numbering, parseNumbering, titleMarkers, titleSlug } from './numbering.js';
import { allSections, type Section, sectionBlocks } from './outline.js';
import { insideFinding } from './references.js';
import { priorityLevelSeverity } from './severity.js';
import { inlineText } from './text.js';

type Role = 'finding' | 'container' | 'range' | 'none';

/** Classifies numbered sections once; `claimed` are sections already read as ID findings. */
class NumberedOutline {
  readonly numbering = new Map<Section, Numbering>();
  private readonly roles = new Map<Section, Role>();

  constructor(
    outline: Section,
    private readonly claimed: ReadonlySet<Section>,
  ) {
    for (const s of allSections(outline)) {
      if (!s.heading || insideFinding(s, claimed)) continue;
      const n = parseNumbering(s.title);
      if (n) this.numbering.set(s, n);
    }
    for (const s of this.numbering.keys()) this.role(s);
    this.upgradeFamilies();
  }

  role(s: Section): Role {
    const known = this.roles.get(s);
    if (known) return known;
    this.roles.set(s, 'none');
    const role = this.decide(s);
    this.roles.set(s, role);
    return role;
  }

  private decide(s: Section): Role {
    const n = this.numbering.get(s);
    if (!n || allSections(s).some((d) => this.claimed.has(d))) return 'none';
    if (s.children.some((c) => this.childIsFinding(c))) return 'container';
    if (n.kind === 'range') return directItems(s.blocks).length > 0 ? 'range' : 'none';
    const blocks = this.ownBlocks(s);
    if (!hasContent(blocks)) return 'none';
    const parent = s.parent && this.numbering.get(s.parent);
    if (n.kind === 'letter' && parent) return 'finding';
    if (looksLikeFinding(blocks) || underSeverityGroup(s)) return 'finding';
    return 'none';
  }

  /** A sub-heading that is a finding of its own (so its parent is a container). */
  childIsFinding(c: Section): boolean {
    if (this.numbering.has(c)) return this.role(c) === 'finding' || this.role(c) === 'container';
    return !isBodyPartTitle(c.title) && hasContent(c.blocks) && looksLikeFinding(c.blocks);
  }

  /** The section's blocks and its sub-sections, up to the first that is a finding itself. */
  ownBlocks(s: Section): RootContent[] {
    const out: RootContent[] = [...s.blocks];
    for (const child of s.children) {
      if (this.childIsFinding(child)) break;
      if (child.heading) out.push(child.heading);
      out.push(...sectionBlocks(child));
    }
    return out;
  }

  /** Numbered siblings (same level and kind) where most are findings: the rest are too. */
  private upgradeFamilies(): void {
    const families = new Map<string, Section[]>();
    for (const [s, n] of this.numbering) {
      if (n.kind !== 'number' && n.kind !== 'label') continue;
      const key = `${s.level} ${n.kind} ${n.word ?? ''}`;
      families.set(key, [...(families.get(key) ?? []), s]);
    }
    for (const members of families.values()) {
      const findings = members.filter((s) => this.roles.get(s) === 'finding').length;
      if (findings < 2 || findings * 2 < members.length) continue;
      for (const s of members) {
        const blocks = this.ownBlocks(s);
        if (this.roles.get(s) === 'none' && hasContent(blocks) && !this.ownsClaimed(s))
          this.roles.set(s, 'finding');
      }
    }
  }

  private ownsClaimed(s: Section): boolean {
    return allSections(s).some((d) => this.claimed.has(d));
  }
}

/** Drafts for every numbered finding, container child and range item, in document order. */
export function numberedDrafts(
  doc: MarkdownDoc,
  outline: Section,
  claimed: ReadonlySet<Section>,
): Draft[] {
  const tree = new NumberedOutline(outline, claimed);
  const drafts: Draft[] = [];
  for (const [s, n] of tree.numbering) {
    const role = tree.role(s);
    if (role === 'finding') drafts.push(headingDraft(tree, s, numberedId(tree, s, n), n));
    else if (role === 'container') drafts.push(...containerDrafts(tree, s, n));
    else if (role === 'range') drafts.push(...rangeDrafts(doc, s, n));
  }
  return drafts.sort((a, b) => a.line - b.line || a.column - b.column);
}

function numberedId(
  tree: NumberedOutline,
  s: Section,
  n: Numbering,
): { id: string; synthesized: boolean } {
  if (n.kind !== 'letter' || n.number !== null) return { id: n.id, synthesized: false };
  const parent = s.parent ? tree.numbering.get(s.parent) : undefined;
  const prefix = parent
    ? parent.number !== null && parent.kind === 'number'
      ? String(parent.number)
      : `${parent.id}-`
    : '';
  return { id: `${prefix}${n.id}`, synthesized: true };
}

/** Un-numbered sub-headings that are findings: `5-backend-tests`. */
function containerDrafts(tree: NumberedOutline, s: Section, n: Numbering): Draft[] {
  const key = n.kind === 'number' ? String(n.number) : n.id;
  return s.children
    .filter((c) => !tree.numbering.has(c) && tree.childIsFinding(c))
    .map((c) => {
      const marked = titleMarkers(c.title);
      const parsed = asIdHeading(`${key}-${titleSlug(marked.title)}`, marked);
      return headingDraft(tree, c, { id: parsed.id, synthesized: true }, parsed);
    });
}

function headingDraft(
  tree: NumberedOutline,
  s: Section,
  id: { id: string; synthesized: boolean },
  marks: Pick<Numbering, 'title' | 'severity' | 'status'>,
): Draft {
  const blocks = tree.ownBlocks(s);
  return {
    id: id.id,
    title: marks.title,
    idSynthesized: id.synthesized,
    line: s.line,
    column: s.column,
    home: s,
    heading: { section: s, parsed: asIdHeading(id.id, marks), blocks },
    rows: [],
    attachments: [],
    evidence: [],
    aliases: [],
    source: startsWithFields(blocks) ? 'fields' : 'heading',
  };
}

function asIdHeading(
  id: string,
  marks: Pick<Numbering, 'title' | 'severity' | 'status'>,
): IdHeading {
  return {
    id,
    title: marks.title,
    severity: marks.severity,
    severityLabel: null,
    status: marks.status,
    numeric: false,
  };
}

/** `## 19-47. Additional issues` + bullets: findings 19, 20, ... in order. */
function rangeDrafts(doc: MarkdownDoc, s: Section, n: Numbering): Draft[] {
  const first = n.number ?? 1;
  return directItems(s.blocks).map((item, i) => {
    const at = doc.locate(item.position?.start.offset ?? 0);
    const lead = itemLead(item);
    const id = String(first + i);
    return {
      id,
      title: lead.title,
      idSynthesized: true,
      line: at.line,
      column: at.column,
      home: s,
      rows: [],
      attachments: [],
      itemBlocks: item.children,
      evidence: [],
      aliases: [],
      source: 'bullet',
      marker: asIdHeading(id, { title: lead.title, severity: lead.severity, status: null }),
      ...(lead.priority ? { priority: lead.priority } : {}),
    };
  });
}

function directItems(blocks: readonly RootContent[]): ListItem[] {
  return blocks.flatMap((b) => (b.type === 'list' ? b.children : []));
}

/** `**Large Test Files (P3):** text` -> title, P3, low; else the first sentence. */
export function itemLead(item: ListItem): {
  title: string;
  priority: string | null;
  severity: ReturnType<typeof priorityLevelSeverity>;
} {
  const first = item.children[0];
  const strong = first?.type === 'paragraph' && first.children[0]?.type === 'strong';
  const text =
    first?.type === 'paragraph'
      ? inlineText(strong && first.children[0] ? first.children[0] : first)
      : '';
  const sentence = strong ? text : (/^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text);
  const level = /\((P[0-3])\)/i.exec(sentence)?.[1]?.toUpperCase() ?? null;
  const marked = titleMarkers(sentence.replace(/\s*\((P[0-3])\)/i, '').replace(/[:.]\s*$/, ''));
  return {
    title: marked.title,
    priority: level,
    severity: marked.severity ?? (level ? priorityLevelSeverity(level) : null),
  };
}

/** Directly under `🔴 CRITICAL`, `HIGH PRIORITY ISSUES (P1)` or `P0 Issues`. */
function underSeverityGroup(s: Section): boolean {
  return s.parent?.heading ? parseGroupLabel(s.parent.title)?.kind === 'priority' : false;
}
