/**
 * What deleting declarations from a module that stays leaves behind: imports only the
 * deleted code used (removed with it) and other declarations only it used (reported,
 * not deleted: the finding did not name them).
 */
import { ts } from 'ts-morph';
import type { Edit } from '../../core/edit.js';
import { removeBindings } from '../import-bindings.js';
import type { PlanTexts } from '../planning.js';
import type { TsProjectView } from '../project-view.js';
import { declarationName, declaredNames } from '../top-level.js';
import type { Deletion } from './references.js';

const inside = (d: Deletion, pos: number) => d.ranges.some((r) => pos >= r.start && pos < r.end);

/**
 * Whether every use of the name bound at `id` lies in the deleted ranges (and there is
 * one); `local`: count only uses in the file (an import binding's).
 */
function onlyUsedInDeletion(
  view: TsProjectView,
  d: Deletion,
  id: ts.Identifier,
  local: boolean,
): boolean {
  const deleted = d.ranges.map((r) => view.tsFile(d.file)!.text.slice(r.start, r.end)).join('\n');
  if (!new RegExp(`\\b${id.text}\\b`).test(deleted)) return false;
  const uses = view
    .references(d.file, id.getStart())
    .filter((r) => (!local || r.file === d.file) && !r.isDefinition && r.start !== id.getStart());
  return uses.length > 0 && uses.every((r) => r.file === d.file && inside(d, r.start));
}

/** Edits removing the file's import bindings that only the deleted code used. */
export function unusedImportRemovals(view: TsProjectView, d: Deletion, sf: ts.SourceFile): Edit[] {
  const edits: Edit[] = [];
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !s.importClause) continue;
    const clause = s.importClause;
    const named = clause.namedBindings;
    const bindings: [ts.Node, ts.Identifier][] = [];
    if (clause.name) bindings.push([clause.name, clause.name]);
    if (named && ts.isNamespaceImport(named)) bindings.push([named, named.name]);
    if (named && ts.isNamedImports(named))
      for (const e of named.elements) bindings.push([e, e.name]);
    const remove = new Set(
      bindings.filter(([, id]) => onlyUsedInDeletion(view, d, id, true)).map(([b]) => b),
    );
    if (remove.size > 0) edits.push(...removeBindings(sf.text, sf, s, remove));
  }
  return edits;
}

/** Report the file's other top-level declarations that only the deleted code used. */
export function reportNowUnused(
  view: TsProjectView,
  texts: PlanTexts,
  d: Deletion,
  sf: ts.SourceFile,
  deleted: ReadonlyMap<string, readonly ts.Statement[]>,
): void {
  for (const s of sf.statements) {
    for (const name of declaredNames(s)) {
      const id = declarationName(s, name);
      if (deleted.has(name) || !id || !onlyUsedInDeletion(view, d, id, false)) continue;
      texts.report({
        severity: 'info',
        code: 'dead-code/now-unused',
        message: `\`${name}\` is now unused in ${d.file} (only the deleted code used it; not deleted)`,
        file: d.file,
        line: sf.getLineAndCharacterOfPosition(id.getStart(sf)).line + 1,
      });
    }
  }
}
