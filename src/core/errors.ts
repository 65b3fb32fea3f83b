/**
 * Typed errors. Library code throws these; only the CLI turns them into messages
 * and exit codes (2 for bad usage or input, 1 for a failed finding or transform).
 */

import { type Diagnostic, diagnosticPlace } from './diagnostic.js';

export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export class RemedyError extends Error {
  readonly exitCode: 1 | 2;
  readonly location: ErrorLocation | undefined;
  /** What the user can do about it. */
  readonly hint: string | undefined;

  constructor(
    message: string,
    opts: { exitCode?: 1 | 2; location?: ErrorLocation; hint?: string; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.exitCode = opts.exitCode ?? 1;
    this.location = opts.location;
    this.hint = opts.hint;
  }
}

/** Bad command-line usage: unknown transform, invalid options, unknown finding ID. */
export class UsageError extends RemedyError {
  constructor(message: string, opts: { hint?: string; location?: ErrorLocation } = {}) {
    super(message, { ...opts, exitCode: 2 });
  }
}

/** Bad input: unreadable document or config, path outside the repository, dirty tree. */
export class InputError extends RemedyError {
  constructor(
    message: string,
    opts: { hint?: string; location?: ErrorLocation; cause?: unknown } = {},
  ) {
    super(message, { ...opts, exitCode: 2 });
  }
}

/** A transform refused or failed; the finding is not applied. */
export class TransformError extends RemedyError {
  constructor(
    message: string,
    opts: { hint?: string; location?: ErrorLocation; cause?: unknown } = {},
  ) {
    super(message, { ...opts, exitCode: 1 });
  }
}

/**
 * A transform refused: nothing is changed. `problems` say why, each with its code and,
 * where it has one, its place. The message is the summary, or the one problem, or a count.
 */
export class RefusalError extends TransformError {
  readonly problems: readonly Diagnostic[];
  /** Whether the message is a summary above the problems (rather than the only problem). */
  readonly summarized: boolean;

  constructor(
    problems: readonly Diagnostic[],
    opts: { readonly hint?: string; readonly summary?: string } = {},
  ) {
    const only = problems.length === 1 && !opts.summary ? problems[0]! : undefined;
    const message =
      opts.summary ??
      (only
        ? `${only.file && only.message.includes(only.file) ? '' : diagnosticPlace(only)}${only.message}`
        : `refused: ${problems.length} problems, nothing changed`);
    super(message, opts.hint ? { hint: opts.hint } : {});
    this.problems = problems;
    this.summarized = !only;
  }

  /** The summary with every problem below it, one per line (as the CLI prints them). */
  detail(): string {
    if (!this.summarized) return this.message;
    const lines = this.problems.map((p) => `  ${diagnosticPlace(p)}${p.message}`);
    return `${this.message}:\n${lines.join('\n')}`;
  }
}

/**
 * A transform threw something that is not a RemedyError: a bug in the transform. It
 * fails that finding (or, for a transform that reads one file, that file) only; the
 * original error is the `cause` (its stack is printed with `--debug`).
 */
export class TransformCrash extends TransformError {
  constructor(transformId: string, cause: unknown, file?: string) {
    const what = cause instanceof Error ? cause.message : String(cause);
    const frame = transformFrame(cause);
    super(`internal error in ${transformId}: ${what}${frame ? ` (at ${frame})` : ''}`, {
      ...(file ? { location: { file } } : {}),
      hint: 'this is a bug in the transform; run with --debug for the stack, and please report it',
      cause,
    });
  }
}

/** The first stack frame of an error, shortened to the path under remedy's own folders. */
function transformFrame(error: unknown): string | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  const frame = stack?.split('\n').find((l) => /^\s+at /.test(l));
  const where = frame && /\(?((?:file:\/\/)?[^()\s]+:\d+:\d+)\)?\s*$/.exec(frame)?.[1];
  if (!where) return undefined;
  const short = /(?:^|\/)((?:transforms|src|test|scripts)\/.*)$/.exec(
    where.replace(/^file:\/\//, '').replace(/\/dist\//, '/'),
  );
  return short ? short[1] : where;
}

/** The stack of an error and of its causes, for `--debug`. */
export function errorStack(error: unknown): string | undefined {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) if (e.stack) parts.push(e.stack);
  return parts.length > 0 ? parts.join('\ncaused by: ') : undefined;
}

/** The fix loop did not reach a fixed point. */
export class ConvergenceError extends RemedyError {
  constructor(iterations: number) {
    super(`fixes did not converge after ${iterations} iterations`, {
      hint: 'this is a bug in the transform: please report it with the file',
    });
  }
}

/**
 * The transform does not apply to this finding at all (e.g. the code block adds new
 * code instead of replacing a definition). An inferred step then counts as manual.
 */
export class NotApplicableError extends TransformError {}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
};

/** A short human reason for a failed file-system call (`no such file`, `permission denied`). */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && FS_REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}
