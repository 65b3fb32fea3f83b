/**
 * Does a TypeScript finding ask to replace a local type alias by the shared one
 * ("replace a local type alias with the shared one", "`LocaleSwitcher` redefines
 * `SupportedLocale`")? It must say a module has its own copy of a type (redefines,
 * local alias, own copy, shared type), show or name that type (`type X = ...`), and
 * name one module to change. The shared module is the specifier or file the fix says
 * to import it from, when it says so. Pure: reads the finding only.
 */
import type { Finding } from '../../findings/types.js';
import {
  backtickedNames,
  fixText,
  isTestPath,
  isTypeScriptFinding,
  problemText,
  tsRefs,
} from '../recognize.js';
import type { ReplaceTypeOptions } from './options.js';

const LOCAL_COPY =
  /\bre-?(?:defines|declares)\b|\blocal (?:type )?alias\b|\bits own (?:copy|version|definition)\b|\b(?:local|duplicate) (?:copy of the )?type\b|\bthe shared (?:type|one|alias)\b/i;

/** Names declared as `type X =` / `interface X` in the finding's code and prose. */
function declaredTypes(finding: Finding): string[] {
  const text = `${finding.codeBlocks.map((b) => b.code).join('\n')}\n${finding.body}`;
  return [
    ...new Set(
      [...text.matchAll(/\b(?:type|interface)\s+([A-Za-z_$][\w$]*)\s*(?:=|\{|<)/g)].map(
        (m) => m[1]!,
      ),
    ),
  ];
}

/** The module the fix says to import the shared type from (a specifier or a path). */
function sharedModule(finding: Finding, file: string): string | undefined {
  const fix = fixText(finding);
  const m = /\bimport\b[^.`]*?\bfrom `([^`]+)`/i.exec(fix) ?? /\bfrom `([^`]+)`/i.exec(fix);
  if (m) return m[1];
  const others = tsRefs(finding).filter((r) => r.path !== file && !isTestPath(r.path));
  return others.length === 1 ? others[0]!.path : undefined;
}

export function inferTsReplaceType(finding: Finding): ReplaceTypeOptions | undefined {
  if (
    !isTypeScriptFinding(finding) ||
    !LOCAL_COPY.test(`${problemText(finding)}\n${fixText(finding)}`)
  )
    return undefined;
  const changed = tsRefs(finding).filter((r) => r.role === 'modify' && !isTestPath(r.path));
  if (changed.length !== 1) return undefined;
  const file = changed[0]!.path;
  const declared = declaredTypes(finding);
  const named = backtickedNames(`${finding.title}\n${problemText(finding)}`);
  const alias =
    named.find((n) => declared.includes(n)) ?? (declared.length === 1 ? declared[0] : undefined);
  if (!alias) return undefined;
  const from = sharedModule(finding, file);
  return { file, alias, ...(from ? { from } : {}) };
}
