/**
 * remove-dead-code refuses to delete what a framework loads by convention (framework.ts):
 * the file's path is taken relative to the app's root — the directory of its tsconfig.
 */
import path from 'node:path';
import type { ts } from 'ts-morph';
import { toPosix } from '../../core/paths.js';
import { problem, refuse } from '../planning.js';
import type { TsProjectView } from '../project-view.js';
import { isDefaultExport, isExported } from '../top-level.js';
import { frameworkUse } from './framework.js';

/** The file relative to the directory of its tsconfig (the app's root). */
function appRelative(view: TsProjectView, file: string): string {
  const base = view.config.configPath ? path.dirname(view.config.configPath) : view.root;
  return toPosix(path.relative(base, view.abs(file)));
}

/** Export names (`default` included) of the statements, or of the whole module. */
function exportNames(
  view: TsProjectView,
  sf: ts.SourceFile,
  declarations: ReadonlyMap<string, readonly ts.Statement[]>,
  whole: boolean,
): { name: string; line: number }[] {
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  if (whole) {
    const symbol = view.checker.getSymbolAtLocation(sf);
    return (symbol ? view.checker.getExportsOfModule(symbol) : []).map((s) => ({
      name: s.name,
      line: s.declarations?.[0] ? line(s.declarations[0]) : 1,
    }));
  }
  const out: { name: string; line: number }[] = [];
  for (const [name, statements] of declarations) {
    for (const s of statements) {
      if (isDefaultExport(s)) out.push({ name: 'default', line: line(s) });
      else if (isExported(s)) out.push({ name, line: line(s) });
    }
  }
  return out;
}

/** Refuse when the framework loads any export the deletion would take. */
export function frameworkEntries(
  view: TsProjectView,
  sf: ts.SourceFile,
  file: string,
  declarations: ReadonlyMap<string, readonly ts.Statement[]>,
  whole: boolean,
): void {
  const rel = appRelative(view, file);
  const problems = exportNames(view, sf, declarations, whole).flatMap(({ name, line }) => {
    const why = frameworkUse(rel, name);
    return why
      ? [
          problem(
            'dead-code/framework-entry',
            `\`${name}\` of ${file} is referenced: ${why}`,
            file,
            line,
          ),
        ]
      : [];
  });
  if (problems.length > 0)
    refuse(problems, 'framework entry points are used without an import; leave them');
}
