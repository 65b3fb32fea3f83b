/**
 * Everything the CLI prints goes through here: colours (only on a TTY, honouring
 * NO_COLOR / FORCE_COLOR), JSON output, the global verbosity (`-q` / `-v`, `--debug`),
 * and the one error format (what, where, what to do).
 */
import { styleText } from 'node:util';
import { errorStack, RefusalError, RemedyError, TransformCrash } from '../core/errors.js';

/** `quiet`: errors only; `normal`: errors and warnings; `verbose`: infos too. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

let verbosity: Verbosity = 'normal';
let debug = false;

/** Set from the global `-q` / `-v` / `--debug` flags before a command runs. */
export function setOutputLevel(level: { verbosity: Verbosity; debug: boolean }): void {
  verbosity = level.verbosity;
  debug = level.debug;
}

export function outputVerbosity(): Verbosity {
  return verbosity;
}

/** `--debug`: print the stacks of internal errors. */
export function debugEnabled(): boolean {
  return debug;
}

type Style = Parameters<typeof styleText>[0];

export function colorEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export function paint(
  style: Style,
  text: string,
  stream: NodeJS.WriteStream = process.stdout,
): string {
  return colorEnabled(stream) ? styleText(style, text) : text;
}

export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function err(line = ''): void {
  process.stderr.write(`${line}\n`);
}

/** The version of every `--json` document (docs/json.md); raised on an incompatible change. */
export const JSON_VERSION = 1;

/** Print one JSON document, `"version"` first. */
export function printJson(value: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ version: JSON_VERSION, ...value }, null, 2)}\n`);
}

/**
 * Format an error: `error: <what> (<file>:<line>)`, a refusal's problems one per line,
 * and a `hint:` line with what to do; with `--debug`, the stack of an internal error.
 */
export function formatError(error: unknown): string {
  if (error instanceof RemedyError) {
    const where = error.location?.file
      ? ` (${error.location.file}${error.location.line ? `:${error.location.line}` : ''})`
      : '';
    const what = error instanceof RefusalError ? error.detail() : error.message;
    const lines = [`${paint('red', 'error', process.stderr)}: ${what}${where}`];
    if (error.hint) lines.push(`${paint('dim', 'hint', process.stderr)}: ${error.hint}`);
    const stack = error instanceof TransformCrash ? errorStack(error.cause) : undefined;
    if (stack && debug) lines.push(paint('dim', stack, process.stderr));
    return lines.join('\n');
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${paint('red', 'internal error', process.stderr)}: ${message}\nThis is a bug in remedy; please report it.`;
}

/** Pad cells to column widths for a plain-text table. */
export function table(rows: readonly (readonly string[])[], gap = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - visibleLength(cell)),
      )
      .join(gap)
      .trimEnd(),
  );
}

function visibleLength(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
