/**
 * Code a finding gives to add (a block of definitions, a fixture, a helper): read once
 * into top-level items — each `def` / `class` (with its decorators), module-level
 * assignment and import — with the names the code reads but does not bind. A sketch
 * (`...` statements, `# ...` elisions) or code that does not parse is not code to add:
 * the reader says why instead.
 */
import { freeNames } from './free-names.js';
import type { ImportRequest } from './import-edits.js';
import { describeImport } from './imports.js';
import { identifierReads } from './name-reads.js';
import { dottedName } from './nodes.js';
import { type Node, parsePython, syntaxProblems, type Tree } from './parser.js';
import { normaliseBlock } from './reindent.js';

export type NewItemKind = 'function' | 'class' | 'assignment' | 'import' | 'statement';

export interface NewItem {
  readonly kind: NewItemKind;
  /** The name a definition or a single-target assignment binds. */
  readonly name: string | undefined;
  /** The item's text at column 0 (decorators and the comments just above included). */
  readonly text: string;
  /** Dotted names of its decorators (`pytest.fixture`, `model_validator`). */
  readonly decorators: readonly string[];
  /** 1-based line in the block. */
  readonly line: number;
}

export interface NewCode {
  /** The whole block, normalised (dedented, no trailing whitespace). */
  readonly text: string;
  readonly items: readonly NewItem[];
  /** Names read and bound nowhere in the block (not builtins), in first-use order. */
  readonly freeNames: readonly string[];
  /** Free names read as `name.attribute` (a module, most likely: `pytest.fixture`). */
  readonly attributeBases: readonly string[];
  /** The block's own import statements, as requests. */
  readonly imports: readonly ImportRequest[];
}

const DEFINITION_TYPES = new Set(['function_definition', 'class_definition']);
const IMPORT_TYPES = new Set(['import_statement', 'import_from_statement']);

/** Read a block; a string is the reason it is not code to add. */
export function readNewCode(code: string): NewCode | string {
  const text = normaliseBlock(code);
  if (text === '') return "the finding's code is empty";
  const tree = parsePython(`${text}\n`);
  try {
    const problem = syntaxProblems(tree)[0];
    if (problem) return `the finding's code does not parse (line ${problem.line} of the block)`;
    const sketch = elision(tree.rootNode);
    if (sketch) {
      return `the finding's code is a sketch, not code to add: it elides code with \`${sketch.text}\` (line ${sketch.line} of the block)`;
    }
    const items = topLevelItems(text, tree);
    const free = freeNames(tree);
    const bases = attributeBases(tree, new Set(free));
    const imports = items.flatMap((i) => (i.kind === 'import' ? importRequests(tree, i) : []));
    return { text, items, freeNames: free, attributeBases: bases, imports };
  } finally {
    tree.delete();
  }
}

function topLevelItems(text: string, tree: Tree): NewItem[] {
  const items: NewItem[] = [];
  let pendingComments: Node | undefined;
  for (const node of tree.rootNode.namedChildren) {
    if (!node) continue;
    if (node.type === 'comment') {
      pendingComments ??= node;
      continue;
    }
    const start = pendingComments?.startIndex ?? node.startIndex;
    pendingComments = undefined;
    items.push({
      ...describeItem(node),
      text: text.slice(start, node.endIndex),
      line: node.startPosition.row + 1,
    });
  }
  return items;
}

function describeItem(node: Node): Pick<NewItem, 'kind' | 'name' | 'decorators'> {
  const def = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
  if (def && DEFINITION_TYPES.has(def.type)) {
    const decorators = node.namedChildren
      .filter((c): c is Node => c?.type === 'decorator')
      .map((d) => decoratorName(d));
    return {
      kind: def.type === 'class_definition' ? 'class' : 'function',
      name: def.childForFieldName('name')?.text,
      decorators,
    };
  }
  if (IMPORT_TYPES.has(node.type)) return { kind: 'import', name: undefined, decorators: [] };
  return {
    kind: assignedName(node) ? 'assignment' : 'statement',
    name: assignedName(node),
    decorators: [],
  };
}

/** `pytest.fixture` for `@pytest.fixture` and `@pytest.fixture(scope="session")`. */
export function decoratorName(decorator: Node): string {
  let expr = decorator.namedChild(0);
  if (expr?.type === 'call') expr = expr.childForFieldName('function');
  return (expr && dottedName(expr)) ?? expr?.text ?? '';
}

/** The name of `x = ...` / `x: T = ...` at the top level, if the statement is that. */
export function assignedName(statement: Node): string | undefined {
  if (statement.type !== 'expression_statement') return undefined;
  const assignment = statement.namedChild(0);
  if (assignment?.type !== 'assignment') return undefined;
  const left = assignment.childForFieldName('left');
  return left?.type === 'identifier' ? left.text : undefined;
}

/** Free names read as `name.attribute` (most likely modules). */
function attributeBases(tree: Tree, free: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const attribute of tree.rootNode.descendantsOfType('attribute')) {
    const object = attribute?.childForFieldName('object');
    if (object?.type === 'identifier' && free.has(object.text)) out.add(object.text);
  }
  return [...out];
}

function importRequests(tree: Tree, item: NewItem): ImportRequest[] {
  const node = tree.rootNode.namedChildren.find(
    (n) => n && IMPORT_TYPES.has(n.type) && n.startPosition.row + 1 === item.line,
  );
  if (!node) return [];
  const stmt = describeImport(node);
  const module = '.'.repeat(stmt.level) + stmt.module;
  return stmt.names.map((n) => {
    const alias = n.alias ? { alias: n.alias } : {};
    return stmt.kind === 'import'
      ? { module: n.name, ...alias }
      : { module, name: n.name, ...alias };
  });
}

/** A `...` statement or a `# ...` comment: the auditor left code out. */
function elision(root: Node): { text: string; line: number } | undefined {
  for (const node of root.descendantsOfType(['ellipsis', 'comment'])) {
    if (!node) continue;
    const statement = node.type === 'ellipsis' && node.parent?.type === 'expression_statement';
    // `def f(self) -> int: ...` in a Protocol or stub is a body, not an elision.
    const stubBody =
      statement && node.parent?.parent?.namedChildCount === 1 && isProtocolLike(node);
    const comment = node.type === 'comment' && /^#\s*(\.\.\.|…)/.test(node.text);
    if ((statement && !stubBody) || comment) {
      return { text: node.text.slice(0, 60), line: node.startPosition.row + 1 };
    }
  }
  return undefined;
}

/** An ellipsis that is the whole body of a method of a `Protocol` class. */
function isProtocolLike(ellipsis: Node): boolean {
  const cls = ellipsis.parent?.parent?.parent?.parent?.parent;
  const bases = cls?.type === 'class_definition' ? cls.childForFieldName('superclasses') : null;
  return !!bases && /\bProtocol\b/.test(bases.text);
}

/** `code` with every variable read of a name in `renamed` replaced by its new name. */
export function renameReads(code: string, renamed: ReadonlyMap<string, string>): string {
  const tree = parsePython(code);
  try {
    let out = code;
    for (const id of identifierReads(tree.rootNode, new Set(renamed.keys())).reverse()) {
      out = out.slice(0, id.startIndex) + renamed.get(id.text)! + out.slice(id.endIndex);
    }
    return out;
  } finally {
    tree.delete();
  }
}
