/**
 * ruff-fix — apply ruff's own fixes for the rules a finding cites, through remedy's pipeline.
 *
 * What it does: runs ruff (in-process, ruff-wasm) with exactly the selected rules on each
 * file in scope and turns its fixes into remedy fixes, re-checking after each round as
 * `ruff check --fix` does (F401 once UP045 has replaced the last `Optional`); the fixes
 * then go through remedy's pipeline like any other: applicability selection, conflict
 * policy, re-parse, the semantic guard, region formatting, one commit per finding.
 * Why: findings that cite ruff rule codes or ask for `ruff check --fix` (seeds 002 and
 * 003; inventory-service MR-001: `ruff check --fix --select UP045,W293,F401,I001 backend/`).
 * Example: `{ "select": ["UP045", "F401"], "paths": ["backend"] }` turns
 * `x: Optional[int]` into `x: int | None` and drops the `Optional` import once unused.
 * Fix safety: ruff's own applicability, derived from the facts ruff's rules use (see
 * `rules.ts`): PEP 604/585 rewrites are safe from the target version on, whitespace inside
 * a string (W291/W293 in a docstring) is unsafe, F401 in `__init__.py` is unsafe (a
 * re-export), a rule remedy does not know is unsafe, and so is any fix that drops a
 * comment; a fix found only after an unsafe one is unsafe too. A fix that would write a
 * string operand of `|` (ruff's UP045 on `Mapped[Optional["X"]]` gives `Mapped["X" |
 * None]`, a TypeError when SQLAlchemy resolves the annotation) is never applied: the
 * site stays, with a `ruff-fix/string-operand` warning.
 * Options: `select` (rule codes or prefixes; default: the rules the repository's ruff
 * configuration selects), `paths` (files or directories; default: every file in scope).
 */
import { z } from 'zod';
import { defineTransform, type TargetVersion } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { configuredRuffRules } from '../../src/python/ruff-lint-rules.js';
import { RuffSettingsResolver } from '../../src/python/ruff-settings.js';
import { filesUnder, unmatchedProblems } from '../../src/python/scope.js';
import type { PythonVersion } from '../../src/python/version.js';
import { planRuffFixes } from './plan.js';

const RULE = /^[A-Z]{1,5}[0-9]{0,4}$/;

const options = z.strictObject({
  select: z
    .array(z.string().regex(RULE, 'expected a ruff rule code or prefix like "UP045" or "F"'))
    .min(1)
    .optional(),
  paths: z.array(z.string().min(1)).min(1).optional(),
});

type Options = z.infer<typeof options>;

function pythonVersion(v: TargetVersion | undefined): PythonVersion | undefined {
  return v && v.major === 3 ? { major: 3, minor: v.minor } : undefined;
}

export default defineTransform({
  id: 'ruff-fix',
  summary: "apply ruff's fixes",
  languages: ['python'],
  reads: 'project',
  options,
  run(ctx: PythonProjectContext<Options>) {
    const scope = filesUnder(ctx.files, ctx.options.paths);
    if (scope.unmatched.length > 0) ctx.refuse(unmatchedProblems(scope, 'ruff-fix/no-such-path'));
    const resolver = new RuffSettingsResolver(ctx.root);
    let fixes = 0;
    const unfixable: string[] = [];
    for (const path of scope.files) {
      const file = ctx.file(path);
      const settings = resolver.forFile(path);
      const rules = ctx.options.select
        ? { select: ctx.options.select, ignore: [] }
        : configuredRuffRules(settings.source);
      const plan = planRuffFixes({
        text: file.text,
        path,
        ...rules,
        workspace: settings.workspace,
        targetVersion: pythonVersion(ctx.settings.targetVersion) ?? settings.targetVersion,
      });
      for (const fix of plan.fixes) ctx.fix(path, fix);
      fixes += plan.fixes.length;
      for (const report of plan.reports) {
        ctx.report({ ...report, file: path });
        if (report.code === 'ruff-fix/no-fix') unfixable.push(report.message);
      }
    }
    if (fixes === 0 && unfixable.length > 0)
      ctx.notApplicable(
        `ruff has no fix for what it reports: ${[...new Set(unfixable)].slice(0, 3).join('; ')}`,
      );
  },
});
