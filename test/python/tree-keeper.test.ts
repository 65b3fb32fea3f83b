/** TreeKeeper: settled trees kept by their exact text, within a budget of source characters. */
import { beforeAll, describe, expect, it } from 'vitest';
import python from '../../src/python/adapter.js';
import { loadPython, parsePython } from '../../src/python/parser.js';
import { TreeKeeper } from '../../src/python/tree-keeper.js';
import { tempDir } from '../harness.js';

beforeAll(() => loadPython());

/** Whether a tree has been freed (web-tree-sitter throws on a deleted tree's root). */
function freed(tree: ReturnType<typeof parsePython>): boolean {
  try {
    return tree.rootNode.type !== 'module';
  } catch {
    return true;
  }
}

describe('TreeKeeper', () => {
  it('gives back the tree of exactly the same text, once', () => {
    const keeper = new TreeKeeper(100);
    const tree = parsePython('x = 1\n');
    keeper.keep('x = 1\n', tree);
    expect(keeper.take('x = 2\n')).toBeUndefined();
    expect(keeper.take('x = 1\n')).toBe(tree);
    expect(keeper.take('x = 1\n')).toBeUndefined();
    tree.delete();
  });

  it('frees the oldest trees past its budget, and a tree bigger than the budget at once', () => {
    const keeper = new TreeKeeper(12);
    const a = parsePython('a = 1\n');
    const b = parsePython('b = 2\n');
    const c = parsePython('c = 3\n');
    keeper.keep('a = 1\n', a);
    keeper.keep('b = 2\n', b);
    keeper.keep('c = 3\n', c);
    expect(keeper.count).toBe(2);
    expect(freed(a)).toBe(true);
    expect(keeper.take('b = 2\n')).toBe(b);
    const big = parsePython('something_long = 1\n');
    keeper.keep('something_long = 1\n', big);
    expect(freed(big)).toBe(true);
    keeper.release();
    expect(keeper.count).toBe(0);
    expect(freed(c)).toBe(true);
    b.delete();
  });
});

describe('the Python adapter with trees handed over by the pipeline', () => {
  const before = 'from typing import Optional\n\ndef f(a: Optional[int]):\n    return {  "a":a }\n';
  const after = 'def f(a: int | None):\n    return {  "a":a }\n';

  it('formats with the tree of the same text, and frees it', () => {
    const tree = parsePython(after);
    python.retainTree!(after, tree);
    const out = python.formatRegions({ path: 'm.py', before, after }, { root: tempDir() });
    expect(typeof out === 'string' ? out : out.text).toBe(
      'def f(a: int | None):\n    return {"a": a}\n',
    );
    expect(freed(tree)).toBe(true);
  });

  it('frees a tree nobody formatted when the batch is finished', () => {
    const tree = parsePython(after);
    python.retainTree!(after, tree);
    python.formatRegions({ path: 'm.py', before, after: `${after}\n` }, { root: tempDir() });
    expect(freed(tree)).toBe(false);
    python.releaseTrees!();
    expect(freed(tree)).toBe(true);
  });
});
