/**
 * Test doubles that name an export in a string or an object key, where the type checker
 * does not see a reference: `vi.mock('@/components/pages/AboutUs', () => ({ AboutUs: ... }))`
 * (and `jest.mock`, `vi.doMock`, `jest.doMock`) — the factory's keys are the module's
 * export names, so a key equal to the old name is renamed when the mocked path names a
 * module that exports the renamed declaration under that name (directly, through a
 * re-export or `export *`); and `vi.spyOn(ns, 'AboutUs')` / `jest.spyOn` on a namespace
 * import of such a module.
 */
import { ts } from 'ts-morph';
import { Edit } from '../../core/edit.js';
import type { TsProjectView } from '../project.js';
import { identifierAt } from '../scopes.js';

/** What the scan found: edits per file, and shorthand keys `{ Foo }` that name the export. */
export interface MockRenames {
  readonly edits: Map<string, Edit[]>;
  /** `file:offset` of shorthand keys that name the export (their key is renamed too). */
  readonly exportKeys: Set<string>;
  /** The files that mock or spy on something and mention the name. */
  readonly scanned: { readonly file: string; readonly sourceFile: ts.SourceFile }[];
}

const MOCK_CALL = /\b(?:vi|jest)\s*\.\s*(?:do)?[mM]ock\s*\(|\bspyOn\s*\(/;

interface Scan {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly target: ts.Symbol;
  readonly from: string;
  readonly to: string;
}

/** Renames in mock factories and spies, over every program that contains the definition. */
export function mockRenames(
  view: TsProjectView,
  definition: { readonly file: string; readonly name: ts.Identifier },
  to: string,
): MockRenames {
  const out: MockRenames = { edits: new Map(), exportKeys: new Set(), scanned: [] };
  const from = definition.name.text;
  const seen = new Set<string>();
  for (const project of view.allProjects([from])) {
    const program = project.getProgram().compilerObject;
    const checker = program.getTypeChecker();
    const defSf = program.getSourceFile(view.abs(definition.file));
    const defName =
      defSf && identifierAt(defSf, definition.name.getStart(definition.name.getSourceFile()));
    const target = defName && checker.getSymbolAtLocation(defName);
    if (!target) continue;
    const scan: Scan = { program, checker, target, from, to };
    for (const sf of program.getSourceFiles()) {
      const rel = view.rel(sf.fileName);
      if (sf.isDeclarationFile || seen.has(rel) || rel.startsWith('..')) continue;
      if (!sf.text.includes(from) || !MOCK_CALL.test(sf.text)) continue;
      seen.add(rel);
      out.scanned.push({ file: rel, sourceFile: sf });
      const edits = scanFile(sf, scan, (node) => out.exportKeys.add(`${rel}:${node.getStart(sf)}`));
      if (edits.length > 0) out.edits.set(rel, edits);
    }
  }
  return out;
}

function scanFile(sf: ts.SourceFile, scan: Scan, exportKey: (n: ts.Node) => void): Edit[] {
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) edits.push(...callEdits(node, sf, scan, exportKey));
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return edits;
}

function calleeName(call: ts.CallExpression): string | undefined {
  const c = call.expression;
  if (!ts.isPropertyAccessExpression(c) || !ts.isIdentifier(c.expression)) return undefined;
  return ['vi', 'jest'].includes(c.expression.text) ? c.name.text : undefined;
}

function callEdits(
  call: ts.CallExpression,
  sf: ts.SourceFile,
  scan: Scan,
  exportKey: (n: ts.Node) => void,
): Edit[] {
  const name = calleeName(call);
  const [first, second] = call.arguments;
  if (!first || !second) return [];
  if (name === 'mock' || name === 'doMock') {
    if (!ts.isStringLiteralLike(first) || !exportsTarget(resolve(first.text, sf, scan), scan))
      return [];
    return factoryObjects(second).flatMap((o) => keyEdits(o, sf, scan, exportKey));
  }
  if (name === 'spyOn' && ts.isIdentifier(first) && ts.isStringLiteralLike(second)) {
    if (second.text !== scan.from || !namespaceOfTarget(first, scan)) return [];
    return [Edit.replace(second.getStart(sf) + 1, second.end - 1, scan.to)];
  }
  return [];
}

/** The module a specifier names from a file, as the program resolves it. */
function resolve(specifier: string, sf: ts.SourceFile, scan: Scan): ts.SourceFile | undefined {
  const host: ts.ModuleResolutionHost = {
    fileExists: (f) => scan.program.getSourceFile(f) !== undefined || ts.sys.fileExists(f),
    readFile: (f) => scan.program.getSourceFile(f)?.text ?? ts.sys.readFile(f),
  };
  const options = scan.program.getCompilerOptions();
  const resolved = ts.resolveModuleName(specifier, sf.fileName, options, host).resolvedModule;
  return resolved && scan.program.getSourceFile(resolved.resolvedFileName);
}

/** Whether the module exports the renamed declaration under its old name. */
function exportsTarget(module: ts.SourceFile | undefined, scan: Scan): boolean {
  const symbol = module && scan.checker.getSymbolAtLocation(module);
  if (!symbol) return false;
  const exported = scan.checker.getExportsOfModule(symbol).find((s) => s.name === scan.from);
  if (!exported) return false;
  const real =
    exported.flags & ts.SymbolFlags.Alias ? scan.checker.getAliasedSymbol(exported) : exported;
  return real === scan.target;
}

/** Whether `id` is a namespace import (`import * as ns`) of a module exporting the target. */
function namespaceOfTarget(id: ts.Identifier, scan: Scan): boolean {
  const decl = scan.checker.getSymbolAtLocation(id)?.declarations?.[0];
  if (!decl || !ts.isNamespaceImport(decl)) return false;
  const spec = decl.parent.parent.moduleSpecifier;
  if (!ts.isStringLiteral(spec)) return false;
  return exportsTarget(resolve(spec.text, decl.getSourceFile(), scan), scan);
}

function unwrap(e: ts.Expression): ts.Expression {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isSatisfiesExpression(x))
    x = x.expression;
  return x;
}

/** The object literals a mock factory returns. */
function factoryObjects(factory: ts.Expression): ts.ObjectLiteralExpression[] {
  if (!ts.isArrowFunction(factory) && !ts.isFunctionExpression(factory)) return [];
  const body = factory.body;
  if (!ts.isBlock(body)) {
    const e = unwrap(body);
    return ts.isObjectLiteralExpression(e) ? [e] : [];
  }
  const out: ts.ObjectLiteralExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) {
      const e = unwrap(n.expression);
      if (ts.isObjectLiteralExpression(e)) out.push(e);
    }
    n.forEachChild(visit);
  };
  body.forEachChild(visit);
  return out;
}

function keyEdits(
  object: ts.ObjectLiteralExpression,
  sf: ts.SourceFile,
  scan: Scan,
  exportKey: (n: ts.Node) => void,
): Edit[] {
  const edits: Edit[] = [];
  for (const p of object.properties) {
    const key = p.name;
    if (!key || !(ts.isIdentifier(key) || ts.isStringLiteral(key)) || key.text !== scan.from)
      continue;
    if (ts.isShorthandPropertyAssignment(p)) {
      // `{ AboutUs }`: the value stays; when it is the renamed binding, the rename writes it.
      exportKey(p.name);
      const bound = scan.checker.getShorthandAssignmentValueSymbol(p);
      const real =
        bound && bound.flags & ts.SymbolFlags.Alias ? scan.checker.getAliasedSymbol(bound) : bound;
      if (real !== scan.target) edits.push(Edit.insert(p.name.getStart(sf), `${scan.to}: `));
    } else if (ts.isStringLiteral(key)) {
      edits.push(Edit.replace(key.getStart(sf) + 1, key.end - 1, scan.to));
    } else {
      edits.push(Edit.replace(key.getStart(sf), key.end, scan.to));
    }
  }
  return edits;
}
