/**
 * The structural fingerprint of a top-level declaration, for deciding whether two
 * copies in different modules are the same code: its syntax tree serialized without
 * layout, comments, quotes or semicolons, with its own `export` dropped; names declared
 * inside it alpha-renamed in order of appearance; every other name by what it is bound
 * to — a helper being shared (by its shared name), another top-level declaration of the
 * same file (a dependency), an import (by module and exported name), or a global.
 */
import { ts } from 'ts-morph';
import { isReferenceIdentifier } from '../top-level.js';

/** A name the declaration reads through one of its file's imports. */
export interface ImportUse {
  readonly local: string;
  /** The specifier as the file writes it. */
  readonly specifier: string;
  /** `default`, `*` (namespace) or the exported name. */
  readonly imported: string;
  readonly typeOnly: boolean;
}

export interface Fingerprint {
  /** Equal keys: interchangeable code. */
  readonly key: string;
  /** Top-level names of the same file it reads (not the helpers being shared). */
  readonly dependencies: ReadonlySet<string>;
  /** Shared names of the helpers of the same file it reads. */
  readonly helpers: ReadonlySet<string>;
  readonly imports: readonly ImportUse[];
}

/** How the names of one file's helpers resolve: local name -> shared name. */
export interface FingerprintContext {
  readonly checker: ts.TypeChecker;
  /** Shared name of a top-level declaration of this file being shared, by its local name. */
  helperIn(name: string): string | undefined;
  /** Shared name of an imported declaration being shared (`file` + name), if it is one. */
  helperAt(declaration: ts.Declaration): string | undefined;
}

const EXPORT_MODIFIERS = new Set([ts.SyntaxKind.ExportKeyword, ts.SyntaxKind.DefaultKeyword]);

/** The fingerprint of the statements that declare one helper (overloads are several). */
export function fingerprint(
  statements: readonly ts.Statement[],
  ctx: FingerprintContext,
): Fingerprint {
  const sf = statements[0]!.getSourceFile();
  const inside = (pos: number) => statements.some((s) => pos >= s.pos && pos < s.end);
  const locals = new Map<ts.Symbol, number>();
  const dependencies = new Set<string>();
  const helpers = new Set<string>();
  const imports = new Map<string, ImportUse>();
  const out: string[] = [];

  const nameOf = (id: ts.Identifier): string => {
    if (!isReferenceIdentifier(id)) return `.${id.text}`;
    if (ts.isShorthandPropertyAssignment(id.parent)) {
      const value = ctx.checker.getShorthandAssignmentValueSymbol(id.parent);
      return `.${id.text}=${value ? symbolName(id, value) : `?${id.text}`}`;
    }
    const symbol = ctx.checker.getSymbolAtLocation(id);
    return symbol ? symbolName(id, symbol) : `?${id.text}`;
  };

  const symbolName = (id: ts.Identifier, symbol: ts.Symbol): string => {
    const decl = symbol.declarations?.[0];
    if (!decl) return `global:${symbol.name}`;
    if (decl.getSourceFile() === sf && inside(decl.pos)) {
      if (!locals.has(symbol)) locals.set(symbol, locals.size);
      return `$${locals.get(symbol)}`;
    }
    if (symbol.flags & ts.SymbolFlags.Alias && decl.getSourceFile() === sf) {
      return importName(id, symbol, decl);
    }
    if (decl.getSourceFile() === sf && isTopLevel(decl)) {
      const shared = ctx.helperIn(id.text);
      if (shared) {
        helpers.add(shared);
        return `helper:${shared}`;
      }
      dependencies.add(id.text);
      return `local:${id.text}`;
    }
    const shared = ctx.helperAt(decl);
    return shared ? `helper:${shared}` : `global:${symbol.name}`;
  };

  const importName = (id: ts.Identifier, symbol: ts.Symbol, decl: ts.Declaration): string => {
    const target = ctx.checker.getAliasedSymbol(symbol);
    const targetDecl = target.declarations?.[0];
    const shared = targetDecl && ctx.helperAt(targetDecl);
    if (shared) return `helper:${shared}`;
    const use = importUse(id.text, decl);
    if (!use) return `global:${symbol.name}`;
    imports.set(use.local, use);
    // By what it resolves to, so `'./config'` and `'@/lib/config'` are the same import.
    const where = targetDecl
      ? `${targetDecl.getSourceFile().fileName}#${target.name}`
      : `${use.specifier}#${use.imported}`;
    return `import:${where}`;
  };

  const visit = (node: ts.Node, top: boolean): void => {
    if (top && EXPORT_MODIFIERS.has(node.kind)) return;
    out.push(token(node, nameOf));
    out.push('(');
    node.forEachChild((child) => visit(child, false));
    out.push(')');
  };
  for (const s of statements) {
    out.push('{');
    out.push(String(s.kind));
    s.forEachChild((child) => visit(child, true));
    out.push('}');
  }
  return { key: out.join(' '), dependencies, helpers, imports: [...imports.values()] };
}

/** A node's kind, with what the kind does not say (operator, literal value, name). */
function token(node: ts.Node, nameOf: (id: ts.Identifier) => string): string {
  const kind = String(node.kind);
  if (ts.isIdentifier(node)) return nameOf(node);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return `s:${JSON.stringify(node.text)}`;
  if (ts.isTemplateLiteralToken(node)) return `${kind}:${JSON.stringify(node.text)}`;
  if (ts.isNumericLiteral(node)) return `n:${Number(node.text)}`;
  if (
    ts.isBigIntLiteral(node) ||
    ts.isRegularExpressionLiteral(node) ||
    ts.isPrivateIdentifier(node)
  )
    return `${kind}:${node.text}`;
  if (ts.isJsxText(node)) return `jsx:${node.text.replace(/\s+/g, ' ')}`;
  if (
    ts.isPrefixUnaryExpression(node) ||
    ts.isPostfixUnaryExpression(node) ||
    ts.isTypeOperatorNode(node)
  )
    return `${kind}:${node.operator}`;
  if (ts.isVariableDeclarationList(node))
    return `${kind}:${node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using)}`;
  return kind;
}

function isTopLevel(decl: ts.Node): boolean {
  for (let n: ts.Node | undefined = decl; n; n = n.parent) {
    if (n.parent && ts.isSourceFile(n.parent)) return true;
    if (ts.isBlock(n) || ts.isModuleBlock(n) || ts.isFunctionLike(n) || ts.isClassLike(n))
      return false;
  }
  return false;
}

/** The import a local alias comes from (its declaration: specifier, clause, namespace). */
function importUse(local: string, decl: ts.Declaration): ImportUse | undefined {
  let n: ts.Node | undefined = decl;
  while (n && !ts.isImportDeclaration(n)) n = n.parent;
  if (!n || !ts.isStringLiteral(n.moduleSpecifier)) return undefined;
  const typeOnly = !!n.importClause?.isTypeOnly || (ts.isImportSpecifier(decl) && decl.isTypeOnly);
  const imported = ts.isImportSpecifier(decl)
    ? (decl.propertyName ?? decl.name).text
    : ts.isNamespaceImport(decl)
      ? '*'
      : 'default';
  return { local, specifier: n.moduleSpecifier.text, imported, typeOnly };
}
