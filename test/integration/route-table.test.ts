/**
 * route-table on `fixtures/lambda-backend` the way `remedy apply` runs it (guard and
 * format on), with the options inferred from the fixture's audit: B-ARCH-06 converts the
 * six dispatchers it can — guards before the chain, `(method, resource)` tuples, `in`,
 * `startswith`, `re.match`, per-route arguments, implicit `None` and explicit 404 — and
 * reports the two it must not convert (a header check, side effects before a return) as
 * undone. The fixture's suite pins each dispatcher's behaviour; pyright must stay clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import routeTable from '../../transforms/route-table/index.js';
import { changedPaths, FixtureCopy, inferFor, STEP_TIMEOUT } from './lambda-backend.js';

const CONVERTED = [
  'backend/lambda/admin_reports/handler.py',
  'backend/lambda/bookings_api/handler.py',
  'backend/lambda/media_webhooks/handler.py',
  'backend/lambda/venues_api/handler.py',
  'backend/src/app/api/kiosk_api.py',
  'backend/src/app/api/partner_feed.py',
];

describe('route-table on fixtures/lambda-backend (B-ARCH-06)', () => {
  let copy: FixtureCopy;

  beforeAll(() => {
    copy = FixtureCopy.create('remedy-route-table-');
  }, STEP_TIMEOUT);

  afterAll(() => copy.dispose());

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
