/**
 * `npm run demo`: remedy end to end on the bundled fixture backend. Copies
 * fixtures/lambda-backend into a temporary git repository, shows `remedy plan`, the
 * diff of one finding, applies the phase of mechanical refactors on a branch (one
 * commit per finding, verified by the fixture's own tests when python3 is present),
 * and prints `git log --oneline`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const fixture = path.join(repoRoot, 'fixtures', 'lambda-backend');
const bin = path.join(repoRoot, 'bin', 'remedy.js');

function section(title: string): void {
  process.stdout.write(`\n\u001b[1m== ${title}\u001b[0m\n`);
}

function sh(cwd: string, cmd: string, args: readonly string[], show = true): number {
  if (show)
    process.stdout.write(
      `\n$ ${[cmd === process.execPath ? 'remedy' : cmd, ...args.map((a) => (/\s/.test(a) ? `"${a}"` : a))].join(' ')}\n`,
    );
  const r = spawnSync(cmd, [...(cmd === process.execPath ? [bin] : []), ...args], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env },
  });
  return r.status ?? 1;
}

function quiet(cwd: string, cmd: string, args: readonly string[]): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

function hasPython(): boolean {
  return spawnSync('python3', ['--version'], { encoding: 'utf8' }).status === 0;
}

function main(): number {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-demo-'));
  fs.cpSync(fixture, work, { recursive: true, filter: (src) => !src.includes('__pycache__') });
  const verify = hasPython() ? 'python3 -m unittest discover -q' : undefined;
  const config = {
    docs: ['docs/AUDIT.md'],
    scope: 'backend',
    python: { roots: ['backend/src'] },
    ...(verify ? { verify } : {}),
    // Commit subjects in the team's words; the transforms stay the inferred ones.
    findings: {
      'B-DUP-01': { subject: 'share the authorizer helpers in app.auth.authorizer_utils' },
      'B-DUP-02': { subject: 'keep one use_iam_auth() in connection.py' },
      'B-QUAL-01': { subject: 'drop leading underscores from cross-module helpers' },
      'B-ARCH-05': { subject: 'remove the dead _parse_path helpers' },
    },
  };
  if (!fs.existsSync(path.join(work, 'remedy.config.json'))) {
    fs.writeFileSync(path.join(work, 'remedy.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  }
  quiet(work, 'git', ['init', '-q', '-b', 'main']);
  quiet(work, 'git', ['config', 'user.email', 'demo@example.com']);
  quiet(work, 'git', ['config', 'user.name', 'remedy demo']);
  quiet(work, 'git', ['add', '-A']);
  quiet(work, 'git', ['commit', '-q', '-m', 'chore: import the backend under audit']);
  section(`A copy of fixtures/lambda-backend in ${work}`);
  process.stdout.write(
    verify
      ? `verify command: ${verify}\n`
      : 'python3 not found: applying without a verify command\n',
  );

  section('The plan: every finding of docs/AUDIT.md, its transform and status');
  if (sh(work, process.execPath, ['plan']) !== 0) return 1;

  section('A dry run of one finding (nothing is written)');
  if (sh(work, process.execPath, ['diff', 'B-QUAL-04']) !== 0) return 1;

  section('Apply the phase of mechanical refactors on a branch, one commit per finding');
  const applied = sh(work, process.execPath, [
    'apply',
    '--phase',
    'Mechanical refactors',
    '--branch',
    'remedy/mechanical-refactors',
  ]);

  section('The branch');
  sh(work, 'git', ['log', '--oneline', '--decorate']);
  process.stdout.write(`\nThe demo repository stays in ${work} for you to inspect.\n`);
  return applied;
}

process.exitCode = main();
