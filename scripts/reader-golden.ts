/**
 * `node dist/scripts/reader-golden.js --out DIR [--build ROOT]`, then
 * `node dist/scripts/reader-golden.js --compare DIR1 DIR2`: the reader's full output on
 * every document we have, written by one build and compared with another's, so a
 * change meant to make reading faster can be shown to change nothing. For each document
 * (../shared/seeds, ../shared/docs-corpus, test/findings/docs, test/seeds, the fixtures'
 * documents, all of those end to end repeated to a megabyte, and generated audit
 * documents of 64 KB to 1 MB plus the hostile shapes of issue #16) it writes the mdast tree, the whole FindingsSet (or the error), and the
 * stdout of `remedy findings DOC --json` and `--explain --json`. `--build` names the
 * checkout whose dist/ and bin/ are used (default: this one), so a copy of main's build
 * can write the reference. Corpus text is read in place, never copied into the repository.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  auditDocument,
  deepList,
  deepQuotes,
  nestedEmphasis,
  unmatchedEmphasis,
} from './bench-reader-docs.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const KB = 1024;

/** Documents on disk: name -> absolute path. */
function documentsOnDisk(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (dir: string, prefix: string, pattern: RegExp) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir).sort())
      if (pattern.test(name)) found.set(`${prefix}-${name}`, path.join(dir, name));
  };
  add(path.resolve(REPO, '../shared/seeds'), 'seed', /\.txt$/);
  add(path.resolve(REPO, '../shared/docs-corpus'), 'corpus', /_.*\.md$/);
  add(path.join(REPO, 'test/findings/docs'), 'testdoc', /\.md$/);
  add(path.join(REPO, 'test/seeds'), 'testseed', /\.txt$/);
  for (const fixture of fs.readdirSync(path.join(REPO, 'fixtures')).sort())
    add(path.join(REPO, 'fixtures', fixture, 'docs'), `fixture-${fixture}`, /\.md$/);
  return found;
}

/** The documents on disk end to end, repeated up to about a megabyte: real markdown at size. */
function realDocumentsAtSize(docs: ReadonlyMap<string, string>): string {
  const once = [...docs.values()].map((file) => fs.readFileSync(file, 'utf8')).join('\n\n');
  return once.length === 0 ? '' : once.repeat(Math.ceil((1024 * KB) / once.length));
}

/** Generated documents: name -> text. */
function generatedDocuments(): Map<string, string> {
  return new Map([
    ['real-1m.md', realDocumentsAtSize(documentsOnDisk())],
    ...[64, 256, 1024].map((kb): [string, string] => [`audit-${kb}k.md`, auditDocument(kb * KB)]),
    ['nested-emphasis.md', nestedEmphasis(8 * KB)],
    ['unmatched-emphasis.md', unmatchedEmphasis(8 * KB)],
    ['deep-quotes.md', deepQuotes(20_000)],
    ['deep-list.md', deepList(1000)],
  ]);
}

interface Reader {
  parseMarkdown(text: string, path: string): { root: unknown };
  parseFindingsDocument(text: string, path: string): unknown;
}

async function loadReader(build: string): Promise<Reader> {
  const url = (file: string) => pathToFileURL(path.join(build, 'dist/src/findings', file)).href;
  const markdown = await import(url('markdown.js'));
  const parse = await import(url('parse.js'));
  return {
    parseMarkdown: markdown.parseMarkdown,
    parseFindingsDocument: parse.parseFindingsDocument,
  };
}

function outcome(work: () => unknown): string {
  try {
    return JSON.stringify(work(), null, 1);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

function cli(build: string, cwd: string, args: readonly string[]): string {
  const r = spawnSync(process.execPath, [path.join(build, 'bin/remedy.js'), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return `exit ${r.status}\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

async function writeOutputs(build: string, out: string): Promise<void> {
  const reader = await loadReader(build);
  const scratch = fs.mkdtempSync(path.join(out, '.docs-'));
  const docs = new Map<string, string>();
  for (const [name, file] of documentsOnDisk()) docs.set(name, fs.readFileSync(file, 'utf8'));
  for (const [name, text] of generatedDocuments()) docs.set(`generated-${name}`, text);
  try {
    for (const [name, text] of docs) {
      const docPath = `${name}.md`;
      fs.writeFileSync(path.join(scratch, docPath), text);
      const parts = [
        `=== mdast\n${outcome(() => reader.parseMarkdown(text, docPath).root)}`,
        `=== set\n${outcome(() => reader.parseFindingsDocument(text, docPath))}`,
        `=== findings --json\n${cli(build, scratch, ['findings', docPath, '--json'])}`,
        `=== findings --explain --json\n${cli(build, scratch, ['findings', docPath, '--explain', '--json'])}`,
      ];
      fs.writeFileSync(path.join(out, `${name}.out`), parts.join('\n'));
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(`wrote ${docs.size} documents' outputs to ${out}\n`);
}

function compare(a: string, b: string): number {
  const names = [...new Set([...fs.readdirSync(a), ...fs.readdirSync(b)])].sort();
  const differ = names.filter((n) => {
    const [x, y] = [path.join(a, n), path.join(b, n)];
    return !fs.existsSync(x) || !fs.existsSync(y) || !fs.readFileSync(x).equals(fs.readFileSync(y));
  });
  for (const n of differ) process.stdout.write(`differs: ${n}\n`);
  process.stdout.write(`${names.length - differ.length} of ${names.length} identical\n`);
  return differ.length === 0 ? 0 : 1;
}

async function main(argv: readonly string[]): Promise<number> {
  const flag = (name: string) => argv[argv.indexOf(name) + 1];
  if (argv.includes('--compare')) return compare(flag('--compare') ?? '', argv.at(-1) ?? '');
  const out = path.resolve(flag('--out') ?? '');
  if (!argv.includes('--out')) throw new Error('usage: --out DIR [--build ROOT] | --compare A B');
  fs.mkdirSync(out, { recursive: true });
  await writeOutputs(
    path.resolve(argv.includes('--build') ? (flag('--build') ?? REPO) : REPO),
    out,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
