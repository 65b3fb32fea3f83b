/**
 * Collision resolution and partial findings on the real fixture, through the CLI, on a
 * temporary git copy of fixtures/lambda-backend whose config verifies every finding with
 * the fixture's own unittest suite: B-QUAL-06 applies as partial (locals renamed, an
 * importer aliasing the new name, `_render_ndjson` left for its computed getattr),
 * B-QUAL-07 is refused (a module-level clash in the defining module), B-QUAL-01 and
 * B-DUP-02 still apply; `plan`, `apply --json`, the commit body and `report` say so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, runCli } from '../helpers.js';
import { gitCopyWithConfig, STEP_TIMEOUT, unittest } from '../integration/lambda-backend.js';

interface JsonFinding {
  id: string;
  status: string;
  reason?: string;
  commit?: string | null;
  diagnostics: { code: string; message: string; file?: string; undone?: boolean }[];
  verify?: { ok: boolean };
}

describe('collisions and partial findings on the fixture audit', () => {
  let repo: string;
  const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');
  const cli = (...args: string[]) => runCli(args, repo);
  const applyJson = (...ids: string[]) => {
    const r = cli('apply', ...ids, '--json');
    return {
      code: r.code,
      stderr: r.stderr,
      findings: JSON.parse(r.stdout).findings as JsonFinding[],
    };
  };

  beforeAll(() => {
    repo = gitCopyWithConfig('remedy-collisions-');
    expect(unittest(repo).ok, 'the suite passes before').toBe(true);
  }, STEP_TIMEOUT);

  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it(
    'plan and diff: B-QUAL-06 is partial with the reason and its resolutions, B-QUAL-07 refused',
    () => {
      const r = cli('plan', 'B-QUAL-06', 'B-QUAL-07', '--json');
      expect(r.code, r.stderr).toBe(0);
      const [six, seven] = JSON.parse(r.stdout).findings as JsonFinding[];
      expect(six!.status).toBe('partial');
      expect(six!.reason).toContain('`_render_ndjson` not renamed: looked up by a computed name');
      expect(six!.diagnostics.map((d) => d.code).sort()).toEqual([
        'rename/dynamic-lookup',
        'rename/resolved-alias',
        'rename/resolved-local',
        'rename/resolved-local',
      ]);
      expect(six!.diagnostics.find((d) => d.undone)?.code).toBe('rename/dynamic-lookup');
      expect(seven!.status).toBe('refused');
      expect(seven!.diagnostics[0]).toMatchObject({
        code: 'rename/collision-local',
        file: 'backend/src/app/utils/formatting.py',
      });
      const diff = cli('diff', 'B-QUAL-06');
      expect(diff.stdout).toContain('12 file(s); partial: 1 left undone');
      expect(diff.stderr).toContain('[rename/resolved-alias]');
      expect(diff.stdout).toContain('+    dry_run = dry_run_enabled(event)');
    },
    STEP_TIMEOUT,
  );

  it(
    'apply B-QUAL-06 commits the possible part, verified, listing resolutions and what is left',
    () => {
      const { code, stderr, findings } = applyJson('B-QUAL-06');
      expect(code, stderr).toBe(0);
      expect(findings[0]).toMatchObject({
        id: 'B-QUAL-06',
        status: 'partial',
        verify: { ok: true },
      });
      const body = git(repo, 'log', '-1', '--format=%B');
      expect(body).toContain(
        'Resolved:\n- backend/lambda/bookings_api/handler.py:133: renamed the local `dry_run_enabled` of function cancel_booking to `dry_run`',
      );
      expect(body).toContain(
        'backend/src/app/api/partner_feed.py:30: imported as `decode_page_token as decode_pagination_page_token`',
      );
      expect(body).toContain(
        'Left undone (partial):\n- backend/src/app/api/exports.py:75: `_render_ndjson` not renamed',
      );
      expect(body).toContain('Remedy-Partial: 1 left undone');
      expect(read('backend/lambda/bookings_api/handler.py')).toContain(
        'dry_run = dry_run_enabled(event)',
      );
      expect(read('backend/src/app/api/lambda_support.py')).toContain(
        'dry_run = dry_run_enabled(event)',
      );
      const feed = read('backend/src/app/api/partner_feed.py');
      expect(feed).toContain(
        'from .pagination import decode_page_token as decode_pagination_page_token',
      );
      expect(feed).toContain('def decode_page_token(raw: Optional[str]) -> int:');
      expect(read('backend/src/app/api/exports.py')).toContain('def _render_ndjson(rows):');
      expect(git(repo, 'status', '--porcelain')).toBe('');
      expect(unittest(repo).ok).toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    'apply B-QUAL-07 is refused: nothing changes, exit 1',
    () => {
      const head = git(repo, 'rev-parse', 'HEAD');
      const { code, findings } = applyJson('B-QUAL-07');
      expect(code).toBe(1);
      expect(findings[0]!.status).toBe('failed');
      expect(findings[0]!.reason).toBe('refusing to rename, nothing changed');
      expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
      expect(git(repo, 'status', '--porcelain')).toBe('');
    },
    STEP_TIMEOUT,
  );

  it(
    'report shows B-QUAL-06 partial, with and without replay',
    () => {
      for (const extra of [[], ['--no-replay']]) {
        const r = cli('report', 'B-QUAL-06', '--json', ...extra);
        expect(r.code, r.stderr).toBe(0);
        const report = JSON.parse(r.stdout);
        expect(report.counts.partial).toBe(1);
        expect(report.findings[0].status).toBe('partial');
        expect(report.findings[0].reason).toMatch(/^partial: /);
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'B-DUP-02 and B-QUAL-01 still apply, each verified by the suite',
    () => {
      const { code, stderr, findings } = applyJson('B-DUP-02', 'B-QUAL-01');
      expect(code, stderr).toBe(0);
      expect(findings.map((f) => [f.id, f.status, f.verify?.ok])).toEqual([
        ['B-DUP-02', 'changed', true],
        ['B-QUAL-01', 'changed', true],
      ]);
      expect(read('backend/src/app/db/engine.py')).toContain('use_iam_auth');
      expect(read('backend/src/app/api/admin_request.py')).toContain('def parse_cursor(');
      expect(unittest(repo).ok).toBe(true);
    },
    STEP_TIMEOUT,
  );
});
