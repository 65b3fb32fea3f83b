/**
 * End to end through the real CLI on a temporary git copy of `fixtures/lambda-backend`:
 * `remedy apply` of B-QUAL-04, B-QUAL-05, B-ARCH-02, B-QUAL-08 and B-ARCH-06, each
 * verified by the fixture's own unittest suite before its commit. B-ARCH-06 converts six
 * dispatchers and reports the two it refuses as undone (the finding is partial once the
 * workflow reads that flag). Afterwards `remedy run` of both transforms over the whole
 * backend finds nothing left to change and says why for what it leaves.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { git, runCli } from '../helpers.js';
import { gitCopyWithConfig, STEP_TIMEOUT } from './lambda-backend.js';

interface ApplyReport {
  findings: {
    id: string;
    status: string;
    verify?: { ok: boolean };
    diagnostics?: { severity: string; code: string; file?: string; undone?: boolean }[];
  }[];
}

describe('remedy apply of the hoist and route-table findings on lambda-backend', () => {
  it(
    'commits each finding verified by the suite; B-ARCH-06 leaves two dispatchers undone',
    () => {
      const repo = gitCopyWithConfig('remedy-dispatch-cli-');
      try {
        const ids = ['B-QUAL-04', 'B-QUAL-05', 'B-ARCH-02', 'B-QUAL-08', 'B-ARCH-06'];
        const r = runCli(['apply', ...ids, '--json'], repo);
        expect(r.code, r.stderr).toBe(0);
        const report = JSON.parse(r.stdout) as ApplyReport;
        expect(report.findings.map((f) => [f.id, f.status, f.verify?.ok])).toEqual(
          ids.map((id) => [id, id === 'B-ARCH-06' ? 'partial' : 'changed', true]),
        );
        const arch06 = report.findings.find((f) => f.id === 'B-ARCH-06')!;
        const undone = (arch06.diagnostics ?? []).filter((d) => d.undone);
        expect(undone.map((d) => `${d.file} ${d.code}`).sort()).toEqual([
          'backend/lambda/loyalty_api/handler.py route-table/unsupported-shape',
          'backend/src/app/api/calendar_feed.py route-table/unsupported-shape',
        ]);
        const trailers = git(
          repo,
          'log',
          '--format=%(trailers:key=Remedy-Finding,valueonly)',
          'main~5..HEAD',
        );
        expect(trailers.split('\n').filter(Boolean).reverse()).toEqual(ids);
        expect(git(repo, 'status', '--porcelain')).toBe('');

        const routes = runCli(['run', 'route-table', 'backend', '-v'], repo);
        expect(routes.code, routes.stderr).toBe(0);
        expect(routes.stdout).toBe('');
        expect(routes.stderr.match(/\[route-table\/unsupported-shape\]/g)).toHaveLength(2);
        const hoist = runCli(['run', 'hoist-imports', 'backend', '-v'], repo);
        expect(hoist.stdout).toBe('');
        expect(hoist.stderr).toContain('[hoist/shadows]');
        expect(hoist.stderr).toContain('[hoist/version-gated]');
      } finally {
        fs.rmSync(repo, { recursive: true, force: true });
      }
    },
    STEP_TIMEOUT,
  );
});
