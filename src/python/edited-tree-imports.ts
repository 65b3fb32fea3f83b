/**
 * Planning an import removal on an edited tree that has not been re-parsed yet (the
 * engine's `editedTree`): fixes and earlier import edits are applied to the tree's
 * offsets, and the nodes they touched say `hasChanges`. Only statements without
 * changes are read, text always comes from the current text (a stale tree's
 * `node.text` is the old text), and the import statement's lines are parsed again on
 * their own. A name in a changed statement, or import lines that do not read as one
 * import statement, is `UNSURE`: the caller plans on a fresh tree. What was taken on
 * trust is recorded (trusted-statements.ts) and checked by the re-parse.
 */
import type { Edit } from '../core/edit.js';
import type { ImportRequest } from '../engine/contract.js';
import {
  IMPORT_STATEMENT_TYPES,
  isUse,
  occurrenceAt,
  removeClause,
  requestedClause,
} from './import-edits.js';
import { describeImport, type ImportStatement } from './imports.js';
import { isStatement } from './nodes.js';
import { type Node, parsePython, type Tree } from './parser.js';
import { trustBoundary, trustStatement } from './trusted-statements.js';

/** The edited tree cannot answer: plan on the re-parsed tree. */
export const UNSURE = Symbol('unsure');
export type Unsure = typeof UNSURE;

/** A validated top-level import statement, and the text range it was read from. */
interface ImportRegion {
  readonly stmt: ImportStatement;
  readonly start: number;
  readonly end: number;
}

/**
 * `planRemoveImportIfUnused` on an edited, not re-parsed tree of `text`: the same edit
 * (or undefined: the name is used, or not imported), or UNSURE.
 */
export function planRemoveOnEditedTree(
  text: string,
  tree: Tree,
  req: ImportRequest,
): Edit | undefined | Unsure {
  const regions = importRegionsNaming(text, tree, req.name ?? req.module.split('.')[0]!);
  if (regions === UNSURE) return UNSURE;
  for (const { stmt } of regions) {
    const index = requestedClause(stmt, req);
    if (index === -1) continue;
    const used = isUsedOnEditedTree(text, tree, stmt.names[index]!.bound, regions);
    if (used !== false) return used === true ? undefined : UNSURE;
    return removeClause(text, stmt, index);
  }
  return undefined;
}

/** Every offset where `text` holds `word`. */
function* offsetsOf(text: string, word: string): Generator<number> {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) yield at;
}

/** The statement holding `node`: its ancestor (or itself) whose parent is a block or the module. */
function statementOf(node: Node | null): Node | undefined {
  let n = node;
  while (n && !isStatement(n)) n = n.parent;
  return n ?? undefined;
}

/**
 * The statement holding the text at `[at, end)` when the edits left it unchanged (it
 * is then trusted), else undefined; and the node there.
 */
function unchangedAt(tree: Tree, at: number, end: number): { node: Node; stmt: Node } | undefined {
  const node = tree.rootNode.descendantForIndex(at, end);
  const stmt = statementOf(node);
  if (!node || !stmt || stmt.hasChanges) return undefined;
  trustStatement(tree, stmt);
  return { node, stmt };
}

/**
 * The top-level import statements where `word` appears, read afresh; UNSURE when an
 * occurrence of `word` lies in a statement the edits changed (other than such an import).
 */
function importRegionsNaming(text: string, tree: Tree, word: string): ImportRegion[] | Unsure {
  if (word === '') return UNSURE;
  const regions: ImportRegion[] = [];
  for (const at of offsetsOf(text, word)) {
    if (regions.some((r) => r.start <= at && at < r.end)) continue;
    const stmt = statementOf(tree.rootNode.descendantForIndex(at, at + word.length));
    if (stmt?.parent?.type === 'module' && IMPORT_STATEMENT_TYPES.has(stmt.type)) {
      const region = readImport(text, tree, stmt);
      if (!region) return UNSURE;
      regions.push(region);
    } else if (!unchangedAt(tree, at, at + word.length)) return UNSURE;
  }
  return regions;
}

/**
 * Parse the lines of a top-level import statement on their own and describe it in the
 * file's offsets: they must hold exactly one import statement (and comments) and parse
 * without error. The module must be between statements where the lines start (trusted).
 */
function readImport(text: string, tree: Tree, node: Node): ImportRegion | undefined {
  const start = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  const nl = text.indexOf('\n', node.endIndex);
  const end = nl === -1 ? text.length : nl + 1;
  const alone = parsePython(text.slice(start, end));
  try {
    if (alone.rootNode.hasError) return undefined;
    const statements = alone.rootNode.namedChildren.filter((c) => c && c.type !== 'comment');
    const only = statements[0];
    if (statements.length !== 1 || !only || !IMPORT_STATEMENT_TYPES.has(only.type))
      return undefined;
    trustBoundary(tree, start);
    const line = node.startPosition.row + 1;
    return { stmt: shifted(describeImport(only), start, line), start, end };
  } finally {
    alone.delete();
  }
}

/** An import statement described on a piece of text that starts at `base` in the file. */
function shifted(stmt: ImportStatement, base: number, line: number): ImportStatement {
  const start = stmt.start + base;
  const end = stmt.end + base;
  // Only its offsets are read (statementDeletionRange); the piece's tree is deleted.
  const node = { startIndex: start, endIndex: end } as unknown as Node;
  return {
    ...stmt,
    names: stmt.names.map((n) => ({ ...n, start: n.start + base, end: n.end + base })),
    topLevel: true,
    node,
    start,
    end,
    line,
  };
}

/**
 * Whether `name` is used outside the import statements read (`isNameUsed`): true or
 * false when every occurrence lies in an unchanged statement, else UNSURE.
 */
function isUsedOnEditedTree(
  text: string,
  tree: Tree,
  name: string,
  imports: readonly ImportRegion[],
): boolean | Unsure {
  for (const at of offsetsOf(text, name)) {
    // Import statements hold no reference to the name and no string.
    if (imports.some((r) => r.start <= at && at < r.end)) continue;
    const here = unchangedAt(tree, at, at + name.length);
    if (!here) return UNSURE;
    if (isUse(occurrenceAt(text, at, name.length, here.node))) return true;
  }
  return false;
}
