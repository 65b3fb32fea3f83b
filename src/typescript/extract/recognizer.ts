/**
 * Does a TypeScript finding ask to share duplicated helpers ("move duplicated helpers
 * into one shared module", "Date helpers duplicated in three modules")? It must say the
 * code is duplicated, name the helpers (`name()`, `type X`, a table's helper column,
 * symbols given with files — the fix's names when it gives any, else the problem's,
 * since a problem also names the code that uses the helpers) and the shared module (a
 * file it creates, or "into `x`" / "only in `x`"). The sources are the files of its
 * table of copies when it has one, else the files it names with symbols, else those
 * it modifies. Pure: reads the finding only.
 */
import type { Finding } from '../../findings/types.js';
import { isTypeScriptPath } from '../extensions.js';
import {
  fixText,
  isTestPath,
  isTypeScriptFinding,
  problemText,
  sectionText,
  tsRefs,
} from '../recognize.js';
import type { TsExtractOptions } from './options.js';

const DUPLICATION =
  /\bduplicat|\bcopy-?past|\bcopied\b|\bidentical\b|\bsame (?:code|helpers?|functions?)\b|\b(?:two|three|four|several|multiple|\d+) (?:independent |separate )?(?:implementations|copies)\b/i;
const NEW_BEHAVIOUR = /\binstead of\b/i;

/** `` `name()` `` calls and `` `type Name` `` types named in the text. */
function helperNames(text: string): string[] {
  const calls = [...text.matchAll(/`([A-Za-z_$][\w$]*)\([^`]*\)`/g)].map((m) => m[1]!);
  const types = [
    ...text.matchAll(/`(?:export\s+)?(?:type|interface)\s+([A-Za-z_$][\w$]*)\b[^`]*`/g),
  ].map((m) => m[1]!);
  return [...new Set([...calls, ...types])];
}

/** Names from a table column about functions/helpers/symbols. */
function tableNames(finding: Finding): string[] {
  return finding.tables.flatMap((t) => {
    const col = t.header.findIndex((h) => /function|helper|method|symbol|name/i.test(h));
    if (col === -1) return [];
    return t.rows
      .map((r) => (r[col] ?? '').replace(/[`*\s]|\(\)$/g, ''))
      .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  });
}

/** The shared module: the one TS file the finding creates, else "into / only in `x`". */
export function sharedModuleOf(finding: Finding): string | undefined {
  const created = tsRefs(finding).filter((r) => r.role === 'create' && !isTestPath(r.path));
  if (created.length === 1) return created[0]!.path;
  const fix = fixText(finding);
  for (const pattern of [
    /\binto (?:one |a )?(?:shared )?(?:module )?`([^`]+)`/i,
    /\bonly in `([^`]+)`/i,
    /\bkeep\b[^.]*?\bin `([^`]+)`/i,
  ]) {
    const m = pattern.exec(fix);
    const named = m?.[1];
    if (!named) continue;
    const ref = tsRefs(finding).find((r) => r.path === named || r.path.endsWith(`/${named}`));
    if (ref) return ref.path;
    if (isTypeScriptPath(named) && !named.startsWith('@')) return named.replace(/^\.\//, '');
  }
  return undefined;
}

/** The files with copies: a table's file column, else files given with symbols, else modified files. */
function sourcesOf(finding: Finding, target: string): string[] {
  const fromTables = finding.tables.flatMap((t) => {
    const col = t.header.findIndex((h) => /^(file|module|location|path)/i.test(h.trim()));
    if (col === -1) return [];
    return t.rows
      .map((r) => (r[col] ?? '').replace(/[`*]/g, '').trim())
      .filter((p) => isTypeScriptPath(p));
  });
  const refs = tsRefs(finding).filter((r) => r.path !== target && !isTestPath(r.path));
  const withSymbols = refs.filter((r) => r.symbols.length > 0).map((r) => r.path);
  const modified = refs.filter((r) => r.role === 'modify').map((r) => r.path);
  const chosen =
    fromTables.length > 0 ? fromTables : withSymbols.length > 0 ? withSymbols : modified;
  return [...new Set(chosen.filter((p) => p !== target))];
}

export function inferTsExtraction(finding: Finding): TsExtractOptions | undefined {
  if (!isTypeScriptFinding(finding)) return undefined;
  if (!DUPLICATION.test(problemText(finding)) || NEW_BEHAVIOUR.test(fixText(finding)))
    return undefined;
  const target = sharedModuleOf(finding);
  if (!target) return undefined;
  const names = [
    ...new Set([
      ...tableNames(finding),
      ...tsRefs(finding).flatMap((r) => r.symbols),
      ...(helperNames(fixText(finding)).length > 0
        ? helperNames(fixText(finding))
        : helperNames(sectionText(finding, /^(problem|issue|description)/i) || finding.body)),
    ]),
  ];
  const sources = sourcesOf(finding, target);
  if (names.length === 0 || sources.length === 0) return undefined;
  return { target, helpers: names.map((from) => ({ from, sources })) };
}
