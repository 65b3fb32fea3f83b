/** route-table: fixture cases (tables, refusals), the sketch comparison, infer on seed 000. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import { loadPython } from '../../src/python/parser.js';
import { seedPath } from '../../test/findings/helpers.js';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';
import { recognizer } from './recognizer.js';
import { compareRouteSketch } from './sketch.js';

const repo = path.resolve(import.meta.dirname, '../..');
const ADMIN = 'backend/src/app/api/admin.py';
const adminSource = fs.readFileSync(path.join(repo, 'fixtures/lambda-backend', ADMIN), 'utf8');
const SEED = seedPath('000');
const DOCS = [SEED, path.join(repo, 'fixtures/lambda-backend/docs/AUDIT.md')].filter((d) =>
  fs.existsSync(d),
);

beforeAll(() => loadPython());

describe('route-table fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});

/** What the fixture's admin.py really routes, as seed 000's sketch should have drawn it. */
const FAITHFUL = `
_ROUTES = [
    ("/v1/reservations", "exact", lambda event, method, path: _handle_public_reservation(event, method)),
    ("/v1/admin/assets", "prefix", handle_admin_assets_request),
    ("/v1/user/assets", "prefix", handle_user_assets_request),
    ("/v1/assets/share", "prefix", handle_share_assets_request),
    ("/v1/assets/public", "prefix", handle_public_assets_request),
    ("/v1/public/assets", "prefix", handle_public_assets_request),
]

def _match_handler(*, event, method, path):
    normalized = path.rstrip("/")
    for route, kind, handler in _ROUTES:
        if normalized == route or (kind == "prefix" and normalized.startswith(route + "/")):
            return lambda: handler(event, method, path)
    return None
`;

describe('compareRouteSketch', () => {
  it('finds nothing to say about a faithful sketch', () => {
    expect(compareRouteSketch(FAITHFUL, adminSource)).toEqual([]);
  });

  it('reports another order, another handler, an extra route and another normalisation', () => {
    const sketch = FAITHFUL.replace(
      /\("\/v1\/admin\/assets".*\n(.*\n)/,
      '$1    ("/v1/admin/assets", "prefix", handle_admin_assets_request),\n',
    )
      .replace('handle_share_assets_request),', 'handle_public_assets_request),')
      .replace('    ("/v1/public/assets"', '    ("/v2/x", "exact", f),\n    ("/v1/public/assets"')
      .replace('path.rstrip("/")', 'path');
    expect(compareRouteSketch(sketch, adminSource)).toEqual([
      'the sketch compares `path` with the routes; the code compares `path.rstrip("/")`',
      'the sketch sends /v1/assets/share to handle_public_assets_request, the code to handle_share_assets_request',
      'the sketch adds /v2/x (f), which the code does not route',
      'the sketch orders the routes /v1/reservations, /v1/user/assets, /v1/admin/assets, /v1/assets/share, /v1/assets/public, /v1/public/assets; the code tries /v1/reservations, /v1/admin/assets, /v1/user/assets, /v1/assets/share, /v1/assets/public, /v1/public/assets',
    ]);
  });

  it('says so when the sketch has no table', () => {
    expect(compareRouteSketch('def f():\n    return 1\n', adminSource)).toEqual([
      'the sketch has no route table (`NAME = [(path, handler), ...]`) to compare',
    ]);
  });
});

describe.each(DOCS)('route-table on %s', (doc) => {
  const set = parseFindingsDocument(fs.readFileSync(doc, 'utf8'), doc);
  const arch02 = set.findings.find((f) => f.id === 'B-ARCH-02')!;

  it('infers the file and dispatcher of B-ARCH-02', () => {
    expect(recognizer.infer(arch02)).toEqual({
      file: ADMIN,
      dispatcher: '_match_handler',
      table: '_ROUTES',
    });
  });

  it('explains the three ways the sketch is wrong', () => {
    const options = recognizer.infer(arch02)!;
    const read = (p: string) => (p === ADMIN ? adminSource : undefined);
    expect(recognizer.explain!(arch02, options, read)).toEqual([
      'the sketch matches /v1/reservations as a prefix, the code matches it exactly: /v1/reservations/... would reach _handle_public_reservation instead of no route',
      'the sketch calls _handle_public_reservation(event, method, path) for /v1/reservations; the code calls _handle_public_reservation(event, method)',
      'the sketch drops /v1/public/assets (prefix match, handled by handle_public_assets_request); the code routes it',
    ]);
  });

  it('compares the sketch with the table once the code has one', () => {
    const options = recognizer.infer(arch02)!;
    const converted = fs.readFileSync(
      path.join(import.meta.dirname, '__testfixtures__/admin-dispatcher/output/app/api/admin.py'),
      'utf8',
    );
    const read = (p: string) => (p === ADMIN ? converted : undefined);
    expect(recognizer.explain!(arch02, options, read)).toHaveLength(3);
  });

  it('is not inferred for other findings', () => {
    const others = set.findings.filter((f) => f.id !== 'B-ARCH-02' && recognizer.infer(f));
    expect(others.map((f) => f.id)).toEqual([]);
  });
});
