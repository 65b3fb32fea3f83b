/**
 * Where a TypeScript planner meets the engine: the planners' project view over a
 * project-reading context (the disk as the run sees it — texts earlier steps changed,
 * created or deleted), and a plan handed over through the context's verbs: a refusal
 * refuses (nothing changes), diagnostics are reported, each file's edits become one
 * fix, new files are created and deleted files deleted.
 */
import type { Applicability } from '../core/fix.js';
import { Fix } from '../core/fix.js';
import type { ProjectContext } from '../engine/contract.js';
import { isTypeScriptPath } from './extensions.js';
import type { TsPlanResult } from './planning.js';
import { TsProjectView } from './project-view.js';

// biome-ignore lint/suspicious/noExplicitAny: a transform serving two languages has either one's context
type AnyProjectContext = ProjectContext<unknown, any>;

/** The view of the tsconfig that owns `anchor`, over what the context reads. */
export function viewOf(ctx: AnyProjectContext, anchor: string): TsProjectView {
  return TsProjectView.openOn(
    { root: ctx.root, files: ctx.files.filter(isTypeScriptPath), readText: (p) => ctx.readText(p) },
    anchor,
  );
}

export interface EmitOptions {
  /** The fix title of a file's edits. */
  readonly title: (path: string) => string;
  /** One line above a refusal's problems. */
  readonly refusal: string;
  readonly applicability?: Applicability;
}

/** Hand a plan (or its refusal) to the engine. */
export function emitPlan(ctx: AnyProjectContext, result: TsPlanResult, opts: EmitOptions): void {
  if (result.kind === 'refused') {
    for (const d of result.diagnostics) ctx.report(d);
    const problems = result.problems.map(({ severity: _, ...p }) => p);
    ctx.refuse(problems, { summary: opts.refusal, ...(result.hint ? { hint: result.hint } : {}) });
  }
  const { plan } = result;
  const applicability = opts.applicability ?? 'safe';
  for (const d of plan.diagnostics) ctx.report(d);
  for (const [path, edits] of plan.edits) {
    if (edits.length > 0) ctx.fix(path, Fix.of(opts.title(path), edits, applicability));
  }
  for (const [path, text] of plan.created) ctx.createFile(path, text, applicability);
  for (const path of plan.deleted) ctx.deleteFile(path, applicability);
}
