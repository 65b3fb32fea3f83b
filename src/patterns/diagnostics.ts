/**
 * What the pattern engine has to say, as typed diagnostics with stable codes
 * (`pattern/no-match`, `pattern/ambiguous`, ...). Errors are refusals: nothing is
 * rewritten while one stands. Warnings and infos explain what was left alone and why.
 */

export type PatternSeverity = 'error' | 'warning' | 'info';

/** The stable codes; scripts may match on them, messages may change. */
export type PatternCode =
  /** A pattern or replacement is not valid code, or uses a metavariable the pattern lacks. */
  | 'pattern/invalid'
  /** The pattern matches nothing in the files (the document is wrong about the code). */
  | 'pattern/no-match'
  /** One file (or one rule) has no match while others do. */
  | 'pattern/file-no-match'
  /** The replacement is already there: nothing to do. */
  | 'pattern/already-applied'
  /** A match whose rewrite would depend on context the pattern does not pin. */
  | 'pattern/ambiguous'
  /** A match inside a string or a template (an interpolation). */
  | 'pattern/in-string'
  /** Two matches overlap and neither lies inside the other's metavariable. */
  | 'pattern/overlap'
  /** A name the pattern relies on is rebound where it matched: a different thing, left alone. */
  | 'pattern/shadowed'
  /** A match in a place the replacement cannot go (a type, a property key): left alone. */
  | 'pattern/wrong-position'
  /** A match inside the function the replacement calls (it would call itself): left alone. */
  | 'pattern/inside-replacement'
  /** The replacement needs a name that is not defined at the match and no import provides. */
  | 'pattern/unbound-name'
  /** The import a replacement needs names something its module does not define. */
  | 'pattern/unknown-import'
  /** The pattern's text occurs in a comment or string (not code): left alone. */
  | 'pattern/in-comment'
  /** The rewritten file would not parse. */
  | 'pattern/reparse'
  /** The replacement contains the pattern again: applying twice would change it again. */
  | 'pattern/not-idempotent'
  /** The hoisted constant's name is already bound in the module. */
  | 'pattern/hoist-name-taken'
  /** The replacement cannot be hoisted (it uses metavariables, or sits in a type). */
  | 'pattern/hoist-impossible';

export interface PatternDiagnostic {
  readonly severity: PatternSeverity;
  readonly code: PatternCode;
  readonly message: string;
  /** Repository-relative path. */
  readonly file?: string;
  /** 1-based line in the file's text before the rewrite. */
  readonly line?: number;
  readonly hint?: string;
  /** Part of the request left undone while the rest was applied (a partial result). */
  readonly undone?: boolean;
}

export function diagnostic(
  severity: PatternSeverity,
  code: PatternCode,
  message: string,
  where: { file?: string; line?: number; hint?: string; undone?: boolean } = {},
): PatternDiagnostic {
  return { severity, code, message, ...where };
}
