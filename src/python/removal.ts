/**
 * Removing module-level code cleanly: the range of a definition with its decorators
 * and the comment lines right above it, and the import clauses (and statements) a
 * removal leaves unused, decided with the scope model rather than by text.
 */
import { Edit } from '../core/edit.js';
import { describeImport, type ImportStatement } from './imports.js';
import { statementDeletionRange } from './nodes.js';
import type { Node } from './parser.js';
import type { ModuleAnalysis } from './project/module-analysis.js';
import { literalAll } from './project/project.js';
import type { Binding } from './project/scope-types.js';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export function insideAny(offset: number, ranges: readonly Range[]): boolean {
  return ranges.some((r) => offset >= r.start && offset < r.end);
}

/** Comment lines directly above `statement` (no blank line between), as sibling nodes. */
export function leadingComments(statement: Node): Node[] {
  const out: Node[] = [];
  let row = statement.startPosition.row;
  for (
    let prev = statement.previousSibling;
    prev?.type === 'comment';
    prev = prev.previousSibling
  ) {
    if (prev.endPosition.row !== row - 1) break;
    out.unshift(prev);
    row = prev.startPosition.row;
  }
  return out;
}

const BLANK_LINE = /^[ \t]*\r?\n/;

/**
 * The range that deletes a module-level statement (a decorated definition counts as
 * one) together with the comment block right above it and the surplus blank lines:
 * the blank lines before it when blank lines follow, or all of them at the end of the
 * file; at the top of the file, the blank lines after it.
 */
export function definitionDeletionRange(text: string, statement: Node): Range {
  const first = leadingComments(statement)[0] ?? statement;
  const own = statementDeletionRange(text, statement);
  const lineStart = text.lastIndexOf('\n', first.startIndex - 1) + 1;
  if (own.end < statement.endIndex || text.slice(lineStart, first.startIndex).trim() !== '') {
    return own;
  }
  let start = lineStart;
  let end = own.end;
  const blankAfter = end >= text.length || BLANK_LINE.test(text.slice(end));
  if (
    text
      .slice(0, start)
      .replace(/^\ufeff/, '')
      .trim() === ''
  ) {
    while (end < text.length) {
      const m = BLANK_LINE.exec(text.slice(end));
      if (!m) break;
      end += m[0].length;
    }
    return { start: text.startsWith('\ufeff') && start === 0 ? 1 : start, end };
  }
  if (blankAfter) {
    while (start > 0) {
      const prevStart = text.lastIndexOf('\n', start - 2) + 1;
      if (!/^[ \t]*\r?\n$/.test(text.slice(prevStart, start))) break;
      start = prevStart;
    }
  }
  return { start, end };
}

/** Whether any reference to `binding` is outside the `removed` ranges. */
export function isReferencedOutside(binding: Binding, removed: readonly Range[]): boolean {
  return binding.references.some((r) => !insideAny(r.start, removed));
}

/**
 * Module-level import bindings that were used only inside the `removed` ranges (and
 * are not re-exported through `__all__`): what a removal leaves unused.
 */
export function importsLeftUnused(analysis: ModuleAnalysis, removed: readonly Range[]): Binding[] {
  const exported = new Set(literalAll(analysis) ?? []);
  return analysis.moduleScope.starImports.length > 0
    ? []
    : [...analysis.moduleScope.bindings.values()]
        .flat()
        .filter(
          (b) =>
            b.kind === 'import' &&
            !b.import?.statement.isFuture &&
            b.references.length > 0 &&
            !exported.has(b.name) &&
            b.references.every((r) => insideAny(r.start, removed)) &&
            !insideAny(b.statement.startIndex, removed),
        );
}

/**
 * Edits that remove the clauses of `bindings` from their import statements: the whole
 * statement when every clause goes, else each run of removed clauses.
 */
export function removeImportBindings(text: string, bindings: readonly Binding[]): Edit[] {
  const byStatement = new Map<number, { statement: ImportStatement; names: Set<string> }>();
  for (const b of bindings) {
    const entry = byStatement.get(b.statement.id) ?? {
      statement: describeImport(b.statement),
      names: new Set<string>(),
    };
    entry.names.add(b.name);
    byStatement.set(b.statement.id, entry);
  }
  const edits: Edit[] = [];
  for (const { statement, names } of byStatement.values()) {
    const removed = statement.names.map((n) => names.has(n.bound));
    if (removed.every(Boolean)) {
      const range = statementDeletionRange(text, statement.node);
      edits.push(Edit.delete(range.start, range.end));
      continue;
    }
    edits.push(...clauseRunEdits(statement, removed));
  }
  return edits;
}

function clauseRunEdits(statement: ImportStatement, removed: readonly boolean[]): Edit[] {
  const edits: Edit[] = [];
  const clauses = statement.names;
  for (let i = 0; i < clauses.length; i++) {
    if (!removed[i]) continue;
    let j = i;
    while (j + 1 < clauses.length && removed[j + 1]) j++;
    const next = clauses[j + 1];
    if (next) edits.push(Edit.delete(clauses[i]!.start, next.start));
    else edits.push(Edit.delete(clauses[i - 1]!.end, clauses[j]!.end));
    i = j;
  }
  return edits;
}

function atLineStart(text: string, offset: number): boolean {
  return offset === 0 || offset === text.length || text[offset - 1] === '\n';
}

/**
 * Merge whole-line deletions separated only by blank lines, so that deleting a run of
 * statements leaves the spacing that deleting one statement leaves (each deletion
 * alone keeps the blank lines around it; several in a row would pile them up).
 */
export function mergeLineDeletions(text: string, edits: readonly Edit[]): Edit[] {
  const isLines = (e: Edit) =>
    e.text === '' && atLineStart(text, e.start) && atLineStart(text, e.end);
  const lines = edits.filter(isLines).sort((a, b) => a.start - b.start);
  const merged: Edit[] = [];
  for (const e of lines) {
    const last = merged[merged.length - 1];
    if (last && e.start >= last.end && text.slice(last.end, e.start).trim() === '') {
      merged[merged.length - 1] = Edit.delete(last.start, Math.max(last.end, e.end));
    } else merged.push(e);
  }
  return [...merged, ...edits.filter((e) => !isLines(e))];
}
