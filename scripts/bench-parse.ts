/**
 * Benchmark child: bare tree-sitter parse of every file in a list, single thread
 * (read + parse + free), the baseline remedy is measured against.
 * Usage: node bench-parse.js <file-list>
 */
import fs from 'node:fs';
import { loadPython, parsePython } from '../src/python/parser.js';

const list = fs.readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean);
await loadPython();
let nodes = 0;
for (const file of list) {
  const tree = parsePython(fs.readFileSync(file, 'utf8'));
  nodes += tree.rootNode.descendantCount;
  tree.delete();
}
process.stdout.write(`${list.length} files, ${nodes} nodes\n`);
