/** Flattened documents (newlines lost) parse to the same findings and phases as the originals. */
import { describe, expect, it } from 'vitest';
import { recoverFlattened } from '../../src/findings/flattened.js';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import type { FindingsSet } from '../../src/findings/types.js';
import { SEEDS, seedPath, seedText } from './helpers.js';

/** Everything but line numbers (a one-line document has only line 1). */
function comparable(set: FindingsSet) {
  return {
    findings: set.findings.map(
      ({ line: _line, column: _column, body: _body, sections, codeBlocks, tables, ...rest }) => ({
        ...rest,
        sections: Object.keys(sections),
        codeBlocks: codeBlocks.map((b) => ({
          lang: b.lang,
          role: b.role,
          file: b.file,
          firstWord: b.code.trim().split(/\s/)[0],
        })),
        tables: tables.map((t) => ({ header: t.header, rows: t.rows })),
      }),
    ),
    phases: set.phases.map((p) => ({ id: p.id, title: p.title, findings: p.findings })),
    dependencies: (set.dependencies ?? [])
      .filter((e) => e.source !== 'graph')
      .map((e) => `${e.from}->${e.to}`),
    cycles: set.cycles,
  };
}

describe('flattened documents', () => {
  it.each(SEEDS.filter((n) => n !== '002'))(
    'seed %s with newlines turned into spaces parses the same',
    (n) => {
      const original = seedText(n);
      const flat = original.replace(/\n/g, ' ');
      expect(flat.includes('\n')).toBe(false);
      const a = comparable(parseFindingsDocument(original, seedPath(n)));
      const b = comparable(parseFindingsDocument(flat, seedPath(n)));
      expect(a.findings.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
    },
  );

  it('seed 002 (already flat) parses the same after its spaces are collapsed', () => {
    const original = seedText('002');
    const a = comparable(parseFindingsDocument(original, 'doc.md'));
    const b = comparable(parseFindingsDocument(original.replace(/\s+/g, ' '), 'doc.md'));
    expect(b).toEqual(a);
  });

  it('warns that a flattened ASCII dependency graph cannot be read', () => {
    const set = parseFindingsDocument(seedText('001').replace(/\n/g, ' '), 'flat.md');
    expect(set.warnings.map((w) => w.message)).toContain(
      'a dependency graph lost its line breaks; its edges were not read',
    );
  });
});

describe('recoverFlattened', () => {
  it('leaves a normal document as it is', () => {
    const text = '# Title\n\n## A-01 · HIGH — x\n\n**File:** `a.py`\n';
    const r = recoverFlattened(text);
    expect(r.recovered).toBe(false);
    expect(r.text).toBe(text);
  });

  it('puts back headings, bold labels, rules, tables, fences and list items', () => {
    const flat =
      '# Doc ## Part ### A-01: Title **Problem:** bad `#` thing: | Col | Other | |---|---| | `x.py` | 1 | | `y.py` | 2 | ```python def f(): ``` --- ### A-02: Next - one - two 1. first 2. second';
    const r = recoverFlattened(flat);
    expect(r.recovered).toBe(true);
    expect(r.text.split('\n').filter((l) => l !== '')).toEqual([
      '# Doc',
      '## Part',
      '### A-01: Title',
      '**Problem:** bad `#` thing:',
      '| Col | Other |',
      '|---|---|',
      '| `x.py` | 1 |',
      '| `y.py` | 2 |',
      '```python',
      'def f():',
      '```',
      '---',
      '### A-02: Next',
      '- one',
      '- two',
      '1. first',
      '2. second',
    ]);
  });

  it('does not take numbers in prose or dashes in bold text for list items', () => {
    const flat = `# T ## B-01 · LOW — x **Fix:** see (line 343) and **A - B** item ${'pad '.repeat(20)}--- ## C`;
    const lines = recoverFlattened(flat).text.split('\n');
    expect(lines).toContain(
      '**Fix:** see (line 343) and **A - B** item ' + 'pad '.repeat(19) + 'pad',
    );
  });

  it('restores the nesting of list items from the indentation the newline left', () => {
    const original =
      '# T\n\n## Part\n\n- parent:\n  - child one\n  - child two\n- sibling\n\n## End\n';
    const r = recoverFlattened(original.replace(/\n/g, ' '));
    expect(r.text).toContain('- parent:\n  - child one\n  - child two\n- sibling');
  });

  it('maps recovered offsets back to the original line', () => {
    const text =
      'intro line\n# Doc ## Part ### A-01: Title **Problem:** x ' +
      'word '.repeat(20) +
      '--- ## B\n';
    const r = recoverFlattened(text);
    const at = r.text.indexOf('### A-01');
    expect(r.toOriginal(at)).toBe(text.indexOf('### A-01'));
  });
});
