/**
 * `npm run bench:reader [-- --repeat N] [--big]`: how long the findings reader takes on
 * generated audit documents of 128 KB to 1 MB (10 MB with --big) and on the hostile
 * shapes of issue #16 (nested and unmatched emphasis, 20,000 nested quotes, a
 * 1,000-level list). Each row prints the reader's median wall and CPU time, the ratio
 * against the reference measured in the same run (micromark with the reader's GFM parts
 * parsing the same pieces: the parser the reader is built on) and against the smallest
 * size (linearity), and checks the targets: a 1 MB document in under 2 s, time linear in
 * size. Wall time on a shared machine includes waiting for a CPU; the load is printed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { splitPieces } from '../src/findings/chunks.js';
import { MARKDOWN_OPTIONS } from '../src/findings/markdown.js';
import { parseFindingsDocument } from '../src/findings/parse.js';
import {
  auditDocument,
  deepList,
  deepQuotes,
  nestedEmphasis,
  unmatchedEmphasis,
} from './bench-reader-docs.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const KB = 1024;
const MB = KB * KB;

interface Timing {
  wall: number;
  cpu: number;
}

/** Median wall and CPU milliseconds of `repeat` runs (after one warm-up run). */
function time(repeat: number, run: () => void): Timing {
  run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    run();
    walls.push(performance.now() - wall0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The reader, or the error message it gives (the hostile documents are refused). */
function read(text: string): string {
  try {
    const set = parseFindingsDocument(text, 'bench.md');
    return `${set.findings.length} findings`;
  } catch (error) {
    return `refused: ${(error as Error).message.slice(0, 60)}`;
  }
}

/** The reference: micromark alone on the same markdown pieces the reader parses. */
function micromark(text: string): void {
  for (const piece of splitPieces(text))
    if (piece.kind === 'markdown')
      fromMarkdown(text.slice(piece.start, piece.end), MARKDOWN_OPTIONS);
}

interface Row {
  readonly name: string;
  readonly bytes: number;
  readonly reader: Timing;
  readonly reference: Timing | null;
  readonly outcome: string;
}

function measure(name: string, text: string, repeat: number, reference: boolean): Row {
  const outcome = read(text);
  const reader = time(repeat, () => read(text));
  const ref = reference ? time(repeat, () => micromark(text)) : null;
  return { name, bytes: text.length, reader, reference: ref, outcome };
}

function printRows(rows: readonly Row[], base: Row | undefined): void {
  console.log(
    'document'.padEnd(28) +
      'size'.padStart(9) +
      'wall ms'.padStart(10) +
      'cpu ms'.padStart(9) +
      'ms/MB'.padStart(8) +
      ' ×micromark' +
      '  ×smallest/size  outcome',
  );
  for (const r of rows) {
    const perMb = (r.reader.wall / r.bytes) * MB;
    const ratio = r.reference ? (r.reader.wall / r.reference.wall).toFixed(2) : '-';
    const linear = base
      ? (r.reader.wall / base.reader.wall / (r.bytes / base.bytes)).toFixed(2)
      : '-';
    console.log(
      r.name.padEnd(28) +
        `${(r.bytes / KB).toFixed(0)} KB`.padStart(9) +
        r.reader.wall.toFixed(0).padStart(10) +
        r.reader.cpu.toFixed(0).padStart(9) +
        perMb.toFixed(0).padStart(8) +
        ratio.padStart(11) +
        linear.padStart(17) +
        `  ${r.outcome}`,
    );
  }
}

/** `remedy findings --json` on the 1 MB document, as a user runs it (start-up included). */
function cliWall(file: string): number {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, 'bin/remedy.js'), 'findings', file, '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 256 * MB,
    },
  );
  if (r.status !== 0) throw new Error(`remedy findings failed: ${r.stderr}`);
  return performance.now() - t0;
}

function verdict(ms: number | undefined): string {
  return ms !== undefined && ms < 2000 ? 'met' : 'NOT met';
}

function main(argv: readonly string[]): void {
  const repeat = Number(argv[argv.indexOf('--repeat') + 1]) || 3;
  const sizes = [128 * KB, 256 * KB, 512 * KB, MB, ...(argv.includes('--big') ? [10 * MB] : [])];
  const sized = sizes.map((bytes) =>
    measure(
      `audit ${(bytes / KB).toFixed(0)} KB`,
      auditDocument(bytes),
      bytes > MB ? 1 : repeat,
      true,
    ),
  );
  console.log(
    `reader benchmark (median of ${repeat}; reference: micromark alone on the same markdown pieces, measured in this run)\n`,
  );
  printRows(sized, sized[0]);
  console.log('');
  printRows(
    [
      measure('nested emphasis 40 KB', nestedEmphasis(40 * KB), repeat, false),
      measure('nested emphasis 80 KB', nestedEmphasis(80 * KB), repeat, false),
      measure('unmatched emphasis 80 KB', unmatchedEmphasis(80 * KB), repeat, false),
      measure('20,000 nested quotes', deepQuotes(20_000), repeat, false),
      measure('1,000-level list', deepList(1000), repeat, false),
    ],
    undefined,
  );
  const dir = path.join(REPO, '.bench', 'reader');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'audit-1mb.md');
  fs.writeFileSync(file, auditDocument(MB));
  const oneMb = sized.find((r) => r.bytes === MB);
  const cli = cliWall(file);
  const slope =
    oneMb && sized[0] ? oneMb.reader.wall / sized[0].reader.wall / (MB / sized[0].bytes) : 0;
  console.log(`\nremedy findings --json on 1 MB (process start-up included): ${cli.toFixed(0)} ms`);
  console.log(
    `target 1 MB read in under 2 s: ${verdict(oneMb?.reader.wall)} on wall time (${oneMb?.reader.wall.toFixed(0)} ms), ${verdict(oneMb?.reader.cpu)} on CPU time (${oneMb?.reader.cpu.toFixed(0)} ms); load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} CPUs`,
  );
  console.log(
    `target time linear in size: ${slope <= 1.5 ? 'met' : 'NOT met'} (1 MB vs 128 KB, per byte: ×${slope.toFixed(2)})`,
  );
}

main(process.argv.slice(2));
