/**
 * imports-first — import declarations before any other statement (TypeScript/JavaScript).
 *
 * What it does: in each file, the statements found between import declarations move to
 * just below the import block, in their order and with their attached comments
 * (a JSDoc travels with its function); the imports keep their order, comments and
 * blank-line groups; the directive prologue (`'use client'`, `'use strict'`) stays first.
 * Why: the `import/first` lint rule, and findings like F-06 ("helper declared in the
 * middle of the imports"): a declaration between imports hides the imports below it.
 * Example: `import a from 'a'` / `function helper() {}` / `import b from 'b'` ->
 * `import a from 'a'` / `import b from 'b'` / (blank) / `function helper() {}`.
 * Fix safety: safe. ES imports are hoisted, so an ES module runs the same after the
 * move; and only declarations and side-effect-free statements move. A file where a
 * statement that does something (an assignment, a call: a polyfill) runs before an
 * import is refused with the line and the reason: where imports are not hoisted
 * (CommonJS output: tsc `module: commonjs`, Jest/Babel) moving it would change what
 * runs first. A file that does not parse is failed by the engine, untouched.
 * Options: none. The files are the run's paths (or the finding's files).
 */
import { z } from 'zod';
import { Fix } from '../../src/core/fix.js';
import { defineTransform } from '../../src/engine/contract.js';
import type { TsFileContext } from '../../src/typescript/adapter.js';
import { planImportsFirst } from '../../src/typescript/imports-first.js';

const options = z.strictObject({});

export type ImportsFirstOptions = z.infer<typeof options>;

function run(ctx: TsFileContext<ImportsFirstOptions>): Fix[] {
  const result = planImportsFirst(ctx.path, ctx.text);
  if (result.kind === 'unchanged') return [];
  if (result.kind === 'refused') {
    const { severity: _, ...problem } = result.diagnostic;
    ctx.refuse(problem);
  }
  for (const d of result.diagnostics) ctx.report(d);
  return [Fix.safe('move the imports above the other statements', result.edits)];
}

export default defineTransform({
  id: 'imports-first',
  languages: ['typescript'],
  reads: 'file',
  summary: 'put the imports before any other statement',
  prefilter: /\bimport\b/,
  options,
  run,
});
