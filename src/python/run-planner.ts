/**
 * A code-adding planner inside a transform: the plan's diagnostics are reported, its new
 * files created, its import requests made, and each file's edits become one fix — unsafe
 * when the plan names a fact that might change behaviour the finding does not ask to
 * change. A `PlanRefusal` refuses the step (nothing changes); `PlanNotApplicable` makes
 * an inferred step manual, with the reason.
 */
import { Fix } from '../core/fix.js';
import type { PythonProjectContext } from './adapter.js';
import { type ChangePlan, PlanNotApplicable, PlanRefusal } from './change-plan.js';
import type { PythonProject } from './project/project.js';

export type Planner<O> = (project: PythonProject, options: O) => ChangePlan;

function plan<O>(ctx: PythonProjectContext<O>, planner: Planner<O>, summary: string): ChangePlan {
  try {
    return planner(ctx.project, ctx.options);
  } catch (error) {
    if (error instanceof PlanNotApplicable) ctx.notApplicable(error.reason);
    if (!(error instanceof PlanRefusal)) throw error;
    const problems = error.problems.map(({ code, message, file, line, hint }) => ({
      code,
      message,
      ...(file !== undefined ? { file } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(hint !== undefined ? { hint } : {}),
    }));
    return ctx.refuse(problems, { summary, ...(error.hint ? { hint: error.hint } : {}) });
  }
}

/** Run `planner` and hand its plan to the engine; `title` names each file's fix. */
export function runPlanner<O>(
  ctx: PythonProjectContext<O>,
  planner: Planner<O>,
  title: (path: string) => string,
  summary: string,
): void {
  const result = plan(ctx, planner, summary);
  for (const { severity, code, message, file, line, hint, undone } of result.diagnostics) {
    ctx.report({
      severity,
      code,
      message,
      ...(file !== undefined ? { file } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(hint !== undefined ? { hint } : {}),
      ...(undone ? { undone } : {}),
    });
  }
  for (const created of result.creates) ctx.createFile(created.path, created.text);
  for (const change of result.files) {
    const source = ctx.file(change.path);
    for (const r of change.addImports) source.addImport(r.module, r.name, r.alias);
    for (const r of change.dropImportsIfUnused) source.removeImportIfUnused(r.module, r.name);
    if (change.edits.length === 0) continue;
    const name = title(change.path);
    const fix =
      change.risks.length > 0
        ? Fix.unsafe(`${name} (${change.risks.join('; ')})`, change.edits)
        : Fix.safe(name, change.edits);
    ctx.fix(change.path, fix);
  }
}
