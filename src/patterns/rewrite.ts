/**
 * The rewrite planner: rules (pattern -> replacement) over a set of files, as pure
 * computation. In: the files' texts and the request; out: per file the fixes (one per
 * match, each with its applicability and why), the imports the replacement needs, the
 * imports the pattern may leave unused, and diagnostics. Any error diagnostic is a
 * refusal: the caller must change nothing. Where the pattern matches nothing in the
 * files, that is a refusal too (the document is wrong about the code), unless the
 * replacement is already there (nothing to do).
 */
import type { SgNode } from '@ast-grep/napi';
import { diagnostic, type PatternDiagnostic } from './diagnostics.js';
import { type FilePlan, type PlanOptions, planFile, type SourceText } from './file-plan.js';
import { hoistInto } from './hoist.js';
import { type ImportNeed, wellKnownImport } from './imports.js';
import {
  type LanguageFamily,
  type PatternLanguage,
  parseWith,
  patternLanguageOf,
} from './languages.js';
import { findMatches } from './match.js';
import { type CompiledRule, compileRules, type RewriteRule } from './rules.js';
import { type Homes, homesOf, ruleNames, rulesInFileStyle } from './spelling.js';

export type { SourceText } from './file-plan.js';
export type { RewriteRule } from './rules.js';

export interface RewriteRequest {
  readonly rules: readonly RewriteRule[];
  readonly files: readonly SourceText[];
  /** `named`: the finding names these files; `searched`: they are the files that contain the pattern's words. */
  readonly scope: 'named' | 'searched';
  /** The finding (or config) asks for exactly this change (see sites.ts, applicability). */
  readonly intended?: boolean;
  readonly onAmbiguous?: 'refuse' | 'skip';
  /** Sources for names the replacement needs, given by the finding or the config. */
  readonly imports?: readonly ImportNeed[];
  /** Hoist the replacement into a module constant (named, or named after the call). */
  readonly hoist?: { readonly name?: string };
  /** How the project already imports a name (another file's import), if it does. */
  readonly findImport?: (name: string, family: LanguageFamily) => ImportNeed | undefined;
  /** Why an import cannot work (its module does not define the name), if the project can tell. */
  readonly checkImport?: (need: ImportNeed, family: LanguageFamily) => string | undefined;
}

/** What the caller applies to one file: its fixes, the imports to add and to drop if unused. */
export type FileRewrite = Pick<FilePlan, 'path' | 'family' | 'fixes' | 'imports' | 'removals'>;

export interface RewritePlan {
  /** Files with at least one fix. */
  readonly files: readonly FileRewrite[];
  /** Warnings and infos. */
  readonly diagnostics: readonly PatternDiagnostic[];
  /** Errors: when any, refuse and change nothing. */
  readonly problems: readonly PatternDiagnostic[];
}

/** Plan the rewrite of `request.files`. */
export function planRewrite(request: RewriteRequest): RewritePlan {
  const diagnostics: PatternDiagnostic[] = [];
  const problems: PatternDiagnostic[] = [];
  const options: PlanOptions = {
    intended: request.intended ?? false,
    onAmbiguous: request.onAmbiguous ?? 'refuse',
    resolveImport: importResolver(request),
    ...(request.checkImport ? { checkImport: request.checkImport } : {}),
  };
  const parsed = parseAll(request.files, diagnostics);
  const homes = pythonHomes(request, parsed, options);
  const compiled = new Map<string, CompiledRule[]>();
  const plans: FilePlan[] = [];
  for (const { file, lang, root } of parsed) {
    const styled = lang === 'python' ? rulesInFileStyle(request.rules, root, homes) : request.rules;
    const rules = rulesFor(lang, styled, compiled, problems);
    if (rules.length === 0) continue;
    let plan = planFile(file, rules, options, root);
    if (request.hoist && plan.fixes.length > 0) plan = hoistInto(plan, file, request.hoist.name);
    plans.push(plan);
    diagnostics.push(...plan.diagnostics);
    problems.push(...plan.problems);
  }
  problems.push(...coverage(request, plans, compiled, diagnostics));
  return {
    files: plans
      .filter((p) => p.fixes.length > 0)
      .map(({ path, family, fixes, imports, removals }) => ({
        path,
        family,
        fixes,
        imports,
        removals,
      })),
    diagnostics,
    problems,
  };
}

interface ParsedFile {
  readonly file: SourceText;
  readonly lang: PatternLanguage;
  readonly root: SgNode;
}

function parseAll(files: readonly SourceText[], diagnostics: PatternDiagnostic[]): ParsedFile[] {
  const out: ParsedFile[] = [];
  for (const file of files) {
    const lang = patternLanguageOf(file.path);
    if (lang) out.push({ file, lang, root: parseWith(lang, file.text).root() });
    else {
      const message = 'not a Python or TypeScript/JavaScript file; skipped';
      diagnostics.push(
        diagnostic('warning', 'pattern/file-no-match', message, { file: file.path }),
      );
    }
  }
  return out;
}

/** Where the Python names of the rules come from (see spelling.ts). */
function pythonHomes(
  request: RewriteRequest,
  parsed: readonly ParsedFile[],
  options: PlanOptions,
): Homes {
  const python = parsed.filter((p) => p.lang === 'python').map((p) => p.root);
  if (python.length === 0) return new Map();
  return homesOf(ruleNames(request.rules), python, (name) => options.resolveImport(name, 'python'));
}

function importResolver(request: RewriteRequest): PlanOptions['resolveImport'] {
  return (name, family) =>
    request.imports?.find((i) => (i.alias ?? i.name) === name) ??
    request.findImport?.(name, family) ??
    wellKnownImport(name, family);
}

function rulesFor(
  lang: PatternLanguage,
  rules: readonly RewriteRule[],
  cache: Map<string, CompiledRule[]>,
  problems: PatternDiagnostic[],
): CompiledRule[] {
  const key = `${lang}\u0000${JSON.stringify(rules)}`;
  let compiled = cache.get(key);
  if (!compiled) {
    const result = compileRules(rules, lang);
    problems.push(...result.problems);
    compiled = result.problems.length > 0 ? [] : result.rules;
    cache.set(key, compiled);
  }
  return compiled;
}

/**
 * What matched where: no match anywhere is a refusal (unless already applied); a rule
 * or a named file without a match is reported.
 */
function coverage(
  request: RewriteRequest,
  plans: readonly FilePlan[],
  compiled: ReadonlyMap<string, CompiledRule[]>,
  diagnostics: PatternDiagnostic[],
): PatternDiagnostic[] {
  if ([...compiled.values()].every((r) => r.length === 0)) return [];
  const matched = new Set(plans.flatMap((p) => [...p.matchedRules]));
  const where = describeFiles(request);
  if (matched.size === 0) {
    if (alreadyApplied(request)) {
      diagnostics.push(
        diagnostic(
          'info',
          'pattern/already-applied',
          `the replacement is already in ${where}: nothing to rewrite`,
        ),
      );
      return [];
    }
    const patterns = request.rules.map((r) => `\`${r.pattern}\``).join(', ');
    return [
      diagnostic('error', 'pattern/no-match', `${patterns} matches nothing in ${where}`, {
        hint: 'the document may be wrong about the code: check the pattern against these files, or name other files',
      }),
    ];
  }
  request.rules.forEach((rule, i) => {
    if (!matched.has(i)) {
      diagnostics.push(
        diagnostic(
          'warning',
          'pattern/file-no-match',
          `\`${rule.pattern}\` matches nothing in ${where}`,
          { undone: true },
        ),
      );
    }
  });
  if (request.scope === 'named') {
    for (const p of plans) {
      if (p.matchedRules.size === 0)
        diagnostics.push(
          diagnostic('info', 'pattern/file-no-match', 'no match in this file', { file: p.path }),
        );
    }
  }
  return [];
}

function describeFiles(request: RewriteRequest): string {
  if (request.files.length === 0) return 'any file (none contains its words)';
  const names = request.files.map((f) => f.path);
  const shown = names.length > 6 ? [...names.slice(0, 6), `${names.length - 6} more`] : names;
  return shown.join(', ');
}

/** Whether every rule's replacement (read as a pattern) occurs in the files. */
function alreadyApplied(request: RewriteRequest): boolean {
  const found = new Set<number>();
  for (const file of request.files) {
    const lang = patternLanguageOf(file.path);
    if (!lang) continue;
    const reversed = compileRules(
      request.rules.map((r) => ({ pattern: r.replacement, replacement: r.pattern })),
      lang,
    );
    const root = parseWith(lang, file.text).root();
    for (const r of reversed.rules)
      if (findMatches(root, r.pattern, r.index).length > 0) found.add(r.index);
  }
  return found.size === request.rules.length;
}
