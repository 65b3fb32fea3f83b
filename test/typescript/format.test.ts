/** Region formatting: inserted text takes the file's style; untouched text never changes. */
import { describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { formatChangedRegions } from '../../src/typescript/format.js';
import { checkTsSyntax } from '../../src/typescript/parse.js';
import type { CodeStyle } from '../../src/typescript/style.js';

const STYLE: CodeStyle = {
  quote: 'single',
  semicolons: false,
  indent: { kind: 'space', width: 2 },
  trailingComma: 'all',
  printWidth: 80,
  source: 'test',
};

function format(
  before: string,
  after: string,
  style: Partial<CodeStyle> = {},
  path = 'a.ts',
): string {
  const out = formatChangedRegions(path, before, after, { ...STYLE, ...style });
  expect(checkTsSyntax(path, out)).toEqual([]);
  return out;
}

describe('formatChangedRegions', () => {
  it('restyles quotes and semicolons of inserted code only', () => {
    const before = 'const legacy = "keep";\nconst a = 1\n';
    const after = 'const legacy = "keep";\nconst a = 1\nconst b = "HKD";\nlog("it\'s");\n';
    expect(format(before, after)).toBe(
      'const legacy = "keep";\nconst a = 1\nconst b = \'HKD\'\nlog("it\'s")\n',
    );
  });

  it('restyles a replaced expression, not the rest of its line', () => {
    const before = 'const a = "x", b = \'HKD\';\n';
    const after = 'const a = "x", b = getCode("HKD");\n';
    expect(format(before, after, { semicolons: true })).toBe(
      'const a = "x", b = getCode(\'HKD\');\n',
    );
  });

  it('adds semicolons when the style has them, and keeps one that ASI needs', () => {
    expect(format('a()\n', 'a()\nb()\n', { semicolons: true })).toBe('a()\nb();\n');
    expect(format('x\n', 'x\nlet y = 1;\n[1, 2].forEach(f)\n')).toBe(
      'x\nlet y = 1;\n[1, 2].forEach(f)\n',
    );
  });

  it('re-indents an inserted block written with another unit', () => {
    const before = stripIndent(`
      function f() {
        return 1
      }
    `);
    const after = stripIndent(`
      function f() {
        if (x) {
            y()
            if (z) {
                w()
            }
        }
        return 1
      }
    `);
    expect(format(before, after)).toBe(
      stripIndent(`
        function f() {
          if (x) {
            y()
            if (z) {
              w()
            }
          }
          return 1
        }
      `),
    );
    // Every inserted line's indentation was written by the change: all of it takes tabs.
    expect(format(before, after, { indent: { kind: 'tab', width: 2 } })).toBe(
      'function f() {\n\tif (x) {\n\t\ty()\n\t\tif (z) {\n\t\t\tw()\n\t\t}\n\t}\n  return 1\n}\n',
    );
  });

  it('adds or removes trailing commas in inserted multi-line literals', () => {
    const before = 'export {}\n';
    const after = 'export {}\nconst o = {\n  a: 1,\n  b: 2\n}\n';
    expect(format(before, after)).toBe('export {}\nconst o = {\n  a: 1,\n  b: 2,\n}\n');
    const withComma = 'export {}\nconst o = [\n  1,\n  2,\n]\n';
    expect(format(before, withComma, { trailingComma: 'none' })).toBe(
      'export {}\nconst o = [\n  1,\n  2\n]\n',
    );
  });

  it('wraps an import the change made longer than the print width', () => {
    const before = "import { alpha, beta } from '@/lib/config'\n\nalpha(beta)\n";
    const after =
      "import { alpha, beta, getDefaultCurrencyCode } from '@/lib/config'\n\nalpha(beta)\n";
    expect(format(before, after, { printWidth: 60 })).toBe(
      "import {\n  alpha,\n  beta,\n  getDefaultCurrencyCode,\n} from '@/lib/config'\n\nalpha(beta)\n",
    );
    expect(format(before, after)).toBe(after);
  });

  it('leaves a text without insertions alone', () => {
    const before = 'const a = "x";\nconst b = 2;\n';
    expect(format(before, 'const a = "x";\n')).toBe('const a = "x";\n');
  });
});
