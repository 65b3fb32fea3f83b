/**
 * TypeScript errors of a file, and the comparison that finds the new ones: diagnostics
 * before and after are matched as multisets by code, message and the text they point
 * at (then the line around it), never by offset, so errors that only moved are not new.
 */
import path from 'node:path';
import { ts } from 'ts-morph';
import { toPosix } from '../core/paths.js';

/** One TypeScript error. */
export interface TsDiagnostic {
  /** TypeScript's code (2322 for TS2322). */
  readonly code: number;
  readonly message: string;
  /** Repository-relative path with forward slashes. */
  readonly file: string;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
}

/** A diagnostic with the text it points at and its line, for matching. */
export interface LocatedDiagnostic extends TsDiagnostic {
  readonly span: string;
  readonly lineText: string;
}

const MAX_SPAN = 160;

/** Syntactic and semantic errors (not warnings or suggestions) of one file of a program. */
export function fileErrors(
  program: ts.Program,
  sf: ts.SourceFile,
  root: string,
): LocatedDiagnostic[] {
  const all = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
  const file = toPosix(path.relative(root, sf.fileName));
  const text = sf.text;
  return all
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const start = d.start ?? 0;
      const { line, character } = sf.getLineAndCharacterOfPosition(start);
      const lineStart = sf.getPositionOfLineAndCharacter(line, 0);
      const lineEnd = text.indexOf('\n', start);
      return {
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
        file,
        line: line + 1,
        column: character + 1,
        span: text.slice(start, start + Math.min(d.length ?? 0, MAX_SPAN)),
        lineText: text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).trim(),
      };
    });
}

/**
 * The diagnostics of `after` with no counterpart in `before`: first matched by code,
 * message, span and line text, then by code, message and span (the line around changed).
 */
export function newDiagnostics(
  before: readonly LocatedDiagnostic[],
  after: readonly LocatedDiagnostic[],
): TsDiagnostic[] {
  const strict = (d: LocatedDiagnostic) => `${d.code}\0${d.message}\0${d.span}\0${d.lineText}`;
  const loose = (d: LocatedDiagnostic) => `${d.code}\0${d.message}\0${d.span}`;
  let unmatched = [...after];
  let pool = [...before];
  for (const key of [strict, loose]) {
    const byKey = new Map<string, LocatedDiagnostic[]>();
    for (const d of pool) {
      const list = byKey.get(key(d));
      if (list) list.push(d);
      else byKey.set(key(d), [d]);
    }
    unmatched = unmatched.filter((d) => byKey.get(key(d))?.pop() === undefined);
    pool = [...byKey.values()].flat();
  }
  return unmatched.map(({ code, message, file, line, column }) => ({
    code,
    message,
    file,
    line,
    column,
  }));
}

/** `src/a.ts:3:5 TS2322 Type 'number' is not assignable to type 'string'.` */
export function formatTsDiagnostic(d: TsDiagnostic): string {
  return `${d.file}:${d.line}:${d.column} TS${d.code} ${d.message}`;
}
