/**
 * consolidate-helpers — put divergent copies of a helper behind one new function.
 *
 * What it does: writes the new function the finding names into the target module — the
 * finding's code, or its signature (`require_env(name: str) -> str`) over the body of the
 * copy with that signature (and the failure test the finding states, "unset or empty"),
 * raising the finding's exception (`ConfigurationError(name)`); a public name joins a
 * literal `__all__`. Each copy is compared with it structurally (what is raised aside;
 * `os.getenv(k)` and `os.environ.get(k)` are one read); per call, the parameters the
 * call leaves at their defaults are filled in first. Every use proven interchangeable
 * moves to the new function — calls, other reads, importers (they import it from the
 * target), `module.copy` reads, `mock.patch("pkg.module.copy")` strings — and a copy
 * with no use left is deleted, with the imports only it used. Functions that write the
 * check out inline (`x = os.environ.get("K")` + `if not x: raise ...`) become `x =
 * require_env("K")`. What it cannot prove is listed with the difference and left: the
 * finding is then partial.
 * Why: B-DUP-03 / 3.9 — three hand-rolled "read an env var or raise" helpers, one
 * function and one exception wanted; extract-shared-helpers only merges identical copies.
 * Example: 3.9 — `media_urls._required` is deleted (its four calls use `require_env`);
 * `mailer._env_or_fail("SMTP_HOST")` becomes `require_env("SMTP_HOST")` (now also failing
 * on an empty value, as stated), `_env_or_fail("SMTP_PORT", "587")` stays (a default
 * `require_env` cannot express); `require_admin_token`'s inline check is replaced.
 * Fix safety: a moved use is interchangeable or changes only as the finding states, so
 * the fixes are safe — unless the new exception is not a subclass of what a copy raised
 * (callers catching that may no longer catch it): those fixes are unsafe. A use whose new
 * import would be circular stays. Refuses a copy the code does not have, a new function
 * with neither code nor signature, no copy to take the body from, and a target that
 * already defines the function differently (with a diff).
 * Options: `target`, `name`, `code?`, `signature?`, `raises?`, `behaviour?` (`falsy` |
 * `none`), `copies: [{ file, name }]`, `inline: [{ file, function? }]`.
 */
import { defineTransform } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { runPlanner } from '../../src/python/run-planner.js';
import { type ConsolidateOptions, consolidateOptions } from './options.js';
import { planConsolidation } from './plan.js';

function run(ctx: PythonProjectContext<ConsolidateOptions>): void {
  const { name, target } = ctx.options;
  const title = (path: string) =>
    path === target ? `add ${name} to ${target}` : `use ${name} in ${path}`;
  runPlanner(ctx, planConsolidation, title, 'refusing to consolidate the helpers, nothing changed');
}

export default defineTransform({
  id: 'consolidate-helpers',
  languages: ['python'],
  reads: 'project',
  summary: 'replace divergent helper copies with one function',
  options: consolidateOptions,
  run,
});
