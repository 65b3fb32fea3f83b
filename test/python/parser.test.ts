/** tree-sitter-python parsing: offsets are JS string indices; syntax problems are found. */
import { beforeAll, describe, expect, it } from 'vitest';
import { walk } from '../../src/python/nodes.js';
import { loadPython, parsePython, syntaxProblems, withTree } from '../../src/python/parser.js';

beforeAll(() => loadPython());

const NON_ASCII = [
  '# -*- coding: utf-8 -*-',
  'naïve = "café 😀 日本語"  # ünïcödé 🎉',
  'def grüße(名前: str = "𝔘𝔫𝔦𝔠𝔬𝔡𝔢") -> "Optional[Ω]":',
  '    return f"{名前}😀{naïve!r}"',
  'x = [ "\\u00e9", b"bytes", r"raw\\d" ]',
  '',
].join('\n');

describe('parsePython', () => {
  it('gives node ranges that are JS string offsets, verified on every node of non-ASCII text', () => {
    withTree(NON_ASCII, (tree) => {
      let count = 0;
      walk(tree.rootNode, (node) => {
        expect(NON_ASCII.slice(node.startIndex, node.endIndex)).toBe(node.text);
        count++;
        return true;
      });
      expect(count).toBeGreaterThan(50);
      expect(syntaxProblems(tree)).toEqual([]);
    });
  });

  it('gives the same ranges with a BOM and CRLF line endings', () => {
    const text = `\uFEFF${NON_ASCII.replace(/\n/g, '\r\n')}`;
    withTree(text, (tree) => {
      walk(tree.rootNode, (node) => {
        expect(text.slice(node.startIndex, node.endIndex)).toBe(node.text);
        return true;
      });
      const fn = tree.rootNode.descendantsOfType('function_definition')[0]!;
      expect(fn.childForFieldName('name')!.text).toBe('grüße');
    });
  });

  it('reports ERROR and MISSING nodes with 1-based lines', () => {
    withTree('x = 1\ndef f(:\n    pass\n', (tree) => {
      const problems = syntaxProblems(tree);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]!.line).toBe(2);
    });
    withTree('x = (1,\n', (tree) => {
      expect(syntaxProblems(tree).length).toBeGreaterThan(0);
    });
  });

  it('frees trees through withTree and can parse many files in a row', () => {
    for (let i = 0; i < 200; i++) {
      const tree = parsePython(`x${i}: int = ${i}\n`);
      expect(tree.rootNode.childCount).toBe(1);
      tree.delete();
    }
  });
});
