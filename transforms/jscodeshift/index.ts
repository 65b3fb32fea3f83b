/**
 * jscodeshift — run a jscodeshift transform module as a remedy transform.
 *
 * What it does: loads the module (`.js`, `.cjs`, `.mjs`, or `.ts`/`.tsx` compiled on the
 * fly as the jscodeshift CLI does), runs it in-process on each TypeScript/JavaScript
 * file of the run (or of `paths`) with jscodeshift's API and the `options` given, and
 * turns each output into minimal edits — so the module's work goes through the same
 * pipeline as any transform: re-parse, the TypeScript guard, the diff, formatting of
 * the touched regions in the repository's style (which also undoes recast's reprint
 * noise, such as a stray `;` in a file without semicolons), and the commit.
 * Why: codemods are how library migrations are published (F-07's analytics v1 -> v2);
 * a finding can map to one in the config, and `remedy run jscodeshift --module x.ts src/`
 * runs one without a finding.
 * Example: `{"transform": "jscodeshift", "options": {"module": "codemods/x.ts", "parser": "tsx"}}`.
 * Fix safety: safe when the output keeps every comment of the input (the module is the
 * user's statement of the change, and the guard checks its types); unsafe — held back
 * without --unsafe — when the reprint lost a comment. A file the module throws on, or
 * whose output does not parse, is left as it is and reported (the finding is partial).
 * Options: `module` (path from the repository root); `parser` (`babel`, `flow`, `ts`,
 * `tsx`; the module's own `parser` export wins, as in jscodeshift); `options` (passed to
 * the module as its third argument); `extensions` (default: by parser — `ts`/`tsx` take
 * TypeScript and JavaScript, `babel`/`flow` JavaScript); `paths` (files or directories
 * to limit the run to, relative to the root).
 */
import path from 'node:path';
import { z } from 'zod';
import { Fix } from '../../src/core/fix.js';
import { resolveInRepo } from '../../src/core/paths.js';
import type { FileResult } from '../../src/core/result.js';
import { defineTransform } from '../../src/engine/contract.js';
import type { TsProjectContext } from '../../src/typescript/adapter.js';
import { CODEMOD_PARSERS, loadCodemodSync, runCodemodSync } from '../../src/typescript/codemod.js';
import { lostComments } from '../../src/typescript/comments.js';
import { extensionOf } from '../../src/typescript/extensions.js';

const options = z.strictObject({
  module: z
    .string({ error: 'give the module to run: --module <path>, or "module" in the options' })
    .min(1, 'give the path of the jscodeshift module'),
  parser: z.enum(CODEMOD_PARSERS as ['babel', 'babylon', 'flow', 'ts', 'tsx']).optional(),
  options: z.record(z.string(), z.unknown()).default({}),
  extensions: z.array(z.string().min(1)).optional(),
  paths: z.array(z.string().min(1)).optional(),
});

export type JscodeshiftOptions = z.infer<typeof options>;
type Ctx = TsProjectContext<JscodeshiftOptions>;

const TS_FAMILY = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_FAMILY = ['.js', '.jsx', '.mjs', '.cjs'];

/** The extensions to run on: as given, else by the parser (the module's own export first). */
function extensionsFor(o: JscodeshiftOptions, parser: unknown): string[] {
  if (o.extensions) return o.extensions.map((e) => (e.startsWith('.') ? e : `.${e}`));
  if (parser === 'ts') return TS_FAMILY.filter((e) => !e.endsWith('x'));
  return parser === 'tsx' ? TS_FAMILY : JS_FAMILY;
}

/** The run's files, limited to `paths` when given. */
function filesOf(ctx: Ctx, extensions: readonly string[]): string[] {
  const limits = (ctx.options.paths ?? []).map((p) =>
    path.relative(ctx.root, resolveInRepo(ctx.root, p)).split(path.sep).join('/'),
  );
  return ctx.files.filter(
    (f) =>
      extensions.includes(extensionOf(f)) &&
      (limits.length === 0 || limits.some((l) => l === '' || f === l || f.startsWith(`${l}/`))),
  );
}

function emit(ctx: Ctx, result: FileResult, title: string): boolean {
  for (const d of result.diagnostics) ctx.report(d);
  if (result.kind === 'failed') {
    ctx.report({
      severity: 'error',
      code: 'jscodeshift/failed',
      message: result.error,
      file: result.path,
      undone: true,
    });
    return false;
  }
  if (result.kind !== 'changed') return true;
  const lost = lostComments(result.path, result.before, result.after);
  const edits = result.fixes.flatMap((f) => f.edits);
  ctx.fix(result.path, Fix.of(title, edits, lost.length > 0 ? 'unsafe' : 'safe'));
  if (lost.length > 0) {
    const message = `the module's output drops ${lost.length} comment(s): ${lost.slice(0, 2).join(' | ')}`;
    ctx.report({
      severity: 'warning',
      code: 'jscodeshift/comments-lost',
      message,
      file: result.path,
    });
  }
  return true;
}

function run(ctx: Ctx): void {
  const o = ctx.options;
  const abs = resolveInRepo(ctx.root, o.module, 'the jscodeshift module');
  const codemod = loadCodemodSync(abs, o.module);
  const extensions = extensionsFor(
    o,
    typeof codemod.parser === 'string' ? codemod.parser : o.parser,
  );
  const inputs = filesOf(ctx, extensions).map((f) => ({ path: f, source: ctx.readText(f) ?? '' }));
  const outcome = runCodemodSync(codemod, inputs, {
    ...(o.parser ? { parser: o.parser } : {}),
    options: o.options,
    extensions,
  });
  const title = `jscodeshift ${o.module}`;
  const ok = outcome.files.map((r) => emit(ctx, r, title));
  if (ok.length > 0 && ok.every((x) => !x)) {
    ctx.refuse({
      code: 'jscodeshift/failed',
      message: `the module failed on every file (${ok.length})`,
    });
  }
  for (const [name, count] of outcome.stats) {
    ctx.report({ severity: 'info', code: 'jscodeshift/stats', message: `${name}: ${count}` });
  }
}

export default defineTransform({
  id: 'jscodeshift',
  languages: ['typescript'],
  reads: 'project',
  summary: 'run a jscodeshift transform module',
  options,
  run,
});
