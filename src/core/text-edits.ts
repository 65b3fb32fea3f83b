/**
 * A whole-file rewrite (a jscodeshift module's output, a printer's result) turned into
 * the minimal `Edit`s that produce it, so it goes through the pipeline like any fix
 * (`fixFromNewText`): a line diff finds the changed hunks, then a token diff inside each
 * hunk keeps only the words that differ. Offsets are UTF-16 indices of `before`;
 * surrogate pairs stay whole. `changedRegions` gives the other side: where the new text
 * has new characters.
 */
import { diffArrays } from 'diff';
import { Edit } from './edit.js';
import { type Applicability, Fix } from './fix.js';

/** Lines that keep their terminators, so `\r\n` survives byte for byte. */
const LINE = /[^\n]*\n|[^\n]+$/g;
/** Words, runs of whitespace, and single code points. */
const TOKEN = /[\p{L}\p{N}_$]+|\s+|[\s\S]/gu;
/** Past this many tokens, a hunk stays one edit (the token diff is quadratic at worst). */
const MAX_HUNK_TOKENS = 4000;

interface Span {
  start: number;
  end: number;
  text: string;
}

/** The replaced spans (in offsets from `base`) that turn `oldParts` into `newParts`. */
function changedSpans(oldParts: string[], newParts: string[], base: number): Span[] {
  const spans: Span[] = [];
  let offset = base;
  let pending: Span | undefined;
  for (const change of diffArrays(oldParts, newParts)) {
    const value = change.value.join('');
    if (!change.added && !change.removed) {
      if (pending) spans.push(pending);
      pending = undefined;
      offset += value.length;
      continue;
    }
    pending ??= { start: offset, end: offset, text: '' };
    if (change.removed) {
      offset += value.length;
      pending.end = offset;
    } else pending.text += value;
  }
  if (pending) spans.push(pending);
  return spans;
}

/** A line hunk split at the tokens that did not change. */
function tokenSpans(before: string, hunk: Span): Span[] {
  const oldTokens = before.slice(hunk.start, hunk.end).match(TOKEN) ?? [];
  const newTokens = hunk.text.match(TOKEN) ?? [];
  if (oldTokens.length + newTokens.length > MAX_HUNK_TOKENS) return [hunk];
  return changedSpans(oldTokens, newTokens, hunk.start);
}

/**
 * The minimal edits (sorted, non-overlapping, in `before` offsets) that turn `before`
 * into `after`: `applyEdits(before, editsFromTexts(before, after)) === after`.
 */
export function editsFromTexts(before: string, after: string): Edit[] {
  if (before === after) return [];
  const hunks = changedSpans(before.match(LINE) ?? [], after.match(LINE) ?? [], 0);
  return hunks
    .flatMap((hunk) => tokenSpans(before, hunk))
    .map((s) => Edit.replace(s.start, s.end, s.text));
}

/** A range of the new text, `[start, end)` in its UTF-16 offsets. */
export interface Region {
  readonly start: number;
  readonly end: number;
}

/**
 * Where `after` has text that `before` did not: per changed line hunk, the span between
 * the hunk's common prefix and suffix, in `after` offsets (empty for pure deletions).
 */
export function changedRegions(before: string, after: string): Region[] {
  const regions: Region[] = [];
  let shift = 0;
  for (const hunk of changedSpans(before.match(LINE) ?? [], after.match(LINE) ?? [], 0)) {
    const old = before.slice(hunk.start, hunk.end);
    let head = 0;
    const max = Math.min(old.length, hunk.text.length);
    while (head < max && old.charCodeAt(head) === hunk.text.charCodeAt(head)) head++;
    let tail = 0;
    while (
      tail < max - head &&
      old.charCodeAt(old.length - 1 - tail) === hunk.text.charCodeAt(hunk.text.length - 1 - tail)
    )
      tail++;
    const start = hunk.start + shift;
    if (hunk.text.length - tail > head) {
      regions.push({ start: start + head, end: start + hunk.text.length - tail });
    }
    shift += hunk.text.length - (hunk.end - hunk.start);
  }
  return regions;
}

/**
 * A fix that turns `before` (the file's current text) into `after`, or undefined when
 * they are equal. `applicability` is the producer's to decide, as for any fix.
 */
export function fixFromNewText(
  title: string,
  before: string,
  after: string,
  applicability: Applicability = 'safe',
): Fix | undefined {
  const edits = editsFromTexts(before, after);
  return edits.length === 0 ? undefined : Fix.of(title, edits, applicability);
}
