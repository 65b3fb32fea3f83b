/**
 * `npm run bench:sizes [-- --sizes 0.25,0.5,1,2,4] [--repeat N]`: how remedy's cost
 * grows with the size of one Python source file (issue #16 item 12; target: 1 MB in
 * under 2 s, time linear in size). For each size it generates a module with an
 * Optional/Union annotation in every function, then measures, in this one run:
 * - `remedy run pep604-optional` (dry run: transform, guard, diff) and
 *   `remedy diff <finding>` (what apply computes: also import sorting and region
 *   formatting), as child processes by wall clock including start-up;
 * - the same engine work in this process by CPU time (no start-up, and robust when
 *   other work shares the machine): a bare tree-sitter parse, runTransform without
 *   and with formatting, and the unified diff.
 * It prints seconds, seconds per MB, and each size's time relative to the 1 MB one
 * divided by the size ratio (1.00 = linear). Wall-clock times include start-up and
 * suffer when other work shares the machine (the load average is printed); the CPU
 * columns do not.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unifiedDiff } from '../src/engine/diff.js';
import { runTransform } from '../src/engine/run.js';
import { loadPython, parsePython } from '../src/python/parser.js';
import { parsePythonVersion } from '../src/python/version.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'remedy.js');

interface Args {
  sizes: number[];
  repeat: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sizes: [0.25, 0.5, 1, 2, 4], repeat: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--sizes') args.sizes = value.split(',').map(Number);
    else if (flag === '--repeat') args.repeat = Math.max(1, Number(value));
    else throw new Error(`unknown argument ${flag} (see scripts/bench-sizes.ts)`);
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

/** Wall seconds of the CLI (median of `repeat`); throws when it fails. */
function cliSeconds(dir: string, args: readonly string[], repeat: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    times.push((performance.now() - started) / 1000);
    if (r.status !== 0) throw new Error(`remedy ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
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
    cells['cli run'] = cliSeconds(dir, ['run', 'pep604-optional', 'app/big.py'], repeat);
    cells['cli diff'] = cliSeconds(dir, ['diff', 'S-01'], repeat);
    cells['cpu parse'] = await cpuSeconds(() => parsePython(text).delete(), repeat);
    cells['cpu run'] = await cpuSeconds(() => engineRun(dir, false), repeat);
    cells['cpu run+format'] = await cpuSeconds(() => engineRun(dir, true), repeat);
    return { mb: text.length / (1024 * 1024), cells };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(rows: readonly Row[]): void {
  const columns = Object.keys(rows[0]!.cells);
  const base = rows.find((r) => Math.abs(r.mb - 1) < 0.1) ?? rows[0]!;
  const pad = (s: string, n: number) => s.padStart(n);
  process.stdout.write(
    `${pad('MB', 6)}${columns.map((c) => pad(`${c} s`, 18)).join('')}   (s/MB; growth vs ${base.mb.toFixed(2)} MB, 1.00 = linear)\n`,
  );
  for (const row of rows) {
    const cells = columns.map((c) => {
      const s = row.cells[c]!;
      const growth = s / base.cells[c]! / (row.mb / base.mb);
      return pad(`${s.toFixed(2)} ${(s / row.mb).toFixed(2)} ${growth.toFixed(2)}`, 18);
    });
    process.stdout.write(`${pad(row.mb.toFixed(2), 6)}${cells.join('')}\n`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  await loadPython();
  process.stdout.write(
    `remedy on one generated Python file per size; medians of ${args.repeat}; node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg()[0]!.toFixed(1)}\n`,
  );
  // Warm up (JIT, WebAssembly tiers, ruff's workspace) so the first size is not penalised.
  await measure(0.1, 1);
  const rows: Row[] = [];
  for (const mb of args.sizes) rows.push(await measure(mb, args.repeat));
  printTable(rows);
  const one = rows.find((r) => Math.abs(r.mb - 1) < 0.1);
  if (one) {
    process.stdout.write(
      `1 MB: remedy run ${one.cells['cli run']!.toFixed(2)} s, remedy diff ${one.cells['cli diff']!.toFixed(2)} s wall (target < 2 s); engine CPU ${one.cells['cpu run']!.toFixed(2)} s, with formatting ${one.cells['cpu run+format']!.toFixed(2)} s\n`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
