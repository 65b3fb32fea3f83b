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
import { extensionOf, TYPESCRIPT_EXTENSIONS } from './language.js';
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
const jscodeshift = jscodeshiftRequire('./src/core.js') as JSCodeshift;
const getParser = jscodeshiftRequire('./src/getParser.js') as (name?: string) => Parser;

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

/** Load a transform module; InputError naming the path when it cannot be loaded. */
export async function loadCodemod(modulePath: string): Promise<Codemod> {
  const abs = path.resolve(modulePath);
  let mod: Record<string, unknown>;
  try {
    const ext = extensionOf(abs);
    if (['.ts', '.tsx', '.mts', '.cts'].includes(ext)) {
      registerBabel();
      mod = require(abs);
    } else if (ext === '.cjs') mod = require(abs);
    else mod = await import(pathToFileURL(abs).href);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' ||
      (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND'
        ? 'no such module'
        : error instanceof Error
          ? error.message.split('\n')[0]
          : String(error);
    throw new InputError(`cannot load the jscodeshift module ${modulePath}: ${reason}`, {
      cause: error,
      location: { file: modulePath },
    });
  }
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

/** Run a loaded module on each file (path + current text); never throws for one file. */
export async function runCodemod(
  codemod: Codemod,
  files: readonly FileInfo[],
  options: CodemodRunOptions = {},
): Promise<CodemodRun> {
  const parser =
    typeof codemod.parser === 'object'
      ? codemod.parser
      : getParser(codemod.parser ?? options.parser ?? 'babel');
  const j = jscodeshift.withParser(parser);
  const stats = new Map<string, number>();
  const extensions = options.extensions ?? TYPESCRIPT_EXTENSIONS;
  const results: FileResult[] = [];
  for (const file of files) {
    if (!extensions.includes(extensionOf(file.path))) {
      results.push({
        kind: 'skipped',
        path: file.path,
        reason: `not a ${extensions.join('/')} file`,
        diagnostics: [],
      });
      continue;
    }
    results.push(await runOne(codemod, j, file, options.options ?? {}, stats));
  }
  return { files: results, stats };
}

async function runOne(
  codemod: Codemod,
  j: JSCodeshift,
  file: FileInfo,
  options: Options,
  stats: Map<string, number>,
): Promise<FileResult> {
  const diagnostics: Diagnostic[] = [];
  const api: API = {
    j,
    jscodeshift: j,
    stats: (name, quantity = 1) => void stats.set(name, (stats.get(name) ?? 0) + quantity),
    report: (message) =>
      void diagnostics.push({
        severity: 'info',
        code: 'jscodeshift/report',
        message,
        file: file.path,
      }),
  };
  let out: unknown;
  try {
    out = await codemod.transform({ path: file.path, source: file.source }, api, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: 'failed',
      path: file.path,
      error: `the jscodeshift module threw: ${message}`,
      diagnostics,
      before: file.source,
    };
  }
  // As in jscodeshift: nothing returned (or '') means the file is left as it is.
  if (out === undefined || out === null || out === '' || out === file.source)
    return { kind: 'unchanged', path: file.path, diagnostics };
  if (typeof out !== 'string') {
    return {
      kind: 'failed',
      path: file.path,
      error: `the jscodeshift module returned a ${typeof out}, not a string`,
      diagnostics,
    };
  }
  const broken = describeSyntaxProblems(checkTsSyntax(file.path, out));
  if (broken) {
    return {
      kind: 'failed',
      path: file.path,
      error: `the rewritten file does not parse: ${broken}`,
      diagnostics,
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
    diagnostics,
  };
}
