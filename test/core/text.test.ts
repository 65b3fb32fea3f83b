/** Text helpers: line index, line endings, dedent (src/core/text.ts). */
import { describe, expect, it } from 'vitest';
import {
  dedent,
  detectEol,
  indentationAt,
  LineIndex,
  stripIndent,
  withEol,
} from '../../src/core/text.js';

describe('LineIndex', () => {
  const text = 'ab\ncd\r\n\nlast';
  const index = new LineIndex(text);

  it('maps offsets to 1-based lines and back', () => {
    expect(index.lineCount).toBe(4);
    expect(index.lineOf(0)).toBe(1);
    expect(index.lineOf(2)).toBe(1);
    expect(index.lineOf(3)).toBe(2);
    expect(index.lineOf(text.indexOf('last'))).toBe(4);
    expect(index.position(4)).toEqual({ line: 2, column: 1 });
    expect(index.offsetAt(4, 2)).toBe(text.indexOf('st'));
    expect(index.lineEnd(2)).toBe(text.indexOf('\n\n') + 1);
    expect(() => index.lineStart(9)).toThrow(RangeError);
  });
});

describe('line endings and indentation', () => {
  it('detects the dominant line ending', () => {
    expect(detectEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(detectEol('a\nb\r\nc\n')).toBe('\n');
    expect(detectEol('no newline')).toBe('\n');
    expect(withEol('a\nb\n', '\r\n')).toBe('a\r\nb\r\n');
  });

  it('dedents and reads indentation', () => {
    expect(dedent('    a\n      b\n\n    c')).toBe('a\n  b\n\nc');
    expect(stripIndent('\n  x = 1\n  y = 2\n')).toBe('x = 1\ny = 2\n');
    const src = 'def f():\n    return 1\n';
    expect(indentationAt(src, src.indexOf('return'))).toBe('    ');
  });
});
