/**
 * add-missing-import — import the names a module uses but never binds.
 *
 * What it does: finds the undefined names of each file in scope (ruff's F821), resolves
 * each to the one import that binds it — a standard-library module (`os`), a listed
 * standard-library name (`Path`, `dataclass`), a project module, or the one module-level
 * definition of that name in the project — and adds it to the file's import block in
 * isort order. With import statements from the finding (`import os`), it adds those,
 * after checking each binds a name the file uses undefined.
 * Why: a `NameError` waiting on a code path the tests miss (seed 003 / inventory-service
 * TD-001: `os.getenv(...)` in the Sentry init of a module that never imports `os`).
 * Example: `{ "names": ["os"], "paths": ["backend/main.py"] }` adds `import os` between
 * `import logging` and `from collections.abc import AsyncIterator`.
 * Fix safety: a standard-library import is safe; a project import is safe unless the
 * imported module imports this one (an import cycle: unsafe, `missing-import/cycle`).
 * It refuses, changing nothing, when a name could come from several places (listing the
 * candidates), when a name the finding asks for is not defined anywhere, and when the
 * finding's own statement binds nothing the file uses undefined (`from os import getenv`
 * does not define `os`).
 * Options: `names` (default: every undefined name), `imports` (statements to add instead
 * of resolving names), `paths` (files or directories; default: every file in scope).
 */
import { z } from 'zod';
import { Fix } from '../../src/core/fix.js';
import { defineTransform, type Problem } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { planAddImport } from '../../src/python/import-edits.js';
import { RuffSettingsResolver } from '../../src/python/ruff-settings.js';
import { filesUnder, unmatchedProblems } from '../../src/python/scope.js';
import { type FilePlan, planMissingImports } from './plan.js';
import { importText } from './resolve.js';

const options = z.strictObject({
  names: z
    .array(z.string().regex(/^[A-Za-z_]\w*$/, 'expected a Python identifier'))
    .min(1)
    .optional(),
  imports: z.array(z.string().min(1)).min(1).optional(),
  paths: z.array(z.string().min(1)).min(1).optional(),
});

type Options = z.infer<typeof options>;
type Ctx = PythonProjectContext<Options>;

/** Top-level packages of the project's own modules (grouped as first-party). */
function firstParty(ctx: Ctx): Set<string> {
  const out = new Set<string>();
  for (const m of ctx.project.modules.modules()) if (!m.root.stub) out.add(m.name.split('.')[0]!);
  return out;
}

/**
 * The problems that stop the finding. A statement or name another file needed (or
 * already has) is not a problem where it is not needed.
 */
function problemsOf(ctx: Ctx, plans: ReadonlyMap<string, FilePlan>): Problem[] {
  const problems: Problem[] = [];
  const served = new Set<string>();
  for (const plan of plans.values()) {
    for (const i of plan.imports) served.add(i.name);
    for (const n of plan.notes)
      if (n.code === 'missing-import/present' && n.name) served.add(n.name);
  }
  for (const [path, plan] of plans) {
    for (const p of plan.problems) {
      if (p.code === 'missing-import/not-undefined' && p.name && served.has(p.name)) continue;
      problems.push({
        code: p.code,
        message: p.message,
        file: path,
        ...(p.line ? { line: p.line } : {}),
        ...(p.hint ? { hint: p.hint } : {}),
      });
    }
  }
  for (const name of ctx.options.names ?? []) {
    if (ctx.options.imports || served.has(name)) continue;
    const bound = [...plans.keys()].some(
      (path) => (ctx.project.analysis(path)?.globalBindings(name).length ?? 0) > 0,
    );
    if (!bound && ![...plans.values()].some((p) => p.problems.some((q) => q.name === name)))
      problems.push({
        code: 'missing-import/not-undefined',
        message: `\`${name}\` is not an undefined name in ${[...plans.keys()].join(', ') || 'the files in scope'}: nothing to import`,
        hint: 'check the finding against the code',
      });
  }
  return problems;
}

export default defineTransform({
  id: 'add-missing-import',
  summary: 'import the names a module uses but never binds',
  languages: ['python'],
  reads: 'project',
  options,
  run(ctx: Ctx) {
    const scope = filesUnder(ctx.files, ctx.options.paths);
    if (scope.unmatched.length > 0)
      ctx.refuse(unmatchedProblems(scope, 'missing-import/no-such-path'));
    const resolver = new RuffSettingsResolver(ctx.root);
    const plans = new Map<string, FilePlan>();
    for (const path of scope.files) {
      const file = ctx.file(path);
      plans.set(
        path,
        planMissingImports({
          project: ctx.project,
          path,
          text: file.text,
          tree: file.tree,
          ruffBase: resolver.forFile(path).workspace,
          ...(ctx.options.names ? { names: ctx.options.names } : {}),
          ...(ctx.options.imports ? { imports: ctx.options.imports } : {}),
        }),
      );
    }
    const problems = problemsOf(ctx, plans);
    if (problems.length > 0) ctx.refuse(problems, { summary: 'no import added' });
    const party = firstParty(ctx);
    for (const [path, plan] of plans) {
      const file = ctx.file(path);
      for (const i of plan.imports) {
        const edit = planAddImport(file.text, file.tree, i.request, { firstParty: party });
        if (edit) ctx.fix(path, Fix.of(importText(i.request), [edit], i.applicability));
      }
      for (const { name: _name, ...note } of plan.notes) ctx.report({ ...note, file: path });
    }
  },
});
