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
  return new Writer(statements, ctx).write();
}

/** Serializes one copy, collecting what its names are bound to. */
class Writer {
  private readonly sf: ts.SourceFile;
  private readonly locals = new Map<ts.Symbol, number>();
  private readonly dependencies = new Set<string>();
  private readonly helpers = new Set<string>();
  private readonly imports = new Map<string, ImportUse>();
  private readonly out: string[] = [];

  constructor(
    private readonly statements: readonly ts.Statement[],
    private readonly ctx: FingerprintContext,
  ) {
    this.sf = statements[0]!.getSourceFile();
  }

  write(): Fingerprint {
    for (const s of this.statements) {
      this.out.push('{', String(s.kind));
      s.forEachChild((child) => this.visit(child, true));
      this.out.push('}');
    }
    const { dependencies, helpers } = this;
    return { key: this.out.join(' '), dependencies, helpers, imports: [...this.imports.values()] };
  }

  private visit(node: ts.Node, top: boolean): void {
    if (top && EXPORT_MODIFIERS.has(node.kind)) return;
    this.out.push(
      token(node, (id) => this.nameOf(id)),
      '(',
    );
    node.forEachChild((child) => this.visit(child, false));
    this.out.push(')');
  }

  private inside(pos: number): boolean {
    return this.statements.some((s) => pos >= s.pos && pos < s.end);
  }

  private nameOf(id: ts.Identifier): string {
    if (!isReferenceIdentifier(id)) return `.${id.text}`;
    if (ts.isShorthandPropertyAssignment(id.parent)) {
      const value = this.ctx.checker.getShorthandAssignmentValueSymbol(id.parent);
      return `.${id.text}=${value ? this.symbolName(id, value) : `?${id.text}`}`;
    }
    const symbol = this.ctx.checker.getSymbolAtLocation(id);
    return symbol ? this.symbolName(id, symbol) : `?${id.text}`;
  }

  /** A local (alpha-renamed), an import, a helper, a dependency of the same file, or a global. */
  private symbolName(id: ts.Identifier, symbol: ts.Symbol): string {
    const decl = symbol.declarations?.[0];
    if (!decl) return `global:${symbol.name}`;
    const here = decl.getSourceFile() === this.sf;
    if (here && this.inside(decl.pos)) {
      if (!this.locals.has(symbol)) this.locals.set(symbol, this.locals.size);
      return `$${this.locals.get(symbol)}`;
    }
    if (here && symbol.flags & ts.SymbolFlags.Alias) return this.importName(id, symbol, decl);
    if (here && isTopLevel(decl)) {
      const shared = this.ctx.helperIn(id.text);
      if (shared) this.helpers.add(shared);
      else this.dependencies.add(id.text);
      return shared ? `helper:${shared}` : `local:${id.text}`;
    }
    const shared = this.ctx.helperAt(decl);
    return shared ? `helper:${shared}` : `global:${symbol.name}`;
  }

  private importName(id: ts.Identifier, symbol: ts.Symbol, decl: ts.Declaration): string {
    const target = this.ctx.checker.getAliasedSymbol(symbol);
    const targetDecl = target.declarations?.[0];
    const shared = targetDecl && this.ctx.helperAt(targetDecl);
    if (shared) return `helper:${shared}`;
    const use = importUse(id.text, decl);
    if (!use) return `global:${symbol.name}`;
    this.imports.set(use.local, use);
    // By what it resolves to, so `'./config'` and `'@/lib/config'` are the same import.
    const where = targetDecl
      ? `${targetDecl.getSourceFile().fileName}#${target.name}`
      : `${use.specifier}#${use.imported}`;
    return `import:${where}`;
  }
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
