/**
 * rename-symbols for TypeScript/JavaScript: the options (a rename is TypeScript when its
 * defining file is, or when it names no file, or asks for an affix) and the run, which
 * plans over the TypeScript project view (src/typescript/rename/) and hands the plan to
 * the engine: one safe fix per file, every resolution and string mention as a
 * diagnostic, renames that cannot be made left undone (a partial result) or, when
 * nothing can be made, a refusal naming file and line.
 */
import { Fix } from '../../src/core/fix.js';
import type { ProjectContext } from '../../src/engine/contract.js';
import { isTypeScriptPath } from '../../src/typescript/extensions.js';
import { TsProjectView } from '../../src/typescript/project.js';
import { planTsRename } from '../../src/typescript/rename/index.js';
import {
  type TsRenameOptions,
  tsRenameOptionsSchema,
} from '../../src/typescript/rename/options.js';

/** The TypeScript options, only for requests about TypeScript/JavaScript files. */
export const tsRenameTransformOptions = tsRenameOptionsSchema.refine(
  (o) => o.affix !== undefined || o.renames.every((r) => !r.file || isTypeScriptPath(r.file)),
  { message: 'a TypeScript rename names .ts/.tsx/.js/... defining files' },
);

/**
 * Whether validated rename-symbols options are the TypeScript ones: they still pass the
 * TypeScript schema (both languages share `collisions`, `aliases` and `localNames`; a
 * Python request names a `module`, or a defining file that is not TypeScript).
 */
export function isTsRenameOptions(options: object): options is TsRenameOptions {
  return tsRenameTransformOptions.safeParse(options).success;
}

function title(options: TsRenameOptions): string {
  const pairs = options.renames.map((r) => `${r.from} → ${r.to}`);
  if (options.affix) pairs.push(`${options.affix.prefix ?? ''}*${options.affix.suffix ?? ''}`);
  return pairs.length <= 3 ? `rename ${pairs.join(', ')}` : `rename ${pairs.length} symbols`;
}

// biome-ignore lint/suspicious/noExplicitAny: rename-symbols' context is Python's or TypeScript's
export function runTsRename(ctx: ProjectContext<TsRenameOptions, any>): void {
  const view = new TsProjectView({
    root: ctx.root,
    files: ctx.files.filter(isTypeScriptPath),
    readText: (p) => ctx.readText(p),
  });
  const plan = planTsRename(view, ctx.options);
  if (plan.refusals.length > 0) {
    ctx.refuse(plan.refusals, { summary: 'refusing to rename, nothing changed' });
  }
  for (const d of plan.diagnostics) ctx.report(d);
  for (const [path, edits] of plan.edits) ctx.fix(path, Fix.safe(title(ctx.options), edits));
}
