/**
 * Does a finding ask for a structural rewrite? Reads its fix prose (phrases.ts), its
 * inline code and code blocks: "Replace `dict[str, object]` with `dict[str, Any]` in X
 * and Y"; "Restrict `allow_methods=["*"]` to [...]"; "use `app.debug` instead of
 * `os.getenv("DEBUG")`"; "a `'HKD'` string literal ... becomes `getDefaultCurrencyCode()`";
 * a one-line before/after pair that replace-snippet does not take (TS/JS, metavariables,
 * or several files). Each operand must be code in the finding's language and the
 * pattern more than a bare name (a bare name is a rename). Pure: reads only the finding.
 */
import { dedent } from '../../src/core/text.js';
import type { CodeBlock, Finding } from '../../src/findings/types.js';
import { compilePattern } from '../../src/patterns/compile.js';
import {
  type LanguageFamily,
  type PatternLanguage,
  patternLanguageOf,
} from '../../src/patterns/languages.js';
import { mayContain } from '../../src/patterns/match.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import { findingImports } from './finding-imports.js';
import { inlinePairs } from './inline-pairs.js';
import type { RewritePatternOptions } from './options.js';
import { type PhraseRule, rewritePhrases } from './phrases.js';

const FIX_SECTIONS =
  /^(fix|fixes|remediation|recommendation|recommended fix|solution|implementation spec|implementation|description|action|proposed fix|suggested fix)$/i;

/** The prose that says what to do: the fix sections, else the whole body without code blocks. */
function fixProse(finding: Finding): string {
  const sections = Object.entries(finding.sections)
    .filter(([name]) => FIX_SECTIONS.test(name.trim()))
    .map(([, text]) => text);
  const prose = sections.length > 0 ? sections.join('\n') : finding.body;
  return prose.replace(/```[\s\S]*?```/g, ' ');
}

/** The finding's language family from its files (or code blocks), if it has one. */
function familyOfFinding(finding: Finding): LanguageFamily | undefined {
  const langs = finding.files.map(patternLanguageOf).filter((l): l is PatternLanguage => !!l);
  if (langs.length > 0)
    return langs.every((l) => l === 'python')
      ? 'python'
      : langs.some((l) => l === 'python')
        ? undefined
        : 'typescript';
  const blockLangs = finding.codeBlocks.map((b) => b.lang ?? '');
  if (blockLangs.some((l) => /^(py|python3?)$/.test(l))) return 'python';
  if (blockLangs.some((l) => /^(ts|tsx|js|jsx|typescript|javascript)$/.test(l)))
    return 'typescript';
  return undefined;
}

const BARE_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** `f()` on both sides, or `(...)`: "any arguments", kept as they are. */
function normaliseRule(rule: PhraseRule): PhraseRule | undefined {
  let pattern = dedent(rule.pattern).trim();
  let replacement = dedent(rule.replacement).trim();
  const dots = (s: string) => s.includes('...');
  if (dots(pattern) !== dots(replacement)) return undefined;
  if (dots(pattern)) {
    pattern = pattern.replace(/\.\.\./g, '$$$$$$ARGS');
    replacement = replacement.replace(/\.\.\./g, '$$$$$$ARGS');
  }
  const emptyCall = /^[\w.$]+\(\)$/;
  if (emptyCall.test(pattern) && emptyCall.test(replacement)) {
    pattern = `${pattern.slice(0, -2)}($$$ARGS)`;
    replacement = `${replacement.slice(0, -2)}($$$ARGS)`;
  }
  if (pattern === replacement || BARE_NAME.test(pattern)) return undefined;
  return placeholdersToMetavariables({ pattern, replacement });
}

/** Auditor notation: a single capital letter on both sides (`Optional[X]` -> `X | None`) stands for any node. */
function placeholdersToMetavariables(rule: PhraseRule): PhraseRule {
  const letter = /(?<![\w$'".])([A-Z])(?![\w$'"])/g;
  const inPattern = new Set([...rule.pattern.matchAll(letter)].map((m) => m[1]!));
  const shared = [...rule.replacement.matchAll(letter)]
    .map((m) => m[1]!)
    .filter((l) => inPattern.has(l));
  if (shared.length === 0) return rule;
  const swap = (s: string) =>
    s.replace(letter, (w, l: string) => (shared.includes(l) ? `$${l}` : w));
  return { pattern: swap(rule.pattern), replacement: swap(rule.replacement) };
}

function grammarsFor(family: LanguageFamily | undefined): PatternLanguage[] {
  if (family === 'python') return ['python'];
  if (family === 'typescript') return ['tsx'];
  return ['python', 'tsx'];
}

/** Both sides are code in one grammar of the family. */
function isCodeRule(rule: PhraseRule, family: LanguageFamily | undefined): boolean {
  return grammarsFor(family).some(
    (lang) => compilePattern(rule.pattern, lang).ok && compilePattern(rule.replacement, lang).ok,
  );
}

/** Resolve file names a sentence gives (`user_assets.py`) against the finding's paths. */
function resolveFiles(names: readonly string[], finding: Finding): string[] {
  const out: string[] = [];
  for (const name of names) {
    const found = finding.files.filter((f) => f === name || f.endsWith(`/${name}`));
    if (found.length === 1) out.push(found[0]!);
    else if (name.includes('/')) out.push(name);
    else return [];
  }
  return out;
}

/**
 * The finding's files a list-item label points at ("Marketing page: Replace ..." ->
 * `apps/web/app/marketing/page.tsx`): words of the label that occur in some of the
 * files' paths but not in all of them.
 */
function labelledFiles(labels: readonly string[], finding: Finding): string[] {
  const files = defaultFiles(finding);
  const words = labels
    .flatMap((l) => l.toLowerCase().split(/[^a-z0-9]+/))
    .filter((w) => w.length >= 3);
  const hits = (w: string) => files.filter((f) => f.toLowerCase().includes(w));
  const telling = words.filter((w) => hits(w).length > 0 && hits(w).length < files.length);
  return files.filter((f) => telling.some((w) => f.toLowerCase().includes(w)));
}

function defaultFiles(finding: Finding): string[] {
  const supported = (p: string) => patternLanguageOf(p) !== undefined;
  const modify = finding.fileRefs.filter((r) => r.role === 'modify' && supported(r.path));
  if (modify.length > 0) return [...new Set(modify.map((r) => r.path))];
  return finding.files.filter(supported);
}

/** A short before/after pair (an expression, a statement, an `except` clause) replace-snippet would not take. */
function blockPair(finding: Finding, family: LanguageFamily | undefined): PhraseRule[] {
  const blocks = finding.codeBlocks;
  const at = blocks.findIndex((b) => b.role === 'before');
  const after = at === -1 ? undefined : blocks.slice(at + 1).find((b) => b.role === 'after');
  if (!after) return [];
  const before = blocks[at]!;
  const short = (b: CodeBlock) =>
    b.code.trim().split('\n').length <= 3 && !/^\s*(async\s+)?(def|class|function)\b/m.test(b.code);
  if (!short(before) || !short(after)) return [];
  const python = (b: CodeBlock) => b.lang === null || /^(py|python3?)$/.test(b.lang);
  const snippetTakes =
    python(before) && !before.code.includes('$') && defaultFiles(finding).length === 1;
  if (snippetTakes) return [];
  const rule = normaliseRule({ pattern: before.code, replacement: after.code });
  return rule && isCodeRule(rule, family) ? [rule] : [];
}

/** An inline before/after pair (inline-pairs.ts), each side code of the finding's language. */
function inlineRules(finding: Finding, family: LanguageFamily | undefined): PhraseRule[] {
  const problem = Object.entries(finding.sections)
    .filter(([name]) => !FIX_SECTIONS.test(name.trim()))
    .map(([, text]) => text)
    .join('\n');
  return inlinePairs(fixProse(finding), problem)
    .map(normaliseRule)
    .filter((r): r is PhraseRule => !!r && isCodeRule(r, family));
}

export function inferRewriteOptions(finding: Finding): RewritePatternOptions | undefined {
  const family = familyOfFinding(finding);
  const context = `${finding.title}\n${finding.body}`;
  const phrases = rewritePhrases(fixProse(finding), context);
  const rules: PhraseRule[] = [];
  const sentenceFiles: string[] = [];
  const labels: string[] = [];
  for (const phrase of phrases) {
    const valid = phrase.rules
      .map(normaliseRule)
      .filter((r): r is PhraseRule => !!r && isCodeRule(r, family));
    if (valid.length !== phrase.rules.length) continue;
    for (const r of valid) if (!rules.some((x) => x.pattern === r.pattern)) rules.push(r);
    sentenceFiles.push(...phrase.files);
    if (phrase.label) labels.push(phrase.label);
  }
  if (rules.length === 0) rules.push(...blockPair(finding, family));
  if (rules.length === 0) rules.push(...inlineRules(finding, family));
  if (rules.length === 0) return undefined;
  const named = resolveFiles(sentenceFiles, finding);
  const labelled = named.length > 0 ? [] : labelledFiles(labels, finding);
  const files = named.length > 0 ? named : labelled.length > 0 ? labelled : defaultFiles(finding);
  const used = new Set(rules.flatMap((r) => r.replacement.match(/[A-Za-z_$][\w$]*/g) ?? []));
  const imports = findingImports(finding).filter((i) => used.has(i.alias ?? i.name ?? ''));
  return {
    rules,
    ...(files.length > 0 ? { files } : family ? { language: family } : {}),
    ...(imports.length > 0 ? { imports } : {}),
    intended: true,
  };
}

/** Notes for `plan`/`show`: the rules, and named files where the pattern cannot occur. */
export function explainRewrite(
  _finding: Finding,
  options: RewritePatternOptions,
  read: (path: string) => string | undefined,
): string[] {
  const notes = options.rules.map((r) => `rewrite \`${r.pattern}\` -> \`${r.replacement}\``);
  for (const file of options.files ?? []) {
    const text = read(file);
    const lang = patternLanguageOf(file);
    if (text === undefined) {
      notes.push(`${file} does not exist`);
      continue;
    }
    if (!lang) continue;
    const compiled = options.rules.map((r) => compilePattern(r.pattern, lang));
    if (compiled.every((c) => c.ok && !mayContain(text, c.pattern)))
      notes.push(
        `${file}: the pattern's words do not occur in it (the document may be wrong about the code)`,
      );
  }
  return notes;
}

/**
 * A rewrite whose replacement elides what only the author can write ("Replace `pass`
 * with `logger.warning(..., exc_info=True)`": the message): why it stays manual.
 */
export function declineRewrite(finding: Finding): string | undefined {
  const phrases = rewritePhrases(fixProse(finding), `${finding.title}\n${finding.body}`);
  const elided = phrases
    .flatMap((p) => p.rules)
    .find((r) => !r.pattern.includes('...') && r.replacement.includes('...'));
  if (!elided) return undefined;
  return `the fix replaces \`${elided.pattern.trim()}\` with \`${elided.replacement.trim()}\`, whose \`...\` (e.g. the log message) the document leaves to its author; no transform invents it: write it by hand, or map the finding in remedy.config.json with the full replacement`;
}

export const recognizer: Recognizer<RewritePatternOptions> = {
  transform: 'rewrite-pattern',
  infer: inferRewriteOptions,
  explain: explainRewrite,
  decline: declineRewrite,
};
