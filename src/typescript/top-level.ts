/**
 * Top-level declarations of a TypeScript file, for planners that move or delete them:
 * the statements that bind a name (function overloads and merged interfaces are
 * several), whether they are exported, the range a deletion takes (the statement with
 * its own doc comment and line, and one of the blank lines around it), and whether an
 * identifier is a reference (not a property or member name).
 */
import { ts } from 'ts-morph';

/** The top-level statements that declare `name` (empty when none does). */
export function topLevelDeclarations(sf: ts.SourceFile, name: string): ts.Statement[] {
  return sf.statements.filter((s) => declaredNames(s).includes(name));
}

/** Names a top-level statement binds (a variable statement may bind several). */
export function declaredNames(s: ts.Statement): string[] {
  if (
    (ts.isFunctionDeclaration(s) ||
      ts.isClassDeclaration(s) ||
      ts.isInterfaceDeclaration(s) ||
      ts.isTypeAliasDeclaration(s) ||
      ts.isEnumDeclaration(s)) &&
    s.name
  )
    return [s.name.text];
  if (ts.isModuleDeclaration(s) && ts.isIdentifier(s.name)) return [s.name.text];
  if (ts.isVariableStatement(s)) {
    return s.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  }
  return [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
}

/** The identifier that names the declaration of `name` in `s`. */
export function declarationName(s: ts.Statement, name: string): ts.Identifier | undefined {
  if (ts.isVariableStatement(s)) {
    const d = s.declarationList.declarations.find(
      (v) => ts.isIdentifier(v.name) && v.name.text === name,
    );
    return d && ts.isIdentifier(d.name) ? d.name : undefined;
  }
  const n = (s as ts.DeclarationStatement).name;
  return n && ts.isIdentifier(n) && n.text === name ? n : undefined;
}

function hasModifier(s: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === kind);
}

export function isExported(s: ts.Statement): boolean {
  return hasModifier(s, ts.SyntaxKind.ExportKeyword);
}

export function isDefaultExport(s: ts.Statement): boolean {
  return hasModifier(s, ts.SyntaxKind.DefaultKeyword);
}

/** Whether `s` declares a type only (no runtime value). */
export function isTypeOnlyDeclaration(s: ts.Statement): boolean {
  return ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s);
}

/** `let`/`var`: module state, which sharing or moving would change. */
export function isMutableVariable(s: ts.Statement): boolean {
  return (
    ts.isVariableStatement(s) &&
    (s.declarationList.flags & (ts.NodeFlags.Const | ts.NodeFlags.Using)) === 0
  );
}

export interface Range {
  readonly start: number;
  readonly end: number;
}

const lineStartOf = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

const isBlank = (line: string) => /^[ \t]*\r?\n?$/.test(line);

/**
 * Where the statement's text starts when it moves or goes: at its doc comment and the
 * comments directly above it (no blank line between), at the start of their line.
 */
export function statementStart(text: string, s: ts.Statement, sf: ts.SourceFile): number {
  let start = s.getStart(sf);
  const comments = ts.getLeadingCommentRanges(text, s.pos) ?? [];
  for (let i = comments.length - 1; i >= 0; i--) {
    const c = comments[i]!;
    const between = text.slice(c.end, start);
    if ((between.match(/\n/g) ?? []).length > 1) break;
    start = c.pos;
  }
  const lineStart = lineStartOf(text, start);
  return /^[ \t]*$/.test(text.slice(lineStart, start)) ? lineStart : start;
}

/** The end of the statement's text: its trailing comment on the same line and the line break. */
export function statementEnd(text: string, s: ts.Statement): number {
  let end = s.end;
  for (const c of ts.getTrailingCommentRanges(text, end) ?? []) {
    if (!text.slice(end, c.pos).includes('\n')) end = c.end;
  }
  return /^[ \t]*\r?$/.test(text.slice(end, lineEndAfter(text, end)).replace(/\n$/, ''))
    ? lineEndAfter(text, end)
    : end;
}

/**
 * The range that deletes consecutive statements (and their comments), with one of the
 * blank lines around them, so no double blank line is left behind.
 */
export function deletionRange(
  text: string,
  first: ts.Statement,
  last: ts.Statement,
  sf: ts.SourceFile,
): Range {
  const start = statementStart(text, first, sf);
  let end = statementEnd(text, last);
  const before = start === 0 ? '\n' : text.slice(lineStartOf(text, start - 1), start);
  if (isBlank(before) || start === 0) {
    while (end < text.length && isBlank(text.slice(end, lineEndAfter(text, end)))) {
      end = lineEndAfter(text, end);
      if (start !== 0) break;
    }
  }
  return { start, end };
}

/** Ranges that delete each statement, adjacent ones merged into one range. */
export function deletionRanges(
  text: string,
  statements: readonly ts.Statement[],
  sf: ts.SourceFile,
): Range[] {
  const sorted = [...new Set(statements)].sort((a, b) => a.pos - b.pos);
  const index = (s: ts.Statement) => sf.statements.indexOf(s);
  const runs: ts.Statement[][] = [];
  for (const s of sorted) {
    const run = runs[runs.length - 1];
    if (run && index(s) === index(run[run.length - 1]!) + 1) run.push(s);
    else runs.push([s]);
  }
  return runs.map((run) => deletionRange(text, run[0]!, run[run.length - 1]!, sf));
}

/**
 * Whether an identifier is a reference to a binding (not a property name, a member
 * name, a JSX attribute, a label, or another module's export name).
 */
export function isReferenceIdentifier(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p)) return p.name !== id;
  if (ts.isQualifiedName(p)) return p.left === id;
  if (ts.isBindingElement(p)) return p.propertyName !== id;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p)) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  const named =
    ts.isPropertyAssignment(p) ||
    ts.isPropertySignature(p) ||
    ts.isPropertyDeclaration(p) ||
    ts.isMethodDeclaration(p) ||
    ts.isMethodSignature(p) ||
    ts.isGetAccessor(p) ||
    ts.isSetAccessor(p) ||
    ts.isEnumMember(p) ||
    ts.isJsxAttribute(p);
  return !(named && (p as { name?: ts.Node }).name === id);
}
