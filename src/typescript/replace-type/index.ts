/**
 * replace-type (TypeScript) — replace a local type alias by the shared exported type.
 *
 * What it does: deletes the file's own `type X = ...` (or `interface X`) and imports
 * the shared type in its place — merged into the file's import of that module with an
 * inline `type` modifier when the project writes them, else as `import type { X }` —
 * under the local name (`import { type Locale as X }` when the names differ). When the
 * alias is exported and other modules import it, it becomes `export type { X } from`.
 * Directives such as `'use client'` stay first. Nothing to do when the file already
 * imports the shared type (applying twice = applying once).
 * Why: issue #14, fixture web-app F-04 (`LocaleSwitcher` redefines `SupportedLocale`).
 * Example: `{ "file": "src/components/LocaleSwitcher.tsx", "alias": "SupportedLocale",
 * "from": "@/lib/i18n/locales" }` turns `import { localePath } from '@/lib/i18n/locales'`
 * + `type SupportedLocale = 'en' | 'zh-CN'` into
 * `import { localePath, type SupportedLocale } from '@/lib/i18n/locales'`.
 * Fix safety: safe: types are erased, and it refuses (changing nothing) unless the type
 * checker finds the two types mutually assignable; the refusal says what differs.
 * Options: `file`, `alias`, `from?` (module specifier or path; default: the one module
 * exporting a type of that name), `name?` (the shared name; default `alias`).
 */
import { ts } from 'ts-morph';
import { planAddImport, planAddImportDeclaration } from '../imports.js';
import {
  PlanRefusal,
  PlanTexts,
  problem,
  refuse,
  runPlanner,
  type TsPlanResult,
} from '../planning.js';
import type { TsProjectView } from '../project-view.js';
import type { CodeStyle } from '../style.js';
import { deletionRanges, isExported, topLevelDeclarations } from '../top-level.js';
import { compareTypes } from './compare.js';
import type { ReplaceTypeOptions } from './options.js';
import { findSharedType, type SharedType } from './shared.js';

export type { ReplaceTypeOptions } from './options.js';
export { replaceTypeOptions } from './options.js';

type AliasDeclaration = ts.TypeAliasDeclaration | ts.InterfaceDeclaration;

/** Plan the replacement; a refusal names file:line and the reason. */
export function planReplaceType(view: TsProjectView, options: ReplaceTypeOptions): TsPlanResult {
  const texts = new PlanTexts((p) => view.text(p));
  return runPlanner(texts, () => plan(view, options, texts));
}

function plan(view: TsProjectView, options: ReplaceTypeOptions, texts: PlanTexts): void {
  const { file, alias } = options;
  const sf = view.tsFile(file);
  if (!sf) refuse(missingFile(view, file));
  const declarations = topLevelDeclarations(sf, alias).filter(
    (s): s is AliasDeclaration => ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s),
  );
  if (declarations.length === 0) {
    const shared = sharedOrUndefined(view, file, options);
    if (shared && importsShared(view, sf, file, shared, alias)) {
      texts.report({
        severity: 'info',
        code: 'replace-type/already-shared',
        message: `${file} already imports \`${alias}\` from ${shared.file}; nothing to do`,
        file,
      });
      return;
    }
    refuse(noAlias(view, sf, file, alias));
  }
  const shared = findSharedType(view, file, options);
  checkSame(view, file, declarations, shared);
  replace(view, texts, { file, sf, alias, declarations, shared });
}

function sharedOrUndefined(
  view: TsProjectView,
  file: string,
  options: ReplaceTypeOptions,
): SharedType | undefined {
  try {
    return findSharedType(view, file, options);
  } catch (error) {
    if (error instanceof PlanRefusal) return undefined;
    throw error;
  }
}

function missingFile(view: TsProjectView, file: string) {
  return view.text(file) === undefined
    ? problem(
        'replace-type/no-file',
        `there is no file ${file}: the document names a file that does not exist`,
      )
    : problem(
        'replace-type/not-in-project',
        `${file} is not part of the TypeScript project (${view.config.configPath ?? 'no tsconfig'})`,
        file,
      );
}

function noAlias(view: TsProjectView, sf: ts.SourceFile, file: string, alias: string) {
  const inner = findNested(sf, alias);
  return inner
    ? problem(
        'replace-type/not-top-level',
        `\`${alias}\` is declared inside a block of ${file}, not at its top level; only a module-level alias is replaced`,
        file,
        view.lineOf(file, inner.getStart(sf)),
      )
    : problem(
        'replace-type/no-alias',
        `${file} declares no type \`${alias}\`: the document is wrong about the code, or it was already replaced`,
        file,
      );
}

function findNested(sf: ts.SourceFile, name: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) && n.name.text === name)
      found = n;
    else n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return found;
}

/** Whether the file binds `alias` by an import of the shared type. */
function importsShared(
  view: TsProjectView,
  sf: ts.SourceFile,
  file: string,
  shared: SharedType,
  alias: string,
): boolean {
  return sf.statements.some((s) => {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) return false;
    if (view.resolve(s.moduleSpecifier.text, file) !== shared.file) return false;
    const named = s.importClause?.namedBindings;
    return (
      !!named &&
      ts.isNamedImports(named) &&
      named.elements.some(
        (e) => e.name.text === alias && (e.propertyName ?? e.name).text === shared.name,
      )
    );
  });
}

/** Refuse unless the checker finds the local and shared types mutually assignable. */
function checkSame(
  view: TsProjectView,
  file: string,
  declarations: readonly AliasDeclaration[],
  shared: SharedType,
): void {
  const checker = view.checker;
  const first = declarations[0]!;
  const line = view.lineOf(file, first.getStart(first.getSourceFile()));
  const localParams = first.typeParameters?.length ?? 0;
  if (localParams > 0 || shared.typeParameters > 0) {
    refuse(
      problem(
        'replace-type/generic',
        `\`${first.name.text}\` (${localParams} type parameters) and the shared \`${shared.name}\` (${shared.typeParameters}) are generic; remedy compares only non-generic types`,
        file,
        line,
      ),
    );
  }
  const localSymbol = checker.getSymbolAtLocation(first.name);
  if (!localSymbol) throw new Error(`no symbol for ${first.name.text} in ${file}`);
  const local = checker.getDeclaredTypeOfSymbol(localSymbol);
  const result = compareTypes(checker, local, checker.getDeclaredTypeOfSymbol(shared.symbol));
  if (!result.same) {
    refuse(
      problem(
        'replace-type/different',
        `\`${first.name.text}\` is not the same type as \`${shared.name}\` in ${shared.file}: ${result.difference}`,
        file,
        line,
      ),
      'make the two types identical first, or leave the local alias',
    );
  }
}

interface Replacement {
  readonly file: string;
  readonly sf: ts.SourceFile;
  readonly alias: string;
  readonly declarations: readonly AliasDeclaration[];
  readonly shared: SharedType;
}

/** Delete the alias (or turn an imported one into a re-export), then import the shared type. */
function replace(view: TsProjectView, texts: PlanTexts, r: Replacement): void {
  const decl = r.declarations[0]!;
  const refs = view.references(r.file, decl.name.getStart(r.sf)).filter((x) => !x.isDefinition);
  const ranges = deletionRanges(r.sf.text, r.declarations, r.sf);
  const inRanges = (start: number) => ranges.some((g) => start >= g.start && start < g.end);
  const usedHere = refs.some((x) => x.file === r.file && !inRanges(x.start));
  const importers = [...new Set(refs.filter((x) => x.file !== r.file).map((x) => x.file))];
  const spec = specifierFor(view, r.file, r.sf, r.shared);
  const style = view.style(r.file, r.sf.text);
  const exported = r.declarations.some(isExported) && importers.length > 0;
  const reexport = exported ? reexportLine(r, spec, usedHere, style) : '';
  texts.edit(
    r.file,
    ranges.map((g, i) => ({ start: g.start, end: g.end, text: i === 0 ? reexport : '' })),
  );
  if (usedHere) {
    const alias = r.shared.name === r.alias ? {} : { alias: r.alias };
    const request = { module: spec, name: r.shared.name, typeOnly: true, ...alias };
    const add = prefersInlineType(view) ? planAddImport : planAddImportDeclaration;
    texts.editWith(r.file, (parsed) => [add(parsed, request, style)]);
  }
  const also = exported ? ` (re-exported for ${importers.join(', ')})` : '';
  texts.report({
    severity: 'info',
    code: 'replace-type/replaced',
    message: `\`${r.alias}\` in ${r.file} is now the shared type from ${r.shared.file}${also}`,
    file: r.file,
    line: view.lineOf(r.file, decl.getStart(r.sf)),
  });
}

/** What replaces an alias other modules import: an export of the import, or a re-export. */
function reexportLine(r: Replacement, spec: string, usedHere: boolean, style: CodeStyle): string {
  const q = style.quote === 'single' ? "'" : '"';
  const semi = style.semicolons ? ';' : '';
  const named = r.shared.name === r.alias ? r.alias : `${r.shared.name} as ${r.alias}`;
  return usedHere
    ? `export type { ${r.alias} }${semi}\n`
    : `export type { ${named} } from ${q}${spec}${q}${semi}\n`;
}

/** The file's own spelling of the shared module when it imports it already, else the project's. */
function specifierFor(
  view: TsProjectView,
  file: string,
  sf: ts.SourceFile,
  shared: SharedType,
): string {
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    if (view.resolve(s.moduleSpecifier.text, file) === shared.file) return s.moduleSpecifier.text;
  }
  return shared.specifier ?? view.specifier(file, shared.file);
}

/** Whether the project writes inline `type` modifiers in value imports (`{ a, type B }`). */
function prefersInlineType(view: TsProjectView): boolean {
  return view
    .files()
    .slice(0, 500)
    .some((f) => /import\s*\{[^}]*\btype\s+[A-Za-z_$]/.test(view.text(f) ?? ''));
}
