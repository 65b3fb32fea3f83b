/**
 * Format only what a transform changed: run ruff's formatter on the whole file, then
 * keep just the formatter's hunks that touch edited lines, so a repository that is
 * not ruff-formatted gets no unrelated reformatting in its diff.
 */
import { diffArrays } from 'diff';
import { ruffFormat } from './ruff.js';

/** Split into lines that keep their terminators, so CRLF survives byte for byte. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

interface Hunk {
  /** Range of replaced lines in the old text [start, end). */
  readonly start: number;
  readonly end: number;
  readonly lines: readonly string[];
}

function hunks(oldLines: readonly string[], newLines: readonly string[]): Hunk[] {
  const out: Hunk[] = [];
  let oldIndex = 0;
  let current: { start: number; end: number; lines: string[] } | undefined;
  for (const change of diffArrays(oldLines as string[], newLines as string[])) {
    const count = change.value.length;
    if (!change.added && !change.removed) {
      if (current) out.push(current);
      current = undefined;
      oldIndex += count;
      continue;
    }
    current ??= { start: oldIndex, end: oldIndex, lines: [] };
    if (change.removed) {
      oldIndex += count;
      current.end = oldIndex;
    } else {
      current.lines.push(...change.value);
    }
  }
  if (current) out.push(current);
  return out;
}

/** 0-based indices of lines of `after` that differ from `before` (both sides of a deletion count). */
export function editedLines(before: string, after: string): Set<number> {
  const edited = new Set<number>();
  const afterLines = splitLines(after);
  let afterIndex = 0;
  for (const change of diffArrays(splitLines(before), afterLines)) {
    const count = change.value.length;
    if (change.added) {
      for (let i = 0; i < count; i++) edited.add(afterIndex + i);
      afterIndex += count;
    } else if (change.removed) {
      edited.add(afterIndex - 1);
      edited.add(afterIndex);
    } else {
      afterIndex += count;
    }
  }
  edited.delete(-1);
  return edited;
}

function touches(hunk: Hunk, edited: ReadonlySet<number>): boolean {
  if (hunk.start === hunk.end) return edited.has(hunk.start - 1) || edited.has(hunk.start);
  for (let i = hunk.start; i < hunk.end; i++) if (edited.has(i)) return true;
  return false;
}

/**
 * Keep the formatter's changes to `after` only where `after` differs from `before`.
 * `format` defaults to ruff with `ruffOptions`.
 */
export function formatEditedRegions(
  before: string,
  after: string,
  ruffOptions: Record<string, unknown> = {},
  format: (text: string) => string = (t) => ruffFormat(t, ruffOptions),
): string {
  const formatted = format(after);
  if (formatted === after) return after;
  const edited = editedLines(before, after);
  if (edited.size === 0) return after;
  const afterLines = splitLines(after);
  const out: string[] = [];
  let cursor = 0;
  for (const hunk of hunks(afterLines, splitLines(formatted))) {
    if (!touches(hunk, edited)) continue;
    out.push(...afterLines.slice(cursor, hunk.start), ...hunk.lines);
    cursor = hunk.end;
  }
  out.push(...afterLines.slice(cursor));
  return out.join('');
}
