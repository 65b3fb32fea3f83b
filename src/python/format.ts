/**
 * Format only what a transform changed: ruff formats the whole file, then the two
 * trees are walked side by side (the formatter keeps every statement) and only the
 * statements that contain edited lines take the formatted text, so a repository that
 * is not ruff-formatted gets no unrelated reformatting in its diff.
 */
import { applyEdits, Edit } from '../core/edit.js';
import { diffLines } from '../core/line-diff.js';
import { LineIndex, splitLines } from '../core/text.js';
import { type Node, parsePython, type Tree } from './parser.js';
import { reparse } from './reparse.js';
import { ruffFormat } from './ruff.js';

/** Where `after` differs from `before`, in 0-based lines of `after`. */
export interface EditedLines {
  /** Lines added or rewritten. */
  readonly lines: Set<number>;
  /** Lines just after a pure deletion (their leading blank lines may need fixing). */
  readonly deletions: Set<number>;
}

export function editedLines(before: string, after: string): EditedLines {
  const lines = new Set<number>();
  const deletions = new Set<number>();
  let afterIndex = 0;
  const changes = diffLines(splitLines(before), splitLines(after));
  changes.forEach((change, i) => {
    const count = change.value.length;
    if (change.added) {
      for (let k = 0; k < count; k++) lines.add(afterIndex + k);
      afterIndex += count;
    } else if (change.removed) {
      if (!changes[i + 1]?.added && !changes[i - 1]?.added) deletions.add(afterIndex);
    } else {
      afterIndex += count;
    }
  });
  return { lines, deletions };
}

/** Statements (and comments) that share lines, handled as one unit. */
interface Group {
  readonly nodes: Node[];
  /** Start of the text the group owns: just after the previous group's last line. */
  readonly regionStart: number;
  /** Just past the line break of the group's last line. */
  readonly regionEnd: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

interface Side {
  readonly text: string;
  readonly lines: LineIndex;
}

function lineEndAt(side: Side, offset: number): number {
  const line = side.lines.lineOf(offset);
  return side.lines.lineEnd(line);
}

function groupsOf(side: Side, container: Node, from: number): Group[] {
  const groups: {
    nodes: Node[];
    regionStart: number;
    regionEnd: number;
    firstRow: number;
    lastRow: number;
  }[] = [];
  let regionStart = from;
  for (const node of container.namedChildren) {
    if (!node) continue;
    const last = groups[groups.length - 1];
    if (last && node.startPosition.row <= last.lastRow) {
      last.nodes.push(node);
      last.lastRow = Math.max(last.lastRow, node.endPosition.row);
      last.regionEnd = lineEndAt(side, node.endIndex);
      continue;
    }
    const regionEnd = lineEndAt(side, node.endIndex);
    groups.push({
      nodes: [node],
      regionStart,
      regionEnd,
      firstRow: side.lines.lineOf(regionStart) - 1,
      lastRow: node.endPosition.row,
    });
    regionStart = regionEnd;
  }
  for (const g of groups)
    g.lastRow = Math.max(g.lastRow, g.nodes[g.nodes.length - 1]!.endPosition.row);
  return groups;
}

function sameShape(a: readonly Group[], b: readonly Group[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (g, i) =>
        g.nodes.length === b[i]!.nodes.length &&
        g.nodes.every((n, j) => n.type === b[i]!.nodes[j]!.type),
    )
  );
}

function touches(group: Group, edited: EditedLines): boolean {
  for (let row = group.firstRow; row <= group.lastRow; row++)
    if (edited.lines.has(row)) return true;
  return false;
}

function followsDeletion(group: Group, edited: EditedLines): boolean {
  for (let row = group.firstRow; row <= group.lastRow; row++)
    if (edited.deletions.has(row)) return true;
  return false;
}

const COMPOUND = new Set([
  'function_definition',
  'class_definition',
  'decorated_definition',
  'if_statement',
  'for_statement',
  'while_statement',
  'try_statement',
  'with_statement',
  'match_statement',
]);

/** The blocks of a compound statement (bodies of if/elif/else, try/except/finally...). */
function blocksOf(node: Node): Node[] {
  if (node.type === 'decorated_definition') {
    const def = node.childForFieldName('definition');
    return def ? blocksOf(def) : [];
  }
  const out: Node[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'block') out.push(child);
    else if (
      [
        'elif_clause',
        'else_clause',
        'except_clause',
        'finally_clause',
        'case_clause',
        'except_group_clause',
      ].includes(child.type)
    ) {
      out.push(...child.namedChildren.filter((c): c is Node => c?.type === 'block'));
    }
  }
  return out;
}

/** Re-indent `text` (indented by `from`) to start at indent `to`. */
function reindent(text: string, from: string, to: string): string {
  if (from === to) return text;
  return splitLines(text)
    .map((line) => (line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('');
}

function indentOf(side: Side, node: Node): string {
  const start = side.lines.lineStart(side.lines.lineOf(node.startIndex));
  return /^[ \t]*/.exec(side.text.slice(start, node.startIndex))![0];
}

/** Edits on `a` that take `f`'s formatting for groups touching edited lines; undefined if shapes differ. */
function spliceContainer(
  a: Side,
  aNode: Node,
  f: Side,
  fNode: Node,
  edited: EditedLines,
  fromA: number,
  fromF: number,
): Edit[] | undefined {
  const ga = groupsOf(a, aNode, fromA);
  const gf = groupsOf(f, fNode, fromF);
  if (!sameShape(ga, gf)) return undefined;
  const edits: Edit[] = [];
  ga.forEach((group, i) => {
    if (!touches(group, edited)) {
      if (followsDeletion(group, edited)) pushGapEdit(edits, a, group, f, gf[i]!);
      return;
    }
    const fg = gf[i]!;
    const node = group.nodes[0]!;
    const nested =
      group.nodes.length === 1 && COMPOUND.has(node.type)
        ? spliceBlocks(a, node, f, fg.nodes[0]!, edited)
        : undefined;
    if (nested) {
      edits.push(...nested);
      return;
    }
    const replacement = reindent(
      f.text.slice(fg.regionStart, fg.regionEnd),
      indentOf(f, fg.nodes[0]!),
      indentOf(a, node),
    );
    edits.push(Edit.replace(group.regionStart, group.regionEnd, replacement));
    // The blank lines after an edited statement belong to the next one: take them too.
    const next = ga[i + 1];
    if (next && !touches(next, edited) && !followsDeletion(next, edited))
      pushGapEdit(edits, a, next, f, gf[i + 1]!);
  });
  return edits;
}

/** The blank lines a group starts with: from its region start to its first node's line. */
function gapOf(side: Side, group: Group): { start: number; end: number } {
  const firstLine = side.lines.lineStart(side.lines.lineOf(group.nodes[0]!.startIndex));
  return { start: group.regionStart, end: Math.max(group.regionStart, firstLine) };
}

/** Take the formatter's blank lines in front of a group. */
function pushGapEdit(edits: Edit[], a: Side, groupA: Group, f: Side, groupF: Group): void {
  const gapA = gapOf(a, groupA);
  const gapF = gapOf(f, groupF);
  const text = f.text.slice(gapF.start, gapF.end);
  if (a.text.slice(gapA.start, gapA.end) !== text)
    edits.push(Edit.replace(gapA.start, gapA.end, text));
}

/** Recurse into a compound statement when only its bodies were edited and its headers agree. */
function spliceBlocks(
  a: Side,
  aNode: Node,
  f: Side,
  fNode: Node,
  edited: EditedLines,
): Edit[] | undefined {
  const ba = blocksOf(aNode);
  const bf = blocksOf(fNode);
  if (ba.length === 0 || ba.length !== bf.length) return undefined;
  // Header rows (everything outside the blocks) must be unedited.
  const blockRows = new Set<number>();
  for (const b of ba)
    for (let r = b.startPosition.row; r <= b.endPosition.row; r++) blockRows.add(r);
  for (let r = aNode.startPosition.row; r <= aNode.endPosition.row; r++) {
    if (edited.lines.has(r) && !blockRows.has(r)) return undefined;
  }
  const edits: Edit[] = [];
  for (let i = 0; i < ba.length; i++) {
    const blockA = ba[i]!;
    const blockF = bf[i]!;
    // A block on the header's line (`if x: return`) cannot be split: format the whole statement.
    if (blockA.startPosition.row === aNode.startPosition.row) return undefined;
    const startA = a.lines.lineStart(a.lines.lineOf(blockA.startIndex));
    const startF = f.lines.lineStart(f.lines.lineOf(blockF.startIndex));
    const inner = spliceContainer(a, blockA, f, blockF, edited, startA, startF);
    if (!inner) return undefined;
    edits.push(...inner);
  }
  return edits;
}

/**
 * Keep the formatter's changes to `after` only in statements that contain lines where
 * `after` differs from `before`. `format` defaults to ruff with `ruffOptions`.
 * Returns `after` unchanged when the formatted tree does not line up with it.
 */
export function formatEditedRegions(
  before: string,
  after: string,
  ruffOptions: Record<string, unknown> = {},
  format: (text: string) => string = (t) => ruffFormat(t, ruffOptions),
): string {
  return formatEditedRegionsChecked(before, after, ruffOptions, { format }).text;
}

/** The formatted text, and whether it is known to parse (it was parsed on the way, without error). */
export interface FormattedRegions {
  readonly text: string;
  readonly parses: boolean;
}

export interface FormatRegionsOptions {
  /** The formatter (default: ruff with the given options). */
  readonly format?: (text: string) => string;
  /** `editedLines(before, after)`, when the caller has it. */
  readonly edited?: EditedLines;
  /** The tree of `after`, when the caller has it: not parsed again; edited in place, still the caller's to free. */
  readonly afterTree?: Tree;
}

/**
 * `formatEditedRegions`, also saying whether the result is known to parse: it is
 * `after` or the formatter's whole output (both parsed on the way), or a mix of the two
 * re-parsed incrementally from the tree of `after` — so a caller need not parse it again.
 */
export function formatEditedRegionsChecked(
  before: string,
  after: string,
  ruffOptions: Record<string, unknown> = {},
  opts: FormatRegionsOptions = {},
): FormattedRegions {
  const formatted = (opts.format ?? ((t: string) => ruffFormat(t, ruffOptions)))(after);
  if (formatted === after) return { text: after, parses: false };
  const edited = opts.edited ?? editedLines(before, after);
  if (edited.lines.size === 0 && edited.deletions.size === 0) return { text: after, parses: false };
  let treeA: Tree | undefined;
  let treeF: Tree | undefined;
  let treeR: Tree | undefined;
  try {
    treeA = opts.afterTree ?? parsePython(after);
    treeF = parsePython(formatted);
    const a: Side = { text: after, lines: new LineIndex(after) };
    const f: Side = { text: formatted, lines: new LineIndex(formatted) };
    const spliced = spliceContainer(a, treeA.rootNode, f, treeF.rootNode, edited, 0, 0);
    if (!spliced) return { text: after, parses: !treeA.rootNode.hasError };
    const tail = trailingEdit(a, treeA.rootNode, f, treeF.rootNode, edited);
    const edits = tail ? [...spliced, tail] : spliced;
    const text = applyEdits(after, edits);
    if (text === after) return { text, parses: !treeA.rootNode.hasError };
    if (text === formatted) return { text, parses: !treeF.rootNode.hasError };
    treeR = reparse(treeA, after, edits, text);
    return { text, parses: !treeR.rootNode.hasError };
  } finally {
    if (treeA !== opts.afterTree) treeA?.delete();
    treeF?.delete();
    treeR?.delete();
  }
}

/** Blank lines after the last statement: take the formatter's when the end was edited. */
function trailingEdit(
  a: Side,
  rootA: Node,
  f: Side,
  rootF: Node,
  edited: EditedLines,
): Edit | undefined {
  const lastA = rootA.lastNamedChild;
  const lastF = rootF.lastNamedChild;
  const startA = lastA ? lineEndAt(a, lastA.endIndex) : 0;
  const startF = lastF ? lineEndAt(f, lastF.endIndex) : 0;
  const lastRow = a.lines.lineOf(a.text.length) - 1;
  let touched = false;
  for (let r = a.lines.lineOf(startA) - 1; r <= lastRow; r++)
    if (edited.lines.has(r)) touched = true;
  if (!touched || a.text.slice(startA) === f.text.slice(startF)) return undefined;
  return Edit.replace(startA, a.text.length, f.text.slice(startF));
}
