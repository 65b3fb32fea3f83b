/**
 * `npm run build && node dist/scripts/bench-project-model.js [--corpus DIR] [--files N]
 * [--build-only]`: times the Python project model on a large corpus (default: the first
 * 1,000 non-test files of the local Python standard library): import roots and module
 * map, parsing plus scope analysis of every file, a cross-module `resolve`, and
 * `findSymbolUses` of a widely used name (what rename-symbols does). Prints one line per
 * phase. `--build-only` only builds the whole model (what `npm run bench` times).
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { discoverFiles } from '../src/engine/discover.js';
import { isPythonPath } from '../src/python/files.js';
import { loadPython } from '../src/python/parser.js';
import { findSymbolUses, openProject } from '../src/python/project/index.js';

interface Args {
  corpus: string;
  files: number;
  buildOnly: boolean;
  skipTests: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { corpus: '', files: 0, buildOnly: false, skipTests: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--corpus') args.corpus = argv[++i] ?? '';
    else if (argv[i] === '--files') args.files = Number(argv[++i]);
    else if (argv[i] === '--build-only') args.buildOnly = true;
  }
  if (!args.corpus) {
    args.skipTests = true;
    args.files ||= 1000;
    args.corpus = execFileSync(
      'python3',
      ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'],
      { encoding: 'utf8' },
    ).trim();
  }
  return args;
}

function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms   rss ${rss} MiB`);
  return value;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  await loadPython();
  const all = discoverFiles(args.corpus, [], isPythonPath).files;
  const files = all
    .filter((f) => !args.skipTests || !f.includes('/test'))
    .slice(0, args.files || undefined);
  console.log(`corpus ${args.corpus}: ${files.length} files`);
  const target = files.find((f) => /(^|\/)functools\.py$/.test(f));
  if (target && !args.buildOnly) {
    const cold = openProject(args.corpus, files);
    const uses = timed('findSymbolUses functools.wraps (cold)', () =>
      findSymbolUses(cold.project, { path: target, name: 'wraps' }),
    );
    const total = uses.imports.length + uses.names.length + uses.attributes.length;
    console.log(`  ${total} uses in ${new Set(uses.names.map((n) => n.path)).size} files`);
    cold.dispose();
  }
  const { project, dispose } = openProject(args.corpus, files);
  try {
    timed('roots + module map', () => project.modules.modules());
    let lines = 0;
    const analyzed = timed('parse + analyze every file', () => {
      let count = 0;
      for (const file of files) {
        lines += (project.text(file) ?? '').split('\n').length;
        if (project.analysis(file)) count++;
      }
      return count;
    });
    console.log(`  ${analyzed} analyzed, ${lines} lines`);
    timed('resolve os.path.join', () => project.resolve('os.path.join'));
  } finally {
    dispose();
  }
}

await main();
