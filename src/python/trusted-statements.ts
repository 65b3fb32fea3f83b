/**
 * What a plan made on an edited, not re-parsed tree took on trust, so that the re-parse
 * can check it: statements the edits left unchanged (they must parse the same again:
 * an edit that opened a string before them would change them) and statement
 * boundaries (an import statement read on its own must start where the module is
 * between statements). Kept per edited tree, moved along by later edits.
 */
import type { Edit } from '../core/edit.js';
import { isStatement, walk } from './nodes.js';
import type { Node, Tree } from './parser.js';

interface TrustedStatement {
  start: number;
  end: number;
  /** Its nodes' types and ranges (relative to `start`). */
  readonly shape: string;
}

interface Trusted {
  readonly statements: TrustedStatement[];
  /** Where the trusted statements started when trusted (no statement twice). */
  readonly seen: Set<number>;
  /** Offsets where the module must be between statements. */
  boundaries: number[];
  /** A later edit went through something trusted: it cannot be checked. */
  broken: boolean;
}

const trustedOf = new WeakMap<Tree, Trusted>();

function recordOf(tree: Tree): Trusted {
  let record = trustedOf.get(tree);
  if (!record) {
    record = { statements: [], seen: new Set(), boundaries: [], broken: false };
    trustedOf.set(tree, record);
  }
  return record;
}

function shapeOf(node: Node): string {
  const parts: string[] = [];
  const base = node.startIndex;
  walk(node, (n) => {
    parts.push(`${n.type}@${n.startIndex - base}-${n.endIndex - base}`);
    return true;
  });
  return parts.join(' ');
}

/** Trust an unchanged statement of the edited tree `tree`. */
export function trustStatement(tree: Tree, statement: Node): void {
  const { statements, seen } = recordOf(tree);
  const { startIndex: start, endIndex: end } = statement;
  if (seen.has(start)) return;
  seen.add(start);
  statements.push({ start, end, shape: shapeOf(statement) });
}

/** Trust that the module is between statements at `offset` of the edited tree `tree`. */
export function trustBoundary(tree: Tree, offset: number): void {
  recordOf(tree).boundaries.push(offset);
}

/** Move what `tree` trusts along `edits` (in the offsets before them), as `tree.edit` moves nodes. */
export function moveTrusted(tree: Tree, edits: readonly Edit[]): void {
  const record = trustedOf.get(tree);
  if (!record) return;
  const shift = (offset: number) => {
    let moved = offset;
    for (const e of edits) {
      if (e.end <= offset && !(e.start === offset && e.end === offset)) {
        moved += e.text.length - (e.end - e.start);
      } else if (e.start < offset) moved += e.start + e.text.length - offset;
    }
    return moved;
  };
  for (const s of record.statements) {
    if (edits.some((e) => e.start < s.end && e.end > s.start)) record.broken = true;
    [s.start, s.end] = [shift(s.start), shift(s.end)];
  }
  record.boundaries = record.boundaries.map(shift);
}

/**
 * After `fresh` was parsed from the edited tree `edited`: whether everything a plan on
 * `edited` trusted held (true when nothing was trusted).
 */
export function trustedHeld(edited: Tree, fresh: Tree): boolean {
  const record = trustedOf.get(edited);
  if (!record) return true;
  if (record.broken) return false;
  const root = fresh.rootNode;
  return (
    record.statements.every((s) => statementAt(root, s.start, s.end)?.shape === s.shape) &&
    record.boundaries.every((at) => isBetweenStatements(root, at))
  );
}

function statementAt(root: Node, start: number, end: number): { shape: string } | undefined {
  for (let n = root.descendantForIndex(start, end); n; n = n.parent) {
    if (n.startIndex !== start || n.endIndex !== end) return undefined;
    if (isStatement(n)) return { shape: shapeOf(n) };
  }
  return undefined;
}

/** No module-level statement holds `offset` other than at its very start. */
function isBetweenStatements(root: Node, offset: number): boolean {
  const child = root.firstChildForIndex(offset);
  return !child || child.startIndex >= offset;
}
