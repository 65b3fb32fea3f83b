/**
 * `remedy report` with the real CLI on a real branch: statuses, the commit with its
 * diffstat and verify trailer, diagnostics with file:line (replayed for the applied
 * finding), held-back unsafe fixes, the manual finding's next step, the Markdown for
 * a pull request, and nothing written in the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { git, hashTree, runCli } from '../helpers.js';
import { makeReviewedBranch, type ReviewedBranch, VERIFY_COMMAND } from './setup.js';

let branch: ReviewedBranch;
let report: Report;
let markdown: string;

beforeAll(() => {
  branch = makeReviewedBranch();
  const before = hashTree(branch.repo, true);
  const md = path.join(branch.out, 'nested', 'pr.md');
  const r = runCli(['report', '--phase', '1', '--json', '--md', md], branch.repo);
  if (r.code !== 0) throw new Error(r.stderr);
  report = JSON.parse(r.stdout) as Report;
  markdown = fs.readFileSync(md, 'utf8');
  expect(hashTree(branch.repo, true)).toBe(before);
});

const byId = (id: string) => report.findings.find((f) => f.id === id)!;

describe('remedy report --json', () => {
  it('gives each finding its status, commit, diffstat and verify result', () => {
    expect(report).toMatchObject({
      version: 1,
      branch: 'remedy/phase-1',
      phase: { id: 'phase-1' },
    });
    expect(report.findings.map((f) => [f.id, f.status])).toEqual([
      ['Q-01', 'applied'],
      ['Q-02', 'no-op'],
      ['Q-03', 'manual'],
    ]);
    expect(report.counts).toMatchObject({ applied: 1, 'no-op': 1, manual: 1, pending: 0 });
    const q1 = byId('Q-01');
    expect(q1.commit?.hash).toBe(git(branch.repo, 'rev-parse', 'HEAD').trim());
    expect(q1.transform).toBe('pep604-optional');
    expect(q1.severity).toBe('high');
    expect(q1.diffstat).toEqual([{ path: 'app/models.py', added: 2, removed: 2 }]);
    expect(q1.diff).toContain('+    name: str | None = None');
    expect(q1.verify).toEqual({ command: VERIFY_COMMAND, passed: true });
  });

  it('keeps every note with file:line, replayed for the applied finding, and the held-back fixes', () => {
    expect(byId('Q-01').diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', file: 'app/models.py', line: 9 }),
    );
    const q2 = byId('Q-02');
    expect(q2.heldBack).toBe(1);
    expect(q2.reason).toContain('1 unsafe fix(es) held back');
    expect(q2.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'fix/unsafe-held-back', file: 'app/services.py', line: 4 }),
    );
  });

  it('says why a manual finding is manual and what to do next', () => {
    const q3 = byId('Q-03');
    expect(q3.reason).toContain('no transform recognises this finding');
    expect(q3.nextStep).toContain('By hand: Decide on a retry budget with the team.');
    expect(q3.nextStep).toContain('"Q-03": {"manual": true');
  });

  it('without replay, still reports the commit but not the notes it did not record', () => {
    const r = runCli(['report', 'Q-01', '--json', '--no-replay'], branch.repo);
    const q1 = (JSON.parse(r.stdout) as Report).findings[0]!;
    expect(q1.status).toBe('applied');
    expect(q1.diagnostics).toEqual([]);
  });
});

describe('remedy report --md', () => {
  it('writes a pull request body with a row per finding and what is left to do', () => {
    expect(markdown).toMatch(/^## remedy: Phase 1: Annotations \(phase-1\)/);
    expect(markdown).toContain('**1 applied** · 1 manual · 1 no-op');
    expect(markdown).toMatch(
      /\| \*\*Q-01\*\* \| Mixed Optional styles in the models \| high \| ✅ applied \| `pep604-optional` \| [0-9a-f]{10} \| 1 \(\+2 −2\) \| passed: `python3 -m unittest -q` \|/,
    );
    expect(markdown).toContain('- **Q-02** — 1 unsafe fix(es) held back');
    expect(markdown).toContain('info `app/services.py:4`: unsafe fix not applied');
    expect(markdown).toContain('### Left to do');
    expect(markdown).toContain('- **Q-03** Rethink the retry policy (manual)');
  });

  it('refuses an unknown finding with exit 2 and writes nothing', () => {
    const md = path.join(branch.out, 'unknown.md');
    const r = runCli(['report', 'Q-99', '--md', md], branch.repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown finding "Q-99"');
    expect(fs.existsSync(md)).toBe(false);
  });
});
