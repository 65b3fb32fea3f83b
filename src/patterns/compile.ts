/**
 * Compile a pattern written as code (`dict[str, object]`, `os.getenv($NAME)`,
 * `allow_methods=["*"]`, `'HKD'`, `currency: 'HKD'`) into the ast-grep rules that find
 * it in one grammar. What a finding writes is not always valid standalone code, and
 * the same text means different nodes in different places, so a pattern becomes
 * several alternatives:
 * - `code`: the text as an expression or statement;
 * - `type`: the text in an annotation (Python annotations parse as `type`, not as the
 *   expression a bare `dict[str, object]` is; TS types likewise);
 * - `keyword` (Python `name=value`) and `property` (TS `key: value`): fragments that
 *   only exist inside a call or an object; `clause` (Python `except E as e:` and its
 *   block): a handler that only exists after a `try`;
 * each with its string literals in both quote styles (quotes are part of a string
 * pattern in ast-grep: `'HKD'` does not match `"HKD"`).
 */
import type { NapiConfig } from '@ast-grep/napi';
import { dedent } from '../core/text.js';
import { familyOf, type LanguageFamily, type PatternLanguage, parseWith } from './languages.js';
import {
  countSyntaxErrors,
  kindOf,
  type Metavariable,
  metavariablesOf,
  referencedNames,
  withPlaceholders,
} from './syntax.js';

/** Where a pattern sits: what kind of code it is. */
export type PatternForm = 'code' | 'type' | 'keyword' | 'property' | 'clause';

export interface PatternAlternative {
  readonly form: PatternForm;
  readonly config: NapiConfig;
}

export interface CompiledPattern {
  /** The pattern as written. */
  readonly source: string;
  readonly lang: PatternLanguage;
  readonly family: LanguageFamily;
  readonly alternatives: readonly PatternAlternative[];
  readonly metavariables: readonly Metavariable[];
  /** Names the pattern refers to (`os`, `dict`, `Mapping`): what a match depends on. */
  readonly names: readonly string[];
  /** Words every match contains: a file without all of them cannot match (prefilter). */
  readonly anchors: readonly string[];
}

export type CompileResult =
  | { readonly ok: true; readonly pattern: CompiledPattern }
  | { readonly ok: false; readonly reason: string };

interface FormContext {
  readonly form: PatternForm;
  /** Wrap the pattern in code that parses; `selector` is the kind of the node to match. */
  readonly wrap: (p: string) => string;
  readonly selector: string | ((root: import('@ast-grep/napi').SgNode) => string | undefined);
  /** Whether the form applies to this text at all. */
  readonly applies: (p: string) => boolean;
}

const KEYWORD_LIKE = /^\s*[A-Za-z_]\w*\s*=(?!=)/;
const PROPERTY_LIKE = /^\s*(?:[A-Za-z_$][\w$]*|'[^']*'|"[^"]*")\s*:(?!:)/;

const PYTHON_FORMS: readonly FormContext[] = [
  {
    form: 'keyword',
    wrap: (p) => `f(${p})`,
    selector: 'keyword_argument',
    applies: (p) => KEYWORD_LIKE.test(p),
  },
  { form: 'code', wrap: (p) => p, selector: '', applies: (p) => !/^\s*\w+=(?!=)/.test(p) },
  {
    form: 'type',
    wrap: (p) => `def f(x: ${p}): pass`,
    selector: 'type',
    applies: (p) => !KEYWORD_LIKE.test(p) && !p.includes('\n'),
  },
  {
    form: 'clause',
    wrap: (p) => `try:\n    pass\n${p}`,
    selector: 'except_clause',
    applies: (p) => /^except\b/.test(p),
  },
];

const TS_FORMS: readonly FormContext[] = [
  {
    form: 'property',
    wrap: (p) => `({${p}})`,
    selector: 'pair',
    applies: (p) => PROPERTY_LIKE.test(p),
  },
  { form: 'code', wrap: (p) => p, selector: '', applies: (p) => !PROPERTY_LIKE.test(p) },
  {
    form: 'type',
    wrap: (p) => `type __T = ${p};`,
    selector: (root) => {
      const value = root.find('type __T = $V')?.getMatch('V');
      return value ? kindOf(value) : undefined;
    },
    applies: (p) => !PROPERTY_LIKE.test(p),
  },
];

interface CompiledForm {
  readonly alternatives: PatternAlternative[];
  readonly names: string[];
}

/** The alternatives of one form, or undefined when the text is not valid code in that form. */
function compileForm(
  source: string,
  lang: PatternLanguage,
  form: FormContext,
): CompiledForm | undefined {
  if (!form.applies(source)) return undefined;
  const probe = parseWith(lang, form.wrap(withPlaceholders(source))).root();
  if (countSyntaxErrors(probe) > 0) return undefined;
  const selector = typeof form.selector === 'string' ? form.selector : form.selector(probe);
  if (selector === undefined) return undefined;
  const node = selector === '' ? probe : probe.find({ rule: { kind: selector } });
  if (!node) return undefined;
  const alternatives = quoteVariants(source)
    .filter(
      (text) => countSyntaxErrors(parseWith(lang, form.wrap(withPlaceholders(text))).root()) === 0,
    )
    .map((text) => ({
      form: form.form,
      config:
        selector === ''
          ? { rule: { pattern: text } }
          : { rule: { pattern: { context: form.wrap(text), selector } } },
    }));
  return { alternatives, names: referencedNames(node, familyOf(lang)) };
}

/**
 * The text, and the text with every simple string literal (no quote or backslash inside)
 * in the other quote style: code is usually consistent within a file, so the two
 * variants cover it.
 */
export function quoteVariants(text: string): string[] {
  const flipped = text.replace(/(['"])([^'"\\\n]*)\1/g, (_w, q: string, body: string) => {
    const other = q === "'" ? '"' : "'";
    return `${other}${body}${other}`;
  });
  return unique([text, flipped]);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** Literal words of the pattern (identifiers and string contents), longest first. */
function anchorsOf(source: string): string[] {
  const withoutMetavariables = source.replace(/\$\$\$[A-Z_0-9]*|\$[A-Z_][A-Z0-9_]*/g, ' ');
  const words = withoutMetavariables.match(/[A-Za-z_$][\w$]*|\d+/g) ?? [];
  const strings = [...withoutMetavariables.matchAll(/(['"])([^'"\\\n]+)\1/g)].map((m) => m[2]!);
  return unique([...words, ...strings]).sort((a, b) => b.length - a.length);
}

/** The code a form puts around a snippet so that it parses (`f(<keyword>)`, `try: ... <except>`). */
export function wrapInForm(form: PatternForm, lang: PatternLanguage, text: string): string {
  const forms = familyOf(lang) === 'python' ? PYTHON_FORMS : TS_FORMS;
  return (forms.find((f) => f.form === form)?.wrap ?? ((p: string) => p))(text);
}

/** Compile a pattern (dedented) for one grammar; a reason when it is not valid code in any form. */
export function compilePattern(written: string, lang: PatternLanguage): CompileResult {
  const family = familyOf(lang);
  const source = dedent(written).trim();
  if (source.trim() === '') return { ok: false, reason: 'the pattern is empty' };
  const alternatives: PatternAlternative[] = [];
  const names = new Set<string>();
  for (const form of family === 'python' ? PYTHON_FORMS : TS_FORMS) {
    const compiled = compileForm(source, lang, form);
    if (!compiled) continue;
    alternatives.push(...compiled.alternatives);
    for (const name of compiled.names) names.add(name);
  }
  if (alternatives.length === 0) {
    return { ok: false, reason: `\`${source}\` is not valid ${lang} code` };
  }
  return {
    ok: true,
    pattern: {
      source,
      lang,
      family,
      alternatives,
      metavariables: metavariablesOf(source),
      names: [...names],
      anchors: anchorsOf(source),
    },
  };
}
