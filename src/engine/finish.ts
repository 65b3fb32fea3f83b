/**
 * The last steps of the pipeline, over a batch of results: the semantic guard (each
 * language judges all of its changed files at once), then formatting of the edited
 * regions and a re-parse of the formatted text. A file the guard rejects fails with
 * both texts attached; a file the formatter cannot handle stays unformatted, with a warning.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { ChangedFile, FileResult } from '../core/result.js';
import { type AnyLanguage, type GuardVerdict, type LanguageEnv, languageOf } from './language.js';
import { errorMessage } from './pipeline.js';

export interface FinishOptions {
  readonly guard: boolean;
  readonly format: boolean;
}

/** Guard and format every changed result of `results` (in place of the result it replaces). */
export function finishResults(
  results: readonly FileResult[],
  opts: FinishOptions,
  env: LanguageEnv,
): FileResult[] {
  try {
    if (!opts.guard && !opts.format) return [...results];
    const verdicts = opts.guard ? guardAll(results, env) : new Map<string, GuardVerdict>();
    return results.map((r) => {
      const language = r.kind === 'changed' ? languageOf(r.path) : undefined;
      if (r.kind !== 'changed' || !language) return r;
      const guarded = applyVerdict(r, verdicts.get(r.path));
      const formattable = guarded.kind === 'changed' && !guarded.deleted;
      return formattable && opts.format ? format(guarded, language, env) : guarded;
    });
  } finally {
    // Trees the pipeline kept for formatting and formatting did not take.
    for (const language of new Set(results.map((r) => languageOf(r.path))))
      language?.releaseTrees?.();
  }
}

/**
 * One guard call per language, over all its changed files except those whose fixes
 * prove the guard has nothing to find (`guardNeedless`, src/engine/guard-proof.ts).
 */
function guardAll(results: readonly FileResult[], env: LanguageEnv): Map<string, GuardVerdict> {
  const byLanguage = new Map<AnyLanguage, ChangedFile[]>();
  for (const r of results) {
    const language = r.kind === 'changed' ? languageOf(r.path) : undefined;
    if (r.kind === 'changed' && language && !r.guardNeedless)
      byLanguage.set(language, [...(byLanguage.get(language) ?? []), r]);
  }
  const verdicts = new Map<string, GuardVerdict>();
  for (const [language, changes] of byLanguage) {
    for (const [path, verdict] of language.guard(changes, env)) verdicts.set(path, verdict);
  }
  return verdicts;
}

function applyVerdict(file: ChangedFile, verdict: GuardVerdict | undefined): FileResult {
  if (!verdict) return file;
  if (verdict.failure !== undefined || verdict.errors.length > 0) {
    const list = verdict.errors.map((g) => `${g.code} ${g.message} (line ${g.line})`).join('; ');
    return {
      kind: 'failed',
      path: file.path,
      error: verdict.failure ?? `the rewrite would break the module: ${list}`,
      diagnostics: file.diagnostics,
      before: file.before,
      after: file.after,
      ...(file.heldBack ? { heldBack: file.heldBack } : {}),
    };
  }
  if (verdict.warnings.length === 0) return file;
  const warnings: Diagnostic[] = verdict.warnings.map((g) => ({
    severity: 'warning',
    code: `guard/${g.code.toLowerCase()}`,
    message: `${g.code} ${g.message}`,
    file: file.path,
    line: g.line,
  }));
  return { ...file, diagnostics: [...file.diagnostics, ...warnings] };
}

function format(file: ChangedFile, language: AnyLanguage, env: LanguageEnv): FileResult {
  let formatted: string;
  try {
    const result = language.formatRegions(file, env);
    formatted = typeof result === 'string' ? result : result.text;
    // `after` parsed when the file was settled; a CheckedText was parsed by the adapter.
    if (typeof result === 'string' && formatted !== file.after) {
      const tree = language.parse(file.path, formatted);
      const broken = language.syntaxError(tree);
      language.dispose(tree);
      if (broken) return withWarning(file, 'not formatted: the formatted text did not parse');
    }
  } catch (error) {
    return withWarning(file, `not formatted: ${errorMessage(error)}`);
  }
  if (formatted === file.before && !file.created) {
    const { path, diagnostics, heldBack } = file;
    return { kind: 'unchanged', path, diagnostics, ...(heldBack ? { heldBack } : {}) };
  }
  return { ...file, after: formatted };
}

function withWarning(file: ChangedFile, message: string): ChangedFile {
  const warning: Diagnostic = {
    severity: 'warning',
    code: 'format/failed',
    message,
    file: file.path,
  };
  return { ...file, diagnostics: [...file.diagnostics, warning] };
}
