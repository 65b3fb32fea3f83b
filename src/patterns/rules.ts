/**
 * A rewrite rule (pattern -> replacement) compiled for one grammar: the pattern's
 * ast-grep alternatives and the facts about its replacement. Checks what can be checked
 * before looking at any file: both sides are valid code, and the replacement uses no
 * metavariable the pattern does not capture.
 */
import { dedent } from '../core/text.js';
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
  /** The index of the rule in the request (a reference companion shares its rule's). */
  readonly index: number;
  readonly rule: RewriteRule;
  /** A companion matching references to the rule's function, not calls of it. */
  readonly reference: boolean;
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
/** Code inside these runs later, when it is called: not where it is written. */
const DEFERRED = new Set(['lambda', 'arrow_function', 'function_expression', 'function']);

/** Whether the code calls something where it stands (a call inside a lambda does not count). */
function callsSomething(text: string, lang: PatternLanguage): boolean {
  let found = false;
  walkNodes(parseWith(lang, withPlaceholders(text)).root(), (node) => {
    const kind = String(node.kind());
    if (CALL_KINDS.has(kind)) found = true;
    return !found && !DEFERRED.has(kind);
  });
  return found;
}

type Compiled = { ok: true; rule: CompiledRule } | { ok: false; reason: string };

function compileOne(rule: RewriteRule, index: number, lang: PatternLanguage): Compiled {
  const pattern = compilePattern(rule.pattern, lang);
  if (!pattern.ok) return { ok: false, reason: `pattern ${pattern.reason}` };
  const captured = new Set(pattern.pattern.metavariables.map((m) => m.name));
  const unknown = metavariablesOf(rule.replacement).filter((m) => !captured.has(m.name));
  if (unknown.length > 0) {
    const names = unknown.map((m) => `$${m.name}`).join(', ');
    return {
      ok: false,
      reason: `the replacement \`${rule.replacement}\` uses ${names}, which the pattern \`${rule.pattern}\` does not capture`,
    };
  }
  const replacement = compilePattern(rule.replacement, lang);
  if (!replacement.ok) return { ok: false, reason: `replacement ${replacement.reason}` };
  const patternNames = new Set(pattern.pattern.names);
  const names = replacement.pattern.names;
  return {
    ok: true,
    rule: {
      index,
      rule,
      pattern: pattern.pattern,
      reference: false,
      replacement: {
        template: dedent(rule.replacement).trim(),
        names,
        newNames: names.filter((n) => !patternNames.has(n)),
        calls: callsSomething(rule.replacement, lang),
        addsCall: callsSomething(rule.replacement, lang) && !callsSomething(rule.pattern, lang),
        fitsType: replacement.pattern.alternatives.some((a) => a.form === 'type'),
      },
    },
  };
}

/**
 * The companion of a rule that replaces a call without arguments (`datetime.utcnow()`):
 * a reference to the same function used as a callable (`default=datetime.utcnow`) is that
 * call deferred, so it becomes `lambda: <replacement>` (`() => <replacement>` in TS).
 */
function referenceRule(compiled: CompiledRule, lang: PatternLanguage): CompiledRule | undefined {
  const m = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)\(\s*\)\s*$/.exec(compiled.rule.pattern);
  if (!m) return undefined;
  const replacement = `${lang === 'python' ? 'lambda: ' : '() => '}${compiled.rule.replacement}`;
  const derived = compileOne({ pattern: m[1]!, replacement }, compiled.index, lang);
  return derived.ok ? { ...derived.rule, reference: true } : undefined;
}

/** Compile every rule for `lang` (and their reference companions); the problems say which rule is wrong and why. */
export function compileRules(
  rules: readonly RewriteRule[],
  lang: PatternLanguage,
): { rules: CompiledRule[]; problems: PatternDiagnostic[] } {
  const out: CompiledRule[] = [];
  const problems: PatternDiagnostic[] = [];
  rules.forEach((rule, index) => {
    const compiled = compileOne(rule, index, lang);
    if (!compiled.ok) {
      problems.push(
        diagnostic('error', 'pattern/invalid', compiled.reason, {
          hint: 'write the pattern and the replacement as code of the file’s language; `$X` captures one node, `$$$X` several',
        }),
      );
      return;
    }
    out.push(compiled.rule);
    const reference = referenceRule(compiled.rule, lang);
    if (reference) out.push(reference);
  });
  return { rules: out, problems };
}
