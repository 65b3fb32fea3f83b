/**
 * Does a TypeScript/JavaScript finding ask for renames? Pairs written `` `Home` → `HomePage` ``
 * (or `->`, `=>`, "rename `x` to `y`") in a finding about renaming; each pair's defining
 * file from a table row that names it (`Defined in` `src/components/pages/Home.tsx:17`),
 * a file of the finding with that base name, or else the one module that exports it.
 * Without pairs, "add a `Page` suffix to every page component" becomes an affix over
 * the finding's component files (or the directories it names). F-02, and findings
 * worded like the examples; the language comes from the finding's files.
 */
import path from 'node:path';
import type { Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import { isTypeScriptPath } from '../../src/typescript/extensions.js';
import {
  backtickedPaths,
  isTypeScriptFinding,
  typeScriptFiles,
} from '../../src/typescript/finding-files.js';
import type { TsRenameOptionsInput, TsRenameRequest } from '../../src/typescript/rename/options.js';

const NAME = '[A-Za-z_$][\\w$]*';
const PAIR = new RegExp(
  `\`(${NAME})(?:\\(\\))?\`\\s*(?:→|->|⟶|=>|⇒|\\bto\\b|\\bbecomes\\b)\\s*\`(${NAME})(?:\\(\\))?\``,
  'g',
);
const RENAME_WORDING = /\brenam(?:e|ed|es|ing)\b/i;
const AFFIX = new RegExp(
  `(?:\`(${NAME})\`\\s+(suffix|prefix)|(suffix|prefix)\\s+\`(${NAME})\`)`,
  'i',
);

const stem = (file: string) => path.posix.basename(file).replace(/\.[cm]?[jt]sx?$/, '');

/** A path in a table cell (`src/components/pages/Home.tsx:17` -> the path). */
function cellPath(cell: string): string | undefined {
  const m = /([\w@.[\]()/-]+\.[cm]?[jt]sx?)(?::\d+)?/.exec(cell);
  return m && isTypeScriptPath(m[1]!) ? m[1] : undefined;
}

/** The defining file of `from`: a table row naming it, or the finding's file of that name. */
function definingFile(finding: Finding, from: string): string | undefined {
  for (const table of finding.tables) {
    for (const row of table.rows) {
      if (!row.some((c) => c.replace(/[`*()\s]/g, '') === from)) continue;
      const found = row.map(cellPath).find((p) => p !== undefined);
      if (found) return found;
    }
  }
  const named = typeScriptFiles(finding).filter((f) => stem(f) === from);
  return named.length === 1 ? named[0] : undefined;
}

/** Explicit `old` -> `new` pairs, in document order, each once. */
function pairs(finding: Finding): TsRenameRequest[] {
  const out: TsRenameRequest[] = [];
  for (const m of finding.body.matchAll(PAIR)) {
    const [from, to] = [m[1]!, m[2]!];
    if (from === to || out.some((r) => r.from === from)) continue;
    const file = definingFile(finding, from);
    out.push(file ? { file, from, to } : { from, to });
  }
  return out;
}

/** "a `Page` suffix": the affix over the finding's component files or named directories. */
function affix(finding: Finding): TsRenameOptionsInput['affix'] | undefined {
  const m = AFFIX.exec(`${finding.title}\n${finding.body}`);
  if (!m) return undefined;
  const word = (m[1] ?? m[4])!;
  const kind = (m[2] ?? m[3])!.toLowerCase();
  const components = typeScriptFiles(finding).filter((f) => /\.[jt]sx$/.test(f));
  const dirs = backtickedPaths(finding.body).filter((p) => p.endsWith('/'));
  const files = components.length > 0 ? components : dirs;
  if (files.length === 0) return undefined;
  return kind === 'suffix' ? { suffix: word, files } : { prefix: word, files };
}

/** The TypeScript rename options a finding asks for, if any. */
export function inferTsRenames(finding: Finding): TsRenameOptionsInput | undefined {
  const text = `${finding.title}\n${finding.body}`;
  if (!RENAME_WORDING.test(text) && !/\bnamed?\b/i.test(finding.title)) return undefined;
  const typeScript = isTypeScriptFinding(finding);
  const renames = typeScript ? pairs(finding) : [];
  if (renames.length > 0) return { renames };
  const found = affix(finding);
  // Without TS files, only a finding about components is taken for TypeScript.
  if (found && (typeScript || /\bcomponents?\b/i.test(text))) return { affix: found };
  return undefined;
}

/**
 * rename-symbols' recognizer for both languages: a TypeScript/JavaScript finding is read
 * here; any other goes to the Python recognizer given.
 */
export function withTypeScript<O>(python: Recognizer<O>): Recognizer<O | TsRenameOptionsInput> {
  return {
    // Python's own `explain` and `decline` stay; TypeScript findings are inferred first.
    ...python,
    infer: (finding) => inferTsRenames(finding) ?? python.infer(finding),
  };
}
