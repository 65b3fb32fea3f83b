/**
 * extract-shared-helpers — move helpers copied across modules into one shared module.
 *
 * What it does: compares the copies of each helper structurally (layout, comments and
 * docstrings ignored, local variables alpha-renamed, parameter names kept as the
 * interface, the module-level names they read compared by what they are bound to).
 * Identical copies become one definition in the `target` module under the new name,
 * with the imports, constants and private functions it needs; each source loses its
 * copy (and the constants, functions and imports only the copy used) and imports the
 * shared helper where something still uses it. Call sites are renamed across the
 * project (rename-symbols' planner), or kept with `from target import new as old`. A
 * target that is also a source keeps its copy under the new name. Copies that differ
 * are left in place and reported with a diff — unless the helper names a `parameter`
 * and the copies differ by exactly one `if` block: then the shared definition takes
 * `parameter: bool` (default: the majority's behaviour), guards the block with it, and
 * the calls of the other copies pass it. `exportFrom` makes a package `__init__.py`
 * import the new names and list them in `__all__`.
 * Why: B-DUP-01 / B-SEC-02 (authorizer helpers copied into three Lambda handlers, one
 * `_policy` lacking the ARN broadening) and B-DUP-02 (`_use_iam_auth` in two DB modules).
 * Example: `_get_header` in three handlers -> `get_header_case_insensitive` in
 * `backend/src/app/auth/authorizer_utils.py`, each handler importing it; the
 * device-attestation handler calls `build_iam_policy(..., broaden_resource=False)`.
 * Fix safety: safe when it applies: only interchangeable code is merged — unless a helper
 * moves from a module with `from __future__ import annotations` into a target without it
 * (its annotations would then be evaluated at runtime): then every fix of the extraction,
 * and the new file, is unsafe (one change, all or nothing). It refuses,
 * changing nothing, when the target cannot be imported from every source (no module
 * name — a `lambda/` directory —, a source that does not run with the target's import
 * root, a shadowing module, a circular import), when a helper needs module state, a
 * class or a name bound twice, when a name the target already binds means something
 * else, or when a rename collides in a way rename-symbols does not resolve (its
 * `collisions`, `aliases` and `localNames` options apply to the call sites; each
 * resolution is a warning). Moved helpers that log use the target's logger
 * (`logging.getLogger(__name__)` is copied, so the logger name changes).
 * Options: `target`; `helpers: [{ from, to?, sources: [files], parameter? }]` (entries
 * with the same `to` are one helper); `exportFrom?`; `callSites: "rename" | "keep"`;
 * `collisions: "resolve" | "refuse"`, `aliases`, `localNames` (as in rename-symbols).
 * TypeScript/JavaScript (the language comes from the target; see typescript.ts and
 * src/typescript/extract/): functions, constants, types, interfaces, enums and classes
 * compared by syntax tree (quotes, semicolons, layout and `export` ignored, locals
 * alpha-renamed); a file-local type a helper reads moves with it and is imported back;
 * importers of the old exports are repointed; divergent copies are reported with a diff.
 * Options `target`, `helpers: [{ from, to?, sources }]` (old call sites keep their name
 * through `import { to as from }`).
 */
import { z } from 'zod';
import { defineTransform, type ProjectContext } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { collisionPolicy } from '../../src/python/project/rename/plan.js';
import type { TsExtractOptions } from '../../src/typescript/extract/options.js';
import { classify, type GroupPlan } from './classify.js';
import { findCopies, type GroupCopies } from './copies.js';
import { DependencyResolver } from './dependencies.js';
import { Edits } from './edits.js';
import { planExport } from './export-from.js';
import { importabilityProblems, moduleOfPath } from './importability.js';
import {
  type ExtractOptions,
  type HelperGroup,
  helperGroups,
  helperNames,
  optionsSchema,
} from './options.js';
import { divergenceMessage } from './report.js';
import { planSources, type SourceNote, type SourcePlan } from './sources.js';
import { TargetBuilder, type TargetPlan } from './target.js';
import { isTsExtractOptions, runTsExtraction, tsExtractTransformOptions } from './typescript.js';

type Ctx = PythonProjectContext<ExtractOptions>;

const SUMMARY = 'refusing to extract shared helpers, nothing changed';

/** Refuse with `problems` (each with `code`, or the given one). */
function refuse(
  ctx: Ctx,
  code: string,
  problems: readonly (string | SourceNote)[],
  hint?: string,
): never {
  return ctx.refuse(
    problems.map((p) =>
      typeof p === 'string' ? { code, message: p } : { ...p, file: p.path, line: p.line },
    ),
    { summary: SUMMARY, ...(hint ? { hint } : {}) },
  );
}

function sourcePaths(groups: readonly HelperGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.sources.map((s) => s.path)))];
}

function checkSources(ctx: Ctx, groups: readonly HelperGroup[]): void {
  const missing = sourcePaths(groups).filter((p) => !ctx.project.files.includes(p));
  if (missing.length > 0) {
    const problems = missing.map((p) => `no Python file ${p} in the repository`);
    refuse(ctx, 'extract/source-missing', problems);
  }
}

function reportCopies(ctx: Ctx, found: readonly GroupCopies[]): void {
  const problems = found.flatMap((f) => f.problems);
  if (problems.length > 0) refuse(ctx, 'extract/copy-unusable', problems);
  for (const f of found) {
    for (const path of f.absent) {
      const from = f.group.sources.find((s) => s.path === path)?.from ?? f.group.to;
      const message = `\`${from}\` is not defined in ${path}; nothing to share there`;
      ctx.report({ severity: 'info', code: 'extract/not-defined', message, file: path });
    }
  }
  const lost = found.filter((f) => f.copies.length === 0 && f.alreadyShared.length === 0);
  if (lost.length > 0) {
    const names = (f: GroupCopies) => f.group.sources.map((s) => s.from).join('` / `');
    refuse(
      ctx,
      'extract/helper-not-found',
      lost.map((f) => `\`${names(f)}\` is not defined in any source`),
    );
  }
}

function reportPlans(ctx: Ctx, resolver: DependencyResolver, plans: readonly GroupPlan[]): void {
  const read = (path: string) => ctx.project.text(path) ?? '';
  for (const plan of plans) {
    for (const d of plan.divergent) {
      ctx.report({
        severity: 'warning',
        code: 'extract/divergent-copy',
        message: divergenceMessage(resolver, read, plan.group.to, d),
        file: d.copy.path,
        line: d.copy.definition.startPosition.row + 1,
      });
    }
    const merge = plan.merge;
    if (merge) {
      const sites = merge.passing.map((c) => c.path).join(', ');
      const [byDefault, passed] = merge.defaultValue ? ['True', 'False'] : ['False', 'True'];
      const verb = merge.passing.length === 1 ? 'passes' : 'pass';
      ctx.report({
        severity: 'info',
        code: 'extract/parameter',
        message: `\`${plan.group.to}\` takes \`${merge.parameter}\` (default ${byDefault}); ${sites} ${verb} \`${merge.parameter}=${passed}\``,
      });
    } else if (plan.group.parameter && plan.shared.length > 1 && plan.divergent.length === 0) {
      ctx.report({
        severity: 'info',
        code: 'extract/parameter-unneeded',
        message: `the copies of \`${plan.group.to}\` agree: \`${plan.group.parameter}\` is not needed`,
      });
    }
  }
}

interface Extraction {
  readonly targetModule: string;
  readonly plans: readonly GroupPlan[];
  readonly resolver: DependencyResolver;
  readonly target: TargetPlan;
  readonly sources: SourcePlan;
}

/** Compare the copies and plan every edit; refuse (changing nothing) on any problem. */
function planExtraction(ctx: Ctx): Extraction {
  const { groups, problems } = helperGroups(ctx.options);
  if (problems.length > 0) refuse(ctx, 'extract/options', problems);
  checkSources(ctx, groups);
  const project = ctx.project;
  const { target, callSites } = ctx.options;
  const importProblems = importabilityProblems(project, target, sourcePaths(groups));
  if (importProblems.length > 0) {
    const hint = 'choose a target under an import root every source uses';
    refuse(ctx, 'extract/not-importable', importProblems, hint);
  }
  const targetModule = moduleOfPath(project, target)!.name;
  const resolver = new DependencyResolver(project, helperNames(groups, target));
  const found = groups.map((g) => findCopies(project, g, target, targetModule));
  reportCopies(ctx, found);
  const plans = found.flatMap((f) => classify(resolver, f, target) ?? []);
  const targetPlan = new TargetBuilder(project, resolver, target, targetModule).build(plans);
  const policy = collisionPolicy(
    ctx.options,
    groups.map((g) => g.to),
  );
  const settings = { project, resolver, target, targetModule, callSites, policy };
  const sources = planSources(settings, plans);
  const conflicts = [
    ...targetPlan.problems.map((message) => ({ code: 'extract/target-conflict', message })),
    ...sources.problems,
  ];
  if (conflicts.length > 0) refuse(ctx, 'extract/target-conflict', conflicts);
  return { targetModule, plans, resolver, target: targetPlan, sources };
}

function reportNotes(ctx: Ctx, x: Extraction): void {
  reportPlans(ctx, x.resolver, x.plans);
  const file = ctx.options.target;
  for (const message of x.target.warnings)
    ctx.report({ severity: 'warning', code: 'extract/target', message, file });
  for (const message of x.target.infos)
    ctx.report({ severity: 'info', code: 'extract/target', message, file });
  for (const [severity, notes] of [
    ['warning', x.sources.warnings],
    ['info', x.sources.infos],
  ] as const) {
    for (const n of notes) {
      ctx.report({ severity, code: n.code, message: n.message, file: n.path, line: n.line });
    }
  }
}

/** Hand the planned edits, imports and the new file to the engine. */
function emit(ctx: Ctx, x: Extraction): void {
  const { target, exportFrom } = ctx.options;
  const edits = new Edits();
  for (const [path, list] of x.sources.edits) edits.add(path, list);
  edits.add(target, x.target.edits);
  edits.dropInside(target, x.target.replaced);
  for (const [path, requests] of x.sources.imports) {
    for (const r of requests) ctx.file(path).addImport(r.module, r.name, r.alias);
  }
  for (const r of x.target.imports) ctx.file(target).addImport(r.module, r.name, r.alias);
  if (exportFrom) {
    const names = x.plans.map((p) => p.group.to);
    const exported = planExport(ctx.project, exportFrom, target, x.targetModule, names);
    edits.add(exportFrom, exported.edits);
    for (const r of exported.imports) ctx.file(exportFrom).addImport(r.module, r.name);
    for (const message of exported.infos)
      ctx.report({ severity: 'info', code: 'extract/export', message, file: exportFrom });
  }
  // One change across files: every fix (and the new file) is safe, or every one is unsafe.
  const applicability = x.target.unsafeBecause ? 'unsafe' : 'safe';
  const why = x.target.unsafeBecause ? ` (${x.target.unsafeBecause})` : '';
  if (x.target.newText !== undefined) ctx.createFile(target, x.target.newText, applicability);
  const title = (path: string) =>
    path === target
      ? `extract shared helpers into ${target}${why}`
      : `use the helpers shared in ${target}${why}`;
  for (const [path, fix] of edits.fixes(title, applicability)) ctx.fix(path, fix);
}

function runPython(ctx: Ctx): void {
  const extraction = planExtraction(ctx);
  reportNotes(ctx, extraction);
  emit(ctx, extraction);
}

function run(ctx: Ctx | ProjectContext<TsExtractOptions>): void {
  if (isTsExtractOptions(ctx.options)) runTsExtraction(ctx as ProjectContext<TsExtractOptions>);
  else runPython(ctx as Ctx);
}

export default defineTransform({
  id: 'extract-shared-helpers',
  languages: ['python', 'typescript'],
  reads: 'project',
  summary: 'move duplicated helpers into one shared module',
  // TypeScript requests first: a Python request's target is a .py path.
  options: z.union([
    tsExtractTransformOptions.describe('TypeScript/JavaScript'),
    optionsSchema.describe('Python'),
  ]),
  run,
});
