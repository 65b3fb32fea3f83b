/**
 * isNameUsed looks only where the text contains the name; it must answer exactly as a
 * walk over every identifier and string of the tree does (the reference below).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isNameUsed } from '../../src/python/import-edits.js';
import { loadPython, type Node, parsePython, type Tree } from '../../src/python/parser.js';

function insideImport(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'import_statement' || p.type === 'import_from_statement') return true;
    if (p.type === 'block' || p.type === 'module') return false;
  }
  return false;
}

/** The straightforward definition: every identifier, then every non-docstring string. */
function referenceIsNameUsed(tree: Tree, name: string): boolean {
  const notReferences: Record<string, string> = {
    attribute: 'attribute',
    keyword_argument: 'name',
  };
  for (const node of tree.rootNode.descendantsOfType('identifier')) {
    if (!node || node.text !== name) continue;
    const parent = node.parent;
    if (!parent) continue;
    const field = notReferences[parent.type];
    if (field && parent.childForFieldName(field)?.id === node.id) continue;
    if (insideImport(node)) continue;
    return true;
  }
  const word = new RegExp(`\\b${name}\\b`);
  for (const node of tree.rootNode.descendantsOfType('string')) {
    if (!node || !word.test(node.text)) continue;
    const stmt = node.parent;
    const isDocstring = stmt?.type === 'expression_statement' && stmt.namedChildCount === 1;
    if (!isDocstring) return true;
  }
  return false;
}

const CASES = [
  'from typing import Optional\n',
  'from typing import Optional\nx: Optional[int] = None\n',
  'from typing import Optional\n"""Optional is documented here."""\n',
  'from typing import Optional\ndef f():\n    """Optional docstring."""\n',
  'from typing import Optional\nx: "Optional[int]" = None\n',
  'from typing import Optional\nx = a.Optional\n',
  'from typing import Optional\nf(Optional=1)\n',
  'from typing import Optional\nf(x=Optional)\n',
  'from typing import Optional\nx = f"{a.Optional}"\n',
  'from typing import Optional\nx = f"{Optional}"\n',
  'from typing import Optional\n# Optional in a comment\n',
  'from typing import Optional\nMyOptional = 1\nOptional_x = 2\n',
  'from typing import Optional\nx = "MyOptional"\n',
  'from typing import Optional\nx = "éOptional"\n',
  'from typing import Optional\nx = "a" "Optional"\n',
  'from typing import Optional\nclass C:\n    """Optional."""\n    y = "Optional"\n',
  'from typing import Optional as Opt\nx: Opt[int]\n',
  'import typing\nx: typing.Optional[int]\n',
  'import typing as t\nx = 1\n',
  '\uFEFFfrom typing import Optional\nx: Optional[int]\n',
  '\uFEFF\n\nfrom typing import Optional\n\n"Optional"\n',
  '\n\n# c\nfrom typing import Optional\ndef g(Optional): ...\n',
  'from typing import Optional\nif True:\n    from typing import Optional\n',
  'from typing import Optional\nlambda: Optional\n',
  'from typing import Optional\nx = {"k": "Optional[str]"}\n',
];

describe('isNameUsed', () => {
  beforeAll(loadPython);

  it.each(CASES.map((c, i) => [i, c] as const))('case %i agrees with the full walk', (_, text) => {
    const tree = parsePython(text);
    try {
      for (const name of ['Optional', 'Opt', 'typing', 't', 'x', 'C']) {
        expect(isNameUsed(tree, name), `${name} in ${JSON.stringify(text)}`).toBe(
          referenceIsNameUsed(tree, name),
        );
      }
    } finally {
      tree.delete();
    }
  });
});
