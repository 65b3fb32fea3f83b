/**
 * replace-type — replace a local type alias by the shared exported type (TypeScript).
 *
 * What it does: deletes a module's own `type X = ...` (or `interface X`) and imports the
 * shared exported type under the same name — merged into the file's import of that
 * module with an inline `type` modifier when the project writes them, else as
 * `import type { X }`; `import type { Shared as X }` when the names differ; an alias
 * other modules import becomes `export type { X }`. Directives (`'use client'`) stay
 * first. Nothing to do when the file already imports the shared type.
 * Why: a redefined type silently drifts from the one everyone else uses (issue #14;
 * fixture web-app F-04: `LocaleSwitcher` redefines `SupportedLocale`).
 * Example: `type SupportedLocale = 'en' | 'zh-CN'` + `import { localePath } from
 * '@/lib/i18n/locales'` -> `import { localePath, type SupportedLocale } from '@/lib/i18n/locales'`.
 * Fix safety: safe: types are erased at run time, and it refuses (changing nothing)
 * unless the type checker finds the two types mutually assignable, saying what differs
 * (`only the local alias has "zh-HK"`). The planner is src/typescript/replace-type/.
 * Options: `file`, `alias`, `from?` (specifier or path of the shared module; default:
 * the one project module exporting a type of that name), `name?` (default `alias`).
 */
import { defineTransform } from '../../src/engine/contract.js';
import { emitPlan, viewOf } from '../../src/typescript/emit-plan.js';
import {
  planReplaceType,
  type ReplaceTypeOptions,
  replaceTypeOptions,
} from '../../src/typescript/replace-type/index.js';

export default defineTransform({
  id: 'replace-type',
  languages: ['typescript'],
  reads: 'project',
  summary: 'use the shared type instead of a local copy',
  options: replaceTypeOptions,
  run(ctx) {
    const options = ctx.options as ReplaceTypeOptions;
    emitPlan(ctx, planReplaceType(viewOf(ctx, options.file), options), {
      title: () => `use the shared \`${options.name ?? options.alias}\``,
      refusal: `refusing to replace \`${options.alias}\`, nothing changed`,
    });
  },
});
