/**
 * The TypeScript/JavaScript language adapter the engine registers for `.ts .tsx .mts
 * .cts .js .jsx .mjs .cjs`. This module is a light shell — registering it loads no
 * TypeScript, so Python-only runs pay nothing —, and `load()` brings in the
 * implementation (adapter-impl.ts): TypeScript's parser, import edits, the program-wide
 * guard, region formatting and the project view transforms read as `ctx.project`.
 */
import type { FileContext, ProjectContext } from '../engine/contract.js';
import type { LanguageAdapter } from '../engine/language.js';
import { TYPESCRIPT_EXTENSIONS } from './extensions.js';
import type { ParsedTs } from './parse.js';
import type { TsProjectView } from './project.js';

/** What a TypeScript transform reads: TypeScript's syntax trees and the project view. */
export interface TsTypes {
  readonly tree: ParsedTs;
  readonly project: TsProjectView;
}

export type TsFileContext<O> = FileContext<O, TsTypes>;
export type TsProjectContext<O> = ProjectContext<O, TsTypes>;

type Impl = typeof import('./adapter-impl.js')['typescriptImpl'];
let impl: Impl | undefined;

function loaded(): Impl {
  if (!impl) throw new Error('the TypeScript adapter is not loaded: await its load() first');
  return impl;
}

const typescript: LanguageAdapter<TsTypes> = {
  id: 'typescript',
  module: import.meta.url,
  extensions: TYPESCRIPT_EXTENSIONS,
  async load() {
    impl ??= (await import('./adapter-impl.js')).typescriptImpl;
  },
  parse: (path, text) => loaded().parse(path, text),
  reparse: (tree, oldText, edits, newText) => loaded().reparse(tree, oldText, edits, newText),
  syntaxError: (tree) => loaded().syntaxError(tree),
  /** Trees are garbage-collected. */
  dispose: () => {},
  importEdit: (file, request, kind, env) => loaded().importEdit(file, request, kind, env),
  openProject: (host, settings) => loaded().openProject(host, settings),
  guard: (changes, env) => loaded().guard(changes, env),
  formatRegions: (change, env) => loaded().formatRegions(change, env),
};

export default typescript;
