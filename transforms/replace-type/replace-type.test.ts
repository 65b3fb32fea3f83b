/**
 * replace-type, extract-shared-helpers and remove-dead-code for TypeScript through the
 * real engine and the real CLI, on one small temporary project: each one's diff,
 * `--write` (a created file, deleted files), a refusal that names file and line and
 * changes nothing (exit 1), options that do not validate (exit 2), and a second run that
 * changes nothing. The planners' own tests are in test/typescript/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { registerBuiltinLanguages } from '../../src/languages.js';
import { runIn } from '../../test/harness.js';
import { hashTree, makeGitRepo, runCli } from '../../test/helpers.js';
import removeDeadCode from '../remove-dead-code/index.js';
import replaceType from './index.js';

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    strict: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    jsx: 'preserve',
    types: [],
  },
  include: ['src'],
});

const FILES = {
  'tsconfig.json': TSCONFIG,
  'src/types.ts': "export type Size = 's' | 'm' | 'l'\n",
  'src/button.tsx': stripIndent(`
    'use client'

    type Size = 's' | 'm' | 'l'

    export const sizes: Size[] = ['s', 'm']
  `),
  'src/a.ts': stripIndent(`
    export function slug(text: string): string {
      return text.trim().toLowerCase()
    }

    export const a = slug(' A ')
  `),
  'src/b.ts': stripIndent(`
    function slug(value: string): string {
      return value.trim().toLowerCase()
    }

    export const b = slug(' B ')
  `),
  'src/old/Banner.tsx': 'export function Banner(): string {\n  return "old"\n}\n',
  'src/old/Banner.test.tsx': "import { Banner } from './Banner'\n\nexport const seen = Banner()\n",
  'src/live.ts': "import { a } from './a'\n\nexport const live = a\n",
};

let root = '';
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const run = (args: readonly string[]) => runCli(['run', ...args], root);

beforeAll(async () => {
  await registerBuiltinLanguages();
  root = makeGitRepo(FILES);
});

describe('the TypeScript transforms of shared code through the engine and the CLI', () => {
  it('replace-type: the diff through the engine, with the guard', async () => {
    const options = { file: 'src/button.tsx', alias: 'Size', from: './types' };
    const outcome = await runIn(root, replaceType, { options });
    expect(outcome.results).toEqual([
      expect.objectContaining({
        kind: 'changed',
        path: 'src/button.tsx',
        after:
          "'use client'\n\nimport type { Size } from './types'\n\nexport const sizes: Size[] = ['s', 'm']\n",
      }),
    ]);
  });

  it('extract-shared-helpers: --write creates the shared module and imports it', () => {
    const options = {
      target: 'src/text.ts',
      helpers: [{ from: 'slug', sources: ['src/a.ts', 'src/b.ts'] }],
    };
    const r = run(['extract-shared-helpers', '--options', JSON.stringify(options), '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect(read('src/text.ts')).toBe(
      'export function slug(text: string): string {\n  return text.trim().toLowerCase()\n}\n',
    );
    expect(read('src/b.ts')).toBe(
      "import { slug } from './text'\n\nexport const b = slug(' B ')\n",
    );
    const again = run(['extract-shared-helpers', '--options', JSON.stringify(options)]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('');
  });

  it('remove-dead-code: the diff deletes the component and its test; --write removes both', () => {
    const options = JSON.stringify({ file: 'src/old/Banner.tsx' });
    const diff = run(['remove-dead-code', '--options', options]);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain(
      'diff --git a/src/old/Banner.test.tsx b/src/old/Banner.test.tsx\ndeleted file mode 100644',
    );
    expect(diff.stdout).toContain('+++ /dev/null');
    expect(run(['remove-dead-code', '--options', options, '--write']).code).toBe(0);
    expect(fs.existsSync(path.join(root, 'src/old/Banner.tsx'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'src/old/Banner.test.tsx'))).toBe(false);
  });

  it('a refusal names file and line, changes nothing, and exits 1', async () => {
    const before = hashTree(root);
    const r = run([
      'remove-dead-code',
      '--options',
      JSON.stringify({ file: 'src/a.ts', names: ['a'] }),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('src/live.ts:3: refers to `a` of src/a.ts: export const live = a');
    expect(r.stderr).toContain('refusing to remove a, nothing changed');
    const gone = runIn(root, removeDeadCode, { options: { file: 'src/gone.ts' } });
    await expect(gone).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: 'dead-code/no-file' })],
    });
    expect(hashTree(root)).toBe(before);
  });

  it('options that do not validate exit 2 with the key', () => {
    const r = run(['replace-type', '--options', JSON.stringify({ file: 'src/button.tsx' })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('alias');
  });
});
