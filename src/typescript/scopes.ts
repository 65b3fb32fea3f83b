/**
 * Lexical scopes of one TypeScript/JavaScript file, from its syntax tree alone: which
 * identifiers declare a name and over which node that name is visible (block scoping
 * for `let`/`const`/classes, function scoping for `var` and parameters, the file for
 * imports), and which identifiers refer to a binding rather than naming a property.
 * The rename planner uses it to see what a new name would capture or be captured by.
 */
import { ts } from 'ts-morph';

/** A declaration of a name and the node it is visible in. */
export interface Binding {
  readonly name: ts.Identifier;
  /** The declaring node (a VariableDeclaration, an ImportSpecifier, ...). */
  readonly declaration: ts.Node;
  /** Where the name is visible: a block, a function, a catch clause, or the file. */
  readonly scope: ts.Node;
}

function isBlockScope(node: ts.Node): boolean {
  return (
    ts.isBlock(node) ||
    ts.isSourceFile(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseBlock(node) ||
    ts.isForStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isCatchClause(node)
  );
}

function isFunctionScope(node: ts.Node): boolean {
  return ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isFunctionLike(node);
}

function closest(node: ts.Node, test: (n: ts.Node) => boolean): ts.Node {
  let n: ts.Node | undefined = node;
  while (n && !test(n)) n = n.parent;
  return n ?? node.getSourceFile();
}

/** The VariableDeclaration or Parameter a binding-pattern element belongs to. */
function patternRoot(node: ts.BindingElement): ts.Node {
  let n: ts.Node = node;
  while (ts.isBindingElement(n) || ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)) {
    n = n.parent;
  }
  return n;
}

function variableScope(decl: ts.Node): ts.Node {
  if (ts.isParameter(decl)) return decl.parent;
  if (!ts.isVariableDeclaration(decl)) return closest(decl.parent, isBlockScope);
  if (ts.isCatchClause(decl.parent)) return decl.parent;
  const list = decl.parent;
  const isVar =
    ts.isVariableDeclarationList(list) &&
    (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using)) === 0;
  return isVar ? closest(list.parent, isFunctionScope) : closest(list.parent, isBlockScope);
}

/** The node that `id` declares a name for, when `id` is a declaration's name. */
export function declaringNode(id: ts.Identifier): ts.Node | undefined {
  const p = id.parent;
  const named =
    ts.isVariableDeclaration(p) ||
    ts.isBindingElement(p) ||
    ts.isParameter(p) ||
    ts.isFunctionDeclaration(p) ||
    ts.isFunctionExpression(p) ||
    ts.isClassDeclaration(p) ||
    ts.isClassExpression(p) ||
    ts.isInterfaceDeclaration(p) ||
    ts.isTypeAliasDeclaration(p) ||
    ts.isEnumDeclaration(p) ||
    ts.isModuleDeclaration(p) ||
    ts.isImportSpecifier(p) ||
    ts.isImportClause(p) ||
    ts.isNamespaceImport(p) ||
    ts.isImportEqualsDeclaration(p) ||
    ts.isTypeParameterDeclaration(p);
  return named && (p as ts.NamedDeclaration).name === id ? p : undefined;
}

/** Where the name `id` declares is visible, or undefined when `id` declares nothing. */
export function scopeOf(id: ts.Identifier): ts.Node | undefined {
  const decl = declaringNode(id);
  if (!decl) return undefined;
  if (ts.isImportSpecifier(decl) || ts.isImportClause(decl) || ts.isNamespaceImport(decl)) {
    return decl.getSourceFile();
  }
  if (ts.isFunctionExpression(decl) || ts.isClassExpression(decl)) return decl;
  if (ts.isTypeParameterDeclaration(decl)) return decl.parent;
  if (ts.isBindingElement(decl)) return variableScope(patternRoot(decl));
  if (ts.isVariableDeclaration(decl) || ts.isParameter(decl)) return variableScope(decl);
  return closest(decl.parent, isBlockScope);
}

/** Whether `node` lies inside `scope` (a scope contains itself). */
export function encloses(scope: ts.Node, node: ts.Node): boolean {
  return node.pos >= scope.pos && node.end <= scope.end;
}

/** Every identifier of the file spelled `name` (none when the text does not contain it). */
export function identifiersNamed(sf: ts.SourceFile, name: string): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  if (!sf.text.includes(name)) return out;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name) out.push(node);
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return out;
}

/** Every declaration of `name` in the file, with its scope. */
export function bindingsNamed(sf: ts.SourceFile, name: string): Binding[] {
  const out: Binding[] = [];
  for (const id of identifiersNamed(sf, name)) {
    const declaration = declaringNode(id);
    const scope = scopeOf(id);
    if (declaration && scope) out.push({ name: id, declaration, scope });
  }
  return out;
}

/**
 * Whether an identifier refers to a binding (a value, type or namespace) rather than
 * naming a property, a member, a JSX attribute, a label or another module's export.
 * A JSX tag counts (a lower-case one is intrinsic in TSX, but keeping it is the safe
 * mistake). Shadowing is not resolved here.
 */
export function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (declaringNode(id)) return false;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && nameOf(p) === id) return false;
  if (isMemberName(p, id)) return false;
  if (ts.isJsxAttribute(p) || ts.isEnumMember(p)) return false;
  if ((ts.isImportSpecifier(p) || ts.isBindingElement(p)) && p.propertyName === id) return false;
  if (ts.isExportSpecifier(p)) return !p.parent.parent.moduleSpecifier && exportLocal(p) === id;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  return true;
}

function nameOf(p: ts.PropertyAccessExpression | ts.QualifiedName): ts.Node {
  return ts.isPropertyAccessExpression(p) ? p.name : p.right;
}

/** The local side of an export specifier: `a` in `export { a as b }` and in `export { a }`. */
export function exportLocal(spec: ts.ExportSpecifier): ts.ModuleExportName {
  return spec.propertyName ?? spec.name;
}

function isMemberName(p: ts.Node, id: ts.Identifier): boolean {
  return (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertySignature(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isMethodSignature(p) ||
      ts.isGetAccessor(p) ||
      ts.isSetAccessor(p)) &&
    p.name === id
  );
}

export function isJsxTagName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    (ts.isJsxOpeningElement(p) || ts.isJsxSelfClosingElement(p) || ts.isJsxClosingElement(p)) &&
    p.tagName === id
  );
}

/** The identifier at `offset` (the start of a name), if there is one. */
export function identifierAt(sf: ts.SourceFile, offset: number): ts.Identifier | undefined {
  let found: ts.Identifier | undefined;
  const visit = (node: ts.Node): void => {
    if (found || offset < node.pos || offset >= node.end) return;
    if (ts.isIdentifier(node) && node.getStart(sf) === offset) {
      found = node;
      return;
    }
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return found;
}
