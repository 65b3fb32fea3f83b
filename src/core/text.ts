/**
 * Text helpers shared by every layer: offset <-> line/column, line endings,
 * indentation and dedent. Offsets are JS string indices.
 */

/** Maps offsets to 1-based lines and 0-based columns and back. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line containing `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Offset of the first character of 1-based `line`. */
  lineStart(line: number): number {
    const start = this.starts[line - 1];
    if (start === undefined) throw new RangeError(`line ${line} is out of range`);
    return start;
  }

  /** Offset just past the end of 1-based `line`, including its line break. */
  lineEnd(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - this.lineStart(line) };
  }

  offsetAt(line: number, column: number): number {
    return this.lineStart(line) + column;
  }
}

/** Split into lines that keep their terminators, so CRLF survives byte for byte. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The file's dominant line ending; `\n` for a file without line breaks. */
export function detectEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Convert every line break of `text` (written with `\n`) to `eol`. */
export function withEol(text: string, eol: '\n' | '\r\n'): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}

/** Leading whitespace of the line containing `offset`. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart, offset + 200));
  return match ? match[0] : '';
}

/** Remove the common leading whitespace of all non-blank lines. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let common: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (common === undefined || indent.length < common.length) common = indent;
  }
  if (!common) return text;
  const cut = common.length;
  return lines.map((line) => (line.trim() === '' ? line.trimEnd() : line.slice(cut))).join('\n');
}

/** `dedent` for template literals in tests and transforms: strips one leading newline too. */
export function stripIndent(text: string): string {
  return dedent(text.replace(/^\n/, ''));
}
