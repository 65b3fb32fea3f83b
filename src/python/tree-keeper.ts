/**
 * Trees the pipeline hands over after settling a file, kept by their exact text so that
 * formatting that same text need not parse it again (a whole parse: 0.2 s for a 1 MB
 * module). Bounded: a tree costs about 40 bytes of WebAssembly memory per source
 * character, so at most `budget` characters of source are kept, the oldest freed first.
 */
import type { Tree } from './parser.js';

export class TreeKeeper {
  private readonly trees = new Map<string, Tree>();
  private size = 0;

  constructor(private readonly budget: number) {}

  /** Own `tree`, the tree of `text`: keep it, or free it (too big, or evicted later). */
  keep(text: string, tree: Tree): void {
    if (text.length > this.budget) {
      tree.delete();
      return;
    }
    this.take(text)?.delete();
    this.trees.set(text, tree);
    this.size += text.length;
    for (const [oldText, oldTree] of this.trees) {
      if (this.size <= this.budget) break;
      this.trees.delete(oldText);
      this.size -= oldText.length;
      oldTree.delete();
    }
  }

  /** The kept tree of exactly `text`, now the caller's to free; undefined when none is kept. */
  take(text: string): Tree | undefined {
    const tree = this.trees.get(text);
    if (tree) {
      this.trees.delete(text);
      this.size -= text.length;
    }
    return tree;
  }

  /** Free every kept tree. */
  release(): void {
    for (const tree of this.trees.values()) tree.delete();
    this.trees.clear();
    this.size = 0;
  }

  /** How many trees are kept (for tests). */
  get count(): number {
    return this.trees.size;
  }
}
