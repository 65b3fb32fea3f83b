/**
 * Findings for documents without IDs (seed 003): each item of a priority-grouped
 * recommendation list (`### P0 (Do ASAP)`) becomes `P0-1`, `P0-2`, ...; the analysis
 * elsewhere that it summarises is linked as evidence (and gives its files).
 */
import type { List, ListItem, RootContent } from 'mdast';
import type { Draft } from './detect.js';
import { parseGroupLabel } from './labels.js';
import type { MarkdownDoc } from './markdown.js';
import { allSections, ancestry, descendants, type Section } from './outline.js';
import { contentWords, WordWeights } from './similarity.js';
import { blockText, inlineText } from './text.js';

const RECOMMENDATIONS =
  /recommend|action|remediat|\bfix|to-?do|next steps?|prioriti|priorit(y|ies)/i;
/** Evidence links: at least this score, and near the best match in its section. */
const MIN_EVIDENCE = 0.2;
const SECTION_SHARE = 0.8;
const TAG_BONUS = 0.15;

/** Drafts for each recommendation item, IDs made from the group label and position. */
export function synthesizeFindings(doc: MarkdownDoc, outline: Section): Draft[] {
  const groups = allSections(outline).filter(isRecommendationGroup);
  const drafts = groups.flatMap((section) => groupDrafts(doc, section));
  const evidence = evidenceItems(allSections(outline).filter((s) => !groups.includes(s)));
  linkEvidence(drafts, evidence);
  return drafts;
}

function isRecommendationGroup(section: Section): boolean {
  const label = parseGroupLabel(section.title);
  if (!label || !section.blocks.some((b) => b.type === 'list')) return false;
  return ancestry(section).some((s) => RECOMMENDATIONS.test(s.title));
}

function groupDrafts(doc: MarkdownDoc, section: Section): Draft[] {
  const label = parseGroupLabel(section.title);
  const prefix = (label?.id ?? 'item').toUpperCase();
  const items = section.blocks
    .filter((b): b is List => b.type === 'list')
    .flatMap((l) => l.children);
  return items.map((item, i) => {
    const at = doc.locate(item.position?.start.offset ?? 0);
    return {
      id: `${prefix}-${i + 1}`,
      title: itemTitle(item),
      idSynthesized: true,
      line: at.line,
      column: at.column,
      home: section,
      rows: [],
      attachments: [],
      itemBlocks: item.children,
      ...(item.checked ? { checked: true } : {}),
      evidence: [],
      aliases: [],
      source: typeof item.checked === 'boolean' ? 'checklist' : 'bullet',
    };
  });
}

/** The item's first sentence, without a trailing colon or period. */
function itemTitle(item: ListItem): string {
  const first = item.children[0];
  const text = first && first.type === 'paragraph' ? inlineText(first) : blockText(item.children);
  const sentence = /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  return sentence.replace(/[.:]\s*$/, '').trim();
}

interface EvidenceItem {
  readonly item: ListItem;
  readonly section: Section;
  /** The item's own text after the nearest earlier item that ends with a colon. */
  readonly context: string;
  readonly words: string[];
}

/**
 * Every list item of the analysis sections, in document order. Only the order of items
 * is used (not their nesting), so a document that lost its newlines links the same way.
 */
function evidenceItems(sections: readonly Section[]): EvidenceItem[] {
  return sections.flatMap((section) => {
    let header = '';
    return descendants(section.blocks, 'listItem').map((item) => {
      const own = ownText(item);
      const context = `${header} ${own}`;
      if (own.endsWith(':')) header = own;
      return { item, section, context, words: contentWords(context) };
    });
  });
}

function ownText(item: ListItem): string {
  const first = item.children[0];
  return first?.type === 'paragraph' ? inlineText(first) : '';
}

function linkEvidence(drafts: readonly Draft[], items: readonly EvidenceItem[]): void {
  const weights = new WordWeights(items.map((i) => i.words));
  for (const draft of drafts) {
    const query = contentWords(blockText(draft.itemBlocks ?? []));
    const tag = `(${draft.id.replace(/-\d+$/, '')})`;
    const scored = items.map((e) => ({
      e,
      score: harmonic(weights, query, e.words) + (e.context.includes(tag) ? TAG_BONUS : 0),
    }));
    const best = new Map<Section, number>();
    for (const s of scored) best.set(s.e.section, Math.max(best.get(s.e.section) ?? 0, s.score));
    const linked = scored.filter(
      (s) => s.score >= MIN_EVIDENCE && s.score >= SECTION_SHARE * (best.get(s.e.section) ?? 0),
    );
    const nodes = new Set<RootContent>();
    for (const { e } of linked) for (const node of withContinuation(e, items)) nodes.add(node);
    draft.evidence.push(...nodes);
  }
}

function harmonic(
  weights: WordWeights,
  query: readonly string[],
  words: readonly string[],
): number {
  const a = weights.coverage(query, new Set(words));
  const b = weights.coverage(words, new Set(query));
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

/** The item's paragraph, and the items after it that only list files or label them (`Examples:`). */
function withContinuation(start: EvidenceItem, items: readonly EvidenceItem[]): RootContent[] {
  const first = start.item.children[0];
  const out: RootContent[] = first ? [first] : [];
  for (const next of items.slice(items.indexOf(start) + 1)) {
    if (next.section !== start.section || residualWords(ownText(next.item)) > 2) break;
    const paragraph = next.item.children[0];
    if (paragraph) out.push(paragraph);
  }
  return out;
}

/** Content words left once code spans and paths are removed. */
function residualWords(text: string): number {
  return contentWords(text.replace(/`[^`]*`/g, ' ').replace(/\S+\/\S+/g, ' ')).length;
}
