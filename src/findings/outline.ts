/**
 * The heading outline of a document: each section holds its own blocks and its
 * sub-sections, so "everything under ### Phase 2" is one walk.
 */
import type { Heading, Nodes, RootContent } from 'mdast';
import type { MarkdownDoc } from './markdown.js';
import { inlineText } from './text.js';

export interface Section {
  /** Null for the part before the first heading. */
  readonly heading: Heading | null;
  /** 0 for the document root. */
  readonly level: number;
  /** Heading text with inline code in backticks. */
  readonly title: string;
  readonly line: number;
  readonly column: number;
  /** Blocks directly under the heading, before any sub-heading. */
  readonly blocks: RootContent[];
  readonly children: Section[];
  readonly parent: Section | null;
}

export function buildOutline(doc: MarkdownDoc): Section {
  const root: Section = {
    heading: null,
    level: 0,
    title: '',
    line: 1,
    column: 1,
    blocks: [],
    children: [],
    parent: null,
  };
  let current = root;
  for (const node of doc.root.children) {
    if (node.type !== 'heading') {
      current.blocks.push(node);
      continue;
    }
    let parent = current;
    while (parent.level >= node.depth && parent.parent) parent = parent.parent;
    const at = doc.locate(node.position?.start.offset ?? 0);
    const section: Section = {
      heading: node,
      level: node.depth,
      title: inlineText(node),
      line: at.line,
      column: at.column,
      blocks: [],
      children: [],
      parent,
    };
    parent.children.push(section);
    current = section;
  }
  return root;
}

/** Every section in document order (the root first). */
export function allSections(root: Section): Section[] {
  const out: Section[] = [];
  const visit = (s: Section) => {
    out.push(s);
    s.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** The section and its ancestors, nearest first (the root excluded). */
export function ancestry(section: Section): Section[] {
  const out: Section[] = [];
  for (let s: Section | null = section; s?.heading; s = s.parent) out.push(s);
  return out;
}

/** All blocks of a section and its sub-sections, headings included, in order. */
export function sectionBlocks(section: Section): RootContent[] {
  const out: RootContent[] = [...section.blocks];
  for (const child of section.children) {
    if (child.heading) out.push(child.heading);
    out.push(...sectionBlocks(child));
  }
  return out;
}

/** Block types found under other blocks: what `descendants` looks for. */
export type NestedBlockType = 'listItem' | 'table' | 'code' | 'list' | 'blockquote';

/** The blocks that hold other blocks; paragraphs, headings and tables hold only inline content. */
const CONTAINERS = new Set<Nodes['type']>(['root', 'blockquote', 'list', 'listItem']);

/**
 * Every node of a block type under the given blocks (tables in lists included), in
 * order. Inline content is not walked: none of these types can occur in it.
 */
export function descendants<T extends NestedBlockType>(
  nodes: readonly Nodes[],
  type: T,
): Extract<Nodes, { type: T }>[] {
  const out: Extract<Nodes, { type: T }>[] = [];
  const stack: Nodes[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === type) out.push(node as Extract<Nodes, { type: T }>);
    if (CONTAINERS.has(node.type) && 'children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
    }
  }
  return out;
}
