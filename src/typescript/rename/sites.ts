/**
 * Where a rename writes: TypeScript's rename locations for a declaration (the
 * declaration, every import and re-export, `export *` importers, JSX tags, namespace
 * member uses), each classified by what the spot is — a binding the file declares, a
 * reference to one, an import's property name, an exported name, a shorthand property
 * — because each is rewritten differently (`{ Foo as X }` keeps `X`, `{ Foo }` in an
 * object keeps its key), and scope-sensitive spots are checked for collisions.
 */
import { ts } from 'ts-morph';
import { checkerOf, languageServiceOf, type TsProjectView } from '../project.js';
import { declaringNode, identifierAt, isReference } from '../scopes.js';
import type { Definition } from './locate.js';

export type SiteKind =
  /** The renamed declaration itself (defining file). */
  | 'declaration'
  /** `import { Foo }`: the importer's local binding. */
  | 'import-binding'
  /** `import { Foo as X }`: only the imported name. */
  | 'import-property'
  /** `import Foo from`: a default import named like the default export. */
  | 'default-import'
  /** An exported name with no local side (`export { Foo } from`, `export { x as Foo }`). */
  | 'export-name'
  /** `export { Foo }`: a local reference that is also the exported name. */
  | 'export-local'
  /** `{ Foo }` in an object literal: the key stays, the value is renamed. */
  | 'shorthand'
  /** `const { Foo } = ns`: the property and a new local binding. */
  | 'binding-element'
  /** A use of a binding (a call, a JSX tag, a type reference). */
  | 'reference'
  /** A property name (`ns.Foo`, `{ Foo: x }` in a pattern). */
  | 'property';

/** One spot to rewrite. */
export interface Site {
  readonly kind: SiteKind;
  readonly node: ts.Identifier;
  /** For a scope-sensitive spot: the name of the binding in this file it declares or uses. */
  readonly binding: ts.Identifier | undefined;
}

/** The spots of one file, with the program objects they come from. */
export interface FileSites {
  /** Repository-relative path. */
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  readonly program: ts.Program;
  readonly sites: readonly Site[];
}

const SCOPED: ReadonlySet<SiteKind> = new Set([
  'declaration',
  'import-binding',
  'default-import',
  'export-local',
  'shorthand',
  'binding-element',
  'reference',
]);

/** Whether the spot is resolved by scope (a new name there can capture or be captured). */
export function isScoped(site: Site): boolean {
  return SCOPED.has(site.kind);
}

export function classify(id: ts.Identifier): SiteKind {
  const p = id.parent;
  if (ts.isImportSpecifier(p)) return p.propertyName === id ? 'import-property' : 'import-binding';
  if (ts.isImportClause(p)) return 'default-import';
  if (ts.isExportSpecifier(p)) {
    if (p.parent.parent.moduleSpecifier) return 'export-name';
    if (p.propertyName === id) return 'reference';
    return p.propertyName ? 'export-name' : 'export-local';
  }
  if (ts.isShorthandPropertyAssignment(p) && p.name === id) return 'shorthand';
  if (ts.isBindingElement(p)) {
    if (p.propertyName === id) return 'property';
    if (p.name === id && !p.propertyName && ts.isObjectBindingPattern(p.parent))
      return 'binding-element';
  }
  if (declaringNode(id)) return 'declaration';
  return isReference(id) ? 'reference' : 'property';
}

/** The name node of the binding in `sf` that `id` declares or refers to. */
export function bindingOf(
  id: ts.Identifier,
  sf: ts.SourceFile,
  checker: ts.TypeChecker,
): ts.Identifier | undefined {
  const p = id.parent;
  const symbol = ts.isShorthandPropertyAssignment(p)
    ? checker.getShorthandAssignmentValueSymbol(p)
    : ts.isExportSpecifier(p)
      ? checker.getExportSpecifierLocalTargetSymbol(p)
      : checker.getSymbolAtLocation(id);
  const local = symbol?.declarations?.find((d) => d.getSourceFile() === sf);
  const name = local && (local as ts.NamedDeclaration).name;
  if (name && ts.isIdentifier(name)) return name;
  return declaringNode(id) ? id : undefined;
}

/**
 * Every spot to rename for a definition, per file, over every program that contains
 * the defining file (a monorepo may have several). A file seen by two programs keeps
 * the spots of the first.
 */
export function findSites(view: TsProjectView, def: Definition): FileSites[] {
  const out = new Map<string, FileSites>();
  const defAbs = view.abs(def.file);
  const projects = new Set([view.projectOf(def.file), ...view.allProjects([def.name.text])]);
  for (const project of projects) {
    const program = project.getProgram().compilerObject;
    const sf = program.getSourceFile(defAbs);
    if (!sf) continue;
    const offset = def.name.getStart(def.sourceFile);
    const locations =
      languageServiceOf(project).findRenameLocations(defAbs, offset, false, false, {
        providePrefixAndSuffixTextForRename: false,
      }) ?? [];
    const checker = checkerOf(project);
    const byFile = new Map<string, ts.Identifier[]>();
    for (const loc of locations) {
      const rel = view.rel(loc.fileName);
      if (out.has(rel)) continue;
      const file = program.getSourceFile(loc.fileName);
      const id = file && identifierAt(file, loc.textSpan.start);
      if (!id) continue;
      byFile.set(rel, [...(byFile.get(rel) ?? []), id]);
    }
    for (const [rel, ids] of byFile) {
      const sourceFile = ids[0]!.getSourceFile();
      const sites = ids.map((node) => {
        const kind = classify(node);
        const binding = SCOPED.has(kind) ? bindingOf(node, sourceFile, checker) : undefined;
        return { kind, node, binding };
      });
      out.set(rel, { file: rel, sourceFile, checker, program, sites });
    }
  }
  return [...out.values()];
}
