/**
 * extract-shared-helpers (TypeScript) — move helpers copied across modules into one
 * shared module.
 *
 * What it does: compares the copies of each helper (functions, constants, types,
 * interfaces, enums, classes) structurally — syntax trees without layout, comments,
 * quotes or semicolons, the `export` keyword ignored, locals alpha-renamed, other names
 * by what they are bound to (fingerprint.ts). Identical copies become one exported
 * declaration in the `target` module (written in the target's style, with the imports
 * it needs); each source loses its copy and imports what it still uses from the target;
 * modules that imported a moved helper from a source are repointed to the target. A
 * file-local declaration a shared helper reads (`type DateInput`) is compared and moved
 * with it, and imported back where the rest of the file uses it. Copies that differ are
 * left in place and reported with a diff, never merged; their importers are untouched.
 * Why: issue #14, fixture web-app F-01 (date helpers copied into three modules).
 * Example: `{ "target": "src/lib/dates.ts", "helpers": [{ "from": "formatShortDate",
 * "sources": ["src/lib/bookings.ts", "src/components/schedule/WeekView.tsx",
 * "src/lib/classes/timetable.ts"] }, ...] }` creates dates.ts from bookings.ts's copy,
 * imports it in bookings.ts, WeekView.tsx and bookings' importers, and reports
 * timetable.ts's copy as divergent.
 * Fix safety: safe: only interchangeable code is merged; module state (`let`/`var`) and
 * default exports are refused; a shared name used at an old call site under another
 * name is imported under the old one (`import { toDate as parseDate }`).
 * Options: `target`; `helpers: [{ from, to?, sources }]` (entries with the same `to`
 * are one helper).
 */

import { planAddImport, type TsImportRequest } from '../imports.js';
import { PlanTexts, problem, refuse, runPlanner, type TsPlanResult } from '../planning.js';
import type { TsProjectView } from '../project-view.js';
import { topLevelDeclarations } from '../top-level.js';
import { TsConfigResolver } from '../tsconfig.js';
import { compareCopies, type GroupPlan, movabilityProblems, refuseMissing } from './copies.js';
import { type HelperGroup, helperGroups, type TsExtractOptions } from './options.js';
import { reexportEdit } from './reexports.js';
import { copyDiagnostics } from './report.js';
import { bindingEdits, planSources, type SourceWork } from './sources.js';
import { writeTarget } from './target.js';

export { extractOptions, type TsExtractOptions } from './options.js';

/** Plan the extraction; a refusal names file:line and the reason. */
export function planExtractHelpers(view: TsProjectView, options: TsExtractOptions): TsPlanResult {
  const texts = new PlanTexts((p) => view.text(p));
  return runPlanner(texts, () => plan(view, options, texts));
}

function plan(view: TsProjectView, options: TsExtractOptions, texts: PlanTexts): void {
  const { target } = options;
  const groups = withTarget(view, helperGroups(options), target);
  checkFiles(view, groups, target);
  const plans = compareCopies(view, groups, target);
  refuseMissing(plans);
  const unmovable = movabilityProblems(view, plans);
  if (unmovable.length > 0) refuse(unmovable);
  for (const d of copyDiagnostics(view, plans, target)) texts.report(d);
  if (!plans.some((p) => p.shared.some((c) => c.file !== target))) return;
  const work = planSources(view, plans, target);
  for (const [file, w] of work.files)
    texts.edit(file, [...w.edits, ...bindingEdits(view, file, w)]);
  writeTarget(view, texts, plans, target);
  addImports(view, texts, work);
  reportRenames(texts, plans);
}

/** A target that already declares a helper is one of its sources (its copy is the canonical one). */
function withTarget(
  view: TsProjectView,
  groups: readonly HelperGroup[],
  target: string,
): HelperGroup[] {
  const sf = view.tsFile(target);
  return groups.map((g) =>
    sf && topLevelDeclarations(sf, g.to).length > 0 && !g.sources.some((s) => s.file === target)
      ? { ...g, sources: [{ file: target, from: g.to }, ...g.sources] }
      : g,
  );
}

/** Refuse sources that do not exist and a target outside the sources' TypeScript project. */
function checkFiles(view: TsProjectView, groups: readonly HelperGroup[], target: string): void {
  const files = [...new Set(groups.flatMap((g) => g.sources.map((s) => s.file)))];
  const missing = files.filter((f) => !view.tsFile(f));
  if (missing.length > 0) {
    refuse(
      missing.map((f) =>
        problem(
          'extract/no-file',
          view.text(f) === undefined
            ? `there is no file ${f}: the document names a file that does not exist`
            : `${f} is not part of the TypeScript project of ${target}`,
        ),
      ),
    );
  }
  const owner = new TsConfigResolver(view.root).configFor(view.abs(target)).key;
  if (owner !== view.config.key) {
    refuse(
      problem(
        'extract/target-outside',
        `${target} is not covered by the tsconfig of the sources (${view.config.configPath ?? 'none'})`,
      ),
      'choose a target inside the same TypeScript project',
    );
  }
}

/** Imports (values, then types, each sorted) and re-exports, file by file, on the current texts. */
function addImports(view: TsProjectView, texts: PlanTexts, work: SourceWork): void {
  for (const [file, w] of work.files) {
    const text = texts.text(file);
    if (text === undefined) continue;
    const style = view.style(file, text);
    const order = (r: TsImportRequest) => `${r.typeOnly ? 1 : 0}${r.alias ?? r.name}`;
    const requests = [
      ...new Map(w.imports.map((r) => [`${r.module}\0${r.name}\0${r.alias}`, r])).values(),
    ];
    for (const r of requests.sort((a, b) => (order(a) < order(b) ? -1 : 1))) {
      texts.editWith(file, (parsed) => [planAddImport(parsed, r, style)]);
    }
    if (w.reexports.length > 0)
      texts.editWith(file, (parsed) => [reexportEdit(parsed, w.reexports, style)]);
  }
}

function reportRenames(texts: PlanTexts, plans: readonly GroupPlan[]): void {
  for (const p of plans) {
    for (const c of p.shared.filter((x) => x.from !== x.to)) {
      texts.report({
        severity: 'info',
        code: 'extract/kept-name',
        message: `\`${c.from}\` in ${c.file} is now \`${p.group.to}\`, imported under its old name`,
        file: c.file,
      });
    }
  }
}
