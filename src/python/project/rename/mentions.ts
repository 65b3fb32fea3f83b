/**
 * Prose that mentions a renamed name (comments and docstrings): not code, so not
 * renamed, but listed so the reviewer can update it.
 */
import type { PythonProject } from '../project.js';

export interface Mention {
  readonly path: string;
  readonly line: number;
}

function isDocstring(node: { parent: { type: string; namedChildCount: number } | null }): boolean {
  return node.parent?.type === 'expression_statement' && node.parent.namedChildCount === 1;
}

/** Comments and docstrings that mention `name` as a word, in the files that mention it. */
export function proseMentions(project: PythonProject, name: string): Mention[] {
  const word = new RegExp(`(?<![\\w.])${name}(?!\\w)`);
  const out: Mention[] = [];
  for (const path of project.filesMentioning([name])) {
    const root = project.analysis(path)?.tree.rootNode;
    if (!root) continue;
    for (const node of root.descendantsOfType(['comment', 'string'])) {
      if (!node || !word.test(node.text)) continue;
      if (node.type === 'string' && !isDocstring(node)) continue;
      out.push({ path, line: node.startPosition.row + 1 });
    }
  }
  return out;
}
