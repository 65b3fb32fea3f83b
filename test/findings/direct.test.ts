/**
 * Headings, paragraphs, tables and checklists read without micromark (direct-blocks.ts,
 * direct-inline.ts, direct-tables.ts, direct-lists.ts) must give exactly the nodes micromark gives: same
 * fields in the same order, same positions. Generated documents mix the shapes the
 * direct reader builds with the ones it must decline (links, escapes, ambiguous or
 * nested emphasis, odd code spans, lists, quotes, HTML), in every position; each tree is
 * compared, as JSON, with the one micromark gives reading every piece on its own (the
 * reader before direct reading; chunks.test.ts compares that with the whole text's).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { splitPieces } from '../../src/findings/chunks.js';
import { directBlock } from '../../src/findings/direct-blocks.js';
import { MARKDOWN_OPTIONS, parseMarkdown } from '../../src/findings/markdown.js';
import { seededRandom as random } from '../oracle/generate-sites.js';

/** Inline fragments the direct reader builds. */
const INLINE = [
  'plain words',
  'the handler',
  '`str(exc)`',
  '``a b``',
  '**File:**',
  '**bold**',
  '*em*',
  '_em_',
  '__strong__',
  'module_4/service_4.py',
  'snake_case_name',
  '**`code`**',
  '🔴 OPEN',
  '⭐⭐',
  '—',
  'R&D & ops',
  '&copy',
  '·',
  '(see',
  'it).',
  ':',
];

/** Inline fragments it must decline (or that make micromark read the document). */
const DECLINED = [
  '` padded `',
  '``a`b``',
  '***both***',
  'a*b*c',
  '*(x)*',
  '**unclosed',
  'x*',
  '_y',
  'a_b_',
  '#hash',
  '[link](http://x.y)',
  '\\*escaped',
  '<b>html</b>',
  '&amp;',
  '~~struck~~',
];

function pick(rnd: () => number, from: readonly string[]): string {
  return from[Math.floor(rnd() * from.length)] ?? '';
}

function inline(rnd: () => number, words: number): string {
  return Array.from({ length: words }, () => pick(rnd, rnd() < 0.05 ? DECLINED : INLINE)).join(
    rnd() < 0.05 ? '' : ' ',
  );
}

function block(rnd: () => number): string {
  const kind = Math.floor(rnd() * 16);
  const text = () => inline(rnd, 1 + Math.floor(rnd() * 5));
  switch (kind) {
    case 0:
      return `${'#'.repeat(1 + Math.floor(rnd() * 6))} ${text()}`;
    case 1:
    case 2:
      return Array.from({ length: 1 + Math.floor(rnd() * 3) }, text).join('\n');
    case 3: {
      const cells = 1 + Math.floor(rnd() * 3);
      const row = () => `| ${Array.from({ length: cells }, text).join(' | ')} |`;
      const delimiter = `|${Array.from({ length: cells }, (_, i) => [' --- ', ':--', '--:', ':-:'][i % 4]).join('|')}|`;
      return [row(), delimiter, row(), row()].join('\n');
    }
    case 4:
      return `- ${text()}\n  - ${text()}`;
    case 11:
      return `<!-- a comment\n\n# ${text()}\n\n${text()} -->`;
    case 12:
      return `<details>\n${text()}\n</details>`;
    case 13:
      return `${text()}\n- ${text()}\n- [ ] ${text()}`;
    case 15:
      return `${text()}\n\`\`\`\ncode\n\`\`\``;
    case 14:
      return ['---', '***', '___', '- - -', '--'][Math.floor(rnd() * 5)] ?? '---';
    case 10:
      return `- \`\`\`js\n  ${text()}`;
    case 9:
      return `- [${rnd() < 0.5 ? ' ' : 'x'}] ${text()}\n  - [ ] ${text()}\n  - ${text()}\n- ${text()}`;
    case 5:
      return `> ${text()}`;
    case 6:
      return '```\ncode\n```';
    case 7:
      return `1. ${text()}\n\n   ${text()}`;
    default:
      return `${text()}  \n${text()}`;
  }
}

function document(seed: number): string {
  const rnd = random(seed);
  const blocks = Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => block(rnd));
  return blocks.map((b) => b + (rnd() < 0.25 ? '\n' : '\n\n')).join('');
}

function directCount(text: string): number {
  return splitPieces(text, undefined, directBlock).filter((p) => p.kind === 'direct').length;
}

describe('blocks read without micromark', () => {
  it('give the nodes of micromark reading every piece, on 400 generated documents', () => {
    let direct = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const text = document(seed);
      const mine = parseMarkdown(text, 'doc.md').root;
      const reference = parseMarkdown(text, 'doc.md', { directBlocks: false }).root;
      expect(JSON.stringify(mine, null, 1), `seed ${seed}:\n${text}`).toBe(
        JSON.stringify(reference, null, 1),
      );
      direct += directCount(text);
    }
    expect(direct).toBeGreaterThan(400);
  });

  it('read headings, paragraphs and tables directly, and decline what they do not build', () => {
    const read = (text: string) => directBlock(text, 0, 1)?.node.type;
    expect(read('### B-SEC-01 · HIGH — `str(exc)` leaked')).toBe('heading');
    expect(read('**File:** `app.py:12`\n**Status**: 🔴 OPEN')).toBe('paragraph');
    expect(read('| # | Issue |\n|---|:--|\n| 1 | `a.py` |')).toBe('table');
    expect(read('- [ ] **Task 3: Remove a print**\n  - **Files:** `a.py`\n- [x] done')).toBe(
      'list',
    );
    for (const declined of [
      'see [the docs](x)',
      'a \\* b',
      '***x***',
      'a*b*c',
      '## Title ##',
      'text  \nhard break',
      '1. item',
      'para\n  indented',
      'para\n===',
      '| a |\n| - |\nno pipe',
      '|*x*|\n|-|',
      '- a\n    - too deep',
      '- a\nlazy continuation',
      '* other marker',
      '- [ ]',
      '- # heading in an item',
    ])
      expect(read(declined), declined).toBeUndefined();
  });

  it('leave HTML comments and documents with link definitions to micromark', () => {
    const text = '# Audit\n\n<!--\n\n# Not a heading\n\n-->\n\n[x]: http://y\n\nSee [x].\n';
    expect(JSON.stringify(parseMarkdown(text, 'doc.md').root.children)).toBe(
      JSON.stringify(fromMarkdown(text, MARKDOWN_OPTIONS).children),
    );
  });
});
