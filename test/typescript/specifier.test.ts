/** Module specifiers for new imports, written as the project writes its own. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceReader } from '../../src/typescript/source.js';
import {
  type ImportConventions,
  moduleSpecifierFor,
  pathAliases,
  surveyImports,
} from '../../src/typescript/specifier.js';
import { TsConfigResolver } from '../../src/typescript/tsconfig.js';
import { makeTree } from '../helpers.js';

let next: string;
let esm: string;

beforeAll(() => {
  next = makeTree({
    'tsconfig.json': JSON.stringify({
      compilerOptions: { moduleResolution: 'bundler', paths: { '@/*': ['./src/*'] } },
      include: ['src'],
    }),
    'src/app/page.tsx':
      "import { money } from '@/lib/money';\nimport { Button } from '../components/button';\n",
    'src/app/local.ts': "import { page } from './page';\n",
    'src/lib/money.ts': 'export const money = 1;\n',
    'src/lib/config.ts': 'export const getDefaultCurrencyCode = () => "HKD";\n',
    'src/components/button.tsx': 'export const Button = 1;\n',
    'src/components/ui/index.ts': 'export const Card = 1;\n',
  });
  esm = makeTree({
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
      include: ['src'],
    }),
    'src/a.ts': "import { b } from './b.js';\n",
    'src/b.ts': 'export const b = 1;\n',
    'src/util/index.ts': 'export const u = 1;\n',
  });
});

function conventions(root: string): ImportConventions {
  const choice = new TsConfigResolver(root).configFor(path.join(root, 'src/x.ts'));
  return surveyImports(choice, sourceReader());
}

describe('module specifiers', () => {
  it('reads wildcard aliases from compilerOptions.paths', () => {
    const choice = new TsConfigResolver(next).configFor(path.join(next, 'src/app/page.tsx'));
    expect(pathAliases(choice.options)).toEqual([{ prefix: '@/', dir: path.join(next, 'src') }]);
  });

  it('uses the @/ alias for a directory the project imports through it', () => {
    const c = conventions(next);
    const from = path.join(next, 'src/app/checkout/page.tsx');
    expect(moduleSpecifierFor(from, path.join(next, 'src/lib/config.ts'), c)).toBe('@/lib/config');
  });

  it('uses a relative path for a directory the project imports relatively', () => {
    const c = conventions(next);
    const from = path.join(next, 'src/app/page.tsx');
    expect(moduleSpecifierFor(from, path.join(next, 'src/components/button.tsx'), c)).toBe(
      '../components/button',
    );
    expect(moduleSpecifierFor(from, path.join(next, 'src/components/ui/index.ts'), c)).toBe(
      '../components/ui',
    );
    expect(moduleSpecifierFor(from, path.join(next, 'src/app/local.ts'), c)).toBe('./local');
  });

  it('writes .js extensions under NodeNext, and keeps /index there', () => {
    const c = conventions(esm);
    expect(c.extension).toBe('js');
    const from = path.join(esm, 'src/a.ts');
    expect(moduleSpecifierFor(from, path.join(esm, 'src/b.ts'), c)).toBe('./b.js');
    expect(moduleSpecifierFor(from, path.join(esm, 'src/util/index.ts'), c)).toBe(
      './util/index.js',
    );
  });
});
