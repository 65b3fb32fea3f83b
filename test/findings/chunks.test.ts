/**
 * Parsing in pieces (chunks.ts) must give exactly the tree micromark gives for the whole
 * text: same nodes, same positions, code blocks read directly included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, splitPieces } from '../../src/findings/chunks.js';
import { MARKDOWN_OPTIONS, parseMarkdown } from '../../src/findings/markdown.js';
import { REPO_ROOT, SEEDS, seedText } from './helpers.js';

const CORPUS = path.resolve(REPO_ROOT, '../shared/docs-corpus');
const DOCS = path.join(REPO_ROOT, 'test/findings/docs');

function sameTree(text: string): void {
  const doc = parseMarkdown(text, 'doc.md');
  const whole = fromMarkdown(doc.text, MARKDOWN_OPTIONS);
  expect(doc.root.children).toEqual(whole.children);
}

const FENCES = [
  '# Fences',
  '',
  'Text right before a fence',
  '```python title="x.py"',
  'def f():',
  '',
  '    return 1',
  '```',
  '~~~',
  '~~~',
  '````md',
  '```',
  'inner',
  '```',
  '````',
  '- item',
  '  ```js',
  '  let x = 1;',
  '  ```',
  '```not`a fence',
  '```',
  '   ```',
  'indented fence',
  '   ```',
  '> quoted',
  '```',
  'unclosed to the end',
  '',
].join('\n');

describe('parsing in pieces', () => {
  it('gives micromark’s tree for every kind of fence, closed or not', () => {
    sameTree(FENCES);
    sameTree(`${FENCES}\ntrailing`);
    sameTree('```\n');
    sameTree('```');
    sameTree('- item\n  ```js\n  code\n```\nafter\n```\nmore\n');
    sameTree('> ```\n> quoted code\nlazy\n```\ntop\n```\n');
    sameTree('   ```\ntop-level, indented\n```\nafter\n```\nlast\n```\n');
    sameTree('1. step\n\n   ```bash\n   make\n   ```\n\n```\nouter\n```\n');
    sameTree('- a\n\n  ```\n  in item\n\ntext\n```\nx\n```\n');
  });

  it.each(SEEDS)('gives micromark’s tree for seed %s', (n) => sameTree(seedText(n)));

  it.skipIf(!fs.existsSync(CORPUS))(
    'gives micromark’s tree for every corpus document and ours',
    () => {
      const corpus = fs
        .readdirSync(CORPUS)
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join(CORPUS, f));
      const ours = fs
        .readdirSync(DOCS)
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join(DOCS, f));
      for (const file of [...corpus, ...ours]) sameTree(fs.readFileSync(file, 'utf8'));
    },
  );

  it('cuts long documents into pieces and keeps the tree', () => {
    const text = Array.from(
      { length: 6 },
      (_, i) => `${seedText('000')}\n\n## Part ${i}\n\n${FENCES}`,
    ).join('\n');
    expect(splitPieces(text).filter((p) => p.kind === 'markdown').length).toBeGreaterThan(
      text.length / CHUNK_SIZE / 2,
    );
    sameTree(text);
  });
});
