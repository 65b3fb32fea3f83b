/**
 * `npm run bench:sizes [-- --sizes 0.25,0.5,1,2,4] [--repeat N] [--only doc|source]`: how remedy's cost
 * grows with the size of one file (issue #16 item 12; targets: a 1 MB source file in
 * under 2 s, a 1 MB document in under 2 s, time linear in size). For each size it
 * generates a module with an Optional/Union annotation in every function, then
 * measures, in this one run:
 * - end to end, as child processes (start-up included): `remedy run pep604-optional`
 *   (dry run: transform, guard, diff) and `remedy diff <finding>` (what apply computes:
 *   also import sorting and region formatting); and `remedy findings --json` on a
 *   generated audit document of that size (scripts/bench-reader-docs.ts). Each gets its
 *   wall time and its CPU time: the child runs under `sh -c '...; times'`, whose second
 *   line is the user and system time of the shell's waited-for children (getrusage
 *   RUSAGE_CHILDREN: every thread of remedy, and the git processes it starts);
 * - the same engine work in this process by CPU time (no start-up, JIT warm): a bare
 *   tree-sitter parse, runTransform without and with formatting.
 * It prints seconds, seconds per MB, and each size's time relative to the 1 MB one
 * divided by the size ratio (1.00 = linear), then each target, met or not, with its
 * numbers. `--only doc` measures just the document rows, `--only source` just the others. Wall times suffer when other work shares the machine (the load average is
 * printed); the CPU columns do not, so the verdicts are given on both.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unifiedDiff } from '../src/engine/diff.js';
import { runTransform } from '../src/engine/run.js';
import { registerBuiltinLanguages } from '../src/languages.js';
import { loadPython, parsePython } from '../src/python/parser.js';
import { parsePythonVersion } from '../src/python/version.js';
import { auditDocument } from './bench-reader-docs.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'remedy.js');

interface Args {
  sizes: number[];
  repeat: number;
  /** Which rows: the document's, the source file's, or both. */
  only: 'doc' | 'source' | 'all';
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sizes: [0.25, 0.5, 1, 2, 4], repeat: 3, only: 'all' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--sizes') args.sizes = value.split(',').map(Number);
    else if (flag === '--repeat') args.repeat = Math.max(1, Number(value));
    else if (flag === '--only' && (value === 'doc' || value === 'source')) args.only = value;
    else throw new Error(`unknown argument ${flag} ${value} (see scripts/bench-sizes.ts)`);
  }
  return args;
}

/** A module of about `mb` megabytes: functions with Optional/Union annotations. */
export function generateModule(mb: number): string {
  const parts = ['from typing import Optional, Union\n\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const fn = `
def handler_${i}(event: Optional[dict], context: Optional[str] = None) -> Optional[int]:
    """Handle event number ${i}."""
    value: Union[int, str] = ${i}
    if event is None:
        return None
    total = 0
    for key in sorted(event):
        total += len(str(key)) + ${i % 7}
    return total
`;
    parts.push(fn);
    size += fn.length;
  }
  return parts.join('');
}

const AUDIT = `# Audit

### S-01 · LOW — Optional in the big module

**File:** \`app/big.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\`.
`;

function makeRepo(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-bench-sizes-'));
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'app', 'big.py'), text);
  fs.writeFileSync(path.join(dir, 'AUDIT.md'), AUDIT);
  fs.writeFileSync(
    path.join(dir, 'remedy.config.json'),
    JSON.stringify({ docs: ['AUDIT.md'], python: { targetVersion: 'py312' } }),
  );
  spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  return dir;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface CliTime {
  readonly wall: number;
  readonly cpu: number;
}

/** `sh`'s `times` line for its children: `0m1.234s 0m0.056s` (user, system). */
const CHILD_TIMES = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s\s*$/;

/**
 * One CLI run: wall seconds around the spawn, and the CPU seconds (user + system) the
 * shell reports for its waited-for child. stdout is discarded; throws when remedy fails.
 */
function cliOnce(dir: string, args: readonly string[]): CliTime {
  const script = '"$0" "$@" > /dev/null; s=$?; times; exit $s';
  const started = performance.now();
  const r = spawnSync('sh', ['-c', script, process.execPath, BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`remedy ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = CHILD_TIMES.exec(r.stdout.trim());
  if (!m) throw new Error(`no child times from sh: ${JSON.stringify(r.stdout)}`);
  const cpu = Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]);
  return { wall, cpu };
}

/** Median wall and median CPU seconds of `repeat` CLI runs. */
function cliTimes(dir: string, args: readonly string[], repeat: number): CliTime {
  const runs = Array.from({ length: repeat }, () => cliOnce(dir, args));
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

/** CPU seconds of `work` in this process (median of `repeat`). */
async function cpuSeconds(work: () => unknown, repeat: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const before = process.cpuUsage();
    await work();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1e6);
  }
  return median(times);
}

async function engineRun(dir: string, format: boolean): Promise<string> {
  const { loadTransform } = await import('../transforms/index.js');
  const { transform, module } = await loadTransform('pep604-optional');
  const outcome = await runTransform({
    root: dir,
    transform,
    transformModule: module,
    options: {},
    paths: ['app/big.py'],
    allowUnsafe: false,
    format,
    guard: true,
    targetVersion: parsePythonVersion('py312')!,
    workers: 0,
  });
  const changed = outcome.results.find((r) => r.kind === 'changed');
  if (changed?.kind !== 'changed') throw new Error('the benchmark file did not change');
  return unifiedDiff(changed);
}

interface Row {
  readonly mb: number;
  readonly cells: Record<string, number>;
}

async function measure(mb: number, repeat: number): Promise<Row> {
  const text = generateModule(mb);
  const dir = makeRepo(text);
  try {
    const cells: Record<string, number> = {};
    const put = (name: string, t: CliTime) => {
      cells[`${name} wall`] = t.wall;
      cells[`${name} cpu`] = t.cpu;
    };
    put('run', cliTimes(dir, ['run', 'pep604-optional', 'app/big.py'], repeat));
    put('diff', cliTimes(dir, ['diff', 'S-01'], repeat));
    cells['engine parse'] = await cpuSeconds(() => parsePython(text).delete(), repeat);
    cells['engine run'] = await cpuSeconds(() => engineRun(dir, false), repeat);
    cells['engine +format'] = await cpuSeconds(() => engineRun(dir, true), repeat);
    return { mb: text.length / (1024 * 1024), cells };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `remedy findings --json` on a generated audit document of `mb` megabytes. */
function measureDocument(mb: number, repeat: number): Row {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-bench-doc-'));
  try {
    const bytes = Math.round(mb * 1024 * 1024);
    fs.writeFileSync(path.join(dir, 'AUDIT.md'), auditDocument(bytes));
    const t = cliTimes(dir, ['findings', 'AUDIT.md', '--json'], repeat);
    return { mb: bytes / (1024 * 1024), cells: { 'findings wall': t.wall, 'findings cpu': t.cpu } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(rows: readonly Row[]): void {
  const columns = Object.keys(rows[0]!.cells);
  const base = rows.find((r) => Math.abs(r.mb - 1) < 0.1) ?? rows[0]!;
  const pad = (s: string, n: number) => s.padStart(n);
  process.stdout.write(
    `${pad('MB', 6)}${columns.map((c) => pad(c, 17)).join('')}   (s/MB; growth vs ${base.mb.toFixed(2)} MB, 1.00 = linear)\n`,
  );
  for (const row of rows) {
    const cells = columns.map((c) => {
      const s = row.cells[c]!;
      const growth = s / base.cells[c]! / (row.mb / base.mb);
      return pad(`${s.toFixed(2)} ${(s / row.mb).toFixed(2)} ${growth.toFixed(2)}`, 17);
    });
    process.stdout.write(`${pad(row.mb.toFixed(2), 6)}${cells.join('')}\n`);
  }
}

/** The row of the 1 MB size, if measured. */
function oneMb(rows: readonly Row[]): Row | undefined {
  return rows.find((r) => Math.abs(r.mb - 1) < 0.1);
}

const TARGET_SECONDS = 2;
/** Per-MB time at the largest size over that at 1 MB, above which growth is not linear. */
const LINEAR_SLACK = 1.25;

/** `target ...: met/NOT met` for `name` at 1 MB, on its CPU and its wall time. */
function secondsVerdict(target: string, rows: readonly Row[], name: string): string {
  const row = oneMb(rows);
  if (!row) return `${target}: not measured (no 1 MB size)`;
  const [cpu, wall] = [row.cells[`${name} cpu`]!, row.cells[`${name} wall`]!];
  const v = (s: number) => (s < TARGET_SECONDS ? 'met' : 'NOT met');
  return `${target}: ${v(cpu)} on CPU (${cpu.toFixed(2)} s), ${v(wall)} on wall time (${wall.toFixed(2)} s)`;
}

/** Linear when the per-MB CPU time of the largest size is within LINEAR_SLACK of 1 MB's. */
function linearVerdict(rows: readonly Row[], names: readonly string[]): string {
  const base = oneMb(rows);
  const largest = rows[rows.length - 1];
  if (!base || !largest || largest === base) return 'time linear in size: not measured';
  const growth = names.map((n) => {
    const g = largest.cells[n]! / base.cells[n]! / (largest.mb / base.mb);
    return { n, g };
  });
  const worst = Math.max(...growth.map((x) => x.g));
  const list = growth.map((x) => `${x.n} ×${x.g.toFixed(2)}`).join(', ');
  return `time linear in size: ${worst <= LINEAR_SLACK ? 'met' : 'NOT met'} (per-MB CPU at ${largest.mb.toFixed(2)} MB vs 1 MB: ${list}; linear ≤ ×${LINEAR_SLACK})`;
}

async function sourceRows(args: Args): Promise<Row[]> {
  await registerBuiltinLanguages();
  await loadPython();
  // Warm up (JIT, WebAssembly tiers, ruff's workspace) so the first size is not penalised.
  await measure(0.1, 1);
  const rows: Row[] = [];
  for (const mb of args.sizes) rows.push(await measure(mb, args.repeat));
  process.stdout.write(
    '\nPython source: remedy run / remedy diff (child process), engine in process\n',
  );
  printTable(rows);
  return rows;
}

function documentRows(args: Args): Row[] {
  const docs = args.sizes.map((mb) => measureDocument(mb, args.repeat));
  process.stdout.write('\naudit document: remedy findings --json (child process)\n');
  printTable(docs);
  return docs;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  process.stdout.write(
    `remedy on one generated file per size; medians of ${args.repeat}; node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg()[0]!.toFixed(1)}\n`,
  );
  const rows = args.only === 'doc' ? [] : await sourceRows(args);
  const docs = args.only === 'source' ? [] : documentRows(args);
  process.stdout.write(`\ntargets (load ${os.loadavg()[0]!.toFixed(1)} now):\n`);
  const verdicts =
    args.only === 'doc'
      ? []
      : [
          secondsVerdict('1 MB source file, remedy run, under 2 s', rows, 'run'),
          secondsVerdict('1 MB source file, remedy diff, under 2 s', rows, 'diff'),
          linearVerdict(rows, ['run cpu', 'diff cpu', 'engine +format']),
        ];
  if (args.only !== 'source')
    verdicts.push(
      secondsVerdict('1 MB document, remedy findings, under 2 s', docs, 'findings'),
      `document ${linearVerdict(docs, ['findings cpu'])}`,
    );
  for (const line of verdicts) process.stdout.write(`  ${line}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
