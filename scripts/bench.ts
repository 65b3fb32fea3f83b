/**
 * `npm run bench [-- --corpus DIR] [--files N] [--dense] [--repeat N] [--target py311]`:
 * the generated corpus defaults to the size and shape of the repository issue #10 measured
 * (590 modules -> ~690 files, ~80k lines, ~580 Optional/Union sites; `--dense` writes ~6
 * sites per module instead). Times, as
 * separate child processes by wall clock including start-up, a bare tree-sitter parse
 * of a Python corpus, `remedy run pep604-optional` (dry run; auto workers and
 * --workers 0, each also with --no-guard to show what the semantic guard costs),
 * ruff-wasm's UP045/UP007 check + fix loop and building the Python project
 * model (roots, module map, every file parsed and scope-analyzed); prints lines/s, each
 * child's peak RSS (medians of the repeats), and the three targets of issue #10 with
 * met / NOT MET: remedy (auto workers) <= 1.2x the bare parse, ruff-wasm's fix loop >= 3x
 * remedy, remedy's peak RSS < 300 MB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CorpusShape, DENSE_SHAPE, REAL_SHAPE, writeCorpus } from './bench-corpus.js';

const HERE = import.meta.dirname;
const REPO = path.resolve(HERE, '..', '..');
const WORK = path.join(REPO, '.bench');

interface Args {
  corpus: string | undefined;
  files: number;
  repeat: number;
  target: string;
  shape: CorpusShape;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    corpus: undefined,
    files: 590,
    repeat: 5,
    target: 'py311',
    shape: REAL_SHAPE,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--corpus':
        args.corpus = path.resolve(value!);
        i++;
        break;
      case '--files':
        args.files = Number(value);
        i++;
        break;
      case '--repeat':
        args.repeat = Math.max(1, Number(value));
        i++;
        break;
      case '--dense':
        args.shape = DENSE_SHAPE;
        break;
      case '--target':
        args.target = value!;
        i++;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]} (see the doc comment of scripts/bench.ts)`);
    }
  }
  return args;
}

function listPython(dir: string): string[] {
  const out: string[] = [];
  const skip = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv', '.tox']);
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!skip.has(e.name)) walk(path.join(d, e.name));
      } else if (e.name.endsWith('.py')) out.push(path.join(d, e.name));
    }
  };
  walk(dir);
  return out.sort();
}

interface Measure {
  readonly label: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

interface Sample {
  readonly seconds: number;
  readonly rssMb: number;
  readonly stderr: string;
  readonly stdout: string;
}

function runChild(m: Measure): Sample {
  const rssFile = path.join(WORK, 'rss.txt');
  const outFile = path.join(WORK, 'child.out');
  const errFile = path.join(WORK, 'child.err');
  fs.rmSync(rssFile, { force: true });
  const out = fs.openSync(outFile, 'w');
  const err = fs.openSync(errFile, 'w');
  const preload = pathToFileURL(path.join(HERE, 'bench-rss.js')).href;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', preload, ...m.args], {
    cwd: m.cwd,
    stdio: ['ignore', out, err],
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.closeSync(out);
  fs.closeSync(err);
  const stderr = fs.readFileSync(errFile, 'utf8');
  if (r.status !== 0)
    throw new Error(`${m.label} exited with ${r.status}:\n${stderr.slice(-2000)}`);
  const rssKb = Number(fs.readFileSync(rssFile, 'utf8'));
  const stdout = fs.statSync(outFile).size < 10_000 ? fs.readFileSync(outFile, 'utf8') : '';
  return { seconds, rssMb: rssKb / 1024, stderr, stdout };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(WORK, { recursive: true });
  let corpus = args.corpus;
  let origin = 'given';
  if (!corpus) {
    corpus = path.join(WORK, 'corpus');
    const stats = writeCorpus(corpus, args.files, 7, args.shape);
    origin = `generated (seed 7), ${fmt(stats.sites)} Optional/Union sites`;
  }
  const files = listPython(corpus);
  const lines = files.reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').length, 0);
  const listFile = path.join(WORK, 'files.txt');
  fs.writeFileSync(listFile, files.join('\n'));
  const bin = path.join(REPO, 'bin', 'remedy.js');
  const remedyArgs = [
    bin,
    'run',
    'pep604-optional',
    '--repo',
    corpus,
    '--target-version',
    args.target,
  ];
  const measures: Measure[] = [
    {
      label: 'tree-sitter parse, 1 thread',
      args: [path.join(HERE, 'bench-parse.js'), listFile],
      cwd: REPO,
    },
    { label: 'remedy run, workers auto', args: remedyArgs, cwd: corpus },
    { label: 'remedy run, --workers 0', args: [...remedyArgs, '--workers', '0'], cwd: corpus },
    {
      label: 'ruff-wasm UP045/UP007 fix loop',
      args: [path.join(HERE, 'bench-ruff.js'), listFile, args.target],
      cwd: REPO,
    },
    // Informational: what the semantic guard (on by default) costs.
    {
      label: 'remedy run, auto, --no-guard',
      args: [...remedyArgs, '--no-guard'],
      cwd: corpus,
    },
    {
      label: 'remedy run, --workers 0 --no-guard',
      args: [...remedyArgs, '--workers', '0', '--no-guard'],
      cwd: corpus,
    },
    {
      label: 'project model, every file',
      args: [path.join(HERE, 'bench-project-model.js'), '--corpus', corpus, '--build-only'],
      cwd: REPO,
    },
  ];
  console.log(`corpus: ${corpus}\n  ${fmt(files.length)} files, ${fmt(lines)} lines; ${origin}`);
  console.log(`  ${args.repeat} runs of each, interleaved; median wall clock including start-up\n`);
  const samples = new Map<string, Sample[]>(measures.map((m) => [m.label, []]));
  for (let i = 0; i < args.repeat; i++) {
    for (const m of measures) samples.get(m.label)!.push(runChild(m));
  }
  const widths = [34, 9, 11, 14];
  console.log(pad(['measurement', 'wall s', 'lines/s', 'peak RSS MB'], widths));
  const wall = new Map<string, number>();
  for (const m of measures) {
    const s = samples.get(m.label)!;
    const seconds = median(s.map((x) => x.seconds));
    wall.set(m.label, seconds);
    const rss = median(s.map((x) => x.rssMb));
    console.log(pad([m.label, fmt(seconds, 3), fmt(lines / seconds), fmt(rss)], widths));
  }
  const summary = samples.get(measures[1]!.label)![0]!.stderr.trim().split('\n').pop();
  console.log(`\nremedy: ${summary}`);
  const parse = wall.get(measures[0]!.label)!;
  const auto = wall.get(measures[1]!.label)!;
  const single = wall.get(measures[2]!.label)!;
  const ruff = wall.get(measures[3]!.label)!;
  const autoRss = median(samples.get(measures[1]!.label)!.map((x) => x.rssMb));
  const tw = [40, 7, 9, 8];
  console.log(`\n${pad(['target (issue #10)', 'value', 'target', ''], tw)}`);
  const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
  console.log(
    pad(
      [
        'remedy (auto workers) / bare parse',
        fmt(auto / parse, 2),
        '<= 1.20',
        verdict(auto / parse <= 1.2),
      ],
      tw,
    ),
  );
  console.log(
    pad(
      [
        'ruff-wasm fix loop / remedy (auto)',
        fmt(ruff / auto, 2),
        '>= 3.00',
        verdict(ruff / auto >= 3),
      ],
      tw,
    ),
  );
  console.log(
    pad(['remedy (auto) peak RSS, MB', fmt(autoRss), '< 300', verdict(autoRss < 300)], tw),
  );
  const rw = [40, 7];
  console.log(`\n${pad(['informational', 'value'], rw)}`);
  console.log(pad(['remedy --workers 0 / bare parse', fmt(single / parse, 2)], rw));
  console.log(pad(['ruff-wasm fix loop / remedy --workers 0', fmt(ruff / single, 2)], rw));
  const autoNoGuard = wall.get(measures[4]!.label)!;
  const noGuard = wall.get(measures[5]!.label)!;
  console.log(pad(['remedy auto --no-guard / bare parse', fmt(autoNoGuard / parse, 2)], rw));
  console.log(pad(['remedy --workers 0 --no-guard / bare parse', fmt(noGuard / parse, 2)], rw));
}

main();
