/**
 * Everything the CLI prints goes through here: colours (only on a TTY, honouring
 * NO_COLOR / FORCE_COLOR), JSON output, and the one error format (what, where, what to do).
 */
import { styleText } from 'node:util';
import { RemedyError } from '../core/errors.js';

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

/** Format an error: `remedy: <what> (<file>:<line>)` and a `hint:` line with what to do. */
export function formatError(error: unknown): string {
  if (error instanceof RemedyError) {
    const where = error.location?.file
      ? ` (${error.location.file}${error.location.line ? `:${error.location.line}` : ''})`
      : '';
    const lines = [`${paint('red', 'error', process.stderr)}: ${error.message}${where}`];
    if (error.hint) lines.push(`${paint('dim', 'hint', process.stderr)}: ${error.hint}`);
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
