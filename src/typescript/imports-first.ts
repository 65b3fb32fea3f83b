/**
 * imports-first for TypeScript/JavaScript (the `import/first` lint rule; the TS form of
 * hoist-imports): every import declaration before any other statement, after the
 * directive prologue (`'use client'`, `'use strict'`). The statements found between
 * imports move, in their order and with their attached comments, to just below the
 * import block; the imports keep their order, comments and blank-line grouping.
 *
 * ES imports are hoisted, so an ES module behaves the same after the move. Where imports
 * are not hoisted — CommonJS output (tsc `module: commonjs`, Jest/Babel), which runs
 * each `require` where its import stood — a statement that does something (an
 * assignment, a call: a polyfill) before an import can be what that import needs: such
 * a file is refused with the line and the reason. Declarations (functions, types,
 * classes, constants with plain initializers) move freely.
 */
import { ts } from 'ts-morph';
import type { Edit } from '../core/edit.js';
import { editsFromTexts } from '../core/text-edits.js';
import { describeSyntaxProblems, parseTs, tsSyntaxProblems } from './parse.js';
import type { PlanDiagnostic } from './plan.js';

export type ImportsFirstResult =
  | { readonly kind: 'unchanged' }
  | {
      readonly kind: 'changed';
      readonly edits: readonly Edit[];
      readonly after: string;
      readonly diagnostics: readonly PlanDiagnostic[];
    }
  | { readonly kind: 'refused'; readonly diagnostic: PlanDiagnostic };

/** `import ... from`, `import '...'`, `import x = require('...')`. */
function isImport(s: ts.Statement): boolean {
  return (
    ts.isImportDeclaration(s) ||
    (ts.isImportEqualsDeclaration(s) && ts.isExternalModuleReference(s.moduleReference))
  );
}

function isDirective(s: ts.Statement): boolean {
  return ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression);
}

/** Whether evaluating the expression can do nothing observable (no call, no assignment). */
function isPure(e: ts.Node | undefined): boolean {
  if (e === undefined) return true;
  if (
    ts.isLiteralExpression(e) ||
    ts.isIdentifier(e) ||
    ts.isArrowFunction(e) ||
    ts.isFunctionExpression(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword ||
    e.kind === ts.SyntaxKind.NullKeyword
  )
    return true;
  if (ts.isPropertyAccessExpression(e)) return isPure(e.expression);
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.every(
      (p) =>
        (ts.isPropertyAssignment(p) &&
          !ts.isComputedPropertyName(p.name) &&
          isPure(p.initializer)) ||
        ts.isShorthandPropertyAssignment(p) ||
        ts.isMethodDeclaration(p),
    );
  }
  if (ts.isArrayLiteralExpression(e)) return e.elements.every(isPure);
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => isPure(s.expression));
  if (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isTypeOfExpression(e)
  )
    return isPure(e.expression);
  if (ts.isPrefixUnaryExpression(e)) return isPure(e.operand);
  if (ts.isBinaryExpression(e) && !isAssignment(e.operatorToken.kind))
    return isPure(e.left) && isPure(e.right);
  return false;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isAmbient(s: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(s) &&
    (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
  );
}

function isInertClass(c: ts.ClassDeclaration): boolean {
  if (ts.getDecorators(c)?.length) return false;
  const base = c.heritageClauses?.flatMap((h) => h.types.map((t) => t.expression)) ?? [];
  return (
    base.every(isPure) &&
    c.members.every((m) => {
      if (ts.isClassStaticBlockDeclaration(m)) return false;
      if (m.name && ts.isComputedPropertyName(m.name)) return false;
      if (ts.canHaveDecorators(m) && ts.getDecorators(m)?.length) return false;
      const isStatic = ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static;
      return !isStatic || !ts.isPropertyDeclaration(m) || isPure(m.initializer);
    })
  );
}

/** Whether moving the statement below later imports cannot change what runs first. */
function isInert(s: ts.Statement): boolean {
  if (isAmbient(s)) return true;
  if (
    ts.isFunctionDeclaration(s) ||
    ts.isInterfaceDeclaration(s) ||
    ts.isTypeAliasDeclaration(s) ||
    ts.isExportDeclaration(s) ||
    ts.isImportEqualsDeclaration(s) ||
    ts.isEmptyStatement(s)
  )
    return true;
  if (ts.isClassDeclaration(s)) return isInertClass(s);
  if (ts.isEnumDeclaration(s)) return s.members.every((m) => isPure(m.initializer));
  if (ts.isVariableStatement(s))
    return s.declarationList.declarations.every((d) => isPure(d.initializer));
  if (ts.isExportAssignment(s)) return isPure(s.expression);
  if (ts.isModuleDeclaration(s))
    return !s.body || ts.isModuleDeclaration(s.body) || isTypesOnly(s.body);
  return false;
}

function isTypesOnly(body: ts.ModuleBody): boolean {
  return (
    ts.isModuleBlock(body) &&
    body.statements.every((s) => ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s))
  );
}

interface Chunk {
  readonly statement: ts.Statement;
  /** The chunk's text: attached comments, the statement, a comment ending its line. */
  readonly text: string;
  /** Whether a blank line separated it from what came before. */
  readonly blankBefore: boolean;
}

/** Where a statement's chunk ends: the end of its line if only trivia follows it there. */
function chunkEnd(text: string, s: ts.Statement): number {
  const nl = text.indexOf('\n', s.end);
  const lineEnd = nl === -1 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  const rest = text.slice(s.end, lineEnd);
  return /^\s*(\/\/.*|\/\*.*?\*\/\s*)?$/.test(rest) ? lineEnd : s.end;
}

/** Start of the first chunk: the statement's line, or the first comment attached to it. */
function firstChunkStart(text: string, s: ts.Statement, sf: ts.SourceFile): number {
  let start = s.getStart(sf);
  const comments = ts.getLeadingCommentRanges(text, s.pos) ?? [];
  for (let i = comments.length - 1; i >= 0; i--) {
    const gap = text.slice(comments[i]!.end, start);
    if ((gap.match(/\n/g) ?? []).length > 1) break;
    start = comments[i]!.pos;
  }
  return text.lastIndexOf('\n', start - 1) + 1;
}

function chunksOf(text: string, segment: readonly ts.Statement[], start: number): Chunk[] {
  const chunks: Chunk[] = [];
  let from = start;
  for (const statement of segment) {
    const end = chunkEnd(text, statement);
    const raw = text.slice(from, end);
    const lead = /^(?:[ \t]*\r?\n)*/.exec(raw)![0];
    const midLine = from > 0 && text[from - 1] !== '\n';
    chunks.push({
      statement,
      // A statement that shared a line with the previous one starts after its spaces.
      text: midLine ? raw.slice(lead.length).trimStart() : raw.slice(lead.length),
      blankBefore: chunks.length > 0 && /\n/.test(lead),
    });
    from = text[end] === '\r' ? end + 2 : text[end] === '\n' ? end + 1 : end;
  }
  return chunks;
}

function join(chunks: readonly Chunk[], eol: string, firstBlank: boolean): string {
  return chunks
    .map((c, i) => `${i === 0 ? (firstBlank ? eol : '') : c.blankBefore ? eol : ''}${c.text}`)
    .join(eol);
}

const lineOf = (sf: ts.SourceFile, pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;

function firstLine(s: ts.Statement, sf: ts.SourceFile): string {
  const t = s.getText(sf).split('\n')[0]!.trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** Plan the move for one file (`path` decides TS/JS and JSX). */
export function planImportsFirst(path: string, text: string): ImportsFirstResult {
  const parsed = parseTs(path, text);
  const broken = describeSyntaxProblems(tsSyntaxProblems(parsed));
  const sf = parsed.sourceFile;
  if (broken) {
    return {
      kind: 'refused',
      diagnostic: {
        severity: 'warning',
        code: 'imports-first/syntax',
        message: `not changed: ${broken}`,
        file: path,
      },
    };
  }
  const statements = sf.statements;
  let first = 0;
  while (first < statements.length && isDirective(statements[first]!)) first++;
  let last = -1;
  statements.forEach((s, i) => {
    if (isImport(s)) last = i;
  });
  const segment = statements.slice(first, last + 1);
  const movers = segment.filter((s) => !isImport(s));
  if (movers.length === 0) return { kind: 'unchanged' };
  const blocker = movers.find((s) => !isInert(s));
  if (blocker) return refusal(path, sf, blocker, segment);
  const start = firstChunkStart(text, segment[0]!, sf);
  const end = chunkEnd(text, segment[segment.length - 1]!);
  const chunks = chunksOf(text, segment, start);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const imports = chunks.filter((c) => isImport(c.statement));
  const moved = chunks.filter((c) => !isImport(c.statement));
  const block = `${join(imports, eol, false)}${eol}${join(moved, eol, true)}`;
  const after = text.slice(0, start) + block + text.slice(end);
  const diagnostics = moved.map(
    (c): PlanDiagnostic => ({
      severity: 'info',
      code: 'imports-first/moved',
      message: `moved \`${firstLine(c.statement, sf)}\` below the imports`,
      file: path,
      line: lineOf(sf, c.statement.getStart(sf)),
    }),
  );
  return { kind: 'changed', edits: editsFromTexts(text, after), after, diagnostics };
}

function refusal(
  path: string,
  sf: ts.SourceFile,
  blocker: ts.Statement,
  segment: readonly ts.Statement[],
): ImportsFirstResult {
  const later = segment.filter((s) => isImport(s) && s.pos > blocker.pos);
  const sideEffect = later.find((s) => ts.isImportDeclaration(s) && !s.importClause);
  const shown = sideEffect ?? later[0]!;
  const what = sideEffect ? 'the side-effect import' : 'the import';
  return {
    kind: 'refused',
    diagnostic: {
      severity: 'warning',
      code: 'imports-first/evaluation-order',
      message: `not changed: \`${firstLine(blocker, sf)}\` runs before ${what} on line ${lineOf(sf, shown.getStart(sf))}, and may be what it needs (a polyfill, a setting); where imports are not hoisted (CommonJS output) moving it would change what runs first`,
      file: path,
      line: lineOf(sf, blocker.getStart(sf)),
      hint: 'move it into a module of its own and import that first',
    },
  };
}
