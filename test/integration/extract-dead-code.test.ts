/**
 * extract-shared-helpers and remove-dead-code on `fixtures/lambda-backend`, the way
 * `remedy apply` runs them: the registry maps each finding of the fixture's own audit,
 * options are inferred, guard and format are on. After each finding the fixture's
 * unittest suite passes and pyright reports no error that was not there before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyConfig } from '../../src/config/load.js';
import type { AnyTransform } from '../../src/engine/contract.js';
import type { RunOutcome } from '../../src/engine/run.js';
import { mapFinding } from '../../src/plan/mapping.js';
import { loadCatalog } from '../../transforms/index.js';
import { readTree } from '../harness.js';
import { auditFinding, changedPaths, FixtureCopy, STEP_TIMEOUT } from './lambda-backend.js';

const HANDLERS = 'backend/lambda/authorizers';

describe('extract-shared-helpers and remove-dead-code on fixtures/lambda-backend', () => {
  let copy: FixtureCopy;
  let dir: string;
  const read = (file: string) => copy.read(file);
  const expectSuiteAndPyright = () => copy.expectSuiteAndPyright();

  /** Map the finding through the registry, run it, write the result; return the outcome. */
  async function apply(id: string, expected: string): Promise<RunOutcome> {
    const step = await mapFinding(auditFinding(id), emptyConfig(dir), await loadCatalog());
    expect(step.kind === 'transform' ? step.transform.id : step.reason, id).toBe(expected);
    const transform = (step as { transform: AnyTransform }).transform;
    return copy.run(transform, (step as { options: unknown }).options);
  }

  beforeAll(() => {
    copy = FixtureCopy.create('remedy-extract-dead-');
    dir = copy.dir;
  }, STEP_TIMEOUT);

  afterAll(() => copy.dispose());

  it(
    'B-DUP-01: four helpers move to app/auth/authorizer_utils.py; device_attestation keeps its policy',
    async () => {
      const outcome = await apply('B-DUP-01', 'extract-shared-helpers');
      expect(changedPaths(outcome)).toEqual([
        `${HANDLERS}/cognito_group/handler.py`,
        `${HANDLERS}/cognito_user/handler.py`,
        `${HANDLERS}/device_attestation/handler.py`,
        'backend/src/app/auth/__init__.py',
        'backend/src/app/auth/authorizer_utils.py',
      ]);
      const utils = read('backend/src/app/auth/authorizer_utils.py');
      for (const name of [
        'get_header_case_insensitive',
        'extract_bearer_token',
        'extract_organization_ids',
        'build_iam_policy',
      ]) {
        expect(utils).toContain(`def ${name}(`);
        expect(read('backend/src/app/auth/__init__.py')).toContain(`"${name}",`);
      }
      expect(utils).toContain('broaden_resource: bool = True');
      expect(utils).toContain('if broaden_resource and method_arn.count("/") >= 2:');
      const device = read(`${HANDLERS}/device_attestation/handler.py`);
      expect(device.match(/broaden_resource=False/g)).toHaveLength(4);
      expect(device).not.toMatch(/def _policy|def _get_header/);
      const group = read(`${HANDLERS}/cognito_group/handler.py`);
      expect(group).toContain('from app.auth.authorizer_utils import');
      expect(group).not.toMatch(
        /\b(_policy|_get_header|_extract_token|_BEARER_PREFIX)\b|^import json/m,
      );
      const fromLambda = Object.entries(readTree(dir)).filter(
        ([file, text]) => file.endsWith('.py') && /^\s*(from|import) lambda\b/m.test(text),
      );
      expect(fromLambda).toEqual([]);
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    "B-SEC-02: the authorizers already share extract_bearer_token; share_assets.py's copy diverges and is reported",
    async () => {
      const shareBefore = read('backend/src/app/api/assets/share_assets.py');
      const outcome = await apply('B-SEC-02', 'extract-shared-helpers');
      expect(changedPaths(outcome)).toEqual([]);
      const warning = outcome.diagnostics.find((n) => n.severity === 'warning')?.message ?? '';
      expect(warning).toContain(
        '`_extract_bearer_token` in backend/src/app/api/assets/share_assets.py differs',
      );
      expect(warning).toContain('+    scheme, _, credentials = auth_header.strip().partition(" ")');
      expect(read('backend/src/app/api/assets/share_assets.py')).toBe(shareBefore);
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'B-DUP-02: connection.py keeps use_iam_auth, engine.py imports it',
    async () => {
      const outcome = await apply('B-DUP-02', 'extract-shared-helpers');
      expect(changedPaths(outcome)).toEqual([
        'backend/src/app/db/connection.py',
        'backend/src/app/db/engine.py',
      ]);
      expect(read('backend/src/app/db/connection.py')).toContain('def use_iam_auth() -> bool:');
      const engine = read('backend/src/app/db/engine.py');
      expect(engine).toContain(
        'from app.db.connection import build_database_url, get_connection_params, use_iam_auth',
      );
      expect(engine).toContain('if use_iam_auth():');
      expect(engine).not.toMatch(/\b_use_iam_auth\b/);
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'B-ARCH-05: _parse_path and its two helpers are proven unreferenced and removed',
    async () => {
      const outcome = await apply('B-ARCH-05', 'remove-dead-code');
      expect(changedPaths(outcome)).toEqual(['backend/src/app/api/admin_request.py']);
      const module = read('backend/src/app/api/admin_request.py');
      expect(module).not.toMatch(/_parse_path|_strip_version_prefix|_is_version_segment/);
      expect(module).toContain('def _parse_body(');
      expect(module).toContain('def _parse_uuid(');
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );
});
