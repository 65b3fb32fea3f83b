/**
 * The four code-adding transforms end to end, the way a user runs them: `remedy plan`
 * and `remedy apply <IDs>` on temporary git copies of the fixtures, each finding verified
 * by the fixture's own unittest suite before its commit (`verify` in the config).
 * fastapi-platform: CF-01, CF-07, CF-12, CF-05, CF-24 and 3.9 commit, pyright is not
 * worse, and the two deliberate document errors (CF-23, CF-18) are refused with the fact.
 * lambda-backend: B-TEST-02, B-DUP-03 and B-DUP-04 after B-QUAL-01 (whose renames they then
 * meet by their new names; on the fixture as committed, test/integration/add-code.test.ts
 * and consolidate-helpers.test.ts plan them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyTree, tempDir } from '../harness.js';
import { git, initGitRepo, runCli } from '../helpers.js';
import { FIXTURES } from './add-code-support.js';
import { pyrightErrors } from './lambda-backend.js';

/** Several findings, each verified by the fixture's suite, and pyright twice: minutes on a busy machine. */
const CLI_TIMEOUT = 300_000;

function gitCopy(fixture: string): string {
  const dir = tempDir(`remedy-${fixture}-cli-`);
  copyTree(path.join(FIXTURES, fixture), dir);
  const config = { docs: ['docs/AUDIT.md'], verify: 'python3 -m unittest discover -q' };
  fs.writeFileSync(path.join(dir, 'remedy.config.json'), JSON.stringify(config));
  return initGitRepo(dir);
}

interface ApplyReport {
  readonly findings: readonly { readonly id: string; readonly status: string }[];
}

function apply(repo: string, ids: readonly string[]): ApplyReport {
  const r = runCli(['apply', ...ids, '--json'], repo);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ApplyReport;
}

function committed(repo: string): string[] {
  return git(repo, 'log', '--format=%(trailers:key=Remedy-Finding,valueonly)')
    .split('\n')
    .filter(Boolean)
    .reverse();
}

describe('remedy transforms', () => {
  it("lists add-code's options per kind", () => {
    const r = runCli(['transforms', 'add-code'], FIXTURES);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /kind: "validator"\n\s+also .*\n\s+file .*optional\n\s+class .*required/,
    );
    expect(runCli(['transforms'], FIXTURES).stdout).toMatch(
      /add-code .* kind \("definitions" \| "fields" \| "validator" \| "exports"\)/,
    );
  });
});

describe('fastapi-platform', () => {
  it(
    'applies its findings of the four families, each verified; pyright is not worse; the wrong ones are refused',
    () => {
      const repo = gitCopy('fastapi-platform');
      const baseline = pyrightErrors(repo);
      const plan = runCli(['plan'], repo);
      const planText = plan.stdout + plan.stderr;
      expect(planText).toMatch(/CF-23 .* add-code +refused/);
      expect(planText).toContain('field `database_url` does not exist on `DatabaseSettings`');
      expect(planText).toMatch(/CF-18 .* add-code +refused/);
      expect(planText).toContain("the validator's range 0-299 rejects the field's default 500");
      const ids = ['CF-01', 'CF-07', 'CF-12', 'CF-05', 'CF-24', '3.9'];
      const report = apply(repo, ids);
      // 3.9 is partial: one copy passes a default `require_env` has no parameter for.
      expect(report.findings.map((f) => [f.id, f.status])).toEqual(
        ids.map((id) => [id, id === '3.9' ? 'partial' : 'changed']),
      );
      expect(committed(repo)).toEqual(ids);
      expect(git(repo, 'status', '--porcelain')).toBe('');
      expect(pyrightErrors(repo).filter((e) => !baseline.includes(e))).toEqual([]);
      const refused = runCli(['apply', 'CF-23'], repo);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('`database_url` is a field of `Settings`');
      expect(git(repo, 'status', '--porcelain')).toBe('');
      const again = runCli(['apply', ...ids], repo);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('applied 0, no-op 6');
    },
    CLI_TIMEOUT,
  );
});

describe('lambda-backend', () => {
  it(
    'applies B-TEST-02, B-DUP-03 and B-DUP-04 after B-QUAL-01, meeting the helpers by their new names',
    () => {
      const repo = gitCopy('lambda-backend');
      const ids = ['B-QUAL-01', 'B-TEST-02', 'B-DUP-03', 'B-DUP-04'];
      const report = apply(repo, ids);
      // Each leaves a part undone and says so: B-TEST-02 the test dependencies, B-DUP-03
      // a check that is not require_env, B-DUP-04 two listings that are not the helper.
      expect(report.findings.map((f) => [f.id, f.status])).toEqual(
        ids.map((id) => [id, id === 'B-QUAL-01' ? 'changed' : 'partial']),
      );
      expect(committed(repo)).toEqual(ids);
      const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');
      expect(read('tests/conftest.py')).toContain('def api_gateway_event():');
      const request = read('backend/src/app/api/admin_request.py');
      expect(request).not.toContain('def require_env');
      expect(request).toContain('from app.utils import require_env');
      const common = read('backend/src/app/api/assets/assets_common.py');
      expect(common).toContain('T = TypeVar("T", bound=Asset)');
      expect(common).toContain('encode_cursor(str(page_items[-1].id))');
    },
    CLI_TIMEOUT,
  );
});
