/**
 * The repository's own formatter settings for a file: the nearest Prettier config
 * (`.prettierrc` as JSON or YAML, `.prettierrc.json/.yaml/.yml/.toml`, the `prettier`
 * key of package.json) or Biome config (`biome.json`, `biome.jsonc`), as the options
 * remedy honours: quotes, semicolons, indentation, trailing commas, print width.
 * A config remedy cannot read (`prettier.config.js`, a shared config name) yields
 * `unreadable`, so the caller infers the style from the file instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { ts } from 'ts-morph';

/** How inserted code is written. */
export interface CodeStyle {
  readonly quote: 'single' | 'double';
  readonly semicolons: boolean;
  readonly indent: { readonly kind: 'space' | 'tab'; readonly width: number };
  readonly trailingComma: 'all' | 'es5' | 'none';
  readonly printWidth: number;
  /** Where it comes from: `prettier:<file>`, `biome:<file>`, or `inferred`. */
  readonly source: string;
}

export type ConfiguredStyle =
  | { readonly kind: 'found'; readonly style: CodeStyle }
  | { readonly kind: 'unreadable'; readonly file: string }
  | { readonly kind: 'none' };

export const PRETTIER_DEFAULTS: Omit<CodeStyle, 'source'> = {
  quote: 'double',
  semicolons: true,
  indent: { kind: 'space', width: 2 },
  trailingComma: 'all',
  printWidth: 80,
};

const BIOME_DEFAULTS: Omit<CodeStyle, 'source'> = {
  ...PRETTIER_DEFAULTS,
  indent: { kind: 'tab', width: 2 },
};

type Raw = Record<string, unknown>;

/** The nearest formatter config at or above the file's directory, up to `root`. */
export function configuredStyle(root: string, file: string): ConfiguredStyle {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    const found = styleIn(dir);
    if (found.kind !== 'none') return found;
    if (path.relative(root, dir) === '' || path.dirname(dir) === dir) return { kind: 'none' };
    if (path.relative(root, dir).startsWith('..')) return { kind: 'none' };
  }
}

function styleIn(dir: string): ConfiguredStyle {
  const read = (name: string) => {
    try {
      return fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      return undefined;
    }
  };
  const prettier: [string, (t: string) => Raw][] = [
    ['.prettierrc', (t) => (t.trimStart().startsWith('{') ? parseJson(t) : parseFlatYaml(t))],
    ['.prettierrc.json', parseJson],
    ['.prettierrc.json5', parseJson],
    ['.prettierrc.yaml', parseFlatYaml],
    ['.prettierrc.yml', parseFlatYaml],
    ['.prettierrc.toml', (t) => parseToml(t) as Raw],
  ];
  for (const [name, parse] of prettier) {
    const text = read(name);
    if (text !== undefined)
      return found(prettierStyle(parse(text)), `prettier:${path.join(dir, name)}`);
  }
  for (const name of [
    '.prettierrc.js',
    '.prettierrc.cjs',
    '.prettierrc.mjs',
    'prettier.config.js',
    'prettier.config.cjs',
    'prettier.config.mjs',
    '.prettierrc.ts',
    'prettier.config.ts',
  ]) {
    if (read(name) !== undefined) return { kind: 'unreadable', file: path.join(dir, name) };
  }
  const pkg = read('package.json');
  const key = pkg === undefined ? undefined : (parseJson(pkg).prettier as unknown);
  if (typeof key === 'string') return { kind: 'unreadable', file: path.join(dir, 'package.json') };
  if (key && typeof key === 'object')
    return found(prettierStyle(key as Raw), `prettier:${path.join(dir, 'package.json')}`);
  for (const name of ['biome.json', 'biome.jsonc']) {
    const text = read(name);
    if (text !== undefined)
      return found(biomeStyle(parseJson(text)), `biome:${path.join(dir, name)}`);
  }
  return { kind: 'none' };
}

function found(style: Omit<CodeStyle, 'source'>, source: string): ConfiguredStyle {
  return { kind: 'found', style: { ...style, source } };
}

/** JSON with comments and trailing commas (tsconfig-style), via TypeScript's reader. */
function parseJson(text: string): Raw {
  const r = ts.parseConfigFileTextToJson('config.json', text);
  return (r.config ?? {}) as Raw;
}

/** `key: value` lines: the only YAML a `.prettierrc` needs. */
function parseFlatYaml(text: string): Raw {
  const out: Raw = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z]+)\s*:\s*(.*?)\s*(#.*)?$/.exec(line);
    if (!m) continue;
    const v = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
    out[m[1]!] = v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v;
  }
  return out;
}

function prettierStyle(o: Raw): Omit<CodeStyle, 'source'> {
  const d = PRETTIER_DEFAULTS;
  const tc = o.trailingComma;
  return {
    quote: o.singleQuote === true ? 'single' : o.singleQuote === false ? 'double' : d.quote,
    semicolons: typeof o.semi === 'boolean' ? o.semi : d.semicolons,
    indent: {
      kind: o.useTabs === true ? 'tab' : 'space',
      width: typeof o.tabWidth === 'number' ? o.tabWidth : d.indent.width,
    },
    trailingComma: tc === 'none' || tc === 'es5' || tc === 'all' ? tc : d.trailingComma,
    printWidth: typeof o.printWidth === 'number' ? o.printWidth : d.printWidth,
  };
}

function biomeStyle(o: Raw): Omit<CodeStyle, 'source'> {
  const d = BIOME_DEFAULTS;
  const general = (o.formatter ?? {}) as Raw;
  const js = (((o.javascript ?? {}) as Raw).formatter ?? {}) as Raw;
  const pick = (k: string) => js[k] ?? general[k];
  const tc = js.trailingCommas ?? js.trailingComma;
  const width = pick('indentWidth') ?? pick('indentSize');
  return {
    quote: js.quoteStyle === 'single' ? 'single' : js.quoteStyle === 'double' ? 'double' : d.quote,
    semicolons: js.semicolons === 'asNeeded' ? false : d.semicolons,
    indent: {
      kind:
        pick('indentStyle') === 'space'
          ? 'space'
          : pick('indentStyle') === 'tab'
            ? 'tab'
            : d.indent.kind,
      width: typeof width === 'number' ? width : d.indent.width,
    },
    trailingComma: tc === 'none' || tc === 'es5' || tc === 'all' ? tc : d.trailingComma,
    printWidth:
      typeof pick('lineWidth') === 'number' ? (pick('lineWidth') as number) : d.printWidth,
  };
}
