/**
 * consolidate-helpers on the fixtures: lambda-backend B-DUP-03 (both copies deleted, the
 * importer and the mock.patch string moved, the stripping inline check listed: partial)
 * and fastapi-platform 3.9 (the stated behaviour accepted for two `_env_or_fail` calls,
 * the one with a default listed, the inline check replaced); suites green, then no-ops.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadPython } from '../../src/python/parser.js';
import { consolidateOptions } from '../../transforms/consolidate-helpers/options.js';
import { planConsolidation } from '../../transforms/consolidate-helpers/plan.js';
import { inferConsolidation } from '../../transforms/consolidate-helpers/recognizer.js';
import { FixtureProject, fixtureFinding } from './add-code-support.js';

beforeAll(() => loadPython());

let copy: FixtureProject | undefined;
afterEach(() => copy?.dispose());

function apply(fixture: string, id: string) {
  copy = FixtureProject.copy(fixture);
  const options = consolidateOptions.parse(inferConsolidation(fixtureFinding(fixture, id)));
  const result = planConsolidation(copy.project, options);
  const out = copy.apply(result);
  const run = copy.unittest();
  expect(run.ok, run.output).toBe(true);
  expect(planConsolidation(copy.project, options).files.filter((f) => f.edits.length)).toEqual([]);
  return { out, diagnostics: result.diagnostics };
}

describe('consolidate-helpers', () => {
  it('B-DUP-03 on lambda-backend: partial, the inline check that strips is listed', () => {
    const { out, diagnostics } = apply('lambda-backend', 'B-DUP-03');
    expect(out['backend/src/app/utils/__init__.py']).toContain(
      'def require_env(name: str) -> str:\n    value = os.environ.get(name)\n    if not value:\n        raise ConfigurationError(name)\n    return value\n',
    );
    expect(out['backend/src/app/utils/__init__.py']).toContain(
      '__all__ = ["json_response", "require_env"]',
    );
    expect(out['backend/src/app/services/cloudfront_signing.py']).not.toContain('_required_env');
    expect(out['backend/src/app/api/admin_request.py']).not.toContain('def _require_env');
    expect(out['backend/src/app/api/assets/admin_assets.py']).toContain(
      'from app.utils import require_env',
    );
    expect(out['tests/test_behaviour_request_parsing.py']).toContain(
      '"app.api.admin_request.require_env"',
    );
    expect(out['backend/src/app/api/assets/assets_common.py']).toBeUndefined();
    const undone = diagnostics.filter((d) => d.undone).map((d) => d.message);
    expect(undone).toEqual([
      expect.stringMatching(/^the check in `asset_public_url` .* is not `require_env`: .*strip/),
    ]);
  });

  it('3.9 on fastapi-platform: two calls change as stated, the defaulted one stays', () => {
    const { out, diagnostics } = apply('fastapi-platform', '3.9');
    const mailer = out['backend/app/services/mailer.py']!;
    expect(mailer).toContain('"host": require_env("SMTP_HOST"),');
    expect(mailer).toContain('int(_env_or_fail("SMTP_PORT", "587"))');
    expect(mailer).toContain('def _env_or_fail(name, default=None):');
    expect(out['backend/app/services/media_urls.py']).not.toMatch(/_required\b|^import os/m);
    expect(out['backend/app/routers/admin.py']).toContain(
      'expected = require_env("ADMIN_API_TOKEN")',
    );
    const messages = diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('`require_env` also fails on an empty value, as the finding states');
    expect(messages).toContain(
      'it passes `default` ("587"), which `require_env` has no parameter for',
    );
  });
});
