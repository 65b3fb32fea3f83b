/**
 * rename-symbols and hoist-imports on `fixtures/lambda-backend`, the way `remedy apply`
 * runs them: options inferred from the fixture's own audit, guard and format on. After
 * each finding: the expected edits are there, no import list got unsorted (ruff I001),
 * the fixture's unittest suite passes, and pyright reports no error that was not there
 * before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyTransform } from '../../src/engine/contract.js';
import { runTransform } from '../../src/engine/run.js';
import { ruffCheck } from '../../src/python/ruff.js';
import hoistImports from '../../transforms/hoist-imports/index.js';
import renameSymbols from '../../transforms/rename-symbols/index.js';
import { readTree } from '../harness.js';
import { changedPaths, FixtureCopy, inferFor, STEP_TIMEOUT } from './lambda-backend.js';

/** ruff's isort findings (I001) with the fixture's line length. */
function unsortedImports(text: string): number {
  return ruffCheck(text, ['I001'], { 'line-length': 100 }).length;
}

describe('rename-symbols and hoist-imports on fixtures/lambda-backend', () => {
  let copy: FixtureCopy;
  let dir: string;
  const read = (file: string) => copy.read(file);
  const expectSuiteAndPyright = () => copy.expectSuiteAndPyright();

  /** Apply one finding with its inferred options; return the changed paths. */
  async function apply(transform: AnyTransform, id: string): Promise<string[]> {
    const options = inferFor(transform, id);
    expect(options, `${transform.id} infers options for ${id}`).toBeDefined();
    const files = (options as { files?: string[] }).files ?? [];
    const outcome = await copy.run(transform, options, transform.reads === 'file' ? files : []);
    for (const r of outcome.results) {
      if (r.kind !== 'changed') continue;
      expect(unsortedImports(r.after), `${r.path}: import order (ruff I001)`).toBeLessThanOrEqual(
        unsortedImports(r.before),
      );
    }
    return changedPaths(outcome);
  }

  beforeAll(() => {
    copy = FixtureCopy.create('remedy-rename-hoist-');
    dir = copy.dir;
  }, STEP_TIMEOUT);

  afterAll(() => copy.dispose());

  it(
    'B-QUAL-01: renames the 8 helpers everywhere, test strings included',
    async () => {
      const changed = await apply(renameSymbols, 'B-QUAL-01');
      expect(changed).toEqual([
        'backend/src/app/api/admin_request.py',
        'backend/src/app/api/admin_validators.py',
        'backend/src/app/api/assets/admin_assets.py',
        'backend/src/app/api/assets/assets_common.py',
        'backend/src/app/api/assets/public_assets.py',
        'backend/src/app/api/assets/user_assets.py',
        'backend/src/app/api/public_reservations.py',
        'tests/test_behaviour_request_parsing.py',
        'tests/test_behaviour_validators.py',
      ]);
      const tests = read('tests/test_behaviour_request_parsing.py');
      expect(tests).toContain('mock.patch("app.api.admin_request.require_env"');
      expect(tests).toContain('patch.object(admin_request, "parse_body"');
      expect(read('backend/src/app/api/admin_request.py')).toContain('def parse_cursor(');
      expect(read('backend/src/app/api/assets/admin_assets.py')).toContain(
        'from app.api.admin_request import parse_body, parse_uuid',
      );
      expect(read('backend/src/app/api/assets/assets_common.py')).toContain(
        'from app.api.admin_validators import validate_language, validate_string_length',
      );
      expect(read('backend/src/app/api/public_reservations.py')).toContain(
        'admin_request.parse_body(event)',
      );
      const old =
        /\b(_parse_body|_parse_uuid|_encode_cursor|_parse_cursor|_query_param|_require_env|_validate_string_length|_validate_email)\b/;
      const leftovers = Object.entries(readTree(dir)).filter(
        ([file, text]) => file.endsWith('.py') && old.test(text),
      );
      expect(leftovers.map(([file]) => file)).toEqual([]);
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'B-DUP-02 (rename part): _use_iam_auth -> use_iam_auth in connection.py only',
    async () => {
      const engineBefore = read('backend/src/app/db/engine.py');
      const changed = await apply(renameSymbols, 'B-DUP-02');
      expect(changed).toEqual(['backend/src/app/db/connection.py']);
      const connection = read('backend/src/app/db/connection.py');
      expect(connection).toContain('def use_iam_auth() -> bool:');
      expect(connection).toContain('if use_iam_auth():');
      expect(connection).not.toMatch(/\b_use_iam_auth\b/);
      expect(read('backend/src/app/db/engine.py')).toBe(engineBefore);
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'B-QUAL-04: hoists enum, Decimal and UUID out of serialize_for_audit',
    async () => {
      const changed = await apply(hoistImports, 'B-QUAL-04');
      expect(changed).toEqual(['backend/src/app/db/audit.py']);
      const audit = read('backend/src/app/db/audit.py');
      const header = audit.slice(0, audit.indexOf('\nlogger = '));
      expect(header).toContain('import contextvars\nimport enum\nimport logging\n');
      expect(header).toContain('from decimal import Decimal\n');
      expect(header).toContain('from uuid import UUID as UUIDType\nfrom uuid import uuid4\n');
      expect(audit).toContain(
        'def serialize_for_audit(entity, exclude_fields=None):\n    excluded = ',
      );
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'B-QUAL-05: hoists func out of BaseRepository.count',
    async () => {
      const changed = await apply(hoistImports, 'B-QUAL-05');
      expect(changed).toEqual(['backend/src/app/db/repositories/base.py']);
      const base = read('backend/src/app/db/repositories/base.py');
      expect(base).toContain('from sqlalchemy import func, select\n');
      expect(base).toContain('def count(self) -> int:\n        result = ');
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'hoist-imports over the whole backend then changes nothing, and says why for each import left',
    async () => {
      const outcome = await runTransform({
        root: dir,
        transform: hoistImports,
        options: { modules: ['stdlib', 'sqlalchemy'] },
        paths: [],
        allowUnsafe: false,
        format: false,
        guard: true,
        workers: 0,
      });
      expect(outcome.results.filter((r) => r.kind !== 'unchanged')).toEqual([]);
      const notes = outcome.results.flatMap((r) =>
        r.diagnostics.map((n) => `${r.path}: ${n.message}`),
      );
      expect(notes.join('\n')).toContain(
        'backend/lambda/migrations/handler.py: left `import psycopg` in lambda_handler in place: it is marked as deliberately lazy',
      );
      expect(notes.join('\n')).toContain(
        'backend/src/app/services/cloudfront_signing.py: left `from cryptography.hazmat.primitives import hashes, serialization` in _rsa_signer in place: it is inside `try`/`except ImportError` (an optional import)',
      );
    },
    STEP_TIMEOUT,
  );
});
