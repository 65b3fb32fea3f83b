/**
 * #16 item 16: from a subdirectory, `plan` and `apply` must agree with a run from the
 * top level — same root (the git top level), the top-level config, files found
 * (never "does not exist"), the same commit. Real CLI on a copy of the lambda backend.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyTree, tempDir } from '../harness.js';
import { git, initGitRepo, REPO_ROOT, runCli } from '../helpers.js';

function fixtureRepo(): string {
  const dir = tempDir('remedy-subdir-');
  copyTree(path.join(REPO_ROOT, 'fixtures', 'lambda-backend'), dir);
  fs.writeFileSync(
    path.join(dir, 'remedy.config.json'),
    JSON.stringify({
      docs: ['docs/AUDIT.md'],
      python: { roots: ['backend/src'] },
      findings: { 'B-OPS-01': { manual: true, reason: 'needs an SRE decision' } },
    }),
  );
  return initGitRepo(dir);
}

interface PlanJson {
  findings: { id: string; status: string; transform: string; reason?: string; notes: string[] }[];
}

describe('remedy from a subdirectory of the repository', () => {
  it('plans exactly as from the top level, with the top-level config', () => {
    const repo = fixtureRepo();
    const deep = path.join(repo, 'backend', 'src', 'app');
    // A file transform, a project transform, a finding the top-level config marks manual.
    const plan = ['plan', '--json', 'B-SEC-01', 'B-ARCH-05', 'B-QUAL-04', 'B-OPS-01'];
    const top = runCli(plan, repo);
    expect(top.code, top.stderr).toBe(0);
    const sub = runCli(plan, deep);
    expect(sub.code, sub.stderr).toBe(0);
    expect(sub.stdout).toBe(top.stdout);
    // --doc is relative to the current directory, and changes nothing else.
    const withDoc = runCli([...plan, '--doc', '../../../docs/AUDIT.md'], deep);
    expect(withDoc.stdout).toBe(top.stdout);
    const json = JSON.parse(sub.stdout) as PlanJson;
    expect(json.findings.map((f) => [f.id, f.status])).toEqual([
      ['B-SEC-01', 'pending'],
      ['B-ARCH-05', 'pending'],
      ['B-QUAL-04', 'pending'],
      ['B-OPS-01', 'manual'],
    ]);
    expect(json.findings.find((f) => f.id === 'B-OPS-01')?.reason).toBe('needs an SRE decision');
    expect(`${sub.stdout}${sub.stderr}`).not.toContain('does not exist');
  });

  it('applies from the subdirectory what plan announced, at the top-level paths', () => {
    const repo = fixtureRepo();
    const deep = path.join(repo, 'backend', 'src', 'app', 'api');
    const apply = runCli(['apply', 'B-SEC-01'], deep);
    expect(apply.code, apply.stderr).toBe(0);
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe(
      'backend/src/app/api/admin.py',
    );
    expect(git(repo, 'status', '--porcelain')).toBe('');
    const plan = JSON.parse(runCli(['plan', '--json', 'B-SEC-01'], deep).stdout) as PlanJson;
    expect(plan.findings[0]).toMatchObject({ id: 'B-SEC-01', status: 'applied' });
  });
});
