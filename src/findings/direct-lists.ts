/**
 * Top-level tight `-` lists read without micromark, in the shape audit checklists take:
 * one line per item (`- [ ] **Task 3: ...**`), optionally a nested `-` list indented by
 * two spaces, no blank line inside, a blank line or the end after it. Items may carry a
 * GFM task check; their text is inline content direct-inline.ts builds. Anything else
 * is `undefined`, for micromark. The nodes are the ones mdast-util-from-markdown and
 * mdast-util-gfm-task-list-item build, including the latter's moving of the paragraph's
 * start past the check when text follows it.
 */
import type { List, ListItem, Paragraph, PhrasingContent } from 'mdast';
import { DECLINED_LINE_START, directInline, type PointAt } from './direct-inline.js';

const TOP_ITEM = '- ';
const NESTED_ITEM = '  - ';
const TASK = /^\[([ xX])\] /;

/** The list made of `lines` ([start, end) offsets, up to a blank line or the end). */
export function directList(
  text: string,
  lines: readonly (readonly [number, number])[],
  pointAt: PointAt,
): List | undefined {
  const items: ListItem[] = [];
  let nested: ListItem[] = [];
  const closeNested = () => {
    const parent = items[items.length - 1];
    if (parent && nested.length > 0) attach(parent, listOf(nested));
    nested = [];
  };
  for (const [start, end] of lines) {
    const nestedLine = text.startsWith(NESTED_ITEM, start);
    if (!nestedLine && !text.startsWith(TOP_ITEM, start)) return undefined;
    if (nestedLine && items.length === 0) return undefined;
    const marker = nestedLine ? NESTED_ITEM : TOP_ITEM;
    const item = listItem(text, start + marker.length - 2, end, pointAt);
    if (!item) return undefined;
    if (nestedLine) nested.push(item);
    else {
      closeNested();
      items.push(item);
    }
  }
  closeNested();
  return items.length > 0 ? listOf(items) : undefined;
}

/** A tight unordered list of `items` (at least one, each with a position). */
function listOf(items: ListItem[]): List {
  const list: List = { type: 'list', ordered: false, start: null, spread: false, children: items };
  const [first, last] = [items[0]?.position, items[items.length - 1]?.position];
  if (first && last) list.position = { start: { ...first.start }, end: { ...last.end } };
  return list;
}

/** A nested list ends its parent item, which now ends where the list does. */
function attach(item: ListItem, list: List): void {
  item.children.push(list);
  if (item.position && list.position) item.position.end = { ...list.position.end };
}

/** The item whose `-` is at `marker`, its text running to `end`. */
function listItem(
  text: string,
  marker: number,
  end: number,
  pointAt: PointAt,
): ListItem | undefined {
  const content = marker + 2;
  const task = TASK.exec(text.slice(content, content + 4));
  const checked = task ? task[1] !== ' ' : null;
  const textStart = task ? content + 3 : content;
  if (DECLINED_LINE_START.test(text.slice(task ? textStart + 1 : textStart, end))) return undefined;
  if (textStart + (task ? 1 : 0) >= end) return undefined;
  const children = directInline(text, textStart, end, pointAt);
  if (!children) return undefined;
  const paragraph: Paragraph = {
    type: 'paragraph',
    children,
    position: { start: pointAt(content), end: pointAt(end) },
  };
  if (task) dropSpaceAfterCheck(paragraph);
  return {
    type: 'listItem',
    spread: false,
    checked,
    children: [paragraph],
    position: { start: pointAt(marker), end: pointAt(end) },
  };
}

/** mdast-util-gfm-task-list-item's exit: the space after the check leaves the first text. */
function dropSpaceAfterCheck(paragraph: Paragraph): void {
  const head: PhrasingContent | undefined = paragraph.children[0];
  if (head?.type !== 'text') return;
  head.value = head.value.slice(1);
  if (head.value.length === 0) paragraph.children.shift();
  else if (paragraph.position && head.position) {
    head.position.start.column++;
    head.position.start.offset = (head.position.start.offset ?? 0) + 1;
    paragraph.position.start = { ...head.position.start };
  }
}
