/**
 * The baseline check (issue #15 item 4), end to end: before the first finding is
 * written the verify command runs once on HEAD; when it fails there the run stops
 * with "the tests fail before any change" and the output's tail, blames no finding,
 * exits 1 and changes nothing (not even a branch); `--no-baseline` skips it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectExit, remedy, repoState } from '../faults/helpers.js';
import { tempDir } from '../harness.js';
import { phasedProject } from './phased-project.js';

const MISSING_DEP =
  'echo "collecting tests"; echo "ModuleNotFoundError: No module named \'requests\'" >&2; exit 2';

interface ApplyJson {
  halted: string | null;
  baseline: { command: string; ok: boolean; code: number; tail: string } | null;
  notRun: string[];
  findings: { id: string; status: string }[];
}

describe.concurrent('the baseline check', () => {
  it('stops a red baseline before any change, blaming no finding', async () => {
    const repo = phasedProject();
    const before = repoState(repo);
    const r = await remedy(['apply', '--phase', '1', '--verify', MISSING_DEP], repo);
    expectExit(
      r,
      1,
      `verifying the baseline: ${MISSING_DEP}`,
      `the tests fail before any change: ${MISSING_DEP} (exit 2)`,
      "  | ModuleNotFoundError: No module named 'requests'",
      'no finding was applied; nothing was changed',
    );
    expect(r.stderr).not.toMatch(/Q-0\d pep604-optional failed/);
    expect(repoState(repo)).toEqual(before);

    const json = await remedy(['apply', '--phase', '1', '--verify', MISSING_DEP, '--json'], repo);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as ApplyJson;
    expect(report.halted).toBe('baseline');
    expect(report.baseline).toMatchObject({ command: MISSING_DEP, ok: false, code: 2 });
    expect(report.baseline?.tail).toContain('No module named');
    expect(report.findings).toEqual([]);
    expect(report.notRun).toEqual(['Q-01', 'Q-02']);
    expect(repoState(repo)).toEqual(before);
  });

  it('with --no-baseline, the failure is the finding’s, rolled back', async () => {
    const repo = phasedProject();
    const r = await remedy(['apply', 'Q-01', '--no-baseline', '--verify', MISSING_DEP], repo);
    expectExit(r, 1, '[1/1] Q-01 pep604-optional failed: verify command failed (exit 2)');
    expect(r.stderr).not.toContain('baseline:');
  });

  it('runs once per apply, before the first finding', async () => {
    const repo = phasedProject();
    const log = path.join(tempDir('remedy-verify-log-'), 'runs');
    const verify = `grep -c "| None" app/models.py >> ${log}; true`;
    const r = await remedy(['apply', '--phase', '1', '--verify', verify], repo);
    expectExit(r, 0, 'applied 2');
    expect(r.stderr.match(/verifying the baseline/g)).toHaveLength(1);
    // The baseline (no "| None" yet), then once per finding.
    expect(fs.readFileSync(log, 'utf8')).toBe('0\n1\n1\n');
  });
});
