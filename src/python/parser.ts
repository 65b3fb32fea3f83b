/**
 * tree-sitter-python (WASM), loaded once per process. Parsing is synchronous after
 * `loadPython()`. Node offsets (`startIndex`/`endIndex`) are JS string indices
 * (web-tree-sitter parses JS strings as UTF-16); `test/python/parser.test.ts`
 * verifies this on non-ASCII and astral-plane text.
 */
import { createRequire } from 'node:module';
import { Language, type Node, Parser, type Tree } from 'web-tree-sitter';

export type { Node, Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

interface Loaded {
  parser: Parser;
  language: Language;
}

let loading: Promise<Loaded> | undefined;
let loaded: Loaded | undefined;

/** Initialise web-tree-sitter and the Python grammar (once; later calls are free). */
export function loadPython(): Promise<void> {
  loading ??= (async () => {
    await Parser.init();
    const language = await Language.load(
      require.resolve('tree-sitter-python/tree-sitter-python.wasm'),
    );
    const parser = new Parser();
    parser.setLanguage(language);
    loaded = { parser, language };
    return loaded;
  })();
  return loading.then(() => undefined);
}

function getLoaded(): Loaded {
  if (!loaded) throw new Error('tree-sitter-python is not loaded: await loadPython() first');
  return loaded;
}

/**
 * Parse Python source. The caller owns the tree and must `tree.delete()` it when done
 * (WASM memory is not garbage-collected). With `oldTree` (already `edit()`ed to match
 * `source`), tree-sitter re-parses incrementally, reusing the unchanged subtrees.
 */
export function parsePython(source: string, oldTree?: Tree): Tree {
  const tree = getLoaded().parser.parse(source, oldTree ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** Parse, hand the tree to `fn`, and free the tree afterwards. */
export function withTree<T>(source: string, fn: (tree: Tree) => T): T {
  const tree = parsePython(source);
  try {
    return fn(tree);
  } finally {
    tree.delete();
  }
}

export interface SyntaxProblem {
  readonly kind: 'error' | 'missing';
  /** 1-based line, 0-based column. */
  readonly line: number;
  readonly column: number;
  /** For a MISSING node, what the parser expected there. */
  readonly expected?: string;
}

/** Every ERROR and MISSING node of the tree, in document order. */
export function syntaxProblems(tree: Tree): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  if (!tree.rootNode.hasError) return problems;
  const cursor = tree.walk();
  try {
    let descend = true;
    for (;;) {
      const node = cursor.currentNode;
      if (descend && (node.isError || node.isMissing)) {
        problems.push({
          kind: node.isMissing ? 'missing' : 'error',
          line: node.startPosition.row + 1,
          column: node.startPosition.column,
          ...(node.isMissing ? { expected: node.type } : {}),
        });
      }
      if (descend && node.hasError && cursor.gotoFirstChild()) continue;
      if (cursor.gotoNextSibling()) {
        descend = true;
        continue;
      }
      if (!cursor.gotoParent()) break;
      descend = false;
    }
  } finally {
    cursor.delete();
  }
  return problems;
}

/** The first syntax problem, with its place and how many more there are; undefined for a clean parse. */
export function syntaxErrorReason(tree: Tree): string | undefined {
  const problems = syntaxProblems(tree);
  const first = problems[0];
  if (!first) return undefined;
  const what = first.kind === 'missing' ? `missing "${first.expected}"` : 'syntax error';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${what} at line ${first.line}, column ${first.column + 1}${more}`;
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'startIndex' in value && 'type' in value;
}
