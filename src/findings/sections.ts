/**
 * A finding's body split into named sections: bold labels (`**Problem:**`, `**Files to
 * modify:**`) and sub-headings start a section; text before the first is `Description`.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { blockText, collapse, inlineText } from './text.js';

export interface LabelledBlock {
  /** The section this block belongs to, or null before the first label. */
  readonly label: string | null;
  readonly node: RootContent;
  /** For the label paragraph itself: what follows the label. */
  readonly rest?: PhrasingContent[];
}

/** Section names: `Files to modify (partial list — ...)` -> `Files to modify`. */
export function normalizeLabel(label: string): string {
  return collapse(label.replace(/\([^)]*\)/g, ' ').replace(/[:：]\s*$/, ''));
}

/** Labels that may be bold together with their value (`**Status: ✅ DONE**`). */
const BOLD_FACT =
  /^(status|severity|priority|effort|impact|risk|owner|files?|location|статус|приоритет|файл[а-я]*)$/iu;

/** The label a paragraph starts with (`**Fix:** ...`, `**Fix**: ...`), if any. */
export function paragraphLabel(
  p: Paragraph,
): { label: string; rest: PhrasingContent[] } | undefined {
  const [first, second, ...others] = p.children;
  if (first?.type === 'text') return plainFileLabel(first.value, p.children.slice(1));
  if (first?.type !== 'strong') return undefined;
  const text = inlineText(first);
  if (text.endsWith(':'))
    return { label: normalizeLabel(text), rest: [second, ...others].filter(isNode) };
  const inside = /^([^:]{1,30}):\s*(\S.*)$/u.exec(text);
  if (inside?.[1] && inside[2] && !second && BOLD_FACT.test(inside[1].trim())) {
    // `**Status: ✅ DONE**`: label and value both in bold.
    const value: PhrasingContent = { type: 'text', value: inside[2] };
    return { label: normalizeLabel(inside[1]), rest: [value] };
  }
  if (second?.type === 'text' && /^\s*:/.test(second.value)) {
    const trimmed: PhrasingContent = { ...second, value: second.value.replace(/^\s*:/, '') };
    return { label: normalizeLabel(text), rest: [trimmed, ...others] };
  }
  return undefined;
}

const PLAIN_FILE_LABEL =
  /^\s*((?:affected\s+)?files?(?:\s+to\s+(?:modify|change|update|create|add))?|locations?)\s*:\s*/i;

/** `Files to modify: a.ts, b.ts` written without bold: a file field all the same. */
function plainFileLabel(
  text: string,
  others: PhrasingContent[],
): { label: string; rest: PhrasingContent[] } | undefined {
  const m = PLAIN_FILE_LABEL.exec(text);
  if (!m?.[1]) return undefined;
  const rest = text.slice(m[0].length);
  return {
    label: normalizeLabel(m[1]),
    rest: [...(rest ? [{ type: 'text' as const, value: rest }] : []), ...others],
  };
}

function isNode<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** Tag each block with the section it belongs to. */
export function labelBlocks(blocks: readonly RootContent[]): LabelledBlock[] {
  let label: string | null = null;
  const out: LabelledBlock[] = [];
  for (const node of blocks) {
    if (node.type === 'heading') {
      label = normalizeLabel(inlineText(node));
      continue;
    }
    for (const part of node.type === 'paragraph' ? splitLabelLines(node) : [node]) {
      const found = part.type === 'paragraph' ? paragraphLabel(part) : undefined;
      if (found && found.label.length <= 60) {
        label = found.label;
        out.push({ label, node: part, rest: found.rest });
      } else out.push({ label, node: part });
    }
  }
  return out;
}

/** `**Severity:** High⏎**Status:** Fixed` in one paragraph: one paragraph per labelled line. */
export function splitLabelLines(p: Paragraph): Paragraph[] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of p.children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines[lines.length - 1]?.push(child);
      continue;
    }
    child.value.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece)
        lines[lines.length - 1]?.push({ type: 'text', value: i > 0 ? piece : `${piece}\n` });
    });
  }
  const groups: PhrasingContent[][] = [];
  for (const line of lines) {
    const startsLabel =
      groups.length > 0 && paragraphLabel({ type: 'paragraph', children: line }) !== undefined;
    if (startsLabel || groups.length === 0) groups.push([...line]);
    else groups[groups.length - 1]?.push({ type: 'text', value: '\n' }, ...line);
  }
  if (groups.length === 1) return [p];
  return groups.map((children) => ({ type: 'paragraph', children }));
}

/** Section texts by name; repeated names are joined; `Description` for unlabelled text. */
export function sectionTexts(blocks: readonly LabelledBlock[]): Record<string, string> {
  const parts = new Map<string, string[]>();
  for (const b of blocks) {
    if (b.node.type === 'table' && b.label === null) continue;
    const name = b.label ?? 'Description';
    const text = b.rest ? inlineText({ type: 'paragraph', children: b.rest }) : blockText([b.node]);
    if (!text) {
      if (!parts.has(name)) parts.set(name, []);
      continue;
    }
    parts.set(name, [...(parts.get(name) ?? []), text]);
  }
  return Object.fromEntries([...parts].map(([k, v]) => [k, v.join('\n\n')]));
}

const FIX_LABEL =
  /^(fix|fixes|remediation|solution|recommendation|recommended fix|proposed fix|after|resolution|change)/i;
const PROBLEM_LABEL =
  /^(problem|issue|current state|current|before|finding|evidence|details?|description|root cause)/i;

export function isFixLabel(label: string | null): boolean {
  return label !== null && FIX_LABEL.test(label);
}

export function isProblemLabel(label: string | null): boolean {
  return label !== null && PROBLEM_LABEL.test(label);
}

/**
 * File-list labels: `File`, `Files`, `Files to modify`, `Affected files`, `Location`,
 * `Файл`, `Files with hardcoded IDs` -> modify; `Files to create`, `New files` -> create.
 */
export function fileFieldRole(label: string | null): 'modify' | 'create' | undefined {
  if (!label) return undefined;
  if (/^(files?\s+to\s+(create|add)|new\s+files?|create)$/i.test(label)) return 'create';
  if (
    /^((affected|changed|relevant|touched|key)\s+)?(files?|locations?|paths?)(\s+to\s+(modify|change|update|edit|touch))?$/i.test(
      label,
    ) ||
    /^(files?|locations?)\s+(with|where|that|affected|involved|changed)\b/i.test(label) ||
    /^файл(ы)?(\s+[A-ZА-Я])?$/iu.test(label)
  ) {
    return 'modify';
  }
  return undefined;
}
