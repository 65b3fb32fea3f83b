/**
 * The finding's code block as definitions to paste: one or more top-level `def` /
 * `class` (decorators allowed, plus import statements that go to the module's imports),
 * nothing else, no placeholders. Everything is read once and the tree freed.
 */

import { definitionIn, definitionName, parameterShape } from '../../src/python/definitions.js';
import { freeNames } from '../../src/python/free-names.js';
import type { ImportRequest } from '../../src/python/import-edits.js';
import { describeImport, type ImportStatement } from '../../src/python/imports.js';
import { docstringOf } from '../../src/python/nodes.js';
import { type Node, parsePython, syntaxProblems } from '../../src/python/parser.js';
import { normaliseBlock } from '../../src/python/reindent.js';

export interface NewDefinition {
  readonly name: string;
  readonly kind: 'function' | 'class';
  /** The definition's text at column 0, decorators included when it has any. */
  readonly text: string;
  readonly hasDecorators: boolean;
  readonly hasDocstring: boolean;
  /** Offset in `text` where the body's first statement starts (for a docstring insert). */
  readonly bodyStart: number;
  /** Names the block reads without binding them (and that are not builtins). */
  readonly freeNames: readonly string[];
  /** Imports written in the block next to the definition. */
  readonly imports: readonly ImportRequest[];
  /** Its parameters as callers see them (`parameterShape`); undefined for a class. */
  readonly parameters: string | undefined;
}

const IMPORT_TYPES = new Set(['import_statement', 'import_from_statement']);

/**
 * Read the block; a string is the reason it is not definitions to paste. Several
 * definitions share the block's imports and free names.
 */
export function readNewDefinitions(code: string): NewDefinition[] | string {
  const text = normaliseBlock(code);
  const tree = parsePython(`${text}\n`);
  try {
    const problem = syntaxProblems(tree)[0];
    if (problem) return `the finding's code does not parse (line ${problem.line})`;
    const placeholder = findPlaceholder(tree.rootNode);
    if (placeholder) {
      return `the finding's code is a sketch, not a definition to paste: it elides code with \`${placeholder.text}\` (line ${placeholder.line})`;
    }
    const statements = tree.rootNode.namedChildren.filter(
      (n): n is Node => !!n && n.type !== 'comment',
    );
    const defs = statements.filter((s) => definitionIn(s));
    const others = statements.filter((s) => !definitionIn(s) && !IMPORT_TYPES.has(s.type));
    if (defs.length === 0 || others.length > 0) return notDefinitionsOnly(defs, others);
    const duplicate = duplicateName(defs);
    if (duplicate) return duplicate;
    const free = freeNames(tree);
    return defs.map((def) => describeDefinition(text, def, statements, free));
  } finally {
    tree.delete();
  }
}

function describeDefinition(
  text: string,
  statement: Node,
  statements: readonly Node[],
  free: readonly string[],
): NewDefinition {
  const def = definitionIn(statement)!;
  const body = def.childForFieldName('body');
  const first = body?.namedChildren.find((n) => n && n.type !== 'comment');
  const imports = statements.filter((s) => IMPORT_TYPES.has(s.type)).flatMap(importRequests);
  const imported = new Set(imports.map((r) => r.alias ?? r.name ?? r.module.split('.')[0]!));
  return {
    name: definitionName(def),
    kind: def.type === 'class_definition' ? 'class' : 'function',
    text: text.slice(statement.startIndex, statement.endIndex),
    hasDecorators: statement.type === 'decorated_definition',
    hasDocstring: body ? docstringOf(body) !== undefined : false,
    bodyStart: (first?.startIndex ?? statement.endIndex) - statement.startIndex,
    freeNames: free.filter((n) => !imported.has(n)),
    imports,
    parameters: parameterShape(def),
  };
}

function importRequests(node: Node): ImportRequest[] {
  const stmt: ImportStatement = describeImport(node);
  const module = '.'.repeat(stmt.level) + stmt.module;
  return stmt.names.map((n) =>
    stmt.kind === 'import'
      ? { module: n.name, ...(n.alias ? { alias: n.alias } : {}) }
      : { module, name: n.name, ...(n.alias ? { alias: n.alias } : {}) },
  );
}

function notDefinitionsOnly(defs: readonly Node[], others: readonly Node[]): string {
  if (defs.length === 0) return "the finding's code holds no def or class";
  const other = others[0]!;
  const first = other.text.split('\n')[0]!.slice(0, 60);
  const what = defs.length > 1 ? 'definitions' : 'a definition';
  return `the finding's code is more than ${what}: it also has \`${first}\` (line ${other.startPosition.row + 1}), which replace-definition does not place; nothing changed`;
}

/** Two definitions of one name in the block: which one replaces the file's is unclear. */
function duplicateName(defs: readonly Node[]): string | undefined {
  const names = defs.map((d) => definitionName(definitionIn(d)!));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  return twice ? `the finding's code defines ${twice} twice: which one is meant?` : undefined;
}

/** A `...` statement or a `# ...` comment: the auditor left code out. */
function findPlaceholder(root: Node): { text: string; line: number } | undefined {
  for (const node of root.descendantsOfType(['ellipsis', 'comment'])) {
    if (!node) continue;
    const isStatement = node.type === 'ellipsis' && node.parent?.type === 'expression_statement';
    const isElision = node.type === 'comment' && /^#\s*(\.\.\.|…)/.test(node.text);
    if (isStatement || isElision) {
      return { text: node.text.slice(0, 60), line: node.startPosition.row + 1 };
    }
  }
  return undefined;
}
