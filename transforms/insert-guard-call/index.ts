/**
 * insert-guard-call — call a validator on named parameters at the top of functions.
 *
 * What it does: in the finding's module, every module-level function that has one of
 * the named parameters (or the functions the finding names) starts — right after its
 * docstring, before anything else, comments directly above the first statement staying
 * with it — with `validator(param)` per named parameter, in parameter order. A parameter
 * that can be `None` (a `None` default, or an annotation that admits `None`: `str | None`,
 * `Optional[str]`) is checked only when given: `if param is not None: validator(param)`.
 * The calls come first, not after early guards: a check placed after an early `return`
 * would not run on that path, and any statement may already use the parameter. A
 * function that already calls the validator on a parameter keeps that call. When the
 * module does not define the validator, it is written from the finding's specification
 * (`_validate_identifier(name: str) -> str` that asserts `re.fullmatch(...)` and raises
 * `ValueError` otherwise) and placed before the first function that calls it.
 * Why: CF-01 — identifiers interpolated into DDL must be validated at the top of each RLS
 * helper.
 * Example: `def drop_tenant_isolation_policy(op, table_name: str, policy_name: str | None
 * = None)` gains `_validate_identifier(table_name)` and `if policy_name is not None:
 * _validate_identifier(policy_name)`.
 * Fix safety: the calls reject exactly the values the finding declares invalid, and never
 * `None` where `None` is allowed; safe. Refuses a validator the module lacks when the
 * finding does not specify it, a function it names that does not exist, and a module
 * where no function has any of the parameters. A body on the `def` line is listed, not
 * changed.
 * Options: `file`, `validator`, `parameters`, `functions?` (default: every function with
 * one of the parameters), `create?: { parameter: { name, annotation? }, returns?,
 * predicate: { expression, sense, raises } }`.
 */
import { defineTransform } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { runPlanner } from '../../src/python/run-planner.js';
import { type GuardCallOptions, guardCallOptions } from './options.js';
import { planGuardCalls } from './plan.js';

function run(ctx: PythonProjectContext<GuardCallOptions>): void {
  const validator = ctx.options.validator;
  runPlanner(
    ctx,
    planGuardCalls,
    () => `validate ${ctx.options.parameters.join(', ')} with ${validator}`,
    'refusing to insert guard calls, nothing changed',
  );
}

export default defineTransform({
  id: 'insert-guard-call',
  languages: ['python'],
  reads: 'project',
  summary: 'validate parameters at the top of the functions',
  options: guardCallOptions,
  run,
});
