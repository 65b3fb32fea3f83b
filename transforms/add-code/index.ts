/**
 * add-code — insert the code a finding gives into the module or class it names.
 *
 * What it does: one of four kinds. `definitions`: the finding's block (functions,
 * classes, fixtures, module-level assignments) goes into a module or a class where a
 * reader expects it — constants with the constants, fixtures after the fixtures, a helper
 * before its first use (else at the end), fields after the fields, validators after the
 * fields — with the imports its names need, a declared type variable (bound from the
 * call sites' declarations), and new public names in a literal `__all__`; with
 * `callSites`, the functions that write the new helper out by hand call it instead (the
 * helper adapted where every such function agrees against the finding's sketch).
 * `fields`: `name: type = default` declarations added to a class. `validator`: a pydantic
 * `@model_validator` / `@field_validator` written from a stated predicate. `exports`:
 * names imported into a package `__init__.py` and listed in its `__all__`.
 * Why: findings give the code to add (B-TEST-02's conftest fixtures, B-DUP-04's
 * pagination helper) or state it precisely enough to write (CF-05's validator, CF-24's
 * exports).
 * Example: B-TEST-02's three `@pytest.fixture`s go after the `sys.path.insert(...)` line
 * of `tests/conftest.py`, with `import pytest`; a second run is a no-op.
 * Fix safety: new code only adds names, so the fixes are safe; a call site is replaced
 * only when it is the helper written out, so that is safe too. A validator is unsafe when
 * the class's defaults could not be checked against its predicate. An identical
 * definition is a no-op; a different one is refused with a diff. The plan stops when the
 * document is wrong against the code: a class or field that does not exist (naming the
 * class that has such a field), a validator that rejects the field's default, names no
 * import can be found for. A sketch (`...`, `# ...`) makes the step manual.
 * Options: `kind` and, per kind — `definitions`: `file`, `class?`, `code`, `usedBy?`,
 * `callSites?: { call, sites: [{ file, function }] }`; `fields`: `class`, `file?`,
 * `fields`; `validator`: `class`, `file?`, `scope` (`model` | `field`), `field?`,
 * `predicate: { expression, sense, raises }`, `name?`; `exports`: `file`, `names`. Every
 * kind takes `also`: what the finding asks beyond this step, reported undone.
 */
import { defineTransform } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { runPlanner } from '../../src/python/run-planner.js';
import { type AddCodeOptions, addCodeOptions } from './options.js';
import { planAddCode } from './plan.js';

function run(ctx: PythonProjectContext<AddCodeOptions>): void {
  const what =
    ctx.options.kind === 'exports' ? 'exports' : ctx.options.kind === 'fields' ? 'fields' : 'code';
  runPlanner(
    ctx,
    planAddCode,
    (path) => `add the finding's ${what} to ${path}`,
    'refusing to add code, nothing changed',
  );
}

export default defineTransform({
  id: 'add-code',
  languages: ['python'],
  reads: 'project',
  summary: 'add the code the finding gives',
  options: addCodeOptions,
  run,
});
