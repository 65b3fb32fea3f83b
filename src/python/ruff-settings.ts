/**
 * The target repository's ruff settings (`ruff.toml`, `.ruff.toml`, `pyproject.toml`
 * `[tool.ruff]`): line length, indent width, target version and formatter options,
 * found like ruff does (nearest config file above the Python file, up to the root).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { InputError } from '../core/errors.js';
import { minimumFromRequiresPython, type PythonVersion, parsePythonVersion } from './version.js';

export interface RuffSettings {
  /** Options for a ruff-wasm `Workspace` (format-related keys only). */
  readonly workspace: Record<string, unknown>;
  readonly targetVersion: PythonVersion | undefined;
  /** The config file these came from, if any. */
  readonly source: string | undefined;
}

const FORMAT_KEYS = [
  'quote-style',
  'indent-style',
  'skip-magic-trailing-comma',
  'line-ending',
  'docstring-code-format',
  'docstring-code-line-length',
];

type Table = Record<string, unknown>;

function readToml(file: string): Table {
  try {
    return parseToml(fs.readFileSync(file, 'utf8')) as Table;
  } catch (error) {
    const line = (error as { line?: number }).line;
    throw new InputError(
      `cannot read ${path.basename(file)}: ${(error as Error).message.split('\n')[0]}`,
      {
        location: { file, ...(line ? { line } : {}) },
        hint: 'fix the TOML syntax of the ruff configuration',
      },
    );
  }
}

function asTable(value: unknown): Table | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Table)
    : undefined;
}

/** The ruff section of a config file, or undefined when the file has none. */
function ruffSection(file: string): { ruff: Table; project: Table | undefined } | undefined {
  const doc = readToml(file);
  if (path.basename(file) === 'pyproject.toml') {
    const ruff = asTable(asTable(doc.tool)?.ruff);
    const project = asTable(doc.project);
    if (!ruff) return project ? { ruff: {}, project } : undefined;
    return { ruff, project };
  }
  return { ruff: doc, project: undefined };
}

function toSettings(ruff: Table, project: Table | undefined, source: string): RuffSettings {
  const workspace: Record<string, unknown> = {};
  if (typeof ruff['line-length'] === 'number') workspace['line-length'] = ruff['line-length'];
  if (typeof ruff['indent-width'] === 'number') workspace['indent-width'] = ruff['indent-width'];
  let targetVersion: PythonVersion | undefined;
  if (typeof ruff['target-version'] === 'string') {
    targetVersion = parsePythonVersion(ruff['target-version']);
    workspace['target-version'] = ruff['target-version'];
  } else if (typeof project?.['requires-python'] === 'string') {
    targetVersion = minimumFromRequiresPython(project['requires-python']);
  }
  const isort = asTable(asTable(ruff.lint)?.isort) ?? asTable(ruff.isort);
  if (isort) workspace.lint = { isort };
  const format = asTable(ruff.format);
  if (format) {
    const picked: Table = {};
    for (const key of FORMAT_KEYS) if (key in format) picked[key] = format[key];
    workspace.format = picked;
  }
  return { workspace, targetVersion, source };
}

const DEFAULTS: RuffSettings = { workspace: {}, targetVersion: undefined, source: undefined };

/** Finds and caches settings per directory. */
export class RuffSettingsResolver {
  private readonly byDir = new Map<string, RuffSettings>();

  constructor(private readonly root: string) {}

  /** Settings for a file (repo-relative or absolute path). */
  forFile(file: string): RuffSettings {
    return this.forDir(path.dirname(path.resolve(this.root, file)));
  }

  forDir(dir: string): RuffSettings {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const settings = this.lookup(dir);
    this.byDir.set(dir, settings);
    return settings;
  }

  private lookup(dir: string): RuffSettings {
    for (const name of ['.ruff.toml', 'ruff.toml', 'pyproject.toml']) {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) continue;
      const section = ruffSection(file);
      if (section) return toSettings(section.ruff, section.project, file);
    }
    const parent = path.dirname(dir);
    const insideRoot =
      path.relative(this.root, dir) !== '' && !path.relative(this.root, parent).startsWith('..');
    return insideRoot ? this.forDir(parent) : DEFAULTS;
  }
}
