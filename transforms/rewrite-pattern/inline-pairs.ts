/**
 * A before/after pair written inline: the fix quotes the new code (`Query(50, ge=1,
 * le=200)`) and the problem quotes the current code with the same shape
 * (`page_size: int = Query(50, ge=1, le=1000)`). Where a fix span and a stretch of a
 * problem span have the same tokens except for literal values, that stretch is the
 * pattern and the fix span its replacement. Literals only: a different name is a
 * different thing, not a changed value.
 */
import type { PhraseRule } from './phrases.js';

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly literal: boolean;
}

const TOKEN = /[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|'[^'\n]*'|"[^"\n]*"|\S/g;

function tokens(code: string): Token[] {
  return [...code.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
    literal: /^(\d|'|")/.test(m[0]),
  }));
}

const spans = (prose: string) => [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim());

/** The stretch of `code` shaped like `after` with other literal values, if there is one. */
function sameShape(code: string, after: readonly Token[]): string | undefined {
  const have = tokens(code);
  for (let i = 0; i + after.length <= have.length; i++) {
    const window = have.slice(i, i + after.length);
    const fits = window.every((t, k) =>
      after[k]!.literal ? t.literal : t.text === after[k]!.text,
    );
    const changed = window.some((t, k) => t.text !== after[k]!.text);
    if (fits && changed) return code.slice(window[0]!.start, window[window.length - 1]!.end);
  }
  return undefined;
}

/** Rules from fix spans whose earlier shape the rest of the finding quotes. */
export function inlinePairs(fix: string, problem: string): PhraseRule[] {
  const rules: PhraseRule[] = [];
  const before = spans(problem);
  for (const replacement of spans(fix)) {
    const after = tokens(replacement);
    // Code with structure (a call, a subscript, a keyword argument), not a bare value.
    if (after.length < 3 || !after.some((t) => ['(', '[', '='].includes(t.text))) continue;
    const found = before.map((c) => sameShape(c, after)).find((p) => p !== undefined);
    if (found && !rules.some((r) => r.pattern === found))
      rules.push({ pattern: found, replacement });
  }
  return rules;
}
