/**
 * rename-symbols — rename module-level names across the project, scope-aware.
 *
 * What it does: renames a module's top-level definition (def, class, assignment) and
 * every reference to it: uses inside the defining module (nested functions, default
 * arguments, decorators, `global` statements), every `from m import old` (an `as alias`
 * stays, and so does the local name), `import m` + `m.old`, re-exports through
 * `__init__.py` and their importers, `__all__` entries, and strings that name it:
 * `mock.patch("pkg.mod.old")`, `monkeypatch.setattr("pkg.mod.old", ...)`,
 * `patch.object(mod, "old")`, `getattr(mod, "old")`. Names are resolved with the
 * project model, so a local variable or parameter that shares the name, or another
 * module's `old`, is never touched. The whole repository is searched, whatever paths
 * the run is given.
 * Why: findings like B-QUAL-01 (drop the leading underscore of helpers used across
 * modules) and B-DUP-02 (`_use_iam_auth` -> `use_iam_auth`), where search-and-replace
 * breaks code.
 * Example: `from app.api.admin_request import _parse_body` + `_parse_body(event)` ->
 * `from app.api.admin_request import parse_body` + `parse_body(event)`.
 * Fix safety: safe. It refuses, changing nothing and naming files and lines, when the
 * new name is already bound in the defining module or an importing module, is bound in
 * a scope that reads the old name (`use_iam_auth = _use_iam_auth()`), would capture a
 * builtin or undefined name, is a submodule of the package, or would arrive through
 * `import *` over another binding. Dynamic uses it cannot prove (`getattr(obj, "old")`
 * on an unknown object, a string equal to the name, `import *` consumers) are warnings.
 * Options: `renames: [{ module | file, from, to }]` (`file` may be a base name unique in
 * the repository); `onCollision: "refuse" | "alias"` (CLI `--on-collision alias`) — with
 * `alias`, an importing module where the new name is taken keeps the old name there:
 * `from m import new as old`. Comments and docstrings that mention the old name are listed.
 */
import type { Edit } from '../../src/core/edit.js';
import { Fix } from '../../src/core/fix.js';
import { defineTransform, type Problem } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import {
  type PlanNote,
  planRename,
  type RenamePlan,
} from '../../src/python/project/rename/plan.js';
import { keepImportsSorted } from './import-order.js';
import { optionsSchema, type RenameOptions } from './options.js';

type Ctx = PythonProjectContext<RenameOptions>;

/** Every reason the renames cannot be made; a rename's label is added when there are several. */
function refusalProblems(plans: readonly RenamePlan[], extra: readonly Problem[]): Problem[] {
  const out: Problem[] = [];
  const of = (plan: RenamePlan) => (plans.length > 1 ? ` (renaming ${plan.label})` : '');
  for (const plan of plans) {
    for (const p of plan.problems) {
      out.push({ code: p.code, message: `${p.message}${of(plan)}`, file: p.path, line: p.line });
    }
    for (const c of plan.collisions) {
      out.push({ code: c.code, message: `${c.message}${of(plan)}`, file: c.path, line: c.line });
    }
  }
  return [...out, ...extra];
}

/** Two renames that bind the same new name in one module, or rename one name twice. */
function crossRenameProblems(options: RenameOptions, plans: readonly RenamePlan[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, string>();
  options.renames.forEach((r, i) => {
    const where = plans[i]!.path ?? r.file ?? r.module ?? '?';
    const fromKey = `${where}\u0000from\u0000${r.from}`;
    const toKey = `${where}\u0000to\u0000${r.to}`;
    if (seen.has(fromKey)) {
      out.push({ code: 'rename/twice', message: `\`${r.from}\` in ${where} is renamed twice` });
    }
    if (seen.has(toKey)) {
      const message = `two names in ${where} would both become \`${r.to}\``;
      out.push({ code: 'rename/same-new-name', message });
    }
    seen.set(fromKey, r.to).set(toKey, r.from);
  });
  return out;
}

const ALIAS_HINT =
  'the new name is taken in an importing module: --on-collision alias (options {"onCollision": "alias"}) keeps the old name there as `from m import new as old`';

function report(ctx: Ctx, notes: readonly PlanNote[], severity: 'warning' | 'info'): void {
  for (const n of notes) {
    ctx.report({ severity, code: n.code, message: n.message, file: n.path, line: n.line });
  }
}

function run(ctx: Ctx): void {
  const project = ctx.project;
  const plans = ctx.options.renames.map((r) => planRename(project, r, ctx.options.onCollision));
  const extra = crossRenameProblems(ctx.options, plans);
  const blocked = plans.filter((p) => p.problems.length > 0 || p.collisions.length > 0);
  if (blocked.length > 0 || extra.length > 0) {
    const aliasable = blocked.some((p) => p.collisions.some((c) => c.aliasable));
    ctx.refuse(refusalProblems(blocked, extra), {
      summary: 'refusing to rename, nothing changed',
      ...(aliasable && ctx.options.onCollision === 'refuse' ? { hint: ALIAS_HINT } : {}),
    });
  }
  const byFile = new Map<string, { titles: string[]; edits: Edit[] }>();
  for (const plan of plans) {
    report(ctx, plan.warnings, 'warning');
    report(ctx, plan.infos, 'info');
    for (const [path, edits] of plan.edits) {
      const entry = byFile.get(path) ?? { titles: [], edits: [] };
      byFile.set(path, {
        titles: [...entry.titles, plan.label],
        edits: [...entry.edits, ...edits],
      });
    }
  }
  for (const [path, { titles, edits }] of byFile) {
    const analysis = project.analysis(path);
    const text = project.text(path);
    const sorted =
      analysis && text !== undefined ? keepImportsSorted(text, analysis.tree, edits) : edits;
    ctx.fix(path, Fix.safe(`rename ${titles.join(', ')}`, sorted));
  }
}

export default defineTransform({
  id: 'rename-symbols',
  languages: ['python'],
  reads: 'project',
  summary: 'rename module-level names and every reference to them',
  options: optionsSchema,
  run,
});
