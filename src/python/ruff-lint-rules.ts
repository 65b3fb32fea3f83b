/**
 * The lint rules a repository's ruff configuration selects (`[lint] select`,
 * `extend-select`, `ignore`, or their legacy top-level spellings), with ruff's default
 * selection when it names none: what `ruff check --fix` would fix there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { InputError } from '../core/errors.js';

export interface RuffRuleSelection {
  /** Rule codes or prefixes (`E4`, `F`, `UP045`). */
  readonly select: readonly string[];
  readonly ignore: readonly string[];
}

/** ruff's own default when the configuration selects nothing. */
export const RUFF_DEFAULT_SELECT: readonly string[] = ['E4', 'E7', 'E9', 'F'];

type Table = Record<string, unknown>;

function table(value: unknown): Table | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Table)
    : undefined;
}

function codes(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The ruff table of a config file (`ruff.toml`, `.ruff.toml`, `pyproject.toml`). */
function ruffTable(file: string): Table {
  let doc: Table;
  try {
    doc = parseToml(fs.readFileSync(file, 'utf8')) as Table;
  } catch (error) {
    throw new InputError(`cannot read ${path.basename(file)}: ${(error as Error).message}`, {
      location: { file },
      hint: 'fix the TOML syntax of the ruff configuration',
    });
  }
  if (path.basename(file) !== 'pyproject.toml') return doc;
  return table(table(doc.tool)?.ruff) ?? {};
}

/** The rules `config` (a ruff config file, or undefined for none) selects. */
export function configuredRuffRules(config: string | undefined): RuffRuleSelection {
  if (!config) return { select: RUFF_DEFAULT_SELECT, ignore: [] };
  const ruff = ruffTable(config);
  const lint = table(ruff.lint) ?? {};
  const pick = (key: string) => codes(lint[key] ?? ruff[key]);
  const named = lint.select !== undefined || ruff.select !== undefined;
  return {
    select: [...(named ? pick('select') : RUFF_DEFAULT_SELECT), ...pick('extend-select')],
    ignore: pick('ignore'),
  };
}
