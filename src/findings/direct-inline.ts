/**
 * Inline content read without micromark, for the plain shapes audits are mostly made of:
 * text, `code` spans and non-nested *emphasis* / **strong** whose delimiters can only
 * open or only close. Anything else (links, escapes, HTML, entities, strikethrough,
 * nested or ambiguous emphasis, unusual code spans) is declined with `undefined`, and
 * the caller lets micromark read the block. The nodes built are the ones
 * mdast-util-from-markdown builds: same fields, same key order, same positions
 * (test/findings/direct.test.ts compares the two on generated variations).
 */
import type { PhrasingContent, Text } from 'mdast';

/** A point of a node's position: line, column, offset. */
export type Point = NonNullable<Text['position']>['start'];

/** Offset in the text -> its point (line, column, offset). */
export type PointAt = (offset: number) => Point;

/**
 * Characters that may start a line of another block (list, quote, rule, setext underline,
 * table, HTML, fence, definition, ordered list) — or that we do not bother to tell apart.
 */
export const DECLINED_LINE_START = /^[\s#>\-+=|<[\d]|^(```|~~~)|^[*_](\s|$)|^[*_\s]+$|\s$/;

/** Characters that start a construct this reader does not build (outside code spans). */
const DECLINED = new Set('\\[]<~|\t\0\ufeff\r');

/** A character reference (`&amp;`, `&#35;`): a bare `&` is text. */
const CHARACTER_REFERENCE = /^&(#[xX][\da-fA-F]+|#\d+|[A-Za-z][A-Za-z\d]*);/;

interface Code {
  readonly kind: 'code';
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

interface Delimiter {
  readonly kind: 'delimiter';
  readonly start: number;
  readonly end: number;
  readonly marker: string;
  readonly opens: boolean;
}

type Token = Code | Delimiter;

/** The phrasing content of `text` from `from` to `to`, or undefined when declined. */
export function directInline(
  text: string,
  from: number,
  to: number,
  pointAt: PointAt,
): PhrasingContent[] | undefined {
  const tokens = scanTokens(text, from, to);
  if (!tokens || !pairsAlternate(tokens)) return undefined;
  return buildNodes(text, tokens, from, to, pointAt);
}

/** Code spans and emphasis delimiters in order, or undefined for anything declined. */
function scanTokens(text: string, from: number, to: number): Token[] | undefined {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text[i] as string;
    if (c === '`') {
      const code = codeSpan(text, i, to);
      if (!code) return undefined;
      tokens.push(code);
      i = code.end;
    } else if (c === '*' || c === '_') {
      const end = runEnd(text, i, to);
      const delimiter = classify(text, i, end, from, to);
      if (delimiter === undefined) return undefined;
      if (delimiter !== 'inert') tokens.push(delimiter);
      i = end;
    } else if (DECLINED.has(c)) return undefined;
    else if (c === '&' && CHARACTER_REFERENCE.test(text.slice(i, i + 40))) return undefined;
    else i++;
  }
  return tokens;
}

function runEnd(text: string, start: number, to: number): number {
  let end = start + 1;
  while (end < to && text[end] === text[start]) end++;
  return end;
}

/** `` `x` `` or ``` ``x`` ```: content without backticks, newlines or edge spaces. */
function codeSpan(text: string, start: number, to: number): Code | undefined {
  const open = runEnd(text, start, to);
  if (open - start > 2) return undefined;
  const close = text.indexOf('`', open);
  if (close < 0 || close >= to) return undefined;
  const end = runEnd(text, close, to);
  if (end - close !== open - start) return undefined;
  const value = text.slice(open, close);
  if (value.includes('\n') || value.startsWith(' ') || value.endsWith(' ')) return undefined;
  return { kind: 'code', start, end, value };
}

/** micromark's character classes: 1 whitespace (or the edge), 2 punctuation, 0 other. */
function characterClass(code: number | undefined): 0 | 1 | 2 {
  if (code === undefined || code === 32 || code === 10 || /\s/.test(String.fromCharCode(code)))
    return 1;
  return /\p{P}|\p{S}/u.test(String.fromCharCode(code)) ? 2 : 0;
}

/**
 * A run of `*` or `_` by micromark's attention rules: one that can only open or only
 * close (of length 1 or 2), 'inert' when it can do neither (`module_4`: plain text),
 * undefined otherwise.
 */
function classify(
  text: string,
  start: number,
  end: number,
  from: number,
  to: number,
): Delimiter | 'inert' | undefined {
  const marker = text[start] as string;
  const before = characterClass(start > from ? text.charCodeAt(start - 1) : undefined);
  const after = characterClass(end < to ? text.charCodeAt(end) : undefined);
  const open = !after || (after === 2 && before !== 0);
  const close = !before || (before === 2 && after !== 0);
  const opens = marker === '*' ? open : open && (before !== 0 || !close);
  const closes = marker === '*' ? close : close && (after !== 0 || !open);
  if (!opens && !closes) return 'inert';
  if (opens === closes || end - start > 2) return undefined;
  return { kind: 'delimiter', start, end, marker, opens };
}

/** Delimiters go opener, closer, opener, closer..., each pair of one marker and length. */
function pairsAlternate(tokens: readonly Token[]): boolean {
  let open: Delimiter | undefined;
  for (const t of tokens) {
    if (t.kind !== 'delimiter') continue;
    if (!open) {
      if (!t.opens) return false;
      open = t;
      continue;
    }
    if (t.opens || t.marker !== open.marker || t.end - t.start !== open.end - open.start)
      return false;
    open = undefined;
  }
  return open === undefined;
}

function buildNodes(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  pointAt: PointAt,
): PhrasingContent[] {
  const top: PhrasingContent[] = [];
  let children = top;
  let open: Delimiter | undefined;
  let at = from;
  const flushText = (until: number) => {
    if (until > at) children.push(textNode(text, at, until, pointAt));
  };
  for (const t of tokens) {
    flushText(t.start);
    if (t.kind === 'code') children.push(codeNode(t, pointAt));
    else if (!open) {
      open = t;
      children = [];
    } else {
      top.push(emphasisNode(open, t, children, pointAt));
      children = top;
      open = undefined;
    }
    at = t.end;
  }
  flushText(to);
  return top;
}

function position(start: number, end: number, pointAt: PointAt) {
  return { start: pointAt(start), end: pointAt(end) };
}

function textNode(text: string, start: number, end: number, pointAt: PointAt): PhrasingContent {
  return { type: 'text', value: text.slice(start, end), position: position(start, end, pointAt) };
}

function codeNode(code: Code, pointAt: PointAt): PhrasingContent {
  return {
    type: 'inlineCode',
    value: code.value,
    position: position(code.start, code.end, pointAt),
  };
}

function emphasisNode(
  open: Delimiter,
  close: Delimiter,
  children: PhrasingContent[],
  pointAt: PointAt,
): PhrasingContent {
  return {
    type: open.end - open.start === 2 ? 'strong' : 'emphasis',
    children,
    position: position(open.start, close.end, pointAt),
  } as PhrasingContent;
}
