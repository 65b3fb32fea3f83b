/**
 * remove-dead-code for TypeScript/JavaScript: the options (a request is TypeScript when
 * its module is a .ts/.tsx/.js/... file) and the run, which plans over the TypeScript
 * project view (src/typescript/dead-code/) and hands the plan to the engine: the
 * declarations (or the file, and its tests) deleted, the bindings that only imported
 * them removed, or a refusal listing every reference as file:line.
 */
import type { ProjectContext } from '../../src/engine/contract.js';
import {
  deadCodeOptions,
  planRemoveDeadCode,
  type TsDeadCodeOptions,
} from '../../src/typescript/dead-code/index.js';
import { emitPlan, viewOf } from '../../src/typescript/emit-plan.js';
import { isTypeScriptPath } from '../../src/typescript/extensions.js';

/** The TypeScript options, only for a TypeScript/JavaScript module. */
export const tsDeadCodeTransformOptions = deadCodeOptions.refine((o) => isTypeScriptPath(o.file), {
  message: 'a TypeScript deletion names a .ts/.tsx/.js/... module',
});

/** Whether validated remove-dead-code options are the TypeScript ones. */
export function isTsDeadCodeOptions(options: { file: string }): options is TsDeadCodeOptions {
  return isTypeScriptPath(options.file);
}

// biome-ignore lint/suspicious/noExplicitAny: remove-dead-code's context is Python's or TypeScript's
export function runTsDeadCode(ctx: ProjectContext<TsDeadCodeOptions, any>): void {
  const { file, names } = ctx.options;
  const what = names && !ctx.options.deleteFile ? names.join(', ') : file;
  emitPlan(ctx, planRemoveDeadCode(viewOf(ctx, file), ctx.options), {
    title: () => `remove unreferenced ${what}`,
    refusal: `refusing to remove ${what}, nothing changed`,
  });
}
