/** The guards against hostile documents: nesting depth, and paragraphs packed with emphasis. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { checkNesting, MAX_NESTING, neutralizeEmphasis } from '../../src/findings/guards.js';
import { parseFindingsDocument } from '../../src/findings/parse.js';

const lineOf = (text: string) => (offset: number) => text.slice(0, offset).split('\n').length;

describe('checkNesting', () => {
  it('refuses quotes nested past the limit and names the line', () => {
    const text = `# A\n\n${'> '.repeat(MAX_NESTING + 1)}deep\n`;
    expect(() => checkNesting(text, 'a.md', lineOf(text))).toThrow(InputError);
    expect(() => checkNesting(text, 'a.md', lineOf(text))).toThrow(/block quotes 101 levels deep/);
  });

  it('does not count what is inside fenced code, nor lists that close again', () => {
    const fenced = `\`\`\`\n${'>'.repeat(500)}\n\`\`\`\n`;
    expect(() => checkNesting(fenced, 'a.md', lineOf(fenced))).not.toThrow();
    const lists = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i % 10)}- item ${i}`).join(
      '\n',
    );
    expect(() => checkNesting(lists, 'a.md', lineOf(lists))).not.toThrow();
  });
});

describe('neutralizeEmphasis', () => {
  it('keeps ordinary emphasis, table rows and list items, however many', () => {
    const table = `| a | b |\n|---|---|\n${'| **x** | _y_ |\n'.repeat(300)}`;
    const list = '- **Files:** `a_b.py`\n'.repeat(300);
    for (const text of [table, list, 'Some **bold** and _snake_case_ words.'])
      expect(neutralizeEmphasis(text)).toEqual({ text, starts: [] });
  });

  it('reads a paragraph with hundreds of markers as plain text, same length', () => {
    const text = `# A\n\n${'*a* '.repeat(150)}keep_snake_case\n`;
    const out = neutralizeEmphasis(text);
    expect(out.starts).toEqual([5]);
    expect(out.text).toHaveLength(text.length);
    expect(out.text).not.toContain('*');
    expect(out.text).toContain('keep_snake_case');
    const set = parseFindingsDocument(`${text}\n### A-01: Real\n\n**File:** \`a.py\`\n`, 'a.md');
    expect(set.findings.map((f) => f.id)).toEqual(['A-01']);
    expect(set.warnings[0]).toMatchObject({ line: 3 });
  });
});
