/**
 * Scanning a flattened markdown line for the places a newline was lost: code spans and
 * fences (left alone), GFM tables (one row per line), and block markers.
 */

export interface Region {
  readonly start: number;
  readonly end: number;
  readonly kind: 'code' | 'fence' | 'table' | 'strong';
  /** Table rows: start offset of each row (header first). */
  readonly rows?: readonly number[];
}

/** Replace `line[start, end)` (whitespace) with `insert`. */
export interface BreakCut {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/** Backtick code spans; runs of three or more backticks are fences. */
export function findCodeRegions(line: string): Region[] {
  const regions: Region[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`' || (i > 0 && line[i - 1] === '\\')) {
      i++;
      continue;
    }
    const run = runLength(line, i);
    const close = findRun(line, i + run, run);
    if (close < 0) {
      i += run;
      continue;
    }
    regions.push({ start: i, end: close + run, kind: run >= 3 ? 'fence' : 'code' });
    i = close + run;
  }
  return regions;
}

function runLength(line: string, at: number): number {
  let n = 0;
  while (line[at + n] === '`') n++;
  return n;
}

function findRun(line: string, from: number, length: number): number {
  for (let i = line.indexOf('`', from); i >= 0; i = line.indexOf('`', i)) {
    const run = runLength(line, i);
    if (run === length) return i;
    i += run;
  }
  return -1;
}

const DELIMITER_ROW = /\|(?:[ \t]*:?-{3,}:?[ \t]*\|){2,}/g;

/** GFM tables: a delimiter row, the header row before it, the body rows after it. */
export function findTableRegions(line: string, code: readonly Region[]): Region[] {
  const tables: Region[] = [];
  const pipes = unescapedPipes(line, code);
  let after = 0;
  for (const m of line.matchAll(DELIMITER_ROW)) {
    if (m.index < after || inside(code, m.index)) continue;
    const columns = countPipes(m[0]) - 1;
    const delimiterAt = pipes.indexOf(m.index);
    const headerAt = pipes[delimiterAt - columns - 1];
    if (delimiterAt < 0 || headerAt === undefined || headerAt < after) continue;
    const rows = [headerAt, m.index];
    let end = m.index + m[0].length;
    for (;;) {
      const next = nextNonSpace(line, end);
      if (line[next] !== '|') break;
      const first = pipes.indexOf(next);
      const last = pipes[first + columns];
      if (first < 0 || last === undefined || startsDelimiter(line, next)) break;
      rows.push(next);
      end = last + 1;
    }
    tables.push({ start: headerAt, end, kind: 'table', rows });
    after = end;
  }
  return tables;
}

function startsDelimiter(line: string, at: number): boolean {
  return /^\|(?:[ \t]*:?-{3,}:?[ \t]*\|){2,}/.test(line.slice(at));
}

function countPipes(text: string): number {
  return text.split('|').length - 1;
}

function unescapedPipes(line: string, code: readonly Region[]): number[] {
  const at: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '|' && line[i - 1] !== '\\' && !inside(code, i, 'fence')) at.push(i);
  }
  return at;
}

function nextNonSpace(line: string, from: number): number {
  let i = from;
  while (i < line.length && /\s/.test(line[i] ?? '')) i++;
  return i;
}

export function inside(regions: readonly Region[], at: number, kind?: Region['kind']): boolean {
  return regions.some(
    (r) => at >= r.start && at < r.end && (kind === undefined || r.kind === kind),
  );
}

/** Bold runs (`**...**`) shorter than a sentence; block markers inside them are text. */
function findStrongRegions(line: string, protectedRegions: readonly Region[]): Region[] {
  const regions: Region[] = [];
  for (const m of line.matchAll(/\*\*(?=\S)[^*]{1,160}?\*\*/g)) {
    if (!inside(protectedRegions, m.index))
      regions.push({ start: m.index, end: m.index + m[0].length, kind: 'strong' });
  }
  return regions;
}

const MARKER_BEFORE = /(?:^|\s)(?:#{1,6}|[-*+]|\d{1,3}\.|>)\s*$/;
/** Deepest indentation restored for a nested list item. */
const MAX_INDENT = 12;

interface Marker {
  readonly at: number;
  readonly insert: string;
  readonly item: boolean;
}

/**
 * Block markers outside code and tables: headings, rules, bold labels, blockquotes,
 * bullets, and ordered items numbered 1 or one more than the last accepted item.
 * A list item right after another keeps the indentation the newline left behind.
 */
export function findBreaks(line: string, protectedRegions: readonly Region[]): BreakCut[] {
  const strong = findStrongRegions(line, protectedRegions);
  const blocked = [...protectedRegions, ...strong];
  const markers: Marker[] = protectedRegions.map((r) => ({ at: r.start, insert: '', item: false }));
  const add = (at: number, insert: string, item = false) => markers.push({ at, insert, item });
  const afterMarker = (at: number) => MARKER_BEFORE.test(line.slice(Math.max(0, at - 12), at));
  const free = (at: number) => !inside(blocked, at) && !afterMarker(at);
  for (const m of line.matchAll(/(?<=^|\s)#{1,6}(?=\s+\S)/g))
    if (free(m.index)) add(m.index, '\n\n');
  for (const m of line.matchAll(/(?<=^|\s)(?:-{3,}|\*{3,}|_{3,})(?=\s|$)/g)) {
    if (inside(blocked, m.index)) continue;
    add(m.index, '\n\n');
    add(m.index + m[0].length, '\n\n');
  }
  for (const m of line.matchAll(/(?<=^|\s)\*\*(?=[^*\s])[^*]{1,100}?(?::\*\*|\*\*:)(?=\s|$)/g)) {
    if (!inside(protectedRegions, m.index) && !afterMarker(m.index)) add(m.index, '\n\n');
  }
  for (const m of line.matchAll(/(?<=^|\s)>(?=\s+\*\*)/g))
    if (!inside(blocked, m.index)) add(m.index, '\n');
  for (const m of line.matchAll(/(?<=^|\s)-(?=\s+\S)/g))
    if (free(m.index)) add(m.index, '\n', true);
  for (const at of orderedItems(line, blocked, free)) add(at, '\n\n', true);
  return toCuts(
    line,
    markers.sort((a, b) => a.at - b.at),
  );
}

function orderedItems(
  line: string,
  blocked: readonly Region[],
  free: (at: number) => boolean,
): number[] {
  const out: number[] = [];
  let last = 0;
  for (const m of line.matchAll(/(?<=^|\s)(\d{1,3})[.)](?=\s+\S)/g)) {
    const n = Number(m[1]);
    if (inside(blocked, m.index) || (n !== 1 && n !== last + 1) || !free(m.index)) continue;
    out.push(m.index);
    last = n;
  }
  return out;
}

function toCuts(line: string, markers: readonly Marker[]): BreakCut[] {
  const cuts: BreakCut[] = [];
  let previousItem = false;
  for (const marker of markers) {
    if (marker.insert === '') {
      previousItem = false;
      continue;
    }
    const cut = breakBefore(line, marker.at, marker.insert);
    const indent =
      marker.item && previousItem ? Math.min(MAX_INDENT, Math.max(0, cut.end - cut.start - 1)) : 0;
    cuts.push({ ...cut, insert: marker.insert + ' '.repeat(indent) });
    previousItem = marker.item;
  }
  return cuts;
}

function breakBefore(line: string, at: number, insert: string): BreakCut {
  let start = at;
  while (start > 0 && /\s/.test(line[start - 1] ?? '')) start--;
  return { start, end: at, insert };
}
