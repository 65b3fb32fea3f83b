/**
 * Recovery of markdown that lost its newlines (a whole document on one line): puts
 * line breaks back before headings, rules, tables, fences, list items and bold labels.
 */
import {
  type BreakCut,
  findBreaks,
  findCodeRegions,
  findTableRegions,
  type Region,
} from './flat-scan.js';

/** Recovered text and the way back to offsets in the text as given. */
export interface RecoveredText {
  readonly text: string;
  /** Offset in `text` -> offset in the original. */
  readonly toOriginal: (offset: number) => number;
  /** True when at least one line was recovered. */
  readonly recovered: boolean;
}

const MIN_MARKERS = 2;

/**
 * Where a run of `text` came from: lines kept as they are map offset for offset
 * (`original`), a recovered line maps each of its characters through `map`.
 */
interface Segment {
  /** Offset in the recovered text where the segment starts. */
  readonly at: number;
  readonly original: number;
  readonly map?: readonly number[];
}

/** Recover every flattened line of `text`; lines with normal structure are kept as they are. */
export function recoverFlattened(text: string): RecoveredText {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let inFence = false;
  let offset = 0;
  let at = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const body = line.endsWith('\n') ? line.slice(0, -1) : line;
    const flattened = !inFence && isFlattenedLine(body);
    if (/^\s{0,3}(`{3,}|~{3,})/.test(body) && !flattened) inFence = !inFence;
    if (flattened) {
      const piece = recoverLine(body);
      segments.push({ at, original: offset, map: piece.map.map((i) => offset + i) });
      parts.push(piece.text);
      at += piece.text.length;
      if (line.endsWith('\n')) segments.push({ at, original: offset + body.length });
      parts.push(line.slice(body.length));
      at += line.length - body.length;
    } else {
      if (segments.length === 0 || segments[segments.length - 1]?.map)
        segments.push({ at, original: offset });
      parts.push(line);
      at += line.length;
    }
    offset += line.length;
  }
  return {
    text: segments.some((s) => s.map) ? parts.join('') : text,
    toOriginal: originalOffsets(segments, at, offset),
    recovered: segments.some((s) => s.map),
  };
}

/** Offset in the recovered text (of `length`) -> offset in the original (ending at `end`). */
function originalOffsets(
  segments: readonly Segment[],
  length: number,
  end: number,
): (offset: number) => number {
  return (offset) => {
    if (offset >= length || offset < 0) return end;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segments[mid]?.at ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = segments[lo];
    if (!s) return end;
    return s.map ? (s.map[offset - s.at] ?? end) : s.original + (offset - s.at);
  };
}

/** A cheap pre-check: no line without one of these can hold a block marker mid-line. */
const MARKER_HINT = /\s#{1,6}\s|-{3,}|`{3,}|~{3,}/;

/** A line holding several block markers (headings, rules, tables, fences) in mid-line. */
export function isFlattenedLine(line: string): boolean {
  if (line.length < 20 || !MARKER_HINT.test(line)) return false;
  const code = findCodeRegions(line);
  const outside = (at: number) =>
    !code.some((r) => r.kind === 'code' && at >= r.start && at < r.end);
  let markers = code.filter((r) => r.kind === 'fence').length;
  for (const m of line.matchAll(/\s(#{1,6}\s+\S|-{3,}\s|\|\s*:?-{3,}:?\s*\|)/g)) {
    if (outside(m.index)) markers++;
    if (markers >= MIN_MARKERS) return true;
  }
  return markers >= MIN_MARKERS;
}

interface Piece {
  readonly text: string;
  readonly map: readonly number[];
}

/** Rebuild one flattened line: cut the whitespace at each break and insert newlines. */
export function recoverLine(line: string): Piece {
  const code = findCodeRegions(line);
  const tables = findTableRegions(line, code);
  const cuts = mergeCuts([
    ...fenceCuts(line, code),
    ...tableCuts(line, tables),
    ...findBreaks(line, [...code, ...tables]),
  ]);
  const out: string[] = [];
  const map: number[] = [];
  let at = 0;
  for (const cut of cuts) {
    if (cut.start < at) continue;
    copy(line, at, cut.start, out, map);
    out.push(cut.insert);
    for (let i = 0; i < cut.insert.length; i++) map.push(cut.end);
    at = cut.end;
  }
  copy(line, at, line.length, out, map);
  return { text: out.join('').replace(/^\n+/, ''), map: map.slice(leadingNewlines(out.join(''))) };
}

function leadingNewlines(text: string): number {
  return /^\n*/.exec(text)?.[0].length ?? 0;
}

function copy(line: string, from: number, to: number, out: string[], map: number[]): void {
  out.push(line.slice(from, to));
  for (let i = from; i < to; i++) map.push(i);
}

/** Breaks around a fence: before it, after its info string, before and after the closing run. */
function fenceCuts(line: string, regions: readonly Region[]): BreakCut[] {
  const cuts: BreakCut[] = [];
  for (const r of regions) {
    if (r.kind !== 'fence') continue;
    const run = /^`+/.exec(line.slice(r.start))?.[0].length ?? 3;
    const info = /^[A-Za-z0-9_+#.-]*/.exec(line.slice(r.start + run))?.[0] ?? '';
    const closeAt = r.end - run;
    cuts.push(wsCut(line, r.start, '\n\n'));
    cuts.push(wsCutAfter(line, r.start + run + info.length, '\n'));
    cuts.push(wsCut(line, closeAt, '\n'));
    cuts.push(wsCutAfter(line, r.end, '\n\n'));
  }
  return cuts;
}

/** Breaks around a table and between its rows. */
function tableCuts(line: string, tables: readonly Region[]): BreakCut[] {
  const cuts: BreakCut[] = [];
  for (const t of tables) {
    cuts.push(wsCut(line, t.start, '\n\n'));
    for (const rowStart of t.rows ?? []) {
      if (rowStart > t.start) cuts.push(wsCut(line, rowStart, '\n'));
    }
    cuts.push(wsCutAfter(line, t.end, '\n\n'));
  }
  return cuts;
}

/** Replace the whitespace that ends at `at` with `insert`. */
export function wsCut(line: string, at: number, insert: string): BreakCut {
  let start = at;
  while (start > 0 && /\s/.test(line[start - 1] ?? '')) start--;
  return { start, end: at, insert };
}

/** Replace the whitespace that starts at `at` with `insert`. */
function wsCutAfter(line: string, at: number, insert: string): BreakCut {
  let end = at;
  while (end < line.length && /\s/.test(line[end] ?? '')) end++;
  return { start: at, end, insert };
}

/** Sort cuts and merge touching ones (keeping the longer run of newlines). */
function mergeCuts(cuts: readonly BreakCut[]): BreakCut[] {
  const sorted = [...cuts].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: BreakCut[] = [];
  for (const cut of sorted) {
    const last = merged[merged.length - 1];
    if (last && cut.start <= last.end) {
      const insert = cut.insert.length > last.insert.length ? cut.insert : last.insert;
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, cut.end), insert };
    } else {
      merged.push(cut);
    }
  }
  return merged;
}
