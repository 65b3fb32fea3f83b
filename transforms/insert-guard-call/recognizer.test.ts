/** insert-guard-call's recognizer on seed 001 and the fastapi-platform audit. */
import { describe, expect, it } from 'vitest';
import { finding, parseSeed } from '../../test/findings/helpers.js';
import { fixtureFinding } from '../../test/integration/add-code-support.js';
import { inferGuardCall } from './recognizer.js';

const create = {
  parameter: { name: 'name', annotation: 'str' },
  returns: 'str',
  predicate: {
    expression: 're.fullmatch(r"[a-z_][a-z0-9_]*", name)',
    sense: 'require',
    raises: 'ValueError',
  },
};

describe('insert-guard-call recognizer', () => {
  it('CF-01 (fixture): the validator, the three parameters, the validator to create', () => {
    expect(inferGuardCall(fixtureFinding('fastapi-platform', 'CF-01'))).toEqual({
      file: 'packages/infra-persistence/src/praecepta/infra/persistence/rls_helpers.py',
      validator: '_validate_identifier',
      parameters: ['table_name', 'policy_name', 'cast_type'],
      create,
    });
  });

  it('CF-01 (seed 001): the same reading of the original document', () => {
    expect(inferGuardCall(finding(parseSeed('001'), 'CF-01'))).toMatchObject({
      validator: '_validate_identifier',
      parameters: ['table_name', 'policy_name', 'cast_type'],
      create,
    });
  });

  it('leaves alone findings that add no call at the top of functions', () => {
    for (const id of ['CF-05', 'CF-07', 'CF-12', 'CF-15']) {
      expect(inferGuardCall(fixtureFinding('fastapi-platform', id)), id).toBeUndefined();
    }
    expect(inferGuardCall(finding(parseSeed('000'), 'B-SEC-01'))).toBeUndefined();
  });
});
