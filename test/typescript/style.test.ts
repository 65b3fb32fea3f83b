/** Code style: the repository's Prettier/Biome settings, else what the file does. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { inferCodeStyle, resolveCodeStyle } from '../../src/typescript/style.js';
import { makeTree } from '../helpers.js';

const SAMPLE = "const a = 'x';\n";

function styleIn(files: Record<string, string>, file = 'src/a.ts', text = SAMPLE) {
  const root = makeTree({ ...files, [file]: text }, 'remedy-tsstyle-');
  return resolveCodeStyle(root, path.join(root, file), text);
}

describe('configured style', () => {
  it('reads .prettierrc as JSON or YAML, and package.json "prettier"', () => {
    const json = styleIn({
      '.prettierrc': '{ "singleQuote": true, "semi": false, "tabWidth": 4 }',
    });
    expect(json).toMatchObject({
      quote: 'single',
      semicolons: false,
      indent: { kind: 'space', width: 4 },
    });
    expect(json.printWidth).toBe(80);
    expect(json.source).toMatch(/^prettier:.*\.prettierrc$/);
    const yaml = styleIn({
      '.prettierrc.yaml': 'useTabs: true\ntrailingComma: "es5" # comment\nprintWidth: 100\n',
    });
    expect(yaml).toMatchObject({
      quote: 'double',
      indent: { kind: 'tab' },
      trailingComma: 'es5',
      printWidth: 100,
    });
    const pkg = styleIn({
      'package.json': JSON.stringify({ name: 'x', prettier: { trailingComma: 'none' } }),
    });
    expect(pkg).toMatchObject({ trailingComma: 'none', semicolons: true });
  });

  it('reads biome.json(c), JavaScript settings over general ones', () => {
    const biome = styleIn({
      'biome.jsonc': stripIndent(`
        {
          // comments are allowed
          "formatter": { "indentStyle": "space", "indentWidth": 2, "lineWidth": 100 },
          "javascript": { "formatter": { "quoteStyle": "single", "semicolons": "asNeeded", "trailingCommas": "none", },
        }
      `),
    });
    expect(biome).toMatchObject({
      quote: 'single',
      semicolons: false,
      indent: { kind: 'space', width: 2 },
      trailingComma: 'none',
      printWidth: 100,
    });
    expect(styleIn({ 'biome.json': '{}' }).indent.kind).toBe('tab');
  });

  it('takes the nearest config, and infers from the file past an unreadable one', () => {
    const nested = styleIn({
      '.prettierrc.json': '{ "singleQuote": false }',
      'src/.prettierrc.json': '{ "singleQuote": true }',
    });
    expect(nested.quote).toBe('single');
    const js = styleIn({ 'prettier.config.js': 'module.exports = { singleQuote: false };' });
    expect(js).toMatchObject({ source: 'inferred', quote: 'single' });
  });
});

describe('inferred style', () => {
  it("counts the file's quotes, semicolons, indentation and trailing commas", () => {
    const text = stripIndent(`
      import { a } from 'a'
      export function f() {
          const o = {
              x: 'one',
              y: "it's"
          }
          return o
      }
    `);
    expect(inferCodeStyle('a.ts', text)).toEqual({
      quote: 'single',
      semicolons: false,
      indent: { kind: 'space', width: 4 },
      trailingComma: 'none',
      printWidth: 80,
      source: 'inferred',
    });
    const tabs = inferCodeStyle(
      'a.tsx',
      'export const A = () => {\n\treturn <div className="x">{"y"}</div>;\n};\n',
    );
    expect(tabs).toMatchObject({ quote: 'double', semicolons: true, indent: { kind: 'tab' } });
  });
});
