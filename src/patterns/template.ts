/**
 * Render a replacement template for one match: `$X` and `$$$ARGS` become the text they
 * captured, with the rewrites of any matches nested inside that capture already
 * applied (so `f($X)` -> `g($X)` turns `f(f(1))` into `g(g(1))` in one pass).
 */
import { applyEdits, Edit } from '../core/edit.js';
import type { Capture, PatternMatch } from './match.js';
import { substituteMetavariables } from './syntax.js';

/** A rewrite of a range of the file: the match and the text that replaces it. */
export interface RenderedEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function within(inner: { start: number; end: number }, outer: Capture): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** The capture's text with the nested rewrites that fall inside it applied. */
function captureText(source: string, capture: Capture, nested: readonly RenderedEdit[]): string {
  const inside = nested
    .filter((e) => within(e, capture))
    .map((e) => Edit.replace(e.start - capture.start, e.end - capture.start, e.text));
  return applyEdits(source.slice(capture.start, capture.end), inside);
}

/** The nested rewrites that no capture of the match contains (they cannot be composed). */
export function uncomposable(match: PatternMatch, nested: readonly RenderedEdit[]): RenderedEdit[] {
  const captures = [...match.captures.values()];
  return nested.filter((e) => !captures.some((c) => within(e, c)));
}

/** The replacement text for `match`. */
export function renderReplacement(
  source: string,
  template: string,
  match: PatternMatch,
  nested: readonly RenderedEdit[] = [],
): string {
  return substituteMetavariables(template, (name) => {
    const capture = match.captures.get(name);
    return capture ? captureText(source, capture, nested) : '';
  });
}
