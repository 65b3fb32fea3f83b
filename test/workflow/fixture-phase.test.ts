/**
 * The demo's path on the real fixture: `remedy apply --phase 2` on a copy of
 * fixtures/lambda-backend creates a branch with one commit per automated finding, in
 * the document's order, each one gated by the fixture's own unittest suite.
 */
import { describe, expect, it } from 'vitest';
import { git, runCli } from '../helpers.js';
import { fixtureGitRepo } from '../integration/lambda-backend.js';

const copyFixture = () => fixtureGitRepo('remedy-fixture-phase-');

describe('apply a phase of the fixture audit', () => {
  it('commits each mechanical refactor on a branch, verified by the fixture suite at every commit', () => {
    const repo = copyFixture();
    const r = runCli(['apply', '--phase', 'phase-2', '--json'], repo);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      branch: string;
      findings: { id: string; status: string; commit?: string }[];
    };
    expect(report.branch).toBe('remedy/phase-2');
    const committed = report.findings.filter((f) => f.status === 'changed').map((f) => f.id);
    expect(committed).toEqual([
      'B-QUAL-03',
      'B-QUAL-04',
      'B-QUAL-05',
      'B-DUP-02',
      'B-QUAL-01',
      'B-DUP-01',
      'B-ARCH-02',
      'B-ARCH-05',
    ]);
    // B-SEC-02 is done by B-DUP-01's extraction: nothing is left for it to change.
    expect(report.findings.find((f) => f.id === 'B-SEC-02')?.status).toBe('no-op');
    const trailers = git(
      repo,
      'log',
      '--format=%(trailers:key=Remedy-Finding,valueonly)',
      'main..HEAD',
    )
      .split('\n')
      .filter(Boolean)
      .reverse();
    expect(trailers).toEqual(committed);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    // The suite ran before every commit (verify); a re-run is a no-op.
    const again = runCli(['apply', '--phase', 'phase-2', '--continue'], repo);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('applied 0, no-op 9');
  });
});
