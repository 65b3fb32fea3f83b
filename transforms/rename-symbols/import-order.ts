/**
 * Keeps `from m import a, b` sorted the way ruff's isort sorts it (CONSTANTS, Classes,
 * then the rest; case-insensitive, numbers in natural order) when a rename would leave a
 * sorted list unsorted: the renamed clauses are rewritten as one sorted list.
 */
import { Edit } from '../../src/core/edit.js';
import { collectImports, type ImportStatement } from '../../src/python/imports.js';
import type { Tree } from '../../src/python/parser.js';

function kind(name: string): number {
  if (name.length > 1 && name === name.toUpperCase() && /[A-Z]/.test(name)) return 0;
  return /^[A-Z]/.test(name) ? 1 : 2;
}

/** ruff's member order: by kind, then natural, case-insensitive. */
function compareMembers(a: string, b: string): number {
  const na = a.split(/\s+as\s+/)[0]!;
  const nb = b.split(/\s+as\s+/)[0]!;
  return (
    kind(na) - kind(nb) ||
    na.toLowerCase().localeCompare(nb.toLowerCase(), 'en', { numeric: true }) ||
    (a < b ? -1 : a > b ? 1 : 0)
  );
}

function isSorted(items: readonly string[]): boolean {
  return items.every((item, i) => i === 0 || compareMembers(items[i - 1]!, item) <= 0);
}

/** `text.slice(start, end)` with the edits inside that range applied. */
function applyWithin(text: string, start: number, end: number, edits: readonly Edit[]): string {
  let out = '';
  let cursor = start;
  for (const e of [...edits].sort((x, y) => x.start - y.start)) {
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + text.slice(cursor, end);
}

function resortStatement(text: string, stmt: ImportStatement, edits: Edit[]): Edit[] | undefined {
  const first = stmt.names[0]!;
  const last = stmt.names[stmt.names.length - 1]!;
  const inside = edits.filter((e) => e.start >= first.start && e.end <= last.end);
  if (inside.length === 0 || stmt.node.descendantsOfType('comment').length > 0) return undefined;
  const before = stmt.names.map((n) => text.slice(n.start, n.end));
  const after = stmt.names.map((n) =>
    applyWithin(
      text,
      n.start,
      n.end,
      inside.filter((e) => e.start >= n.start && e.end <= n.end),
    ),
  );
  if (!isSorted(before) || isSorted(after)) return undefined;
  const multiline = text.slice(first.start, last.end).includes('\n');
  const indent = multiline ? /[ \t]*$/.exec(text.slice(0, first.start))![0] : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const joined = [...after].sort(compareMembers).join(multiline ? `,${eol}${indent}` : ', ');
  return [...edits.filter((e) => !inside.includes(e)), Edit.replace(first.start, last.end, joined)];
}

/** The file's rename edits, with any import list they would unsort rewritten sorted. */
export function keepImportsSorted(text: string, tree: Tree, edits: readonly Edit[]): Edit[] {
  let out = [...edits];
  for (const stmt of collectImports(tree)) {
    if (stmt.kind !== 'from' || stmt.wildcard || stmt.names.length < 2) continue;
    out = resortStatement(text, stmt, out) ?? out;
  }
  return out;
}
