/**
 * Bench rows of the TypeScript transforms (#14) on a corpus of scripts/ts-corpus.ts: the
 * project view's load (every file of the tsconfig, the program built), one project-wide
 * rename (`fetchUser` -> `loadUser`: references, collisions, mocks), and imports-first
 * over every file — each against a jscodeshift module doing the equivalent rewrite
 * (test/typescript/codemods/), with the ratio. Medians of the repeats, in milliseconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCodemodSync, runCodemodSync } from '../src/typescript/codemod.js';
import { planImportsFirst } from '../src/typescript/imports-first.js';
import { diskHost, TsProjectView } from '../src/typescript/project.js';
import { planTsRename } from '../src/typescript/rename/index.js';
import { tsRenameOptionsSchema } from '../src/typescript/rename/options.js';

type Row = (label: string, ms: number, extra?: string) => void;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function timed<T>(repeat: number, fn: () => T): { ms: number; value: T } {
  const runs: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    value = fn();
    runs.push(performance.now() - t);
  }
  return { ms: median(runs), value: value as T };
}

const CODEMODS = path.resolve(import.meta.dirname, '..', '..', 'test/typescript/codemods');

export function transformRows(root: string, repeat: number, row: Row): void {
  const host = diskHost(root);
  const inputs = host.files
    .filter((f) => !f.endsWith('.d.ts'))
    .map((f) => ({ path: f, source: fs.readFileSync(path.join(root, f), 'utf8') }));
  const loaded = timed(repeat, () => {
    const view = new TsProjectView(host);
    view.projectOf('src/lib/legacy-api.ts').getProgram().compilerObject.getTypeChecker();
    return view;
  });
  row('TS project view: load every file, build the program', loaded.ms);
  const options = tsRenameOptionsSchema.parse({
    renames: [{ file: 'src/lib/legacy-api.ts', from: 'fetchUser', to: 'loadUser' }],
  });
  const rename = timed(repeat, () => planTsRename(new TsProjectView(host), options));
  const renamed = rename.value.edits.size;
  row('rename fetchUser -> loadUser: load + plan', rename.ms, `${renamed} files`);
  const warm = timed(repeat, () => planTsRename(loaded.value, options));
  row('rename fetchUser -> loadUser: plan on a loaded view', warm.ms);
  const renameMod = loadCodemodSync(path.join(CODEMODS, 'rename-imported-api.ts'));
  const jsRename = timed(repeat, () =>
    runCodemodSync(renameMod, inputs, {
      parser: 'tsx',
      options: { module: '@/lib/legacy-api', from: 'fetchUser', to: 'loadUser' },
    }),
  );
  const jsRenamed = jsRename.value.files.filter((f) => f.kind === 'changed').length;
  row(
    'rename fetchUser: jscodeshift module (imports only, no declaration)',
    jsRename.ms,
    `${jsRenamed} files; remedy (load + plan) = ${(rename.ms / jsRename.ms).toFixed(2)}x`,
  );
  const first = timed(
    repeat,
    () => inputs.filter((f) => planImportsFirst(f.path, f.source).kind === 'changed').length,
  );
  row('imports-first over every file', first.ms, `${first.value} files changed`);
  const firstMod = loadCodemodSync(path.join(CODEMODS, 'imports-first.mjs'));
  const jsFirst = timed(repeat, () => runCodemodSync(firstMod, inputs, { parser: 'tsx' }));
  const jsFirstChanged = jsFirst.value.files.filter((f) => f.kind === 'changed').length;
  row(
    'imports-first: jscodeshift module (tsx parser)',
    jsFirst.ms,
    `${jsFirstChanged} files; remedy = ${(first.ms / jsFirst.ms).toFixed(2)}x`,
  );
}
