/**
 * Line numbers written next to a file: `path:12`, `path:31-32`, `path#L157`,
 * `path:43, 134, 246` (a line list), `line 70`, `(lines 56-66)`, `строки 476–556`.
 */

export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** `config.py:12`, `main.py:31-32`, `x.py#L157`, `hooks.py:43, 134, 246` -> path and ranges. */
export function splitLineSuffix(text: string): { path: string; ranges: LineRange[] } {
  const m =
    /^(.*?)(?::(\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*)|#L(\d+)(?:-L?(\d+))?)$/.exec(
      text,
    );
  if (!m?.[1]) return { path: text, ranges: [] };
  if (m[2]) return { path: m[1], ranges: lineList(m[2]) };
  const start = Number(m[3]);
  return { path: m[1], ranges: [{ start, end: Number(m[4] ?? start) }] };
}

/** `43, 134-140, 246` -> three ranges. */
export function lineList(text: string): LineRange[] {
  const out: LineRange[] = [];
  for (const m of text.matchAll(/(\d+)(?:\s*[-–]\s*(\d+))?/g)) {
    const start = Number(m[1]);
    const end = Number(m[2] ?? m[1]);
    if (start > 0 && end >= start) out.push({ start, end });
  }
  return out;
}

/** `line 70`, `(lines 56-66)`, `lines 460, 479-480`, `строки 476–556` after a file. */
export function lineRanges(text: string): LineRange[] {
  const m =
    /(?:\blines?|(?:^|\s)строк[аи]?)\s*:?\s+(\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*)/iu.exec(
      text,
    );
  return m?.[1] ? lineList(m[1]) : [];
}
