/**
 * Parse a TypeScript/JavaScript text and check that it parses, with UTF-16 offsets (the
 * one offset unit of remedy; TypeScript's own) and 1-based line/column in messages.
 * Incremental re-parse reuses the unchanged parts of the previous tree.
 */
import { ts } from 'ts-morph';
import type { Edit } from '../core/edit.js';
import { isJavaScriptPath, scriptKindOf } from './language.js';

/** A parsed file: its text and TypeScript's syntax tree of it. */
export interface ParsedTs {
  readonly path: string;
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
}

/** One syntax error. */
export interface TsSyntaxProblem {
  readonly code: number;
  readonly message: string;
  /** UTF-16 offset of the error in the text. */
  readonly offset: number;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
}

/** Parse `text` as the file `path` (its extension decides TS/JS and JSX). */
export function parseTs(path: string, text: string): ParsedTs {
  const sourceFile = ts.createSourceFile(
    path,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    true,
    scriptKindOf(path),
  );
  return { path, text, sourceFile };
}

/**
 * Parse `newText`, which is `parsed.text` with `edits` applied, reusing the old tree
 * (TypeScript's incremental parser). The old tree must not be used afterwards.
 */
export function reparseTs(parsed: ParsedTs, edits: readonly Edit[], newText: string): ParsedTs {
  if (edits.length === 0) return parseTs(parsed.path, newText);
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const e of edits) {
    start = Math.min(start, e.start);
    end = Math.max(end, e.end);
  }
  const newLength = end - start + (newText.length - parsed.text.length);
  const range = ts.createTextChangeRange(ts.createTextSpanFromBounds(start, end), newLength);
  const sourceFile = ts.updateSourceFile(parsed.sourceFile, newText, range);
  return { path: parsed.path, text: newText, sourceFile };
}

/**
 * Syntax errors of a parsed file, in text order. For `.js`/`.jsx`/`.mjs`/`.cjs` files,
 * TypeScript-only syntax (type annotations, `interface`) counts as an error too.
 */
export function tsSyntaxProblems(parsed: ParsedTs): TsSyntaxProblem[] {
  const sf = parsed.sourceFile;
  const diagnostics = [...((sf as ParseDiagnostics).parseDiagnostics ?? [])];
  if (isJavaScriptPath(parsed.path)) diagnostics.push(...javaScriptOnlyProblems(sf));
  return diagnostics
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => problemOf(sf, d))
    .sort((a, b) => a.offset - b.offset);
}

/** Syntax errors of `text` as the file `path`. */
export function checkTsSyntax(path: string, text: string): TsSyntaxProblem[] {
  return tsSyntaxProblems(parseTs(path, text));
}

/** `syntax error at line 3, column 7: ';' expected (and 2 more)`, or undefined when none. */
export function describeSyntaxProblems(problems: readonly TsSyntaxProblem[]): string | undefined {
  const first = problems[0];
  if (!first) return undefined;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `syntax error at line ${first.line}, column ${first.column}: ${first.message}${more}`;
}

/** The parser's own diagnostics; an internal field of every parsed SourceFile. */
interface ParseDiagnostics {
  readonly parseDiagnostics?: readonly ts.Diagnostic[];
}

function problemOf(sf: ts.SourceFile, d: ts.Diagnostic): TsSyntaxProblem {
  const offset = d.start ?? 0;
  const { line, character } = sf.getLineAndCharacterOfPosition(offset);
  return {
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    offset,
    line: line + 1,
    column: character + 1,
  };
}

/**
 * TypeScript syntax in a JavaScript file: the checks `tsc` makes for JS files, through
 * a one-file program with no libraries and no module resolution (cheap).
 */
function javaScriptOnlyProblems(sf: ts.SourceFile): readonly ts.Diagnostic[] {
  const options: ts.CompilerOptions = { allowJs: true, noLib: true, noResolve: true };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name) => (name === sf.fileName ? sf : undefined);
  host.fileExists = (name) => name === sf.fileName;
  const program = ts.createProgram({ rootNames: [sf.fileName], options, host });
  return program.getSyntacticDiagnostics(sf).filter((d) => d.code >= 8000 && d.code < 9000);
}
