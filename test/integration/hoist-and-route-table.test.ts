/**
 * hoist-imports and route-table on `fixtures/lambda-backend` the way `remedy apply` runs
 * them (guard and format on), with the options inferred from the fixture's audit, on one
 * copy in turn:
 * - B-QUAL-08 hoists the standard-library imports out of `try`/`with`/`if`/`else`/`for`/
 *   `while` and leaves the ones that must stay, each with its reason; a run over the whole
 *   backend then hoists only what B-QUAL-04/05 name and explains every import left;
 * - B-ARCH-06 converts the six dispatchers it can — guards before the chain, `(method,
 *   resource)` tuples, `in`, `startswith`, `re.match`, per-route arguments, implicit `None`
 *   and explicit 404 — and reports the two it must not convert (a header check, side
 *   effects before a return) as undone.
 * The fixture's suite passes after each step (it pins every dispatcher's behaviour);
 * pyright reports no new error at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruffCheck } from '../../src/python/ruff.js';
import hoistImports from '../../transforms/hoist-imports/index.js';
import routeTable from '../../transforms/route-table/index.js';
import { changedPaths, FixtureCopy, inferFor, STEP_TIMEOUT, unittest } from './lambda-backend.js';

const EXPORTS = 'backend/src/app/api/exports.py';
const WEBHOOKS = 'backend/lambda/media_webhooks/handler.py';
const PRICING = 'backend/src/app/services/pricing.py';
const SUPPORT = 'backend/src/app/api/lambda_support.py';
const CONVERTED = [
  'backend/lambda/admin_reports/handler.py',
  'backend/lambda/bookings_api/handler.py',
  'backend/lambda/media_webhooks/handler.py',
  'backend/lambda/venues_api/handler.py',
  'backend/src/app/api/kiosk_api.py',
  'backend/src/app/api/partner_feed.py',
];

describe('hoist-imports and route-table on fixtures/lambda-backend', () => {
  let copy: FixtureCopy;
  const expectSuite = () => {
    const tests = unittest(copy.dir);
    expect(tests.ok, tests.output).toBe(true);
  };

  beforeAll(() => {
    copy = FixtureCopy.create('remedy-hoist-routes-');
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
      expectSuite();
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
      expectSuite();
    },
    STEP_TIMEOUT,
  );

  it(
    'converts six dispatchers, refuses two with the branch and the reason',
    async () => {
      const outcome = await copy.run(routeTable, inferFor(routeTable, 'B-ARCH-06'));
      expect(changedPaths(outcome)).toEqual(CONVERTED);
      const venues = copy.read('backend/lambda/venues_api/handler.py');
      expect(venues).toContain('("/venues", lambda event, params: list_venues(params, event)),');
      expect(venues).toMatch(/if errors:\n.*\n.*\n {4}for route, route_handler in _ROUTES:\n/);
      expect(venues.trimEnd()).toMatch(/return route_handler\(event, params\)$/);
      const bookings = copy.read('backend/lambda/bookings_api/handler.py');
      expect(bookings).toContain('method, resource = event["httpMethod"], event.get("resource")\n');
      expect(bookings).toContain('if method == route_method and resource == route:');
      expect(bookings.match(/^ {8}"(GET|POST|DELETE)",$/gm)).toHaveLength(5);
      const webhooks = copy.read('backend/lambda/media_webhooks/handler.py');
      expect(webhooks).toContain('if re.match(route, path):');
      const partner = copy.read('backend/src/app/api/partner_feed.py');
      expect(partner.indexOf('"/partner/v2/assets",')).toBeLessThan(
        partner.indexOf('"/partner/v2/assets/",'),
      );
      expect(copy.read('backend/src/app/api/kiosk_api.py')).toContain('head=method == "HEAD"');
      const undone = outcome.results
        .flatMap((r) => r.diagnostics)
        .concat(outcome.diagnostics)
        .filter((d) => d.undone);
      expect(undone.map((d) => d.message).sort()).toEqual([
        expect.stringContaining(
          'handle_calendar_request() in backend/src/app/api/calendar_feed.py into a route table: branch 1 (line 96: `if path == "/calendar/feed" and _accepts(event, "text/calendar"):`): `_accepts(event, "text/calendar")` is not a path comparison',
        ),
        expect.stringContaining(
          'route() in backend/lambda/loyalty_api/handler.py into a route table: branch 2 (line 99: `elif resource == "/loyalty/redeem":`): it runs `_METRICS["redeem_attempts"] += 1` and `logger.info("Redeem attempt by %s", identity.sub)` before its return',
        ),
      ]);
      // pyright once for the three steps (its errors name their files).
      copy.expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'a second run changes nothing',
    async () => {
      const outcome = await copy.run(routeTable, inferFor(routeTable, 'B-ARCH-06'));
      expect(changedPaths(outcome)).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
