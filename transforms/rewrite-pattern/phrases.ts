/**
 * The sentences a finding uses to ask for a structural rewrite, read from its prose with
 * inline code spans as the operands:
 * - "Replace `A` [and `C`] with `B` [and `D`] [in `x.py` and `y.py`]" (pairwise, or all to one);
 * - "use `B` instead of `A`"; "`A` ... becomes `B`" (not "`A` → `B`": arrows describe
 *   renames and call flows as often as rewrites);
 * - "Replace both literals with a call to `f()`" (the literal is the one string the
 *   finding quotes, as in F-05's `'HKD'`); "Replace hardcoded 'h2o' with `f()`";
 * - "Restrict [`k=V`] to `L1` [and `L2`]" (the keyword arguments the finding quotes,
 *   `allow_methods=["*"], allow_headers=["*"]`, each restricted to its list).
 * Each phrase yields operand texts, the files the sentence names, and the label of the
 * list item it is in ("Marketing page: Replace ..."); whether the operands are code,
 * and in which language, is checked by the recognizer.
 */

export interface PhraseRule {
  readonly pattern: string;
  readonly replacement: string;
}

export interface Phrase {
  readonly rules: readonly PhraseRule[];
  /** Code spans right after the phrase that look like file names (`in `a.py` and `b.py``). */
  readonly files: readonly string[];
  /** The label of the list item or paragraph the phrase is in (`Marketing page`), if any. */
  readonly label?: string;
}

/** Prose with each inline code span replaced by a token `⟦i⟧`, and the spans. */
interface Tokenized {
  readonly text: string;
  readonly spans: readonly string[];
}

function tokenize(prose: string): Tokenized {
  const spans: string[] = [];
  const text = prose.replace(/`([^`\n]+)`/g, (_w, code: string) => {
    spans.push(code.trim());
    return `⟦${spans.length - 1}⟧`;
  });
  return { text: text.replace(/\s+/g, ' '), spans };
}

const SPAN = '⟦\\d+⟧';
const SPAN_LIST = `${SPAN}(?:\\s*(?:,|and|or|&)\\s*${SPAN})*`;
const spanIndexes = (list: string) => [...list.matchAll(/⟦(\d+)⟧/g)].map((m) => Number(m[1]));

function pair(patterns: readonly string[], replacements: readonly string[]): PhraseRule[] {
  if (replacements.length === 1)
    return patterns.map((p) => ({ pattern: p, replacement: replacements[0]! }));
  if (patterns.length !== replacements.length) return [];
  return patterns.map((p, i) => ({ pattern: p, replacement: replacements[i]! }));
}

/** File-like spans in `in ⟦a⟧ and ⟦b⟧` right after `end`. */
function filesAfter(t: Tokenized, end: number): string[] {
  const m = new RegExp(`^\\s*(?:\\(\\s*)?in\\s+(?:the\\s+)?(?:files?\\s+)?(${SPAN_LIST})`).exec(
    t.text.slice(end),
  );
  if (!m) return [];
  return spanIndexes(m[1]!)
    .map((i) => t.spans[i]!)
    .filter((s) => /^[\w./@[\]-]+\.[A-Za-z]{1,4}$/.test(s));
}

const VERBS = '(?:replace|change|convert|switch|swap|rewrite)';

const PAIR_TAIL = `\\s+(?:with|to|by|into)\\s+(?:a call to\\s+|calls to\\s+)?(${SPAN_LIST})`;

/** "Replace `A` with `B`", and its continuations "..., and `C` with `D`". */
function replacePhrases(t: Tokenized): Phrase[] {
  const re = new RegExp(`\\b${VERBS}\\s+(${SPAN_LIST})${PAIR_TAIL}`, 'gi');
  const more = new RegExp(`^[^.⟦]{0,60}?\\band\\s+(${SPAN_LIST})${PAIR_TAIL}`, 'i');
  return [...t.text.matchAll(re)].map((m) => {
    const spans = (list: string) => spanIndexes(list).map((i) => t.spans[i]!);
    const rules = pair(spans(m[1]!), spans(m[2]!));
    let end = m.index! + m[0].length;
    const files = filesAfter(t, end);
    for (let next = more.exec(t.text.slice(end)); next; next = more.exec(t.text.slice(end))) {
      rules.push(...pair(spans(next[1]!), spans(next[2]!)));
      end += next[0].length;
      files.push(...filesAfter(t, end));
    }
    return { rules, files };
  });
}

function insteadPhrases(t: Tokenized): Phrase[] {
  const re = new RegExp(
    `(?:^|[.;:!]\\s+|\\b(?:should|to|and|then|please)\\s+)use\\s+(${SPAN})\\s+instead of\\s+(${SPAN})`,
    'gi',
  );
  return [...t.text.matchAll(re)].map((m) => ({
    rules: pair([t.spans[spanIndexes(m[2]!)[0]!]!], [t.spans[spanIndexes(m[1]!)[0]!]!]),
    files: filesAfter(t, m.index! + m[0].length),
  }));
}

function becomesPhrases(t: Tokenized): Phrase[] {
  const re = new RegExp(`(${SPAN})[^.⟦]{0,60}?\\bbecomes?\\s+(${SPAN})`, 'g');
  return [...t.text.matchAll(re)].map((m) => ({
    rules: pair([t.spans[spanIndexes(m[1]!)[0]!]!], [t.spans[spanIndexes(m[2]!)[0]!]!]),
    files: filesAfter(t, m.index! + m[0].length),
  }));
}

/** The one string literal the finding quotes in code (`'HKD'`), if there is exactly one value. */
export function soleQuotedLiteral(prose: string): string | undefined {
  const { spans } = tokenize(prose);
  const seen = new Map<string, string>();
  for (const span of spans) {
    for (const m of span.matchAll(/(['"])([^'"\\\n]+)\1/g)) {
      if (!seen.has(m[2]!)) seen.set(m[2]!, m[0]);
    }
  }
  return seen.size === 1 ? [...seen.values()][0] : undefined;
}

function literalPhrases(t: Tokenized, context: string): Phrase[] {
  const out: Phrase[] = [];
  const bare = new RegExp(
    `\\breplace\\s+(?:the\\s+)?hard-?coded\\s+((['"])[^'"]+\\2)\\s+with\\s+(?:a call to\\s+)?(${SPAN})`,
    'gi',
  );
  for (const m of t.text.matchAll(bare)) {
    out.push({
      rules: pair([m[1]!], [t.spans[spanIndexes(m[3]!)[0]!]!]),
      files: filesAfter(t, m.index! + m[0].length),
    });
  }
  const generic = new RegExp(
    `\\b${VERBS}\\s+(?:both|the|these|those|all|each|every|all the)?\\s*(?:hard-?coded\\s+)?(?:string\\s+)?(?:literals?|strings?|occurrences?)\\s+(?:with|by)\\s+(?:a call to\\s+|calls to\\s+)?(${SPAN})`,
    'gi',
  );
  const literal = soleQuotedLiteral(context);
  for (const m of t.text.matchAll(generic)) {
    if (!literal) continue;
    out.push({
      rules: pair([literal], [t.spans[spanIndexes(m[1]!)[0]!]!]),
      files: filesAfter(t, m.index! + m[0].length),
    });
  }
  return out;
}

const KEYWORD_ARG = /^\s*([A-Za-z_]\w*)\s*=\s*(.+?)\s*$/;

/** `k1=V1, k2=V2` quoted in the finding: the keyword arguments, split at top-level commas. */
function quotedKeywordArguments(spans: readonly string[]): string[] {
  for (const span of spans) {
    const parts = splitTopLevel(span);
    if (parts.length > 0 && parts.every((p) => KEYWORD_ARG.test(p)))
      return parts.map((p) => p.trim());
  }
  return [];
}

/** Split at commas outside brackets and quotes. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== '');
}

function restrictPhrases(t: Tokenized, context: Tokenized): Phrase[] {
  const re = new RegExp(`\\brestrict\\s+(?:(${SPAN})\\s+)?to\\s+(${SPAN_LIST})`, 'gi');
  const out: Phrase[] = [];
  for (const m of t.text.matchAll(re)) {
    const targets = m[1]
      ? splitTopLevel(t.spans[spanIndexes(m[1])[0]!]!)
      : quotedKeywordArguments(context.spans);
    const lists = spanIndexes(m[2]!).map((i) => t.spans[i]!);
    if (targets.length === 0 || targets.length !== lists.length) continue;
    const rules: PhraseRule[] = [];
    targets.forEach((target, i) => {
      const kw = KEYWORD_ARG.exec(target);
      if (kw) rules.push({ pattern: `${kw[1]}=${kw[2]}`, replacement: `${kw[1]}=${lists[i]}` });
    });
    if (rules.length === targets.length)
      out.push({ rules, files: filesAfter(t, m.index! + m[0].length) });
  }
  return out;
}

/** A list item or paragraph, and its label (`Marketing page` of "- Marketing page: ..."). */
function segments(prose: string): { text: string; label: string | undefined }[] {
  const out: { text: string; label: string | undefined }[] = [];
  for (const block of prose.split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/)) {
    const m = /^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*)?([A-Za-z][^:`*\n]{1,40}?)(?:\*\*)?:\s/.exec(block);
    out.push({ text: block, label: m?.[1]?.trim() });
  }
  return out;
}

/**
 * Every rewrite phrase of `fix` (the finding's fix prose), reading quoted literals and
 * keyword arguments from `context` (the whole finding) where the phrase points at them.
 */
export function rewritePhrases(fix: string, context: string): Phrase[] {
  const whole = tokenize(context);
  return segments(fix).flatMap(({ text, label }) => {
    const t = tokenize(text);
    return [
      ...replacePhrases(t),
      ...insteadPhrases(t),
      ...becomesPhrases(t),
      ...literalPhrases(t, context),
      ...restrictPhrases(t, whole),
    ]
      .filter((p) => p.rules.length > 0)
      .map((p) => (label ? { ...p, label } : p));
  });
}
