/**
 * Typed diagnostics: what a transform, the engine or the guard has to say about a run,
 * with a stable code so printers can sort, count, filter (`-q` / `-v`) and emit JSON.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  /**
   * Stable, `<area>/<what>` in kebab case: `rename/collision-local`, `hoist/guarded`,
   * `fix/unsafe-held-back`. Scripts may match on it; the message may change.
   */
  readonly code: string;
  readonly message: string;
  /** Repository-relative path, when it is about a file. */
  readonly file?: string;
  /** 1-based line in the file's text before the run. */
  readonly line?: number;
  /** What the user can do about it. */
  readonly hint?: string;
  /**
   * Part of the request that was left undone, while the rest was applied (a rename
   * that was impossible among several that were made): the finding is then partial.
   */
  readonly undone?: boolean;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; within one severity by file and line. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0)
  );
}

/** `file:line: ` (or `file: `, or nothing) in front of a diagnostic's message. */
export function diagnosticPlace(d: Pick<Diagnostic, 'file' | 'line'>): string {
  if (!d.file) return '';
  return d.line ? `${d.file}:${d.line}: ` : `${d.file}: `;
}
