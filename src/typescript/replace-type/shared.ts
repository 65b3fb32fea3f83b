/**
 * Where the shared type of replace-type is: the module the options name (a specifier
 * resolved from the file, or a repository path), else the one project module that
 * exports a type of that name; and the exported symbol itself (through re-exports).
 */
import { ts } from 'ts-morph';
import { problem, refuse } from '../planning.js';
import type { TsProjectView } from '../project-view.js';
import type { ReplaceTypeOptions } from './options.js';

export interface SharedType {
  /** Repository path of the module that exports it. */
  readonly file: string;
  /** Its exported name. */
  readonly name: string;
  /** The type's own symbol (aliases resolved). */
  readonly symbol: ts.Symbol;
  readonly typeParameters: number;
  /** The specifier the options gave, when they gave one. */
  readonly specifier?: string;
}

/** The exported type `name` of a module, aliases followed; undefined when there is none. */
export function exportedType(
  view: TsProjectView,
  moduleFile: string,
  name: string,
): ts.Symbol | undefined {
  const sf = view.tsFile(moduleFile);
  const checker = view.checker;
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) return undefined;
  const exported = checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
  if (!exported) return undefined;
  const target =
    exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  return target.flags & ts.SymbolFlags.Type ? target : undefined;
}

function typeParameterCount(symbol: ts.Symbol): number {
  const decl = symbol.declarations?.find(
    (d) => ts.isTypeAliasDeclaration(d) || ts.isInterfaceDeclaration(d),
  ) as ts.TypeAliasDeclaration | ts.InterfaceDeclaration | undefined;
  return decl?.typeParameters?.length ?? 0;
}

/** The module the options name, as a repository path; refuses when it cannot be found. */
function namedModule(view: TsProjectView, file: string, from: string): string {
  const resolved = view.resolve(from, file);
  if (resolved) return resolved;
  const asPath = from.replace(/^\.\//, '');
  if (view.tsFile(asPath)) return asPath;
  return refuse(
    problem(
      'replace-type/no-module',
      `\`${from}\` names no module of the project (neither an import specifier from ${file} nor a file)`,
      file,
    ),
  );
}

/** Project modules (besides `file`) that export a type named `name`. */
function exportersOf(view: TsProjectView, name: string, file: string): string[] {
  const word = new RegExp(`\\b${name}\\b`);
  return view
    .files()
    .filter((f) => f !== file && word.test(view.text(f) ?? ''))
    .filter((f) => {
      const sf = view.tsFile(f);
      return sf?.statements.some(
        (s) =>
          (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) &&
          s.name.text === name &&
          (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword),
      );
    });
}

/** The one project module (besides `file`) exporting a type `name`; refuses when there is not one. */
function soleExporter(view: TsProjectView, name: string, file: string): string {
  const candidates = exportersOf(view, name, file);
  if (candidates.length === 1) return candidates[0]!;
  return refuse(
    problem(
      candidates.length === 0 ? 'replace-type/no-shared' : 'replace-type/ambiguous',
      candidates.length === 0
        ? `no module of the project exports a type \`${name}\``
        : `several modules export a type \`${name}\`: ${candidates.join(', ')}`,
      file,
    ),
    'name the shared module with the `from` option',
  );
}

/** The shared type the options ask for; refuses with the reason when there is not exactly one. */
export function findSharedType(
  view: TsProjectView,
  file: string,
  options: ReplaceTypeOptions,
): SharedType {
  const name = options.name ?? options.alias;
  const moduleFile = options.from
    ? namedModule(view, file, options.from)
    : soleExporter(view, name, file);
  if (moduleFile === file) {
    const message = `the shared type must come from another module than ${file}`;
    refuse(problem('replace-type/same-file', message, file));
  }
  const symbol = exportedType(view, moduleFile, name);
  if (!symbol) {
    const message = `${moduleFile} exports no type \`${name}\`: the document is wrong about the code`;
    refuse(problem('replace-type/not-exported', message, moduleFile));
  }
  const given = options.from && !view.tsFile(options.from.replace(/^\.\//, ''));
  return {
    file: moduleFile,
    name,
    symbol,
    typeParameters: typeParameterCount(symbol),
    ...(given ? { specifier: options.from } : {}),
  };
}
