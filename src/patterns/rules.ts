/**
 * A rewrite rule (pattern -> replacement) compiled for one grammar: the pattern's
 * ast-grep alternatives and the facts about its replacement. Checks what can be checked
 * before looking at any file: both sides are valid code, and the replacement uses no
 * metavariable the pattern does not capture.
 */
import { type CompiledPattern, compilePattern } from './compile.js';
import { diagnostic, type PatternDiagnostic } from './diagnostics.js';
import { type PatternLanguage, parseWith } from './languages.js';
import type { ReplacementFacts } from './sites.js';
import { metavariablesOf, walkNodes, withPlaceholders } from './syntax.js';

export interface RewriteRule {
  /** Code with metavariables: `dict[str, object]`, `os.getenv($NAME)`, `'HKD'`. */
  readonly pattern: string;
  /** Code that replaces each match; `$X` / `$$$X` stand for what the pattern captured. */
  readonly replacement: string;
}

export interface CompiledRule {
  readonly index: number;
  readonly rule: RewriteRule;
  readonly pattern: CompiledPattern;
  readonly replacement: ReplacementFacts;
}

const CALL_KINDS = new Set([
  'call',
  'call_expression',
  'new_expression',
  'await',
  'await_expression',
]);

function callsSomething(text: string, lang: PatternLanguage): boolean {
  let found = false;
  walkNodes(parseWith(lang, withPlaceholders(text)).root(), (node) => {
    if (CALL_KINDS.has(String(node.kind()))) found = true;
    return !found;
  });
  return found;
}

/** Compile every rule for `lang`; the problems say which rule is wrong and why. */
export function compileRules(
  rules: readonly RewriteRule[],
  lang: PatternLanguage,
): { rules: CompiledRule[]; problems: PatternDiagnostic[] } {
  const out: CompiledRule[] = [];
  const problems: PatternDiagnostic[] = [];
  rules.forEach((rule, index) => {
    const pattern = compilePattern(rule.pattern, lang);
    if (!pattern.ok) {
      problems.push(invalid(`pattern ${pattern.reason}`));
      return;
    }
    const captured = new Set(pattern.pattern.metavariables.map((m) => m.name));
    const unknown = metavariablesOf(rule.replacement).filter((m) => !captured.has(m.name));
    if (unknown.length > 0) {
      problems.push(
        invalid(
          `the replacement \`${rule.replacement}\` uses ${unknown.map((m) => `$${m.name}`).join(', ')}, which the pattern \`${rule.pattern}\` does not capture`,
        ),
      );
      return;
    }
    const replacement =
      rule.replacement.trim() === ''
        ? ({ ok: false, reason: 'is empty' } as const)
        : compilePattern(rule.replacement, lang);
    if (!replacement.ok) {
      problems.push(invalid(`replacement ${replacement.reason}`));
      return;
    }
    const patternNames = new Set(pattern.pattern.names);
    out.push({
      index,
      rule,
      pattern: pattern.pattern,
      replacement: {
        template: rule.replacement,
        names: replacement.pattern.names,
        newNames: replacement.pattern.names.filter((n) => !patternNames.has(n)),
        calls: callsSomething(rule.replacement, lang),
        fitsType: replacement.pattern.alternatives.some((a) => a.form === 'type'),
      },
    });
  });
  return { rules: out, problems };

  function invalid(what: string): PatternDiagnostic {
    return diagnostic('error', 'pattern/invalid', what, {
      hint: 'write the pattern and the replacement as code of the file’s language; `$X` captures one node, `$$$X` several',
    });
  }
}
