/**
 * Load and check `remedy.config.json` (or `--config FILE`): JSON syntax errors and
 * schema errors name the file, the line and the key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { describeIssue, keyPath } from '../core/issues.js';
import { resolveInRepo } from '../core/paths.js';
import { type PythonVersion, parsePythonVersion } from '../python/version.js';
import { type RawConfig, type RawFindingEntry, rawConfigSchema } from './schema.js';

export const CONFIG_FILE = 'remedy.config.json';

export type FindingMapping =
  | {
      readonly kind: 'transform';
      readonly transform: string;
      readonly options: Record<string, unknown>;
      readonly subject?: string;
      readonly type?: string;
      /** Apply the transform's unsafe fixes too. */
      readonly unsafe: boolean;
    }
  | { readonly kind: 'manual'; readonly reason?: string }
  /** Keep the inferred transform; change the commit subject and/or type, or allow its unsafe fixes. */
  | {
      readonly kind: 'subject';
      readonly subject?: string;
      readonly type?: string;
      readonly unsafe: boolean;
    };

/** Checked configuration: paths resolved, versions parsed. */
export interface RemedyConfig {
  /** Absolute repository root. */
  readonly root: string;
  /** Absolute path of the file read, or undefined when there is none. */
  readonly file: string | undefined;
  readonly docs: readonly string[];
  readonly scope: string | undefined;
  readonly pythonRoots: readonly string[] | undefined;
  readonly targetVersion: PythonVersion | undefined;
  readonly verify: string | undefined;
  /** Seconds the verify command may run (0: no limit); undefined: the default. */
  readonly verifyTimeout: number | undefined;
  readonly findings: ReadonlyMap<string, FindingMapping>;
  /** Commit type by category words or ID prefix (config `commitTypes`). */
  readonly commitTypes: ReadonlyMap<string, string>;
}

export function emptyConfig(root: string): RemedyConfig {
  return {
    root,
    file: undefined,
    docs: [],
    scope: undefined,
    pythonRoots: undefined,
    targetVersion: undefined,
    verify: undefined,
    verifyTimeout: undefined,
    findings: new Map(),
    commitTypes: new Map(),
  };
}

/** Read the config at `configPath` (explicit) or `<root>/remedy.config.json` (if present). */
export function loadConfig(root: string, configPath?: string): RemedyConfig {
  const file = configPath ? path.resolve(configPath) : path.join(root, CONFIG_FILE);
  if (!configPath && !fs.existsSync(file)) return emptyConfig(root);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(`cannot read config file: ${(cause as Error).message}`, {
      location: { file },
      hint: 'check the --config path',
      cause,
    });
  }
  return checkConfig(root, file, parseJson(text, file));
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = (cause as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new InputError(`config is not valid JSON: ${message}`, {
      location: { file, ...(line ? { line } : {}) },
      hint: 'fix the JSON syntax (no comments or trailing commas)',
    });
  }
}

/** Validate a parsed config object. */
export function checkConfig(root: string, file: string, value: unknown): RemedyConfig {
  const parsed = rawConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issue = describeIssue(parsed.error.issues[0]!);
    throw new InputError(
      `invalid config at "${keyPath(issue.path, '(top level)')}": ${issue.message}`,
      {
        location: { file },
        hint: 'see the Config section of the README for the accepted keys',
      },
    );
  }
  return fromRaw(root, file, parsed.data);
}

function fromRaw(root: string, file: string, raw: RawConfig): RemedyConfig {
  const docs = (raw.docs ?? []).map((d) => {
    resolveInRepo(root, d, 'config "docs" entry');
    return d;
  });
  const pythonRoots = raw.python?.roots?.map((r) => {
    resolveInRepo(root, r, 'config "python.roots" entry');
    return r.replace(/\/+$/, '');
  });
  const findings = new Map<string, FindingMapping>();
  for (const [id, entry] of Object.entries(raw.findings ?? {})) findings.set(id, toMapping(entry));
  const targetVersion = raw.python?.targetVersion
    ? parsePythonVersion(raw.python.targetVersion)
    : undefined;
  return {
    root,
    file,
    docs,
    scope: raw.scope,
    pythonRoots,
    targetVersion,
    verify: raw.verify,
    verifyTimeout: raw.verifyTimeout,
    findings,
    commitTypes: new Map(Object.entries(raw.commitTypes ?? {})),
  };
}

function toMapping(entry: RawFindingEntry): FindingMapping {
  if (!('manual' in entry) && !('transform' in entry))
    return {
      kind: 'subject',
      ...(entry.subject ? { subject: entry.subject } : {}),
      ...(entry.type ? { type: entry.type } : {}),
      unsafe: entry.unsafe === true,
    };
  if ('manual' in entry)
    return { kind: 'manual', ...(entry.reason ? { reason: entry.reason } : {}) };
  return {
    kind: 'transform',
    transform: entry.transform,
    options: entry.options ?? {},
    ...(entry.subject ? { subject: entry.subject } : {}),
    ...(entry.type ? { type: entry.type } : {}),
    unsafe: entry.unsafe === true,
  };
}
