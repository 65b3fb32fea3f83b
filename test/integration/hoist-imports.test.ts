/**
 * hoist-imports on `fixtures/lambda-backend` the way `remedy apply` runs it (guard and
 * format on): B-QUAL-08 with the options inferred from the fixture's audit hoists the
 * standard-library imports out of `try`/`with`/`if`/`else`/`for`/`while` and leaves the
 * ones that must stay, each with its reason; then a run over the whole backend hoists
 * only what B-QUAL-04/05 name and explains every import left. After each the fixture's
 * unittest suite passes; after B-QUAL-08 pyright reports no new error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruffCheck } from '../../src/python/ruff.js';
import hoistImports from '../../transforms/hoist-imports/index.js';
import { changedPaths, FixtureCopy, inferFor, STEP_TIMEOUT, unittest } from './lambda-backend.js';

const EXPORTS = 'backend/src/app/api/exports.py';
const WEBHOOKS = 'backend/lambda/media_webhooks/handler.py';
const PRICING = 'backend/src/app/services/pricing.py';
const SUPPORT = 'backend/src/app/api/lambda_support.py';

describe('hoist-imports on fixtures/lambda-backend', () => {
  let copy: FixtureCopy;

  beforeAll(() => {
    copy = FixtureCopy.create('remedy-hoist-');
  }, STEP_TIMEOUT);

  afterAll(() => copy.dispose());

  it(
    'B-QUAL-08: hoists the stdlib imports out of blocks and says why for the rest',
    async () => {
      const options = inferFor(hoistImports, 'B-QUAL-08') as { files: string[] };
      const outcome = await copy.run(hoistImports, options, options.files);
      expect(changedPaths(outcome)).toEqual([WEBHOOKS, EXPORTS, SUPPORT, PRICING].sort());
      for (const r of outcome.results) {
        if (r.kind !== 'changed') continue;
        const unsorted = (text: string) => ruffCheck(text, ['I001'], { 'line-length': 100 }).length;
        expect(unsorted(r.after), `${r.path}: import order`).toBeLessThanOrEqual(
          unsorted(r.before),
        );
      }
      const exports = copy.read(EXPORTS);
      expect(exports).toContain(
        'import csv\nimport io\nimport json\nfrom datetime import date, datetime\nfrom decimal import Decimal\n',
      );
      // The TYPE_CHECKING copy goes: the runtime import replaces it (else F811).
      expect(exports).toContain(
        'if TYPE_CHECKING:\n    from collections.abc import Iterable, Mapping, Sequence\n\n',
      );
      expect(copy.read(WEBHOOKS)).toContain(
        'import hmac\nimport json\nimport logging\nimport os\nimport posixpath\nimport re\nimport time\n',
      );
      expect(copy.read(SUPPORT)).toContain('import base64\nimport json\n');
      expect(copy.read(PRICING)).toContain(
        'import logging\nimport numbers\nimport os\nimport re\nimport sys\n',
      );
      expect(copy.read(PRICING)).toContain('        import ujson as json');
      const notes = outcome.results.flatMap((r) =>
        r.diagnostics.map((d) => `${r.path}:${d.line} ${d.code}`),
      );
      expect(notes.sort()).toEqual([
        'backend/lambda/admin_reports/handler.py:134 hoist/shadows',
        'backend/lambda/admin_reports/handler.py:145 hoist/version-gated',
        'backend/lambda/admin_reports/handler.py:147 hoist/version-gated',
        'backend/lambda/admin_reports/handler.py:61 hoist/third-party',
        'backend/src/app/api/kiosk_api.py:31 hoist/type-checking',
        'backend/src/app/services/pricing.py:30 hoist/guarded-import-error',
        'backend/src/app/services/pricing.py:32 hoist/guarded-import-error',
        'backend/src/app/services/pricing.py:46 hoist/version-gated',
        'backend/src/app/services/pricing.py:48 hoist/version-gated',
      ]);
      copy.expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'then over the whole backend hoists only what B-QUAL-04/05 name, and explains the rest',
    async () => {
      const outcome = await copy.run(hoistImports, { modules: ['stdlib', 'sqlalchemy'] });
      expect(changedPaths(outcome)).toEqual([
        'backend/src/app/db/audit.py',
        'backend/src/app/db/repositories/base.py',
      ]);
      const left = outcome.results.flatMap((r) => r.diagnostics.map((d) => d.code));
      const count = (code: string) => left.filter((c) => c === code).length;
      expect(count('hoist/guarded-import-error')).toBe(4);
      expect(count('hoist/version-gated')).toBe(4);
      expect(count('hoist/lazy')).toBe(1);
      expect(left).toHaveLength(12);
      const notes = outcome.results.flatMap((r) =>
        r.diagnostics.map((d) => `${r.path}: ${d.message}`),
      );
      expect(notes.join('\n')).toContain(
        'backend/lambda/migrations/handler.py: left `import psycopg` in lambda_handler in place: it is marked as deliberately lazy',
      );
      expect(notes.join('\n')).toContain(
        'backend/src/app/services/cloudfront_signing.py: left `from cryptography.hazmat.primitives import hashes, serialization` in _rsa_signer in place: it is inside `try`/`except ImportError` (an optional import)',
      );
      // pyright on B-QUAL-04/05's edits: test/integration/rename-hoist.test.ts.
      const tests = unittest(copy.dir);
      expect(tests.ok, tests.output).toBe(true);
    },
    STEP_TIMEOUT,
  );
});
