/**
 * Checks on the module surface of a rename: a module that exports the declaration under
 * its old name (the defining file, a barrel with `export { Foo } from`, a barrel with
 * `export *`) must not already export something under the new name — two exports of one
 * name are an error, or worse, an `export *` silently loses to the local one. Also lists
 * string literals equal to the old name that the rename leaves alone (they may name
 * something else: a page title, a route).
 */
import { ts } from 'ts-morph';
import type { PlanDiagnostic } from '../plan.js';
import type { TsProjectView } from '../project.js';
import { type Definition, topLevelDeclarations } from './locate.js';
import type { FileSites } from './sites.js';

const lineOf = (sf: ts.SourceFile, node: ts.Node) =>
  sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

function resolved(checker: ts.TypeChecker, s: ts.Symbol): ts.Symbol {
  return s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
}

/** The export clash that forbids the rename, if there is one. */
export function exportClash(
  view: TsProjectView,
  def: Definition,
  to: string,
): PlanDiagnostic | undefined {
  const from = def.name.text;
  for (const project of view.allProjects([from])) {
    const program = project.getProgram().compilerObject;
    const checker = program.getTypeChecker();
    const defSf = program.getSourceFile(view.abs(def.file));
    const defSymbol = defSf && checker.getSymbolAtLocation(defSf);
    const target = defSymbol && checker.getExportsOfModule(defSymbol).find((s) => s.name === from);
    if (!target && !def.exported) return undefined;
    for (const sf of program.getSourceFiles()) {
      const mayExport = sf === defSf || sf.text.includes(from) || /export\s*\*/.test(sf.text);
      if (sf.isDeclarationFile || !mayExport) continue;
      const moduleSymbol = checker.getSymbolAtLocation(sf);
      if (!moduleSymbol) continue;
      const exports = checker.getExportsOfModule(moduleSymbol);
      const old = exports.find((s) => s.name === from);
      const clash = exports.find((s) => s.name === to);
      if (!old || !clash || !target || resolved(checker, old) !== resolved(checker, target))
        continue;
      const rel = view.rel(sf.fileName);
      const where = clash.declarations?.[0];
      const local = sf === defSf && topLevelDeclarations(sf).has(to);
      return {
        severity: 'error',
        code: local ? 'rename/collision-module' : 'rename/collision-export',
        message: `cannot rename \`${from}\` to \`${to}\`: ${rel} exports \`${from}\` and already exports a \`${to}\``,
        file: rel,
        ...(where && where.getSourceFile() === sf ? { line: lineOf(sf, where) } : {}),
        undone: true,
        hint: 'choose another name, or rename the other export first',
      };
    }
  }
  return undefined;
}

/** String literals spelled like the old name in the files the rename touches (left alone). */
export function stringMentions(
  files: readonly Pick<FileSites, 'file' | 'sourceFile'>[],
  from: string,
  handled: ReadonlySet<string>,
): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  for (const fs of files) {
    const sf = fs.sourceFile;
    if (!sf.text.includes(`'${from}'`) && !sf.text.includes(`"${from}"`)) continue;
    const visit = (n: ts.Node): void => {
      if (
        ts.isStringLiteralLike(n) &&
        n.text === from &&
        !handled.has(`${fs.file}:${n.getStart(sf) + 1}`)
      ) {
        out.push({
          severity: 'info',
          code: 'rename/string-mention',
          message: `the string '${from}' is left as it is (it may not name the declaration)`,
          file: fs.file,
          line: lineOf(sf, n),
        });
      }
      n.forEachChild(visit);
    };
    sf.forEachChild(visit);
  }
  return out;
}
