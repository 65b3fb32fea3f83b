/**
 * insert-guard-call on fastapi-platform CF-01: `_validate_identifier` written from the
 * finding's specification after `MigrationOperations`, a call per named parameter at the
 * top of each helper after its docstring, `policy_name` checked only when not None
 * (however it is declared `None`-able); the suite green and a second run a no-op.
 */
import { afterEach, beforeAll, expect, it } from 'vitest';
import { loadPython } from '../../src/python/parser.js';
import { planGuardCalls } from '../../transforms/insert-guard-call/plan.js';
import { inferGuardCall } from '../../transforms/insert-guard-call/recognizer.js';
import { FixtureProject, fixtureFinding } from './add-code-support.js';

const RLS = 'packages/infra-persistence/src/praecepta/infra/persistence/rls_helpers.py';

beforeAll(() => loadPython());

let copy: FixtureProject | undefined;
afterEach(() => copy?.dispose());

it('CF-01: validator created, helpers guarded, None-able policy_name checked when given', () => {
  copy = FixtureProject.copy('fastapi-platform');
  const options = inferGuardCall(fixtureFinding('fastapi-platform', 'CF-01'))!;
  const result = planGuardCalls(copy.project, options);
  const text = copy.apply(result)[RLS]!;
  expect(text.indexOf('def _validate_identifier(name: str) -> str:')).toBeGreaterThan(
    text.indexOf('class MigrationOperations'),
  );
  expect(text.indexOf('def _validate_identifier')).toBeLessThan(text.indexOf('def enable_rls'));
  expect(text).toContain(
    '    """Enable and force RLS (FORCE also applies it to the table owner)."""\n    _validate_identifier(table_name)\n',
  );
  expect(text).toContain(
    'def tenant_policy_sql(table_name, policy_name=None, cast_type="uuid"):\n    """The ``CREATE POLICY`` statement for ``table_name`` (also shown by ``make rls-plan``)."""\n    _validate_identifier(table_name)\n    if policy_name is not None:\n        _validate_identifier(policy_name)\n    _validate_identifier(cast_type)\n',
  );
  expect(text).not.toContain('_validate_identifier(role)');
  expect(text).not.toContain('_validate_identifier(sqltext)');
  expect(
    text.match(/if policy_name is not None:\n\s+_validate_identifier\(policy_name\)/g),
  ).toHaveLength(4);
  const run = copy.unittest();
  expect(run.ok, run.output).toBe(true);
  expect(planGuardCalls(copy.project, options).files.filter((f) => f.edits.length)).toEqual([]);
});
