#!/usr/bin/env node
// remedy command-line entry point: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`).
import { main } from '../dist/src/cli/main.js';

const code = await main(process.argv.slice(2));
// Exit explicitly once output is flushed: background WASM compilation threads (ruff)
// must not hold the process open after the work is done.
process.stdout.write('', () => process.exit(code));
