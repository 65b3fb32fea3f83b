/**
 * Does a finding ask to hoist function-local imports? It says so in words (imports
 * inside a function, lazy imports, module-level imports) and names the files and the
 * functions (B-QUAL-04, B-QUAL-05); the modules are those its code imports on indented lines.
 */
import type { Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import { isPythonPath } from '../../src/python/files.js';
import { isStdlibModule } from '../../src/python/stdlib.js';
import type { HoistOptions } from './options.js';

const LOCAL_IMPORT_WORDING =
  /\b(import|imports)\b[^.\n]*\b(inside|in)\b[^.\n]*\b(function|method)\b|\blazy import|\bmodule-level imports?\b|\bin-(method|function) import\b/i;

/** Modules imported on indented lines of the finding's code (the function-local ones). */
function indentedImports(finding: Finding): string[] {
  const out = new Set<string>();
  const texts = [...finding.codeBlocks.map((b) => b.code), finding.body];
  for (const text of texts) {
    for (const m of text.matchAll(/^[ \t]+(?:from\s+([.\w]+)\s+import\b|import\s+([\w.]+))/gm)) {
      out.add((m[1] ?? m[2])!);
    }
  }
  return [...out];
}

/** The functions a finding names with its files (`count()`, `BaseRepository.count()`). */
function namedFunctions(finding: Finding): string[] {
  const names = new Set<string>();
  for (const ref of finding.fileRefs) for (const s of ref.symbols) names.add(s);
  for (const m of `${finding.title}\n${finding.body}`.matchAll(/`((?:[A-Z]\w*\.)?\w+)\(\)`/g)) {
    if (m[1]!.includes('.')) names.add(m[1]!);
  }
  const dotted = [...names].filter((n) => n.includes('.'));
  return [...names].filter((n) => n.includes('.') || !dotted.some((d) => d.endsWith(`.${n}`)));
}

/** The hoist options a finding asks for, if it is about function-local imports. */
function inferHoist(finding: Finding): HoistOptions | undefined {
  if (!LOCAL_IMPORT_WORDING.test(`${finding.title}\n${finding.body}`)) return undefined;
  const modules = indentedImports(finding).filter((m) => !m.startsWith('.'));
  if (modules.length === 0) return undefined;
  const functions = namedFunctions(finding);
  const files = finding.files.filter(isPythonPath);
  if (files.length === 0) return undefined;
  const thirdParty = [...new Set(modules.filter((m) => !isStdlibModule(m)))];
  const stdlib = modules.some(isStdlibModule);
  return {
    files,
    ...(functions.length > 0 ? { functions } : {}),
    modules: thirdParty.length === 0 ? 'stdlib' : [...(stdlib ? ['stdlib'] : []), ...thirdParty],
  };
}

export const recognizer: Recognizer<HoistOptions> = {
  transform: 'hoist-imports',
  infer: inferHoist,
};
