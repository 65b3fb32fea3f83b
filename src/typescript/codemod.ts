/**
 * jscodeshift transform modules as remedy transforms: load a user's module (`.js`,
 * `.cjs`, `.mjs`, or `.ts`/`.tsx` compiled on the fly with @babel/register, as the
 * jscodeshift CLI does), run it in-process on each file with jscodeshift's API
 * (`file`, `api.jscodeshift`/`api.j`, `api.stats`, `api.report`, options), and turn
 * each output into minimal edits. One file's exception fails that file only.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { API, FileInfo, JSCodeshift, Options, Parser } from 'jscodeshift';
import type { Diagnostic } from '../core/diagnostic.js';
import { InputError } from '../core/errors.js';
import { Fix } from '../core/fix.js';
import type { FileResult } from '../core/result.js';
import { editsFromTexts } from '../core/text-edits.js';
import { extensionOf, TYPESCRIPT_EXTENSIONS } from './extensions.js';
import { checkTsSyntax, describeSyntaxProblems } from './parse.js';

export type CodemodParser = 'babel' | 'babylon' | 'flow' | 'ts' | 'tsx';
export const CODEMOD_PARSERS: readonly CodemodParser[] = ['babel', 'babylon', 'flow', 'ts', 'tsx'];

type TransformFn = (file: FileInfo, api: API, options: Options) => unknown;

/** A loaded transform module. */
export interface Codemod {
  /** Absolute path of the module. */
  readonly path: string;
  readonly transform: TransformFn;
  /** The module's own `parser` export, which wins over the run's, as in jscodeshift. */
  readonly parser: string | Parser | undefined;
}

export interface CodemodRunOptions {
  /** Parser when the module does not name one (default `babel`, as jscodeshift). */
  readonly parser?: CodemodParser;
  /** Passed to the transform as its third argument. */
  readonly options?: Options;
  /** Extensions to run on (with dots); others are skipped. Default: every TS/JS one. */
  readonly extensions?: readonly string[];
}

export interface CodemodRun {
  /** One result per input file, in input order. */
  readonly files: readonly FileResult[];
  /** What the module counted with `api.stats(name, quantity)`. */
  readonly stats: ReadonlyMap<string, number>;
}

const require = createRequire(import.meta.url);
const jscodeshiftRequire = createRequire(require.resolve('jscodeshift'));
/** jscodeshift's API and parsers, loaded when a module first runs (recast and Babel are heavy). */
const jscodeshift = () => jscodeshiftRequire('./src/core.js') as JSCodeshift;
const getParser = (name?: string) =>
  (jscodeshiftRequire('./src/getParser.js') as (name?: string) => Parser)(name);

let babelRegistered = false;

/** Compile `.ts`/`.tsx` modules (and what they import) on require, as jscodeshift's worker does. */
function registerBabel(): void {
  if (babelRegistered) return;
  babelRegistered = true;
  const plugin = (name: string) => jscodeshiftRequire(name).default;
  jscodeshiftRequire('@babel/register')({
    babelrc: false,
    configFile: false,
    cache: false,
    presets: [plugin('@babel/preset-typescript')],
    plugins: [
      plugin('@babel/plugin-transform-class-properties'),
      plugin('@babel/plugin-transform-modules-commonjs'),
      plugin('@babel/plugin-transform-private-methods'),
    ],
    extensions: ['.ts', '.tsx', '.mts', '.cts'],
    // As jscodeshift: compile everything but the parsers (a published TS codemod may
    // live in node_modules).
    ignore: [/@babel\/parser/, /\/flow-parser\//, /\/recast\//, /\/ast-types\//],
  });
}

/** Why a module could not be loaded, in a few words. */
function loadFailure(modulePath: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
      ? 'no such module'
      : code === 'ERR_REQUIRE_ASYNC_MODULE'
        ? 'it uses top-level await, and remedy loads transform modules synchronously'
        : error instanceof Error
          ? error.message.split('\n')[0]
          : String(error);
  return new InputError(`cannot load the jscodeshift module ${modulePath}: ${reason}`, {
    cause: error,
    location: { file: modulePath },
  });
}

/** The transform function (and parser) a loaded module exports. */
function codemodOf(modulePath: string, abs: string, mod: Record<string, unknown>): Codemod {
  const candidates = [
    mod.default,
    (mod.default as Record<string, unknown> | undefined)?.default,
    mod,
  ];
  const transform = candidates.find((c): c is TransformFn => typeof c === 'function');
  if (!transform) {
    throw new InputError(`the jscodeshift module ${modulePath} exports no transform function`, {
      location: { file: modulePath },
      hint: 'export the transform as `export default function (file, api, options)` or `module.exports = ...`',
    });
  }
  const parser = (mod.parser ??
    (mod.default as Record<string, unknown> | undefined)?.parser) as Codemod['parser'];
  return { path: abs, transform, parser };
}

/**
 * Load a transform module synchronously (ES modules too: Node >= 20.19 requires them);
 * InputError naming the path (as `shownAs`) when it cannot be loaded.
 */
export function loadCodemodSync(modulePath: string, shownAs = modulePath): Codemod {
  const abs = path.resolve(modulePath);
  let mod: Record<string, unknown>;
  try {
    if (['.ts', '.tsx', '.mts', '.cts'].includes(extensionOf(abs))) registerBabel();
    mod = require(abs);
  } catch (error) {
    throw loadFailure(shownAs, error);
  }
  return codemodOf(shownAs, abs, mod);
}

/** Load a transform module; an ES module with top-level await is imported instead. */
export async function loadCodemod(modulePath: string): Promise<Codemod> {
  try {
    return loadCodemodSync(modulePath);
  } catch (error) {
    const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
    if (code !== 'ERR_REQUIRE_ASYNC_MODULE') throw error;
  }
  const abs = path.resolve(modulePath);
  try {
    return codemodOf(modulePath, abs, await import(pathToFileURL(abs).href));
  } catch (error) {
    throw error instanceof InputError ? error : loadFailure(modulePath, error);
  }
}

interface Prepared {
  readonly j: JSCodeshift;
  readonly stats: Map<string, number>;
  readonly extensions: readonly string[];
}

function prepare(codemod: Codemod, options: CodemodRunOptions): Prepared {
  const parser =
    typeof codemod.parser === 'object'
      ? codemod.parser
      : getParser(codemod.parser ?? options.parser ?? 'babel');
  const extensions = options.extensions ?? TYPESCRIPT_EXTENSIONS;
  return { j: jscodeshift().withParser(parser), stats: new Map(), extensions };
}

function skipped(file: FileInfo, extensions: readonly string[]): FileResult | undefined {
  if (extensions.includes(extensionOf(file.path))) return undefined;
  return {
    kind: 'skipped',
    path: file.path,
    reason: `not a ${extensions.join('/')} file`,
    diagnostics: [],
  };
}

/** One call of the transform: what it returned (maybe a promise), or what it threw. */
function invoke(codemod: Codemod, p: Prepared, file: FileInfo, options: Options) {
  const notes: Diagnostic[] = [];
  const api: API = {
    j: p.j,
    jscodeshift: p.j,
    stats: (name, quantity = 1) => void p.stats.set(name, (p.stats.get(name) ?? 0) + quantity),
    report: (message) =>
      void notes.push({ severity: 'info', code: 'jscodeshift/report', message, file: file.path }),
  };
  try {
    return {
      notes,
      out: codemod.transform({ path: file.path, source: file.source }, api, options),
    };
  } catch (error) {
    return { notes, error };
  }
}

const isThenable = (x: unknown): x is PromiseLike<unknown> =>
  typeof (x as PromiseLike<unknown> | null)?.then === 'function';

/** Run a loaded module on each file (path + current text); never throws for one file. */
export function runCodemodSync(
  codemod: Codemod,
  files: readonly FileInfo[],
  options: CodemodRunOptions = {},
): CodemodRun {
  const p = prepare(codemod, options);
  const results = files.map((file) => {
    const skip = skipped(file, p.extensions);
    if (skip) return skip;
    const r = invoke(codemod, p, file, options.options ?? {});
    if ('error' in r) return threw(file, r.error, r.notes);
    if (isThenable(r.out)) {
      const error = new Error('it returned a Promise; remedy runs synchronous transforms only');
      return threw(file, error, r.notes);
    }
    return outcome(codemod, file, r.out, r.notes);
  });
  return { files: results, stats: p.stats };
}

/** Run a loaded module on each file, awaiting asynchronous transforms. */
export async function runCodemod(
  codemod: Codemod,
  files: readonly FileInfo[],
  options: CodemodRunOptions = {},
): Promise<CodemodRun> {
  const p = prepare(codemod, options);
  const results: FileResult[] = [];
  for (const file of files) {
    const skip = skipped(file, p.extensions);
    if (skip) {
      results.push(skip);
      continue;
    }
    const r = invoke(codemod, p, file, options.options ?? {});
    if ('error' in r) {
      results.push(threw(file, r.error, r.notes));
      continue;
    }
    try {
      results.push(outcome(codemod, file, await r.out, r.notes));
    } catch (error) {
      results.push(threw(file, error, r.notes));
    }
  }
  return { files: results, stats: p.stats };
}

function threw(file: FileInfo, error: unknown, notes: Diagnostic[]): FileResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'failed',
    path: file.path,
    error: `the jscodeshift module threw: ${message}`,
    diagnostics: notes,
    before: file.source,
  };
}

/** What the transform's output means for the file. */
function outcome(codemod: Codemod, file: FileInfo, out: unknown, notes: Diagnostic[]): FileResult {
  // As in jscodeshift: nothing returned (or '') means the file is left as it is.
  if (out === undefined || out === null || out === '' || out === file.source)
    return { kind: 'unchanged', path: file.path, diagnostics: notes };
  if (typeof out !== 'string') {
    return {
      kind: 'failed',
      path: file.path,
      error: `the jscodeshift module returned a ${typeof out}, not a string`,
      diagnostics: notes,
    };
  }
  const broken = describeSyntaxProblems(checkTsSyntax(file.path, out));
  if (broken) {
    return {
      kind: 'failed',
      path: file.path,
      error: `the rewritten file does not parse: ${broken}`,
      diagnostics: notes,
      before: file.source,
      after: out,
    };
  }
  const fix = Fix.safe(
    `jscodeshift ${path.basename(codemod.path)}`,
    editsFromTexts(file.source, out),
  );
  return {
    kind: 'changed',
    path: file.path,
    before: file.source,
    after: out,
    fixes: [fix],
    created: false,
    diagnostics: notes,
  };
}
