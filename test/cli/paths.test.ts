/**
 * Paths and root like git and ruff, with the real CLI: from a subdirectory and from
 * another directory (absolute paths), run / plan / diff / apply find the same root,
 * the top-level config, root-relative diff headers, and write under the root only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../harness.js';
import { git, hashTree, runCli } from '../helpers.js';
import { MODELS, makeAuditProject } from './project.js';

describe('from a subdirectory', () => {
  it('run takes paths relative to the cwd; headers and --write are relative to the root', () => {
    const repo = makeAuditProject();
    const app = path.join(repo, 'app');
    const dry = runCli(['run', 'pep604-optional', 'models.py'], app);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('diff --git a/app/models.py b/app/models.py');
    expect(dry.stderr).toContain('1 changed');
    const all = runCli(['run', 'pep604-optional', '--stat'], app);
    expect(all.stdout).toContain('2 file(s) changed');
    const written = runCli(['run', 'pep604-optional', 'models.py', '--write'], app);
    expect(written.code, written.stderr).toBe(0);
    expect(fs.readFileSync(path.join(app, 'models.py'), 'utf8')).toContain('name: str | None');
    expect(fs.existsSync(path.join(app, 'app'))).toBe(false);
    expect(git(repo, 'status', '--porcelain').trim()).toBe('M app/models.py');
  });

  it('plan, diff and apply find the top-level config and agree with a run from the root', () => {
    const repo = makeAuditProject();
    const sub = path.join(repo, 'app', 'sub');
    const fromRoot = runCli(['plan', '--json'], repo);
    const fromSub = runCli(['plan', '--json'], sub);
    expect(fromSub.code, fromSub.stderr).toBe(0);
    expect(fromSub.stdout).toBe(fromRoot.stdout);
    const diff = runCli(['diff', 'Q-01'], sub);
    expect(diff.stdout).toContain('diff --git a/app/models.py b/app/models.py');
    const apply = runCli(['apply', 'Q-01'], sub);
    expect(apply.code, apply.stderr).toBe(0);
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('app/models.py');
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('prefers the nearest remedy.config.json up to the root, never above it', () => {
    const repo = makeAuditProject({
      'app/remedy.config.json': JSON.stringify({
        docs: ['docs/AUDIT.md'],
        findings: { 'Q-01': { manual: true, reason: 'kept by the app team' } },
      }),
    });
    const plan = JSON.parse(runCli(['plan', '--json', 'Q-01'], path.join(repo, 'app')).stdout);
    expect(plan.findings[0]).toMatchObject({ id: 'Q-01', status: 'manual' });
    const top = JSON.parse(runCli(['plan', '--json', 'Q-01'], repo).stdout);
    expect(top.findings[0]).toMatchObject({ id: 'Q-01', status: 'pending' });
  });
});

describe('from another directory', () => {
  it('run with an absolute path uses that repository as the root', () => {
    const repo = makeAuditProject();
    const elsewhere = tempDir('remedy-elsewhere-');
    const dry = runCli(['run', 'pep604-optional', repo, '--json'], elsewhere);
    expect(dry.code, dry.stderr).toBe(0);
    const json = JSON.parse(dry.stdout);
    expect(json.counts).toMatchObject({ changed: 2, failed: 0 });
    expect(json.results.map((r: { path: string }) => r.path)).toContain('app/models.py');
    const text = runCli(['run', 'pep604-optional', path.join(repo, 'app', 'models.py')], elsewhere);
    expect(text.stdout).toContain('diff --git a/app/models.py b/app/models.py');
    expect(text.stderr).not.toContain('warning');
    const before = hashTree(elsewhere);
    const written = runCli(['run', 'pep604-optional', repo, '--write'], elsewhere);
    expect(written.code, written.stderr).toBe(0);
    expect(hashTree(elsewhere)).toBe(before);
    expect(fs.readFileSync(path.join(repo, 'app', 'models.py'), 'utf8')).not.toBe(MODELS);
  });

  it('refuses paths in two repositories, and paths outside --repo', () => {
    const a = makeAuditProject();
    const b = makeAuditProject();
    const both = runCli(['run', 'pep604-optional', a, b], tempDir());
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('the paths lie in different repositories');
    const outside = runCli(['--repo', a, 'run', 'pep604-optional', b], tempDir());
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain(`path "${b}" is outside the repository`);
  });

  it('plan, diff and apply work with --repo and an absolute --doc', () => {
    const repo = makeAuditProject();
    const elsewhere = tempDir('remedy-elsewhere-');
    const doc = path.join(repo, 'docs', 'AUDIT.md');
    const plan = runCli(['--repo', repo, '--doc', doc, 'plan', '--json'], elsewhere);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toBe(runCli(['plan', '--json'], repo).stdout);
    const diff = runCli(['--repo', repo, 'diff', 'Q-02'], elsewhere);
    expect(diff.stdout).toContain('diff --git a/app/services.py b/app/services.py');
    const apply = runCli(['--repo', repo, 'apply', 'Q-01'], elsewhere);
    expect(apply.code, apply.stderr).toBe(0);
    expect(git(repo, 'log', '-1', '--format=%(trailers:key=Remedy-Finding,valueonly)').trim()).toBe(
      'Q-01',
    );
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('apply refuses a --repo below the git top level instead of committing wrong paths', () => {
    const repo = makeAuditProject();
    const doc = path.join(repo, 'docs', 'AUDIT.md');
    const r = runCli(['--repo', path.join(repo, 'app'), '--doc', doc, 'apply', 'Q-01'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not the top level of its git repository');
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });
});
