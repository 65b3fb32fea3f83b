/**
 * imports-first through the real engine on a temporary TS/JS project: the helper moves
 * below the imports, a file where order may matter fails with the reason while the
 * others change, the TypeScript guard passes, and a second run changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { runIn } from '../../test/harness.js';
import { makeTree } from '../../test/helpers.js';
import importsFirst from './index.js';

let root: string;

beforeAll(() => {
  root = makeTree({
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        allowJs: true,
        types: [],
      },
      include: ['src'],
    }),
    'src/a.ts': 'export const a = 1\n',
    'src/b.ts': 'export const b = 2\n',
    'src/form.ts': stripIndent(`
      'use client'
      import { a } from './a'

      /** Doubles. */
      export function twice(n: number) {
        return n * 2
      }

      import { b } from './b'

      export const total = twice(a + b)
    `),
    'src/polyfilled.js': "import { a } from './a'\nglobalThis.answer = a\nimport './b'\n",
    'src/ordered.ts': "import { a } from './a'\nexport const c = a\n",
  });
});

describe('imports-first transform', () => {
  it('moves what sits between the imports, and refuses a file where order may matter', async () => {
    const outcome = await runIn(root, importsFirst);
    const byPath = new Map(outcome.results.map((r) => [r.path, r]));
    const form = byPath.get('src/form.ts');
    expect(form?.kind === 'changed' && form.after).toBe(
      stripIndent(`
        'use client'
        import { a } from './a'

        import { b } from './b'

        /** Doubles. */
        export function twice(n: number) {
          return n * 2
        }

        export const total = twice(a + b)
      `),
    );
    const refused = byPath.get('src/polyfilled.js');
    expect(refused?.kind).toBe('failed');
    expect(refused?.kind === 'failed' && refused.error).toMatch(
      /^src\/polyfilled\.js:2: not changed: `globalThis\.answer = a` runs before the side-effect import on line 3/,
    );
    expect(byPath.get('src/ordered.ts')?.kind).toBe('unchanged');
  });

  it('changes nothing the second time', async () => {
    const first = await runIn(root, importsFirst, { paths: ['src/form.ts'] });
    const form = first.results[0]!;
    if (form.kind !== 'changed') throw new Error('expected a change');
    fs.writeFileSync(path.join(root, 'src/form.ts'), form.after);
    const second = await runIn(root, importsFirst, { paths: ['src/form.ts'] });
    expect(second.results.map((r) => r.kind)).toEqual(['unchanged']);
  });
});
