#!/usr/bin/env node
// remedy command-line entry point: runs the compiled CLI (built by `npm run build`, which
// `npm ci` runs via `prepare`): the esbuild bundle when there is one (faster start-up),
// else the unbundled build (scripts/bundle.ts says when and why).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/main.js', import.meta.url);
const { main } = existsSync(bundle)
  ? await import(bundle.href)
  : await import('../dist/src/cli/main.js');

const code = await main(process.argv.slice(2));
// Exit explicitly once output is flushed: background WASM compilation threads (ruff)
// must not hold the process open after the work is done.
process.stdout.write('', () => process.exit(code));
