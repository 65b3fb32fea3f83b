/** extract-shared-helpers: infer on the real seed-000 findings, the name-pairing rule, and explain. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFindings } from '../../src/findings/index.js';
import type { Finding } from '../../src/findings/types.js';
import { loadPython } from '../../src/python/parser.js';
import { seedPath } from '../../test/findings/helpers.js';
import type { ExtractOptions } from './options.js';
import { pairNames } from './pairing.js';
import { recognizer } from './recognizer.js';

const G = 'backend/lambda/authorizers/cognito_group/handler.py';
const U = 'backend/lambda/authorizers/cognito_user/handler.py';
const D = 'backend/lambda/authorizers/device_attestation/handler.py';
const SHARE = 'backend/src/app/api/assets/share_assets.py';
const UTILS = 'backend/src/app/auth/authorizer_utils.py';

let seed000: readonly Finding[];
const byId = (id: string) => seed000.find((f) => f.id === id)!;
const infer = (f: Finding) => recognizer.infer(f) as ExtractOptions | undefined;

beforeAll(async () => {
  seed000 = (await readFindings([seedPath('000')])).findings;
});

describe('infer on seed 000', () => {
  it('B-DUP-01: the new module, four pairs by meaning, the guard parameter, __init__ exports', () => {
    expect(infer(byId('B-DUP-01'))).toEqual({
      target: UTILS,
      exportFrom: 'backend/src/app/auth/__init__.py',
      callSites: 'rename',
      helpers: [
        { from: '_extract_organization_ids', to: 'extract_organization_ids', sources: [G, U, D] },
        { from: '_get_header', to: 'get_header_case_insensitive', sources: [G, U, D] },
        { from: '_extract_token', to: 'extract_bearer_token', sources: [G, U, D] },
        {
          from: '_policy',
          to: 'build_iam_policy',
          sources: [G, U, D],
          parameter: 'broaden_resource',
        },
      ],
    });
  });

  it('B-SEC-02: both old names go to extract_bearer_token, each with its own files', () => {
    expect(infer(byId('B-SEC-02'))).toEqual({
      target: UTILS,
      callSites: 'rename',
      helpers: [
        { from: '_extract_token', to: 'extract_bearer_token', sources: [G, U] },
        { from: '_extract_bearer_token', to: 'extract_bearer_token', sources: [SHARE] },
      ],
    });
  });

  it('B-DUP-02: connection.py is the target and one of the sources', () => {
    expect(infer(byId('B-DUP-02'))).toEqual({
      target: 'backend/src/app/db/connection.py',
      callSites: 'rename',
      helpers: [
        {
          from: '_use_iam_auth',
          to: 'use_iam_auth',
          sources: ['backend/src/app/db/connection.py', 'backend/src/app/db/engine.py'],
        },
      ],
    });
  });

  it('claims only those three (B-DUP-03 asks for new behaviour; B-DUP-04 is not a copied helper)', () => {
    const claimed = seed000.filter((f) => infer(f) !== undefined).map((f) => f.id);
    expect(claimed).toEqual(['B-SEC-02', 'B-DUP-01', 'B-DUP-02']);
  });

  it('claims nothing in the other seeds', async () => {
    for (const n of ['001', '002', '003', '004'] as const) {
      const set = await readFindings([seedPath(n)]);
      expect(
        set.findings.filter((f) => infer(f)).map((f) => f.id),
        n,
      ).toEqual([]);
    }
  });
});

describe('pairing old names with new ones', () => {
  const pairs = (old: string[], fresh: string[]) =>
    Object.fromEntries(pairNames(old, fresh).map((p) => [p.from, p.to]));

  it('pairs when the new name contains every non-verb word of the old one', () => {
    expect(
      pairs(['_policy', '_get_header'], ['get_header_case_insensitive', 'build_iam_policy']),
    ).toEqual({
      _policy: 'build_iam_policy',
      _get_header: 'get_header_case_insensitive',
    });
  });

  it('treats verbs as optional, folds plurals and expands common abbreviations', () => {
    expect(pairs(['_fetch_org_ids'], ['load_organization_id', 'load_user_id'])).toEqual({
      _fetch_org_ids: 'load_organization_id',
    });
    expect(pairs(['_read_cfg'], ['parse_config'])).toEqual({ _read_cfg: 'parse_config' });
  });

  it('prefers the closest name, and pairs nothing on a tie or without the content words', () => {
    expect(pairs(['_extract_token'], ['extract_bearer_token', 'extract_organization_ids'])).toEqual(
      {
        _extract_token: 'extract_bearer_token',
      },
    );
    expect(pairs(['_token'], ['access_token', 'refresh_token'])).toEqual({});
    expect(pairs(['_policy'], ['build_response'])).toEqual({});
  });
});

describe('explain', () => {
  const fixture = path.resolve(import.meta.dirname, '../../fixtures/lambda-backend');
  const read = (p: string) => {
    const file = path.join(fixture, p);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  };

  beforeAll(() => loadPython());

  it('shows the pairing, the guarded block and where the sketch differs from the code', () => {
    const dup01 = byId('B-DUP-01');
    const lines = recognizer.explain!(dup01, infer(dup01)!, read).join('\n');
    expect(lines).toContain(`shared module: ${UTILS} (new)`);
    expect(lines).toContain('`_policy` -> `build_iam_policy` (shared words: policy)');
    expect(lines).toContain(
      '`_get_header` -> `get_header_case_insensitive` (shared words: get, header)',
    );
    expect(lines).toContain(`${D} will pass \`broaden_resource=False\``);
    expect(lines).toContain(
      "the code's parameters are kept: (principal_id, effect, method_arn, context)",
    );
  });

  it("reports share_assets.py's divergent copy with a diff", () => {
    const sec02 = byId('B-SEC-02');
    const lines = recognizer.explain!(sec02, infer(sec02)!, read).join('\n');
    expect(lines).toContain(`divergent, left in place: \`_extract_bearer_token\` in ${SHARE}`);
    expect(lines).toContain('+    scheme, _, credentials = auth_header.strip().partition(" ")');
  });
});
