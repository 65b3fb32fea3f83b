/**
 * The fixes taken from a finding's own code, and route-table, on `fixtures/lambda-backend`
 * the way `remedy apply` runs them: options inferred from the fixture's audit, guard and
 * format on. After each finding: the expected edits are there, the fixture's unittest
 * suite passes, and pyright reports no error that was not there before.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyTransform } from '../../src/engine/contract.js';
import { runTransform } from '../../src/engine/run.js';
import createFile from '../../transforms/create-file/index.js';
import replaceDefinition from '../../transforms/replace-definition/index.js';
import replaceSnippet from '../../transforms/replace-snippet/index.js';
import routeTable from '../../transforms/route-table/index.js';
import { changedPaths, FixtureCopy, inferFor, STEP_TIMEOUT } from './lambda-backend.js';

const ADMIN = 'backend/src/app/api/admin.py';

describe('fixes from the finding’s own code, and route-table, on fixtures/lambda-backend', () => {
  let copy: FixtureCopy;
  const read = (file: string) => copy.read(file);
  const expectSuiteAndPyright = () => copy.expectSuiteAndPyright();

  function inferred(transform: AnyTransform, id: string): unknown {
    const options = inferFor(transform, id);
    expect(options, `${transform.id} infers options for ${id}`).toBeDefined();
    return options;
  }

  /** Run one finding with its inferred options without writing (for refusals). */
  function run(transform: AnyTransform, id: string) {
    const options = inferred(transform, id);
    return runTransform({
      root: copy.dir,
      transform,
      options,
      paths: [],
      allowUnsafe: false,
      format: true,
      guard: true,
      workers: 0,
    });
  }

  /** Apply one finding with its inferred options; return the changed paths. */
  async function apply(transform: AnyTransform, id: string): Promise<string[]> {
    return changedPaths(await copy.run(transform, inferred(transform, id)));
  }

  beforeAll(() => {
    copy = FixtureCopy.create('remedy-structural-');
  }, STEP_TIMEOUT);

  afterAll(() => copy.dispose());

  it(
    'B-SEC-01: drops the error detail from the 500 response of _safe_handler',
    async () => {
      expect(await apply(replaceSnippet, 'B-SEC-01')).toEqual([ADMIN]);
      const admin = read(ADMIN);
      expect(admin).toContain('500, {"error": "Internal server error"}, event=event');
      expect(admin).not.toContain('"detail": str(exc)');
      expect(admin).toContain('    except Exception:\n');
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'B-ARCH-03: _parse_body turns invalid JSON into a ValidationError',
    async () => {
      const file = 'backend/src/app/api/admin_request.py';
      expect(await apply(replaceDefinition, 'B-ARCH-03')).toEqual([file]);
      const text = read(file);
      expect(text).toContain('    except json.JSONDecodeError as exc:\n');
      expect(text).toContain('raise ValidationError("Request body must be valid JSON") from exc');
      expect(text).toContain('def _parse_path(');
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'B-SEC-03: collect_query_params prefers the multi-value parameters, docstring kept',
    async () => {
      const file = 'backend/src/app/utils/parsers.py';
      expect(await apply(replaceDefinition, 'B-SEC-03')).toEqual([file]);
      const text = read(file);
      expect(text).toContain(
        '        return params\n\n    single = event.get("queryStringParameters")',
      );
      expect(text).toContain('    """Return every query-string value, keyed by parameter name.');
      expect(text).not.toContain('params.setdefault(key, []).append(value)');
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'B-TEST-03: creates backend/requirements-dev.txt, and a second run is a no-op',
    async () => {
      expect(await apply(createFile, 'B-TEST-03')).toEqual(['backend/requirements-dev.txt']);
      expect(read('backend/requirements-dev.txt')).toBe(
        'pytest>=8.0\npytest-cov>=5.0\npytest-mock>=3.14\nmoto[s3,ses,secretsmanager,sqs,cognitoidp]>=5.0\n',
      );
      expect(await apply(createFile, 'B-TEST-03')).toEqual([]);
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'B-ARCH-02: routes through _ROUTES with the code’s semantics, not the sketch’s',
    async () => {
      expect(await apply(routeTable, 'B-ARCH-02')).toEqual([ADMIN]);
      const admin = read(ADMIN);
      expect(admin).not.toMatch(/def _is_\w+_path/);
      expect(admin).toMatch(/\(\s*"\/v1\/reservations",\s*"exact",/);
      expect(admin).toContain(
        'lambda event, method, path: _handle_public_reservation(event, method)',
      );
      expect(admin).toContain('("/v1/public/assets", "prefix", handle_public_assets_request)');
      expect(admin).toContain('    # Pre-2024 URL, still embedded in partner widgets.\n');
      expect(admin).toContain('    for route, kind, handler in _ROUTES:\n');
      expectSuiteAndPyright();
    },
    STEP_TIMEOUT,
  );

  it(
    'applying the five findings again changes nothing',
    async () => {
      const steps: [AnyTransform, string][] = [
        [replaceSnippet, 'B-SEC-01'],
        [replaceDefinition, 'B-ARCH-03'],
        [replaceDefinition, 'B-SEC-03'],
        [createFile, 'B-TEST-03'],
        [routeTable, 'B-ARCH-02'],
      ];
      for (const [transform, id] of steps) expect(await apply(transform, id), id).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it('B-DUP-04: refuses to paste paginate_response, which does not exist yet', async () => {
    await expect(run(replaceDefinition, 'B-DUP-04')).rejects.toThrow(
      'no definition of paginate_response in backend/src/app/api/assets/assets_common.py: this finding adds new code',
    );
  });
});
