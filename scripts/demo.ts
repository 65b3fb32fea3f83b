/**
 * `npm run demo`: remedy end to end on the bundled fixture backend. Copies
 * fixtures/lambda-backend into a temporary git repository, shows the config it
 * writes, `remedy plan`, the diff of one finding, applies the phase of mechanical
 * refactors on a branch (one commit per finding, verified by the fixture's own tests
 * when python3 is present), prints `git log --oneline`, and ends by writing the
 * phase's report (HTML and Markdown), printing both paths. Commands are shown as
 * `npx remedy`, which works after `npm ci`; headers are bold on a terminal only.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { styleText } from 'node:util';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const fixture = path.join(repoRoot, 'fixtures', 'lambda-backend');
const bin = path.join(repoRoot, 'bin', 'remedy.js');

function bold(text: string): string {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  return color ? styleText('bold', text) : text;
}

function section(title: string): void {
  process.stdout.write(`\n${bold(`== ${title}`)}\n`);
}

function sh(cwd: string, cmd: string, args: readonly string[], show = true): number {
  if (show)
    process.stdout.write(
      `\n$ ${[cmd === process.execPath ? 'npx remedy' : cmd, ...args.map((a) => (/\s/.test(a) ? `"${a}"` : a))].join(' ')}\n`,
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

  section('The config the demo wrote (npx remedy init proposes one for your repository)');
  process.stdout.write(fs.readFileSync(path.join(work, 'remedy.config.json'), 'utf8'));

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

  section('The report of the phase, for review and for the pull request');
  const html = `${work}-report.html`;
  const md = `${work}-report.md`;
  const reported = sh(work, process.execPath, [
    'report',
    '--phase',
    'Mechanical refactors',
    '--html',
    html,
    '--md',
    md,
  ]);
  process.stdout.write(
    `\nHTML report:     ${html}\nMarkdown report: ${md} (gh pr create --body-file ${md})\n`,
  );
  process.stdout.write(`The demo repository stays in ${work} for you to inspect.\n`);
  return applied || reported;
}

process.exitCode = main();
