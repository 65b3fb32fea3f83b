/**
 * `npm run bench:ts [-- --files N] [--repeat N] [--corpus DIR]`: the TypeScript groundwork
 * for the #14 bench row, on a generated Next.js-shaped corpus (scripts/ts-corpus.ts) and a
 * 20-file one: ts-morph project load + full diagnostics; the guard's cost (cold: first call
 * builds the project; warm: a later call) on a widely imported change and a leaf change;
 * a structural search and rewrite of `'HKD'` with @ast-grep/napi against a ts-morph walk;
 * and a call-argument reorder done by a jscodeshift module against ast-grep. In-process,
 * medians of the repeats, in milliseconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findInFiles, Lang, parse } from '@ast-grep/napi';
import { Project, ts } from 'ts-morph';
import { loadCodemod, runCodemod } from '../src/typescript/codemod.js';
import { TsWorkspace } from '../src/typescript/guard.js';
import { writeTsCorpus } from './ts-corpus.js';
import { transformRows } from './ts-transforms-bench.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const WORK = path.join(REPO, '.bench');

interface Args {
  files: number;
  repeat: number;
  corpus: string | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { files: 1000, repeat: 3, corpus: undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (argv[i] === '--files') args.files = Number(value);
    else if (argv[i] === '--repeat') args.repeat = Math.max(1, Number(value));
    else if (argv[i] === '--corpus') args.corpus = path.resolve(value!);
    else
      throw new Error(
        `unknown argument ${argv[i]} (see the doc comment of scripts/ts-corpus-bench.ts)`,
      );
  }
  return args;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of `fn` over `repeat` runs (a fresh state each run when `fn` makes one). */
async function time(repeat: number, fn: () => unknown): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

function sourceFiles(root: string): string[] {
  return (fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(root, 'src', f));
}

const row = (label: string, ms: number, extra = '') =>
  console.log(`  ${label.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms  ${extra}`);

/** The guard on a change to a module many files import, and on a leaf page. */
function guardRows(root: string): void {
  const files = sourceFiles(root);
  const lib = files.find((f) => f.includes(`${path.sep}lib${path.sep}`) && /\d\.ts$/.test(f))!;
  const page = files.find((f) => f.endsWith('page.tsx'))!;
  const libText = fs.readFileSync(lib, 'utf8');
  const fn = /export function (\w+)\(/.exec(libText)![1]!;
  const rename = {
    path: lib,
    before: libText,
    after: libText.replace(`function ${fn}(`, `function ${fn}Renamed(`),
  };
  const pageText = fs.readFileSync(page, 'utf8');
  const leaf = { path: page, before: pageText, after: `${pageText}export const extra = 1;\n` };
  const ws = new TsWorkspace(root);
  for (const [label, change] of [
    ['rename a lib export (cold: builds the project)', rename],
    ['rename a lib export (warm)', rename],
    ['edit a leaf page (warm)', leaf],
  ] as const) {
    const t = performance.now();
    const r = ws.guard([change]);
    const { scan, before, after } = r.timings;
    const detail = `checked ${r.checked.length}, new errors ${r.errors.length}; scan ${scan.toFixed(0)} before ${before.toFixed(0)} after ${after.toFixed(0)}`;
    row(`guard: ${label}`, performance.now() - t, detail);
  }
}

/** `'HKD'` found by ast-grep and by a TypeScript AST walk; rewritten by ast-grep. */
async function structuralRows(root: string, repeat: number): Promise<void> {
  const files = sourceFiles(root);
  const texts = files.map((f) => [f, fs.readFileSync(f, 'utf8')] as const);
  let sgCount = 0;
  const sg = await time(repeat, () => {
    sgCount = 0;
    for (const [f, text] of texts) {
      sgCount += parse(f.endsWith('x') ? Lang.Tsx : Lang.TypeScript, text)
        .root()
        .findAll("'HKD'").length;
    }
  });
  row("find 'HKD': @ast-grep/napi parse + findAll", sg, `${sgCount} matches`);
  let parallelCount = 0;
  const parallel = await time(repeat, async () => {
    parallelCount = 0;
    for (const lang of [Lang.TypeScript, Lang.Tsx]) {
      await findInFiles(
        lang,
        { paths: [path.join(root, 'src')], matcher: { rule: { pattern: "'HKD'" } } },
        (err, nodes) => {
          if (!err) parallelCount += nodes.length;
        },
      );
    }
  });
  row(
    "find 'HKD': @ast-grep/napi findInFiles (native threads)",
    parallel,
    `${parallelCount} matches (callbacks so far)`,
  );
  let tsCount = 0;
  const walk = await time(repeat, () => {
    tsCount = 0;
    for (const [f, text] of texts) {
      const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        if (ts.isStringLiteral(n) && n.text === 'HKD' && text[n.getStart(sf)] === "'") tsCount++;
        n.forEachChild(visit);
      };
      visit(sf);
    }
  });
  row(
    "find 'HKD': TypeScript parse + AST walk",
    walk,
    `${tsCount} matches; ast-grep = ${(sg / walk).toFixed(2)}x`,
  );
  const morph = await time(1, () => {
    const project = new Project({
      tsConfigFilePath: path.join(root, 'tsconfig.json'),
      skipFileDependencyResolution: true,
    });
    return project
      .getSourceFiles()
      .flatMap((s) => s.getDescendantsOfKind(ts.SyntaxKind.StringLiteral)).length;
  });
  row("find 'HKD': ts-morph project + getDescendantsOfKind (1 run)", morph);
  const rewrite = await time(repeat, () => {
    for (const [f, text] of texts) {
      if (!text.includes("'HKD'")) continue;
      const r = parse(f.endsWith('x') ? Lang.Tsx : Lang.TypeScript, text).root();
      r.commitEdits(r.findAll("'HKD'").map((m) => m.replace('getDefaultCurrencyCode()')));
    }
  });
  row("rewrite 'HKD' -> getDefaultCurrencyCode(): ast-grep, prefiltered", rewrite);
}

/** The same argument reorder by a jscodeshift module and by an ast-grep rewrite. */
async function reorderRows(root: string, repeat: number): Promise<void> {
  const inputs = sourceFiles(root).map((f) => ({ path: f, source: fs.readFileSync(f, 'utf8') }));
  const codemod = await loadCodemod(path.join(REPO, 'test/typescript/codemods/reorder-args.mjs'));
  let changed = 0;
  const jscs = await time(repeat, async () => {
    const run = await runCodemod(codemod, inputs, {
      parser: 'tsx',
      options: { callee: 'formatMoney' },
    });
    changed = run.files.filter((f) => f.kind === 'changed').length;
  });
  row(
    'reorder formatMoney args: jscodeshift module (tsx parser)',
    jscs,
    `${changed} files changed`,
  );
  let sgChanged = 0;
  const sg = await time(repeat, () => {
    sgChanged = 0;
    for (const { path: f, source } of inputs) {
      if (!source.includes('formatMoney(')) continue;
      const r = parse(f.endsWith('x') ? Lang.Tsx : Lang.TypeScript, source).root();
      const edits = r
        .findAll('formatMoney($A, $B)')
        .map((m) =>
          m.replace(`formatMoney(${m.getMatch('B')!.text()}, ${m.getMatch('A')!.text()})`),
        );
      if (edits.length > 0 && r.commitEdits(edits) !== source) sgChanged++;
    }
  });
  row(
    'reorder formatMoney args: ast-grep, prefiltered',
    sg,
    `${sgChanged} files changed; jscodeshift = ${(jscs / sg).toFixed(1)}x`,
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const corpora: [string, string][] = [];
  if (args.corpus) corpora.push(['given', args.corpus]);
  else {
    for (const [name, files] of [
      ['small', 20],
      ['large', args.files],
    ] as const) {
      const dir = path.join(WORK, `ts-corpus-${name}`);
      const stats = writeTsCorpus(dir, files);
      console.log(
        `${name} corpus ${dir}: ${stats.files} files, ${stats.lines} lines, ${stats.hkd} 'HKD', ${stats.interleaved} interleaved imports`,
      );
      corpora.push([name, dir]);
    }
  }
  for (const [name, root] of corpora) {
    console.log(`\n${name} (${sourceFiles(root).length} source files)`);
    for (const skipLibCheck of [false, true]) {
      let diagnostics = 0;
      const load = await time(1, () => {
        const tsConfigFilePath = path.join(root, 'tsconfig.json');
        const project = new Project({ tsConfigFilePath, compilerOptions: { skipLibCheck } });
        diagnostics = project.getPreEmitDiagnostics().length;
      });
      const label = `ts-morph project load + every diagnostic${skipLibCheck ? ', skipLibCheck' : ''} (1 run)`;
      row(label, load, `${diagnostics} diagnostics`);
    }
    guardRows(root);
    await structuralRows(root, args.repeat);
    await reorderRows(root, args.repeat);
    transformRows(root, args.repeat, row);
  }
  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();
