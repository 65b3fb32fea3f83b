/**
 * The fixes taken from a finding's own code, and route-table, on `fixtures/lambda-backend`
 * the way `remedy apply` runs them: options inferred from the fixture's audit, guard and
 * format on. After each finding: the expected edits are there, the fixture's unittest
 * suite passes, and pyright reports no error that was not there before.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyTransform } from '../../src/engine/contract.js';
import { runTransform } from '../../src/engine/run.js';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import type { Finding } from '../../src/findings/types.js';
import createFile from '../../transforms/create-file/index.js';
import replaceDefinition from '../../transforms/replace-definition/index.js';
import replaceSnippet from '../../transforms/replace-snippet/index.js';
import routeTable from '../../transforms/route-table/index.js';
import { copyTree, tempDir } from '../harness.js';

const repo = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(repo, 'fixtures/lambda-backend');
const pyright = path.join(repo, 'node_modules/.bin/pyright');
const STEP_TIMEOUT = 180_000;
const ADMIN = 'backend/src/app/api/admin.py';

/** Error diagnostics as `file: rule: message` (positions dropped: edits move lines). */
function pyrightErrors(dir: string): string[] {
  const run = spawnSync(pyright, ['-p', dir, '--outputjson'], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as {
    generalDiagnostics: { file: string; severity: string; message: string; rule?: string }[];
  };
  return report.generalDiagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${path.relative(dir, d.file)}: ${d.rule ?? ''}: ${d.message.split('\n')[0]}`);
}

function unittest(dir: string): { ok: boolean; output: string } {
  const run = spawnSync('python3', ['-m', 'unittest', 'discover'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.slice(-3000) };
}

const audit = parseFindingsDocument(
  fs.readFileSync(path.join(fixture, 'docs/AUDIT.md'), 'utf8'),
  'docs/AUDIT.md',
);

function finding(id: string): Finding {
  return audit.findings.find((f) => f.id === id)!;
}

describe('fixes from the finding’s own code, and route-table, on fixtures/lambda-backend', () => {
  let dir: string;
  let baseline: string[];
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

  async function run(transform: AnyTransform, id: string) {
    const options = transform.infer!(finding(id));
    expect(options, `${transform.id} infers options for ${id}`).toBeDefined();
    return runTransform({
      root: dir,
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
    const outcome = await run(transform, id);
    const failed = outcome.results.filter((r) => r.kind === 'failed');
    expect(failed, JSON.stringify(failed)).toEqual([]);
    const changed = outcome.results.filter((r) => r.kind === 'changed');
    for (const r of changed) fs.writeFileSync(path.join(dir, r.path), r.after);
    return changed.map((r) => r.path).sort();
  }

  function expectSuiteAndPyright(): void {
    const tests = unittest(dir);
    expect(tests.ok, tests.output).toBe(true);
    const fresh = pyrightErrors(dir).filter((e) => !baseline.includes(e));
    expect(fresh, 'pyright errors introduced by the change').toEqual([]);
  }

  beforeAll(() => {
    dir = tempDir('remedy-structural-');
    copyTree(fixture, dir);
    baseline = pyrightErrors(dir);
    const tests = unittest(dir);
    expect(tests.ok, `the fixture's suite must pass before: ${tests.output}`).toBe(true);
  }, STEP_TIMEOUT);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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
