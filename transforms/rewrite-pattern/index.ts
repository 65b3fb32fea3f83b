/**
 * rewrite-pattern — structural search and replace, for Python and TypeScript/JavaScript,
 * with one pattern language (code with `$X` / `$$$ARGS` holes, as ast-grep reads it).
 *
 * What it does: finds every match of each rule's pattern in the finding's files (or, when
 * it names none, in the files that contain the pattern's words) and replaces it with the
 * rule's replacement, `$X` standing for what the pattern captured. A pattern written as
 * a fragment matches what the fragment means where it can occur: `dict[str, object]` in
 * annotations and in code, `allow_methods=["*"]` as a keyword argument, `currency: 'HKD'`
 * as an object property, `except E as e: ...` as a handler, `'HKD'` in either quote
 * style. A Python rule follows each file's import style (`datetime.datetime.utcnow()`
 * where the module does `import datetime`), and a reference to a replaced call without
 * arguments (`default=datetime.utcnow`) becomes `lambda: <replacement>`. It adds the
 * imports the replacement needs (from the finding, the project's own imports of the
 * name, `typing` and common stdlib names) and drops imports the pattern leaves unused.
 * Leaves alone, and says so: a match in a type where the replacement is a value, a
 * property key, a name the pattern relies on that is rebound there (`def f(os): ...`),
 * and the pattern's text in comments and strings. Refuses (nothing changes): a match
 * inside a string or a JSX attribute, a replacement name that is undefined at a match or
 * shadowed by a local, overlapping matches, a replacement that matches again, a result
 * that does not parse, and a pattern that matches nothing in the files (the document is
 * wrong about the code) unless the replacement is already there.
 * Why: findings such as B-QUAL-02 (`dict[str, object]` -> `dict[str, Any]` in two
 * modules), 1.4 (restrict `allow_methods=["*"]`), CF-15 (`os.environ.get("DEBUG")` ->
 * `request.app.debug`) and F-05 (`'HKD'` -> `getDefaultCurrencyCode()`) state a rewrite
 * as code; the lines they cite go stale, the code they quote does not.
 * Example: `{"rules": [{"pattern": "'HKD'", "replacement": "getDefaultCurrencyCode()"}],
 * "files": ["src/components/pricing/PriceTag.tsx"], "imports": [{"module":
 * "@/lib/config", "name": "getDefaultCurrencyCode"}], "intended": true}`.
 * Fix safety: one fix per match. Safe when it cannot change behaviour (a type annotation
 * only; the identical value) or when it is exactly the change the finding asks for
 * (`intended`, set by the recognizer from the document's words) and evaluates nothing at
 * another time; unsafe otherwise: a value change nobody asked for (rules from the config
 * without `"intended": true`), a call where there was none in a Python default value (run
 * once, at definition) or at module level (run at import), and a hoisted constant (run
 * once, at import). So F-05 and B-QUAL-02 apply without `--unsafe`; F-05 with `hoist`
 * needs it.
 * Options: `rules` ([{pattern, replacement}]), `files` (repository paths; default: search),
 * `language` (`python` | `typescript`: which files to search), `imports` ([{module, name,
 * alias?}]: where replacement names come from), `intended` (boolean), `onAmbiguous`
 * (`refuse` | `skip`), `hoist` (true or {name}: bind the replacement to a module constant).
 */
import { InputError } from '../../src/core/errors.js';
import { defineTransform, type Problem, type ProjectContext } from '../../src/engine/contract.js';
import type { PatternDiagnostic } from '../../src/patterns/diagnostics.js';
import type { LanguageFamily } from '../../src/patterns/languages.js';
import { planRewrite, type RewritePlan } from '../../src/patterns/rewrite.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { type RewritePatternOptions, rewritePatternOptions } from './options.js';
import { projectImportFinder, pythonImportCheck } from './project-imports.js';
import { selectFiles } from './scope.js';

type Context = ProjectContext<RewritePatternOptions>;

/** The language families rewrite-pattern edits (both have an engine adapter). */
const LANGUAGES: readonly LanguageFamily[] = ['python', 'typescript'];

function run(ctx: Context): void {
  const o = ctx.options;
  const selection = selectFiles(ctx, LANGUAGES);
  const plan = planRewrite({
    rules: o.rules,
    files: selection.files,
    scope: selection.scope,
    intended: o.intended ?? false,
    onAmbiguous: o.onAmbiguous ?? 'refuse',
    ...(o.imports ? { imports: o.imports } : {}),
    ...(o.hoist ? { hoist: o.hoist === true ? {} : o.hoist } : {}),
    findImport: projectImportFinder(ctx),
    checkImport: pythonImportCheck(ctx as unknown as PythonProjectContext<RewritePatternOptions>),
  });
  for (const d of plan.diagnostics) ctx.report(d);
  const invalid = plan.problems.filter((p) => p.code === 'pattern/invalid');
  if (invalid.length > 0) {
    throw new InputError(`rewrite-pattern: ${invalid.map((p) => p.message).join('; ')}`, {
      hint: invalid[0]!.hint ?? 'fix the rules in the finding’s config entry',
    });
  }
  if (plan.problems.length > 0) {
    ctx.refuse(plan.problems.map(toProblem), { summary: 'refusing to rewrite: nothing changed' });
  }
  emit(ctx, plan);
}

function toProblem(d: PatternDiagnostic): Problem {
  return {
    code: d.code,
    message: d.message,
    ...(d.file ? { file: d.file } : {}),
    ...(d.line ? { line: d.line } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
  };
}

/** The fixes, and per file the imports to add and those to drop once unused. */
function emit(ctx: Context, plan: RewritePlan): void {
  for (const file of plan.files) {
    for (const fix of file.fixes) ctx.fix(file.path, fix);
    const source = ctx.file(file.path);
    for (const need of file.imports) source.addImport(need.module, need.name, need.alias);
    for (const drop of file.removals) source.removeImportIfUnused(drop.module, drop.name);
  }
}

export default defineTransform({
  id: 'rewrite-pattern',
  summary: 'rewrite matching code structurally',
  languages: LANGUAGES,
  reads: 'project',
  options: rewritePatternOptions,
  run,
});
