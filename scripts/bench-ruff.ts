/**
 * Benchmark child: ruff-wasm's UP045/UP007 check + fix loop over every file in a list
 * (what `ruff check --select UP045,UP007 --fix` does, in process).
 * Usage: node bench-ruff.js <file-list> <target-version>
 */
import fs from 'node:fs';
import { ruffFixLoop } from './ruff-fix-loop.js';

const list = fs.readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean);
const targetVersion = process.argv[3] ?? 'py311';
let changed = 0;
for (const file of list) {
  const text = fs.readFileSync(file, 'utf8');
  const { output } = ruffFixLoop(text, { select: ['UP045', 'UP007'], targetVersion });
  if (output !== text) changed++;
}
process.stdout.write(`${list.length} files, ${changed} changed\n`);
// As remedy does: do not wait for ruff's background compilation threads.
process.exit(0);
