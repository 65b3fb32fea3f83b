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
 * Collisions are resolved, and each resolution is a warning: a local that would shadow
 * the new name (`use_iam_auth = _use_iam_auth()`) is renamed in its scope, after its own
 * name (`use_iam = use_iam_auth()`, see src/python/project/rename/names.ts); a module
 * that imports the name and already binds the new one imports it under an alias made
 * from the new name and the source module (`from ..admin_request import parse_cursor as
 * parse_admin_cursor`) [rename/resolved-local, rename/resolved-alias]. A rename that a
 * computed lookup reaches (`getattr(exports, "_render_" + fmt)`) is impossible: it is
 * left undone while the others are made, and the finding is partial [rename/dynamic-lookup].
 * Why: findings like B-QUAL-01 (drop the leading underscore of helpers used across
 * modules) and B-DUP-02 (`_use_iam_auth` -> `use_iam_auth`), where search-and-replace
 * breaks code, and where real code has locals and importers that already use the name.
 * Example: `from app.api.admin_request import _parse_body` + `_parse_body(event)` ->
 * `from app.api.admin_request import parse_body` + `parse_body(event)`.
 * Fix safety: safe. It refuses, changing nothing and naming files and lines, when the
 * new name is already bound at the top of the defining module (or read there as a
 * builtin), is a parameter or class attribute that reads the old name there, is a
 * submodule of the package, would arrive through `import *` over another binding, or
 * when an aliased importer re-exports the old name. Dynamic uses it cannot prove
 * (`getattr(obj, "old")` on an unknown object, a string equal to the name, `import *`
 * consumers) are warnings.
 * Options: `renames: [{ module | file, from, to }]` (`file` may be a base name unique in
 * the repository); `collisions: "resolve" | "refuse"` (CLI `--on-collision`; the former
 * `onCollision: "alias"` means `resolve`); `aliases: { importer file: { new name: alias } }`
 * (an alias equal to the old name keeps the old name there); `localNames: { file:
 * { local: new local name } }`. Comments and docstrings that mention the old name are listed.
 * TypeScript/JavaScript (the language comes from the defining file; see typescript.ts
 * and src/typescript/rename/): exported functions, components, types and constants,
 * through re-exports, `export *`, default exports, JSX and `vi.mock` factories; a
 * collision is resolved (an alias at the importer, a renamed local, a route's own
 * function) and reported, or refused in the defining module. Options `renames: [{ file?,
 * from, to }]`, `affix: { suffix | prefix, files }`, `collisions: "resolve" | "refuse"`,
 * `aliases`, `localNames`.
 */

import { z } from 'zod';
import type { Edit } from '../../src/core/edit.js';
import { Fix } from '../../src/core/fix.js';
import { defineTransform, type Problem, type ProjectContext } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import {
  collisionPolicy,
  type PlanNote,
  planRename,
  type RenamePlan,
} from '../../src/python/project/rename/plan.js';
import type { TsRenameOptions } from '../../src/typescript/rename/options.js';
import { keepImportsSorted } from './import-order.js';
import { optionsSchema, type RenameOptions } from './options.js';
import { isTsRenameOptions, runTsRename, tsRenameTransformOptions } from './typescript.js';

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

const RESOLVE_HINT =
  'collisions: "resolve" (the default; --on-collision resolve) renames shadowing locals and aliases the new name in importers that already bind it';

function report(
  ctx: Ctx,
  notes: readonly PlanNote[],
  severity: 'warning' | 'info',
  undone = false,
): void {
  for (const n of notes) {
    const { code, message, path: file, line } = n;
    ctx.report({ severity, code, message, file, line, ...(undone ? { undone } : {}) });
  }
}

/** Refuse when a rename is blocked, or when every rename is impossible. */
function refuseBlocked(ctx: Ctx, plans: readonly RenamePlan[]): void {
  const extra = crossRenameProblems(ctx.options, plans);
  const blocked = plans.filter((p) => p.problems.length > 0 || p.collisions.length > 0);
  if (blocked.length > 0 || extra.length > 0) {
    const resolvable = blocked.some((p) => p.collisions.some((c) => c.binding?.kind === 'import'));
    ctx.refuse(refusalProblems(blocked, extra), {
      summary: 'refusing to rename, nothing changed',
      ...(resolvable && ctx.options.collisions === 'refuse' ? { hint: RESOLVE_HINT } : {}),
    });
  }
  if (plans.every((p) => p.impossible.length > 0)) {
    const problems = plans.flatMap((p) => p.impossible.map((n) => ({ ...n, file: n.path })));
    ctx.refuse(problems, { summary: 'no rename can be made, nothing changed' });
  }
}

function run(ctx: Ctx | ProjectContext<TsRenameOptions>): void {
  if (isTsRenameOptions(ctx.options)) runTsRename(ctx as ProjectContext<TsRenameOptions>);
  else runPython(ctx as Ctx);
}

function runPython(ctx: Ctx): void {
  const project = ctx.project;
  const policy = collisionPolicy(
    ctx.options,
    ctx.options.renames.map((r) => r.to),
  );
  const plans = ctx.options.renames.map((r) => planRename(project, r, policy));
  refuseBlocked(ctx, plans);
  const byFile = new Map<string, { titles: string[]; edits: Edit[] }>();
  for (const plan of plans) {
    report(ctx, plan.impossible, 'warning', true);
    report(ctx, plan.resolutions, 'warning');
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
  languages: ['python', 'typescript'],
  reads: 'project',
  summary: 'rename module-level names and every reference to them',
  // TypeScript requests first: a Python request's `file` is a .py path.
  options: z.union([
    tsRenameTransformOptions.describe('TypeScript/JavaScript'),
    optionsSchema.describe('Python'),
  ]),
  run,
});
