/**
 * Typed errors. Library code throws these; only the CLI turns them into messages
 * and exit codes (2 for bad usage or input, 1 for a failed finding or transform).
 */

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
  constructor(message: string, opts: { hint?: string; location?: ErrorLocation } = {}) {
    super(message, { ...opts, exitCode: 1 });
  }
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
