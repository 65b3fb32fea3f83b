/**
 * Read the Python a finding states in its prose: inline code spans, field declarations
 * (`async_pool_size: int = 10`), signatures (`_validate_identifier(name: str) -> str`),
 * and predicates ("raises `ValueError` if `allow_credentials=True` and
 * `allow_origins == ["*"]`", "unless `0 <= priority <= 299`", "asserts `re.fullmatch(...)`
 * ... otherwise", "calling `make_url()` on `database_url`"). Pure text functions; what
 * cannot be read is undefined, never guessed.
 */
import { normaliseBlock } from './reindent.js';
import { codeTokens, tokenize } from './tokens.js';

export interface CodeSpan {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

/** The inline code spans of markdown text, in order. */
export function codeSpans(text: string): CodeSpan[] {
  const out: CodeSpan[] = [];
  for (const m of text.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    out.push({ code: m[2]!.trim(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** `x=True` reads as `x`, `x=False` as `not x`, `x=V` as `x == V`; other code as written. */
export function conditionOf(code: string): string {
  const m = /^([A-Za-z_]\w*)\s*=\s*([^=].*)$/s.exec(code.trim());
  if (!m) return code.trim();
  if (m[2] === 'True') return m[1]!;
  if (m[2] === 'False') return `not ${m[1]}`;
  return `${m[1]} == ${m[2]!.trim()}`;
}

export interface StatedPredicate {
  readonly expression: string;
  readonly sense: 'raise-when' | 'require' | 'call';
  readonly raises: string;
}

const EXCEPTION = /raises?\s+(?:a\s+|an\s+)?`([A-Z]\w*)(?:\([^`]*\))?`/i;

/** Spans after `from`, joined by the `and` / `or` written between them. */
function joinedConditions(
  text: string,
  spans: readonly CodeSpan[],
  from: number,
): string | undefined {
  const after = spans.filter((s) => s.start >= from);
  if (after.length === 0) return undefined;
  const parts = [conditionOf(after[0]!.code)];
  for (let i = 1; i < after.length; i++) {
    const between = text.slice(after[i - 1]!.end, after[i]!.start).trim();
    const op = /^(and|or)$/i.exec(between.replace(/,$/, ''));
    if (!op) break;
    parts.push(op[1]!.toLowerCase(), conditionOf(after[i]!.code));
  }
  return parts.join(' ');
}

/** The predicate a sentence states, if it states one in code. */
export function predicateIn(sentence: string): StatedPredicate | undefined {
  const spans = codeSpans(sentence);
  const raises = EXCEPTION.exec(sentence)?.[1] ?? 'ValueError';
  const unless = /\bunless\s+`/i.exec(sentence);
  if (unless) {
    const expression = joinedConditions(sentence, spans, unless.index);
    if (expression) return { expression, sense: 'require', raises };
  }
  const asserts = /\b(?:asserts?|checks?|requires?|ensures?)\s+(?:that\s+)?`/i.exec(sentence);
  if (asserts && /\botherwise\b/i.test(sentence)) {
    const expression = joinedConditions(sentence, spans, asserts.index);
    if (expression) return { expression, sense: 'require', raises };
  }
  const when = /\braises?\b[^.]*?\b(?:if|when)\s+`/i.exec(sentence);
  if (when) {
    const at = sentence.indexOf('`', when.index + when[0].length - 1);
    const expression = joinedConditions(sentence, spans, at);
    if (expression) return { expression, sense: 'raise-when', raises };
  }
  const call = /\bcall(?:ing|s)?\s+`([A-Za-z_][\w.]*)\(\)`\s+on\s+`([A-Za-z_]\w*)`/i.exec(sentence);
  if (call) return { expression: `${call[1]}(${call[2]})`, sense: 'call', raises };
  return undefined;
}

export interface Parameter {
  readonly name: string;
  readonly annotation?: string;
  readonly default?: string;
}

export interface Signature {
  readonly name: string;
  readonly parameters: readonly Parameter[];
  readonly returns?: string;
}

/** Split on commas at bracket depth 0. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current);
  return out.map((p) => p.trim()).filter(Boolean);
}

function parameterOf(text: string): Parameter | undefined {
  const m = /^(\*{0,2}[A-Za-z_]\w*)\s*(?::\s*([^=]+?))?\s*(?:=\s*(.+))?$/s.exec(text);
  if (!m) return undefined;
  return {
    name: m[1]!,
    ...(m[2] ? { annotation: m[2].trim() } : {}),
    ...(m[3] ? { default: m[3].trim() } : {}),
  };
}

/** `name(a: str, b: int = 1) -> str` as a signature (a bare call `name(x)` too). */
export function signatureIn(code: string): Signature | undefined {
  const m =
    /^(?:def\s+)?([A-Za-z_]\w*)\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?:->\s*(.+?))?:?$/s.exec(
      code.trim(),
    );
  if (!m) return undefined;
  const parameters: Parameter[] = [];
  for (const part of splitTopLevel(m[2]!)) {
    const p = parameterOf(part);
    if (!p) return undefined;
    parameters.push(p);
  }
  return { name: m[1]!, parameters, ...(m[3] ? { returns: m[3].trim() } : {}) };
}

/** The spans that declare a field: `name: type` or `name: type = default`. */
export function fieldDeclarations(spans: readonly CodeSpan[]): string[] {
  return spans
    .map((s) => s.code)
    .filter(
      (c) => /^[a-z_]\w*\s*:\s*[A-Za-z_][\w.[\], |]*(\s*=\s*.+)?$/s.test(c) && !c.includes('\n'),
    );
}

/** The sentences of a text (split after `.`, `;` or a line break, not inside code spans). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '`') inCode = !inCode;
    current += ch;
    const boundary =
      !inCode && (ch === '\n' || ((ch === '.' || ch === ';') && /\s|$/.test(text[i + 1] ?? '')));
    if (boundary) {
      if (current.trim()) out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

export type TopLevelKind = 'def' | 'class' | 'assignment' | 'import' | 'other';

export interface TopLevelStatement {
  readonly kind: TopLevelKind;
  /** The name a `def`, `class` or `name = ...` binds. */
  readonly name: string | undefined;
  /** Decorators written above a `def` / `class` (`pytest.fixture`). */
  readonly decorators: readonly string[];
}

/**
 * The top-level statements of a code block, read from its tokens (strings and brackets
 * respected, no parser needed): what a recognizer needs to tell definitions from a
 * snippet. Decorator lines attach to the definition that follows.
 */
export function topLevelStatements(code: string): TopLevelStatement[] {
  const text = normaliseBlock(code);
  const out: TopLevelStatement[] = [];
  let depth = 0;
  let decorators: string[] = [];
  let lineStart = true;
  const tokens = codeTokens(tokenize(text));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const atColumn0 = t.start === 0 || text[t.start - 1] === '\n';
    if (depth === 0 && atColumn0 && lineStart) {
      const next = tokens[i + 1];
      if (t.text === '@') {
        decorators.push(dottedAt(tokens, i + 1));
      } else if ((t.text === 'def' || t.text === 'class') && next?.kind === 'name') {
        out.push({ kind: t.text === 'def' ? 'def' : 'class', name: next.text, decorators });
        decorators = [];
      } else if (t.text === 'async' && next?.text === 'def') {
        out.push({ kind: 'def', name: tokens[i + 2]?.text, decorators });
        decorators = [];
      } else if (t.text === 'import' || t.text === 'from') {
        out.push({ kind: 'import', name: undefined, decorators: [] });
      } else if (t.kind === 'name' && (next?.text === '=' || next?.text === ':')) {
        out.push({ kind: 'assignment', name: t.text, decorators: [] });
      } else out.push({ kind: 'other', name: undefined, decorators: [] });
    }
    if ('([{'.includes(t.text)) depth++;
    else if (')]}'.includes(t.text)) depth = Math.max(0, depth - 1);
    const nl = text.indexOf('\n', t.end);
    const nextToken = tokens[i + 1];
    lineStart = !!nextToken && nl !== -1 && nl < nextToken.start;
  }
  return out;
}

function dottedAt(tokens: readonly { text: string }[], from: number): string {
  let name = tokens[from]?.text ?? '';
  for (let j = from + 1; tokens[j]?.text === '.' && tokens[j + 1]; j += 2)
    name += `.${tokens[j + 1]!.text}`;
  return name;
}

/**
 * The text of a finding's fix sections (`Fix`, `Recommendation`, `Solution`,
 * `Remediation`); for a finding written as one paragraph, its `Description`.
 */
export function fixSections(sections: Readonly<Record<string, string>>): string {
  const pick = (pattern: RegExp) =>
    Object.entries(sections)
      .filter(([name]) => pattern.test(name))
      .map(([, text]) => text)
      .join('\n');
  return pick(/^(fix|recommendation|solution|remediation)/i) || pick(/^(description|details)$/i);
}
