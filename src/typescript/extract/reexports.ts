/**
 * Re-exports a source keeps when some module reaches a moved helper through it in a way
 * that cannot be repointed (a namespace import, a barrel's `export *`):
 * `export { formatShortDate } from './dates'`, placed after the file's imports.
 */
import { ts } from 'ts-morph';
import { Edit } from '../../core/edit.js';
import type { ParsedTs } from '../parse.js';
import type { CodeStyle } from '../style.js';

export interface Reexport {
  /** The shared name in the target. */
  readonly name: string;
  /** The name the source (or barrel) exports it under. */
  readonly exported: string;
  /** The target's specifier, from this file. */
  readonly module: string;
}

/** One `export { ... } from` line per module, inserted after the last import. */
export function reexportEdit(
  parsed: ParsedTs,
  reexports: readonly Reexport[],
  style: CodeStyle,
): Edit {
  const q = style.quote === 'single' ? "'" : '"';
  const semi = style.semicolons ? ';' : '';
  const byModule = new Map<string, string[]>();
  for (const r of reexports) {
    const item = r.name === r.exported ? r.name : `${r.name} as ${r.exported}`;
    const list = byModule.get(r.module) ?? [];
    if (!list.includes(item)) list.push(item);
    byModule.set(r.module, list);
  }
  const lines = [...byModule].map(
    ([m, names]) => `export { ${names.sort().join(', ')} } from ${q}${m}${q}${semi}`,
  );
  const sf = parsed.sourceFile;
  const anchors = sf.statements.filter(
    (s) =>
      ts.isImportDeclaration(s) ||
      (ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression)),
  );
  const last = anchors[anchors.length - 1];
  if (!last) return Edit.insert(0, `${lines.join('\n')}\n\n`);
  return Edit.insert(last.end, `\n${lines.join('\n')}`);
}
