/**
 * extract-shared-helpers for TypeScript/JavaScript: the options (a request is TypeScript
 * when its target is a .ts/.tsx/.js/... file) and the run, which plans over the
 * TypeScript project view (src/typescript/extract/) and hands the plan to the engine:
 * the new or extended shared module, one safe fix per source and importer, divergent
 * copies as warnings with their diff, or a refusal naming file and line.
 */
import type { ProjectContext } from '../../src/engine/contract.js';
import { emitPlan, viewOf } from '../../src/typescript/emit-plan.js';
import { isTypeScriptPath } from '../../src/typescript/extensions.js';
import {
  extractOptions,
  planExtractHelpers,
  type TsExtractOptions,
} from '../../src/typescript/extract/index.js';

/** The TypeScript options, only for a TypeScript/JavaScript target. */
export const tsExtractTransformOptions = extractOptions.refine((o) => isTypeScriptPath(o.target), {
  message: 'a TypeScript extraction has a .ts/.tsx/.js/... target',
});

/** Whether validated extract-shared-helpers options are the TypeScript ones. */
export function isTsExtractOptions(options: { target: string }): options is TsExtractOptions {
  return isTypeScriptPath(options.target);
}

// biome-ignore lint/suspicious/noExplicitAny: extract-shared-helpers' context is Python's or TypeScript's
export function runTsExtraction(ctx: ProjectContext<TsExtractOptions, any>): void {
  const { target, helpers } = ctx.options;
  const anchor = helpers[0]?.sources[0] ?? target;
  emitPlan(ctx, planExtractHelpers(viewOf(ctx, anchor), ctx.options), {
    title: (path) =>
      path === target
        ? `extract shared helpers into ${target}`
        : `use the helpers shared in ${target}`,
    refusal: 'refusing to extract shared helpers, nothing changed',
  });
}
