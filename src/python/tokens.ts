/**
 * A small Python tokenizer for matching code by tokens: layout (whitespace, line
 * breaks, continuations) and comments do not count, quote style does not count, and
 * a magic trailing comma does not count. Works on fragments that do not parse alone
 * (an auditor's snippet) as well as on whole files; offsets are JS string indices.
 */

export type TokenKind = 'name' | 'number' | 'string' | 'op' | 'comment' | 'other';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** What two tokens must share to be equal (strings: prefix and body, not quotes). */
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

// biome-ignore format: a table of operators
const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '==', '!=', '<=', '>=', '<<',
  '>>', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=', '<>',
].sort((a, b) => b.length - a.length);

const SINGLE_OPS = new Set('+-*/%@&|^~<>()[]{},:;.=!');
const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const NUMBER =
  /(?:0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/y;
const STRING_PREFIX = /(?:[rR][bBfF]?|[bBfF][rR]?|[uU])?(?='|")/y;

/** Tokenize Python source (or a fragment of it). */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\r' || ch === '\n' || ch === '\ufeff') {
      i++;
      continue;
    }
    if (ch === '\\' && /^\\\r?\n/.test(source.slice(i, i + 3))) {
      i += source[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    const token = readToken(source, i);
    tokens.push(token);
    i = token.end;
  }
  return tokens;
}

function readToken(source: string, i: number): Token {
  const ch = source[i]!;
  if (ch === '#') {
    const nl = source.indexOf('\n', i);
    const end = nl === -1 ? source.length : nl;
    const text = source.slice(i, end).replace(/\r$/, '');
    return { kind: 'comment', text, key: text, start: i, end: i + text.length };
  }
  STRING_PREFIX.lastIndex = i;
  const prefix = STRING_PREFIX.exec(source);
  if (prefix) return readString(source, i, prefix[0]);
  if (/\d/.test(ch) || (ch === '.' && /\d/.test(source[i + 1] ?? ''))) {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(source)!;
    return token('number', m[0], i, m[0].toLowerCase().replace(/_/g, ''));
  }
  NAME.lastIndex = i;
  const name = NAME.exec(source);
  if (name) return token('name', name[0], i, name[0]);
  const op = OPERATORS.find((o) => source.startsWith(o, i));
  if (op) return token('op', op, i, op);
  if (SINGLE_OPS.has(ch)) return token('op', ch, i, ch);
  return token('other', ch, i, ch);
}

function token(kind: TokenKind, text: string, start: number, key: string): Token {
  return { kind, text, key, start, end: start + text.length };
}

function readString(source: string, start: number, prefix: string): Token {
  const open = start + prefix.length;
  const quote = source[open]!;
  const triple = source.startsWith(quote.repeat(3), open);
  const delimiter = triple ? quote.repeat(3) : quote;
  let i = open + delimiter.length;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (!triple && c === '\n') break;
    if (source.startsWith(delimiter, i)) {
      i += delimiter.length;
      break;
    }
    i++;
  }
  const end = Math.min(i, source.length);
  const text = source.slice(start, end);
  const body = text.slice(prefix.length + delimiter.length, text.length - delimiter.length);
  const key = `${prefix.toLowerCase().replace('u', '')}|${body}`;
  return { kind: 'string', text, key, start, end };
}

/** The tokens that carry meaning: no comments, no magic trailing commas. */
export function codeTokens(tokens: readonly Token[]): Token[] {
  const code = tokens.filter((t) => t.kind !== 'comment');
  return code.filter((_t, i) => !isMagicTrailingComma(code, i));
}

const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * A comma right before a closing bracket is layout, except in `(x,)` where it makes
 * a one-element tuple (the only comma of a parenthesised group).
 */
function isMagicTrailingComma(tokens: readonly Token[], index: number): boolean {
  if (tokens[index]!.text !== ',') return false;
  const next = tokens[index + 1];
  if (!next || !(next.text in CLOSERS)) return false;
  if (next.text !== ')') return true;
  let depth = 0;
  let commas = 0;
  for (let j = index - 1; j >= 0; j--) {
    const t = tokens[j]!.text;
    if (t in CLOSERS) depth++;
    else if (t === '(' || t === '[' || t === '{') {
      if (depth === 0) return commas > 0;
      depth--;
    } else if (t === ',' && depth === 0) commas++;
  }
  return commas > 0;
}

/** A place where a needle's tokens occur in a haystack. */
export interface TokenMatch {
  /** Offset of the first matched token. */
  readonly start: number;
  /** Offset just past the last matched token. */
  readonly end: number;
}

/** Every (non-overlapping) occurrence of `needle` in `haystack`, compared by token keys. */
export function findTokenSequence(
  haystack: readonly Token[],
  needle: readonly Token[],
): TokenMatch[] {
  const matches: TokenMatch[] = [];
  if (needle.length === 0) return matches;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((t, k) => haystack[i + k]!.key === t.key)) {
      matches.push({ start: haystack[i]!.start, end: haystack[i + needle.length - 1]!.end });
      i += needle.length - 1;
    }
  }
  return matches;
}

/** Whether two pieces of code are the same up to layout and comments. */
export function sameCode(a: string, b: string): boolean {
  const x = codeTokens(tokenize(a));
  const y = codeTokens(tokenize(b));
  return x.length === y.length && x.every((t, i) => t.key === y[i]!.key);
}

/** The longest prefix of `needle` found anywhere in `haystack` (for "nearest match" hints). */
export function longestPartialMatch(
  haystack: readonly Token[],
  needle: readonly Token[],
): { start: number; matched: number } | undefined {
  let best: { start: number; matched: number } | undefined;
  for (let i = 0; i < haystack.length; i++) {
    let k = 0;
    while (k < needle.length && i + k < haystack.length && haystack[i + k]!.key === needle[k]!.key)
      k++;
    if (k > 0 && (!best || k > best.matched)) best = { start: haystack[i]!.start, matched: k };
  }
  return best;
}
