/**
 * add-code on the fixtures' own findings, planned from the recognizer's options and
 * applied to a temporary copy: lambda-backend B-TEST-02 and B-DUP-04, fastapi-platform
 * CF-05 and CF-24 (each fixture's suite green after), and the two deliberate document
 * errors — CF-23 (a field that does not exist) and CF-18 (a range that rejects the
 * default) — which stop with the fact in the message.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlanRefusal } from '../../src/python/change-plan.js';
import { loadPython } from '../../src/python/parser.js';
import { planAddCode } from '../../transforms/add-code/plan.js';
import { inferAddCode } from '../../transforms/add-code/recognizer.js';
import { FixtureProject, fixtureFinding } from './add-code-support.js';

beforeAll(() => loadPython());

let copy: FixtureProject | undefined;
afterEach(() => copy?.dispose());

function plan(fixture: string, id: string) {
  copy = FixtureProject.copy(fixture);
  const options = inferAddCode(fixtureFinding(fixture, id));
  expect(options, `${id} is recognised`).toBeDefined();
  return { options: options!, result: planAddCode(copy.project, options!) };
}

function expectGreen(fx: FixtureProject): void {
  const run = fx.unittest();
  expect(run.ok, run.output).toBe(true);
}

describe('add-code on lambda-backend', () => {
  it('B-TEST-02: the three fixtures after the sys.path line, with import pytest; then a no-op', () => {
    const { options, result } = plan('lambda-backend', 'B-TEST-02');
    const text = copy!.apply(result)['tests/conftest.py']!;
    expect(text).toMatch(/^import sys\n\nimport pytest\n/m);
    expect(text.indexOf('sys.path.insert')).toBeLessThan(text.indexOf('def api_gateway_event'));
    expect(text).toContain('def mock_env(monkeypatch):');
    expectGreen(copy!);
    expect(planAddCode(copy!.project, options).files.filter((f) => f.edits.length)).toEqual([]);
  });

  it('B-DUP-04: the helper adapted to the code, bound to Asset; only the identical handler calls it', () => {
    const { result } = plan('lambda-backend', 'B-DUP-04');
    const notes = result.diagnostics.map((d) => d.message).join('\n');
    expect(notes).toContain(
      '`page_items[-1].id` -> `str(page_items[-1].id)`, as the 3 call sites that write it out do',
    );
    expect(notes).toMatch(
      /`_list_assets` .* is not `paginate_response` written out: .*include_internal=True/,
    );
    expect(notes).toMatch(/`_list_public_assets` .* is not `paginate_response` written out/);
    const out = copy!.apply(result);
    const common = out['backend/src/app/api/assets/assets_common.py']!;
    expect(common).toContain('T = TypeVar("T", bound=Asset)');
    expect(common).toContain('_encode_cursor(str(page_items[-1].id))');
    expect(out['backend/src/app/api/assets/user_assets.py']).toContain(
      'return paginate_response(assets, limit, event, serialize_asset)',
    );
    expect(out['backend/src/app/api/assets/admin_assets.py']).toBeUndefined();
    expectGreen(copy!);
  });
});

describe('add-code on fastapi-platform', () => {
  it('CF-05: the model validator after the fields of CORSSettings', () => {
    const { result } = plan('fastapi-platform', 'CF-05');
    const text =
      copy!.apply(result)['packages/infra-fastapi/src/praecepta/infra/fastapi/settings.py']!;
    expect(text).toContain('if self.allow_credentials and self.allow_origins == ["*"]:');
    expect(text).toMatch(/from pydantic import .*model_validator/);
    expectGreen(copy!);
  });

  it('CF-24: the four names imported and listed in __all__', () => {
    const { result } = plan('fastapi-platform', 'CF-24');
    const text =
      copy!.apply(result)[
        'packages/infra-persistence/src/praecepta/infra/persistence/__init__.py'
      ]!;
    for (const name of [
      'RedisFactory',
      'get_redis_factory',
      'get_sync_session_factory',
      'get_sync_engine',
    ]) {
      expect(text).toContain(`"${name}",`);
    }
    expect(text).toContain(
      'from praecepta.infra.persistence.redis_client import RedisFactory, get_redis_factory',
    );
    expectGreen(copy!);
  });

  it('CF-23 stops: the field database_url does not exist on DatabaseSettings', () => {
    expect(() => plan('fastapi-platform', 'CF-23')).toThrow(
      /field `database_url` does not exist on `DatabaseSettings` \(.*database\.py:\d+\); its fields are url, sync_url; `database_url` is a field of `Settings` \(backend\/app\/config\.py:\d+\), a different class/,
    );
  });

  it('CF-18 stops: the range 0-299 rejects the documented default 500', () => {
    try {
      plan('fastapi-platform', 'CF-18');
      expect.unreachable('CF-18 must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(PlanRefusal);
      const [problem] = (error as PlanRefusal).problems;
      expect(problem).toMatchObject({
        code: 'add-code/default-rejected',
        file: expect.stringContaining('middleware.py'),
      });
      expect(problem!.message).toContain(
        "the validator's range 0-299 rejects the field's default 500",
      );
    }
  });
});
