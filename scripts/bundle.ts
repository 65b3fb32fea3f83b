/**
 * `npm run build`, second step: bundle the compiled CLI (dist/src/cli/main.js) into
 * dist/bundle/ with esbuild, so that start-up reads a few dozen files instead of ~220
 * modules (zod alone is 95). Pure-JavaScript packages are bundled; packages with WASM or
 * native files, and the heavy ones loaded on demand (ts-morph, jscodeshift, ast-grep),
 * stay external. Each command, adapter and transform stays a lazily loaded chunk (code
 * splitting), so a Python-only run still loads no ts-morph.
 *
 * Code that names itself by URL (`import.meta.url`: adapters and transforms handed to
 * worker threads, `createRequire`, the worker's own file, yargs' locales) keeps naming
 * its unbundled file: worker threads load the unbundled build, consistently within the
 * thread. bin/remedy.js runs the unbundled build when the bundle is missing; without
 * esbuild (a production install) this step removes any stale bundle and says so.
 */
import fs from 'node:fs';
import path from 'node:path';

const DIST = path.resolve(import.meta.dirname, '..');
const OUT = path.join(DIST, 'bundle');
const ENTRY = path.join(DIST, 'src', 'cli', 'main.js');

/** Packages left to Node: WASM or native files beside their code, or heavy and loaded on demand. */
const EXTERNAL = [
  'ts-morph',
  'typescript',
  'jscodeshift',
  '@ast-grep/*',
  '@astral-sh/ruff-wasm-nodejs',
  'web-tree-sitter',
  'tree-sitter-python',
  'playwright-core',
  'diff2html',
  'simple-git',
  'esbuild',
];

type Esbuild = typeof import('esbuild');

async function loadEsbuild(): Promise<Esbuild | undefined> {
  try {
    return await import('esbuild');
  } catch {
    return undefined;
  }
}

/** `import.meta.url` of a dist module, as an expression valid in any output file of dist/bundle/. */
function ownUrlExpression(file: string): string {
  const relative = path.relative(OUT, file).split(path.sep).join('/');
  return `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
}

async function main(): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true });
  const esbuild = await loadEsbuild();
  if (!esbuild) {
    console.log('bundle: esbuild is not installed; bin/remedy.js runs the unbundled build');
    return;
  }
  await esbuild.build({
    entryPoints: { main: ENTRY },
    outdir: OUT,
    // Every output file (entry and chunks) sits directly in dist/bundle/, so one
    // relative path per module rewrites its `import.meta.url` (see ownUrlExpression).
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    logLevel: 'warning',
    plugins: [
      {
        name: 'own-url',
        setup(build) {
          build.onLoad({ filter: /\.m?js$/ }, (args) => {
            const source = fs.readFileSync(args.path, 'utf8');
            if (!source.includes('import.meta.url')) return undefined;
            const contents = source.replaceAll('import.meta.url', ownUrlExpression(args.path));
            return { contents, loader: 'js' };
          });
        },
      },
    ],
  });
}

await main();
