/**
 * Global CLI options (`--repo`, `--doc`, `--config`) resolved once per command: the
 * repository root (git top level of the current directory, or of the paths a command
 * was given), the config searched upward from the current directory, and paths on
 * the command line turned into repository-relative ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { findConfigFile, findProjectRoot, isInside, realPathLoose } from '../config/discover.js';
import type { RemedyConfig } from '../config/load.js';
import { loadConfig } from '../config/load.js';
import { InputError, UsageError } from '../core/errors.js';
import { toPosix } from '../core/paths.js';

export interface GlobalArgs {
  repo?: string;
  /** One `--doc` is a string, several an array (yargs). */
  doc?: string | string[];
  config?: string;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
}

/** `--repo` and `--config`, on the commands that read a repository. */
export function withRepoOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('repo', {
      type: 'string',
      describe: 'repository root (default: the git top level of the current directory)',
    })
    .option('config', {
      type: 'string',
      describe: 'config file (default: remedy.config.json, searched upward to the root)',
    }) as unknown as Argv<T>;
}

/**
 * `--doc FILE` (repeatable), on the commands that read audit documents. Not an array
 * option: an array would swallow the command word in `remedy --doc X plan`.
 */
export function withDocOption<T>(y: Argv<T>): Argv<T> {
  return y.option('doc', {
    type: 'string',
    describe:
      'audit document, relative to the current directory (repeatable; default: config "docs")',
  }) as unknown as Argv<T>;
}

/** The `--doc` values as a list. */
export function docArgs(doc: string | readonly string[] | undefined): string[] {
  if (doc === undefined) return [];
  return (typeof doc === 'string' ? [doc] : [...doc]).filter((d) => d !== '');
}

export interface CliContext {
  readonly root: string;
  readonly config: RemedyConfig;
  /** Documents from --doc, else from config `docs`: repository-relative when inside it. */
  readonly docs: readonly string[];
}

/** `--repo DIR`: DIR itself is the root (explicit beats discovery). */
export function resolveRepoOption(repo: string): string {
  const dir = path.resolve(repo);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new InputError(`repository directory does not exist: ${dir}`, { hint: 'check --repo' });
  }
  if (!stat.isDirectory())
    throw new InputError(`--repo is not a directory: ${dir}`, { hint: 'check --repo' });
  return realPathLoose(dir);
}

/**
 * The root: `--repo`, else the root of the paths given (all must share one), else
 * the root of the current directory.
 */
export function resolveRoot(repo: string | undefined, anchors: readonly string[] = []): string {
  if (repo !== undefined) return resolveRepoOption(repo);
  if (anchors.length === 0) return findProjectRoot(process.cwd());
  const roots = anchors.map((a) => ({ path: a, root: findProjectRoot(path.resolve(a)) }));
  const distinct = [...new Set(roots.map((r) => r.root))];
  if (distinct.length > 1) {
    const list = roots.map((r) => `  ${r.path} (in ${r.root})`).join('\n');
    throw new UsageError(`the paths lie in different repositories:\n${list}`, {
      hint: 'run remedy once per repository',
    });
  }
  return distinct[0]!;
}

export function cliContext(args: GlobalArgs, anchors: readonly string[] = []): CliContext {
  const root = resolveRoot(args.repo, anchors);
  const configFile = args.config ?? findConfigFile(process.cwd(), root);
  const config = loadConfig(root, configFile);
  // --doc paths are relative to the current directory; config "docs" to the root.
  const given = docArgs(args.doc);
  const docs =
    given.length > 0
      ? given.map((d) => displayPath(root, realPathLoose(d)))
      : config.docs.map((d) => displayPath(root, path.resolve(root, d)));
  return { root, config, docs };
}

/**
 * Paths given on the command line (relative to the current directory) as
 * repository-relative paths; one outside the root is an error naming it.
 */
export function repoPaths(root: string, paths: readonly string[]): string[] {
  return paths.map((p) => {
    const abs = realPathLoose(p);
    if (!isInside(root, abs)) {
      throw new UsageError(`path "${p}" is outside the repository ${root}`, {
        hint: 'paths are relative to the current directory; give paths inside one repository (or --repo)',
      });
    }
    return toPosix(path.relative(root, abs)) || '.';
  });
}

/** Repository-relative when inside the root, else absolute. */
function displayPath(root: string, abs: string): string {
  return isInside(root, abs) ? toPosix(path.relative(root, abs)) || '.' : abs;
}
