/**
 * Global CLI options (`--repo`, `--doc`, `--config`) resolved once per command:
 * the repository root and its checked config.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RemedyConfig } from '../config/load.js';
import { loadConfig } from '../config/load.js';
import { InputError } from '../core/errors.js';

export interface GlobalArgs {
  repo?: string;
  doc?: string[];
  config?: string;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
}

export interface CliContext {
  readonly root: string;
  readonly config: RemedyConfig;
  /** Documents from --doc, else from config `docs`: repository-relative when inside it. */
  readonly docs: readonly string[];
}

export function resolveRoot(repo: string | undefined): string {
  const root = path.resolve(repo ?? process.cwd());
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    throw new InputError(`repository directory does not exist: ${root}`, { hint: 'check --repo' });
  }
  if (!stat.isDirectory())
    throw new InputError(`--repo is not a directory: ${root}`, { hint: 'check --repo' });
  return root;
}

export function cliContext(args: GlobalArgs): CliContext {
  const root = resolveRoot(args.repo);
  const config = loadConfig(root, args.config);
  // --doc paths are relative to the current directory; config "docs" to the root.
  const docs =
    args.doc && args.doc.length > 0
      ? args.doc.map((d) => displayPath(root, path.resolve(d)))
      : config.docs.map((d) => displayPath(root, path.resolve(root, d)));
  return { root, config, docs };
}

/** Repository-relative when inside the root, else absolute. */
function displayPath(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}
