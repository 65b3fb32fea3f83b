/**
 * The remediation workflow end to end, on real temporary git repositories with the
 * real CLI: plan, diff (writes nothing), apply one finding, a phase on a branch,
 * verify + rollback, dirty trees, the lock, interrupts, re-runs.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditedProject, MODELS, SERVICES } from '../audited-project.js';
import { tempDir } from '../harness.js';
import { git, hashTree, REMEDY_BIN, runCli } from '../helpers.js';

const makeProject = (extra: Record<string, string> = {}) => auditedProject(extra);

function log(repo: string): string[] {
  return git(repo, 'log', '--format=%s').trim().split('\n');
}

describe('remedy plan', () => {
  it('lists every finding with transform, status and order, as JSON', () => {
    const repo = makeProject();
    const r = runCli(['plan', '--json'], repo);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as {
      findings: { order: number; id: string; transform: string; status: string }[];
    };
    expect(plan.findings.map((f) => [f.order, f.id, f.transform, f.status])).toEqual([
      [1, 'Q-01', 'pep604-optional', 'pending'],
      [2, 'Q-02', 'pep604-optional', 'pending'],
      [3, 'Q-03', 'manual', 'manual'],
    ]);
    const text = runCli(['plan'], repo);
    expect(text.stdout).toMatch(/Q-01\s+medium\s+phase-1\s+pep604-optional\s+pending/);
  });
});

describe('remedy diff', () => {
  it('shows one section per finding and writes nothing: no file, no index, no lock', () => {
    const repo = makeProject();
    const before = hashTree(repo, true);
    const r = runCli(['diff', '--phase', '1'], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '# Q-01 Mixed Optional styles in the models [pep604-optional]: 1 file(s)\ndiff --git',
    );
    expect(r.stderr).toContain('Q-03 Rethink the retry policy [-]: manual');
    expect(r.stdout).not.toContain('Q-03');
    expect(r.stdout).toContain('+    name: str | None = None');
    expect(r.stdout).toContain('+def find(key: int | None) -> str | None:');
    expect(hashTree(repo, true)).toBe(before);
    // The whole stdout, headers included, is a patch git applies to a clean tree.
    const patch = path.join(tempDir('remedy-patch-'), 'phase.patch');
    fs.writeFileSync(patch, r.stdout);
    expect(git(repo, 'apply', '--check', '-v', patch)).toBe('');
    expect(runCli(['diff', 'Q-01', '--exit-code'], repo).code).toBe(1);
    const json = JSON.parse(runCli(['diff', 'Q-01', '--json'], repo).stdout) as {
      findings: { id: string; status: string; files: { path: string; diff: string }[] }[];
    };
    expect(json.findings[0]).toMatchObject({ id: 'Q-01', status: 'changed' });
    expect(json.findings[0]!.files[0]!.path).toBe('app/models.py');
    expect(hashTree(repo, true)).toBe(before);
  });

  it('lets later findings see earlier ones in a dry run', () => {
    const repo = makeProject({
      'app/models.py': MODELS.replace('name: Optional[str]', 'name: Optional[Optional[str]]'),
    });
    const r = runCli(['diff', 'Q-01', 'Q-02', '--json'], repo);
    const parsed = JSON.parse(r.stdout) as { findings: { status: string }[] };
    expect(parsed.findings.map((f) => f.status)).toEqual(['changed', 'changed']);
  });
});

describe('remedy apply', () => {
  it('applies one finding as one commit with the exact message and trailer', () => {
    const repo = makeProject();
    const r = runCli(['apply', 'Q-01'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\[1\/1\] Q-01 pep604-optional committed [0-9a-f]{10}/);
    const message = git(repo, 'log', '-1', '--format=%B');
    expect(message).toBe(
      [
        'refactor(app): resolve Q-01 — use X | None instead of Optional[X]',
        '',
        'Q-01: Mixed Optional styles in the models',
        '',
        'Severity: medium',
        'Document: docs/AUDIT.md:5',
        'Transform: pep604-optional',
        'Files:',
        '- app/models.py',
        '',
        'Remedy-Finding: Q-01',
        'Remedy-Transform: pep604-optional',
        '',
        '',
      ].join('\n'),
    );
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(fs.readFileSync(path.join(repo, 'app/models.py'), 'utf8')).toContain(
      'name: str | None = None',
    );
    const again = runCli(['apply', 'Q-01'], repo);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already applied in');
    expect(log(repo)).toHaveLength(2);
    const plan = JSON.parse(runCli(['plan', '--json'], repo).stdout) as {
      findings: { id: string; status: string }[];
    };
    expect(plan.findings.find((f) => f.id === 'Q-01')!.status).toBe('applied');
  });

  it('applies a phase on a new branch in dependency order, skipping manual ones', () => {
    const repo = makeProject();
    const r = runCli(['apply', '--phase', 'annotations'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(git(repo, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('remedy/phase-1');
    expect(log(repo)).toEqual([
      'refactor(app): resolve Q-02 — use X | None instead of Optional[X]',
      'refactor(app): resolve Q-01 — use X | None instead of Optional[X]',
      'initial',
    ]);
    expect(r.stderr).toContain('[3/3] Q-03 - manual:');
    expect(r.stderr).toContain('applied 2, no-op 0, manual 1');
    const rerun = runCli(['apply', '--phase', '1'], repo);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain('nothing to apply: branch remedy/phase-1 already holds');
    expect(log(repo)).toHaveLength(3);
    const resumed = runCli(['apply', '--phase', '1', '--continue'], repo);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('applied 0, no-op 2');
  });

  it('stops a phase at a failure with the commits so far, a clean tree, and how to continue', () => {
    const repo = makeProject();
    const verify = '! grep -q "int | None" app/services.py';
    const r = runCli(['apply', '--phase', '1', '--verify', verify], repo);
    expect(r.code).toBe(1);
    expect(log(repo)).toEqual([
      'refactor(app): resolve Q-01 — use X | None instead of Optional[X]',
      'initial',
    ]);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(r.stderr).toContain('[2/3] Q-02 pep604-optional failed: verify command failed (exit 1)');
    expect(r.stderr).toContain('stopped at Q-02');
    expect(r.stderr).toContain('not run 1');
    expect(r.stderr).toContain(
      `then run: remedy apply --phase 1 --verify '${verify}' --continue\n`,
    );
    const kept = runCli(
      ['apply', '--phase', '1', '--continue', '--keep-going', '--verify', verify],
      repo,
    );
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('[3/3] Q-03 - manual:');
    expect(kept.stderr).toContain('applied 0, no-op 1, manual 1, resolved 0, failed 1');
  });

  it('refuses a finding whose dependency is not applied, unless --ignore-deps', () => {
    const repo = makeProject();
    const blocked = runCli(['apply', 'Q-02'], repo);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('depends on Q-01, not applied on this branch');
    expect(log(repo)).toEqual(['initial']);
    expect(runCli(['apply', 'Q-02', '--ignore-deps'], repo).code).toBe(0);
    expect(log(repo)).toHaveLength(2);
  });

  it('refuses a dirty tree with exit 2, listing the files; --allow-dirty only for untouched files', () => {
    const repo = makeProject();
    fs.writeFileSync(path.join(repo, 'app/models.py'), `${MODELS}# local edit\n`);
    fs.writeFileSync(path.join(repo, 'notes.txt'), 'scratch\n');
    const r = runCli(['apply', 'Q-01'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(' M app/models.py');
    expect(r.stderr).toContain('?? notes.txt');
    const touched = runCli(['apply', 'Q-01', '--allow-dirty'], repo);
    expect(touched.code).toBe(1);
    expect(touched.stderr).toContain('would touch files with uncommitted changes: app/models.py');
    const untouched = runCli(['apply', 'Q-02', '--allow-dirty', '--ignore-deps'], repo);
    expect(untouched.code).toBe(0);
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('app/services.py');
    expect(fs.readFileSync(path.join(repo, 'app/models.py'), 'utf8')).toContain('# local edit');
  });

  it('rolls back every touched file when the verify command fails, and exits 1 with its output', () => {
    const repo = makeProject();
    const r = runCli(
      [
        'apply',
        'Q-01',
        '--no-baseline',
        '--verify',
        'echo checking; echo "boom: 1 test failed" >&2; exit 3',
      ],
      repo,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('verify command failed (exit 3)');
    expect(r.stderr).toContain('| boom: 1 test failed');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(log(repo)).toEqual(['initial']);
  });

  it('leaves the changes uncommitted with --no-commit', () => {
    const repo = makeProject();
    expect(runCli(['apply', 'Q-01', '--no-commit'], repo).code).toBe(0);
    expect(git(repo, 'status', '--porcelain').trim()).toBe('M app/models.py');
    expect(log(repo)).toEqual(['initial']);
  });

  it('refuses to run while another remedy process holds the lock', () => {
    const repo = makeProject();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      fs.writeFileSync(path.join(repo, '.git', 'remedy.lock'), `${sleeper.pid}\n`);
      const r = runCli(['apply', 'Q-01'], repo);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`another remedy process (pid ${sleeper.pid})`);
    } finally {
      sleeper.kill();
    }
  });

  it('on SIGTERM during a finding keeps the previous commit and leaves no half-written files', async () => {
    const repo = makeProject();
    expect(runCli(['apply', 'Q-01'], repo).code).toBe(0);
    const marker = path.join(repo, '..', `${path.basename(repo)}-verify-started`);
    const child = spawn(
      process.execPath,
      [REMEDY_BIN, 'apply', 'Q-02', '--no-baseline', '--verify', `touch ${marker}; sleep 30`],
      {
        cwd: repo,
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const deadline = Date.now() + 30_000;
    while (!fs.existsSync(marker) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(path.join(repo, 'app/services.py'))).toBe(true);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted by SIGTERM');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(log(repo)).toHaveLength(2);
    expect(fs.readFileSync(path.join(repo, 'app/services.py'), 'utf8')).toBe(SERVICES);
    expect(fs.existsSync(path.join(repo, '.git', 'remedy.lock'))).toBe(false);
  });

  it('rejects unknown IDs and phases with exit 2', () => {
    const repo = makeProject();
    const id = runCli(['apply', 'NOPE-1'], repo);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('unknown finding "NOPE-1"');
    const phase = runCli(['diff', '--phase', 'nine'], repo);
    expect(phase.code).toBe(2);
    expect(phase.stderr).toContain('unknown phase "nine"');
    expect(runCli(['apply'], repo).code).toBe(2);
  });
});
