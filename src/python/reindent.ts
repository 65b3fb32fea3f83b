/**
 * Fit a block of code written at column 0 (an auditor's snippet or definition) into a
 * file at some indentation, with the file's line endings.
 */
import { dedent } from '../core/text.js';

/** Dedent, drop leading/trailing blank lines and trailing whitespace of each line. */
export function normaliseBlock(code: string): string {
  const lines = dedent(code.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((l) => l.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/**
 * The block as it goes at a position whose line is already indented by `indent`: the
 * first line as is, every following non-blank line prefixed with `indent`.
 */
export function placeBlock(code: string, indent: string, eol: '\n' | '\r\n'): string {
  return normaliseBlock(code)
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join(eol);
}

/** Leading whitespace of a line of text. */
export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** The text of the line containing `offset` (without its line break). */
export function lineAt(text: string, offset: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  return { start, text: text.slice(start, end).replace(/\r$/, '') };
}
