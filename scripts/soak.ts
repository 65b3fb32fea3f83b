/**
 * `npm run soak [-- --iterations 50] [--phase phase-2] [--seed N]`: interrupt
 * `remedy apply --phase` on a copy of fixtures/lambda-backend at random moments, and
 * check that nothing is ever lost (issue #16). Each iteration starts the phase afresh
 * (verified by the fixture's own unittest suite), sends one of SIGINT to remedy,
 * SIGINT to its process group (a terminal's Ctrl-C, which also reaches git) or
 * SIGKILL, then checks the state it left: `git fsck`, every Python file parses, the
 * suite passes, no verify process outlives remedy; then a re-run with `--continue`
 * must complete and produce exactly the tree of an uninterrupted run. Prints counts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'remedy.js');
const FIXTURE = path.join(REPO, 'fixtures', 'lambda-backend');
const VERIFY = 'python3 -m unittest discover -q';
const ENV = { ...process.env, NO_COLOR: '1', PYTHONDONTWRITEBYTECODE: '1' };
const PARSE_ALL = `import ast, pathlib, sys
bad = []
for p in pathlib.Path('.').rglob('*.py'):
    if '.git' in p.parts: continue
    try: ast.parse(p.read_bytes(), str(p))
    except SyntaxError as e: bad.append(f'{p}: {e}')
print('\\n'.join(bad)); sys.exit(1 if bad else 0)`;

type Kill = 'SIGINT' | 'SIGINT to the group' | 'SIGKILL';

interface Args {
  iterations: number;
  phase: string;
  seed: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { iterations: 50, phase: 'phase-2', seed: Date.now() % 100_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--iterations') args.iterations = Number(value);
    else if (flag === '--phase') args.phase = value;
    else if (flag === '--seed') args.seed = Number(value);
    else throw new Error(`unknown argument ${flag} (see scripts/soak.ts)`);
  }
  return args;
}

/** A small seeded generator, so a failing run can be repeated with --seed. */
function random(seed: number): () => number {
  let s = seed || 1;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function run(cwd: string, cmd: string, args: readonly string[]) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: ENV, maxBuffer: 1 << 28 });
  return { ok: r.status === 0, stdout: r.stdout, out: `${r.stdout}${r.stderr}` };
}

function must(cwd: string, cmd: string, args: readonly string[]): string {
  const r = run(cwd, cmd, args);
  if (!r.ok) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.out}`);
  return r.out;
}

/** A fresh git repository holding the fixture and a config that verifies with its suite. */
function fixtureRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-soak-'));
  fs.cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.includes('__pycache__') });
  const config = { docs: ['docs/AUDIT.md'], scope: 'backend', verify: VERIFY };
  fs.writeFileSync(path.join(dir, 'remedy.config.json'), JSON.stringify(config));
  must(dir, 'git', ['init', '-q', '-b', 'main']);
  must(dir, 'git', ['config', 'user.email', 'soak@example.com']);
  must(dir, 'git', ['config', 'user.name', 'remedy soak']);
  must(dir, 'git', ['add', '-A']);
  must(dir, 'git', ['commit', '-q', '-m', 'fixture']);
  return dir;
}

/** Back to main, without the phase branch, whatever state the last iteration left. */
function resetRepo(dir: string, branch: string): void {
  run(dir, 'git', ['reset', '-q', '--hard']);
  run(dir, 'git', ['clean', '-qfd']);
  must(dir, 'git', ['switch', '-q', 'main']);
  run(dir, 'git', ['branch', '-q', '-D', branch]);
  fs.rmSync(path.join(dir, '.git', 'remedy.lock'), { force: true });
}

function startApply(dir: string, phase: string, resume: boolean): ChildProcess {
  const args = [BIN, 'apply', '--phase', phase, '--json', ...(resume ? ['--continue'] : [])];
  return spawn(process.execPath, args, { cwd: dir, env: ENV, stdio: 'ignore', detached: true });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

/** Processes started by verify for remedy `pid` (found by the REMEDY_PID it passes down). */
function verifyProcesses(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (environ.split('\0').includes(`REMEDY_PID=${pid}`)) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

async function orphansAfter(pid: number): Promise<number> {
  for (let waited = 0; waited < 4000; waited += 200) {
    if (verifyProcesses(pid).length === 0) return 0;
    await new Promise((r) => setTimeout(r, 200));
  }
  return verifyProcesses(pid).length;
}

function send(child: ChildProcess, kill: Kill): void {
  if (kill === 'SIGKILL') child.kill('SIGKILL');
  else if (kill === 'SIGINT') child.kill('SIGINT');
  else process.kill(-child.pid!, 'SIGINT');
}

interface Reference {
  readonly seconds: number;
  readonly tree: string;
}

/** An uninterrupted run: how long it takes, and the tree it ends with. */
async function reference(phase: string): Promise<Reference> {
  const dir = fixtureRepo();
  const started = Date.now();
  const code = await exitOf(startApply(dir, phase, false));
  if (code !== 0) throw new Error(`the uninterrupted run failed (exit ${code}) in ${dir}`);
  const seconds = (Date.now() - started) / 1000;
  const tree = must(dir, 'git', ['rev-parse', 'HEAD^{tree}']).trim();
  fs.rmSync(dir, { recursive: true, force: true });
  return { seconds, tree };
}

function leftState(dir: string): string {
  const status = must(dir, 'git', ['status', '--porcelain']);
  if (!status) return 'a clean tree';
  return status.split('\n').some((l) => /^[MADR]/.test(l)) ? 'a staged change' : 'a dirty tree';
}

const KILLS: readonly Kill[] = ['SIGINT', 'SIGINT to the group', 'SIGKILL'];

/** One interrupted run and its checks; returns the problems found (none: nothing lost). */
async function iteration(
  dir: string,
  args: Args,
  ref: Reference,
  rnd: () => number,
  count: (what: string) => void,
): Promise<{ problems: string[]; line: string }> {
  resetRepo(dir, `remedy/${args.phase}`);
  const kill = KILLS[Math.floor(rnd() * KILLS.length)]!;
  const delay = 200 + rnd() * ref.seconds * 1000;
  const child = startApply(dir, args.phase, false);
  const timer = setTimeout(() => send(child, kill), delay);
  const code = await exitOf(child);
  clearTimeout(timer);
  const what = code === 0 ? 'finished before the signal' : `${kill} → exit ${code ?? 'killed'}`;
  count(what);
  const problems: string[] = [];
  const orphans = await orphansAfter(child.pid!);
  if (orphans > 0) problems.push(`${orphans} verify process(es) outlived remedy`);
  const left = leftState(dir);
  count(`left ${left}`);
  if (fs.existsSync(path.join(dir, '.git', 'remedy.lock'))) count('left a stale lock');
  if (!run(dir, 'git', ['fsck', '--no-progress']).ok) problems.push('git fsck failed');
  const parse = run(dir, 'python3', ['-c', PARSE_ALL]);
  if (!parse.ok) problems.push(`a file does not parse: ${parse.out.trim()}`);
  if (!run(dir, 'python3', ['-m', 'unittest', 'discover', '-q']).ok)
    problems.push('the suite fails on the tree left behind');
  problems.push(...rerun(dir, args.phase, ref, count));
  const line = `${what} after ${(delay / 1000).toFixed(1)} s, left ${left}`;
  return { problems, line };
}

/** `apply --phase --continue` must finish with the uninterrupted run's tree, clean. */
function rerun(dir: string, phase: string, ref: Reference, count: (w: string) => void): string[] {
  const r = run(dir, process.execPath, [BIN, 'apply', '--phase', phase, '--continue', '--json']);
  if (!r.ok) return [`the re-run failed: ${r.out.trim().split('\n').slice(-5).join(' | ')}`];
  const report = JSON.parse(r.stdout) as { resumed: { action: string } | null };
  if (report.resumed) count(`re-run ${report.resumed.action} the finding left behind`);
  const problems: string[] = [];
  if (must(dir, 'git', ['rev-parse', 'HEAD^{tree}']).trim() !== ref.tree)
    problems.push('the re-run ended with another tree than an uninterrupted run');
  if (must(dir, 'git', ['status', '--porcelain']) !== '') problems.push('the re-run left changes');
  return problems;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!run(REPO, 'python3', ['--version']).ok) {
    process.stderr.write('soak: python3 is needed (the fixture suite is the verify command)\n');
    return 1;
  }
  const ref = await reference(args.phase);
  process.stdout.write(
    `soak: ${args.iterations} interrupted runs of remedy apply --phase ${args.phase} (verify: ${VERIFY}); seed ${args.seed}; an uninterrupted run takes ${ref.seconds.toFixed(1)} s\n`,
  );
  const counts = new Map<string, number>();
  const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);
  const rnd = random(args.seed);
  const dir = fixtureRepo();
  let clean = 0;
  for (let i = 1; i <= args.iterations; i++) {
    const { problems, line } = await iteration(dir, args, ref, rnd, count);
    if (problems.length === 0) clean++;
    const verdict = problems.length === 0 ? 'ok' : `PROBLEMS: ${problems.join('; ')}`;
    process.stdout.write(`[${i}/${args.iterations}] ${line}: ${verdict}\n`);
  }
  process.stdout.write('\ncounts:\n');
  for (const [what, n] of [...counts].sort())
    process.stdout.write(`  ${String(n).padStart(3)}  ${what}\n`);
  process.stdout.write(
    `\n${clean}/${args.iterations} iterations with nothing lost (fsck, parse, suite, re-run to the same tree)\n`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return clean === args.iterations ? 0 : 1;
}

process.exitCode = await main();
