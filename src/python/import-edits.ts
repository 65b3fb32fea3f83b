/**
 * Edits that maintain a module's imports: add an import (merging into an existing
 * `from m import ...`, else a new statement in the right group), and remove a name
 * from its import once nothing uses it (deleting the statement when it empties).
 */
import { Edit } from '../core/edit.js';
import { detectEol } from '../core/text.js';
import type { ImportRequest } from '../engine/contract.js';
import { importSection, importSpec, leadingImports, memberSortKey } from './import-order.js';
import { describeImport, type ImportStatement, topLevelImports } from './imports.js';
import { docstringOf, statementDeletionRange, statementLinesRange } from './nodes.js';
import type { Node, Tree } from './parser.js';

export type { ImportRequest };

function splitSpec(spec: string): { level: number; module: string } {
  const m = /^(\.*)(.*)$/.exec(spec)!;
  return { level: m[1]!.length, module: m[2]! };
}

function sameModule(stmt: ImportStatement, spec: string): boolean {
  const { level, module } = splitSpec(spec);
  return stmt.level === level && stmt.module === module;
}

/** Whether an existing top-level import already provides exactly this binding. */
export function findExistingImport(tree: Tree, req: ImportRequest): ImportStatement | undefined {
  return topLevelImports(tree).find((stmt) => {
    if (req.name === undefined) {
      return (
        stmt.kind === 'import' &&
        stmt.names.some((n) => n.name === req.module && n.alias === req.alias)
      );
    }
    return (
      stmt.kind === 'from' &&
      sameModule(stmt, req.module) &&
      stmt.names.some((n) => n.name === req.name && n.alias === req.alias)
    );
  });
}

function isSorted(keys: readonly string[]): boolean {
  return keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
}

function clauseText(req: ImportRequest): string {
  const name = req.name ?? req.module;
  return req.alias ? `${name} as ${req.alias}` : name;
}

/** Insert a name into an existing `from m import ...` statement. */
function mergeIntoFrom(text: string, stmt: ImportStatement, req: ImportRequest): Edit {
  const clause = clauseText(req);
  const keys = stmt.names.map((n) => memberSortKey(n.name));
  const key = memberSortKey(req.name!);
  let after = stmt.names.length - 1;
  if (isSorted(keys)) {
    after = keys.findLastIndex((k) => k <= key);
  }
  const multiline = stmt.parenthesized && text.slice(stmt.start, stmt.end).includes('\n');
  if (after === -1) {
    const first = stmt.names[0]!;
    if (multiline) {
      const indent = lineIndent(text, first.start);
      return Edit.insert(first.start, `${clause},${detectEol(text)}${indent}`);
    }
    return Edit.insert(first.start, `${clause}, `);
  }
  const prev = stmt.names[after]!;
  if (multiline) {
    const comma = text.slice(prev.end).match(/^\s*,/);
    const indent = lineIndent(text, prev.start);
    if (comma) {
      return Edit.insert(prev.end + comma[0].length, `${detectEol(text)}${indent}${clause},`);
    }
    return Edit.insert(prev.end, `,${detectEol(text)}${indent}${clause}`);
  }
  return Edit.insert(prev.end, `, ${clause}`);
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

export interface AddImportOptions {
  /** Top-level packages of the project being edited (grouped after third-party). */
  readonly firstParty?: ReadonlySet<string>;
}

/**
 * The edit that makes `req` available at module level, or undefined when it already is.
 * Merges into an existing `from m import ...`; otherwise adds a statement to its group.
 */
export function planAddImport(
  text: string,
  tree: Tree,
  req: ImportRequest,
  opts: AddImportOptions = {},
): Edit | undefined {
  if (findExistingImport(tree, req)) return undefined;
  const imports = leadingImports(tree);
  const eol = detectEol(text);
  if (req.name !== undefined) {
    const target = imports.find(
      (s) => s.kind === 'from' && !s.wildcard && !s.isFuture && sameModule(s, req.module),
    );
    if (target) return mergeIntoFrom(text, target, req);
  }
  const statement =
    req.name === undefined
      ? `import ${clauseText(req)}`
      : `from ${req.module} import ${clauseText(req)}`;
  const top = splitSpec(req.module);
  if (top.level === 0) {
    const samePackage = imports.filter(
      (s) => s.level === 0 && importSpec(s).split('.')[0] === top.module.split('.')[0],
    );
    const last = samePackage[samePackage.length - 1];
    if (last) return Edit.insert(lineEndAfter(text, last.node), `${statement}${eol}`);
  }
  const firstParty = opts.firstParty ?? new Set<string>();
  const group = importSection(req.module, firstParty);
  const grouped = imports.map((s) => ({
    stmt: s,
    group: importSection(importSpec(s), firstParty),
  }));
  const sameGroup = grouped.filter((g) => g.group === group);
  if (sameGroup.length > 0) {
    const lastSame = sameGroup[sameGroup.length - 1]!.stmt;
    return Edit.insert(lineEndAfter(text, lastSame.node), `${statement}${eol}`);
  }
  const earlier = grouped.filter((g) => g.group < group);
  if (earlier.length > 0) {
    const last = earlier[earlier.length - 1]!.stmt;
    return Edit.insert(lineEndAfter(text, last.node), `${eol}${statement}${eol}`);
  }
  const later = grouped.find((g) => g.group > group);
  if (later) {
    const start = statementLinesRange(text, later.stmt.node).start;
    return Edit.insert(start, `${statement}${eol}${eol}`);
  }
  return insertAtModuleTop(text, tree, statement, eol);
}

function lineEndAfter(text: string, node: Node): number {
  const nl = text.indexOf('\n', node.endIndex);
  return nl === -1 ? text.length : nl + 1;
}

/** A new first import: after the docstring (and comments and blank lines that follow the header). */
function insertAtModuleTop(text: string, tree: Tree, statement: string, eol: string): Edit {
  const doc = docstringOf(tree.rootNode);
  if (doc) {
    const at = lineEndAfter(text, doc);
    const atEnd = at >= text.length && !text.endsWith('\n');
    return Edit.insert(at, `${atEnd ? eol : ''}${eol}${statement}${eol}`);
  }
  // Skip a shebang / encoding / licence comment header.
  let at = 0;
  const header = /^(?:#[^\n]*\n|[ \t]*\r?\n)*/.exec(text);
  if (header) at = header[0].length;
  const rest = text.slice(at).trim();
  return Edit.insert(at, rest === '' ? `${statement}${eol}` : `${statement}${eol}${eol}`);
}

const NOT_REFERENCES: Record<string, string> = {
  attribute: 'attribute',
  keyword_argument: 'name',
};

/**
 * Whether `name` is used in the module outside import statements: an identifier
 * reference, or a word in a string that is not a docstring (a string annotation may
 * use it). Only the places where the text contains `name` are looked at, so the cost
 * does not grow with the size of the tree.
 */
export function isNameUsed(tree: Tree, name: string): boolean {
  for (const o of nameOccurrences(tree, name)) if (isUse(o)) return true;
  return false;
}

/** A place where a module's text holds a name. */
export interface NameOccurrence {
  readonly node: Node;
  /** The node is an identifier spelling exactly the name. */
  readonly identifier: boolean;
  /** The name is a whole word inside a string that is not a docstring (or in an f-string). */
  readonly wordInString: boolean;
}

/** Every place the module's text holds `name` (found by text search, so cheap on big trees). */
export function* nameOccurrences(tree: Tree, name: string): Generator<NameOccurrence> {
  const root = tree.rootNode;
  // The root node starts after a BOM or leading blank lines: offsets are `base + i`.
  const base = root.startIndex;
  const text = root.text;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const node = root.descendantForIndex(base + i, base + i + name.length);
    if (node) yield occurrenceAt(text, i, name.length, node, base);
  }
}

/** The occurrence of a name at `text[i, i + length)`, whose node (offset `base + i`) is `node`. */
export function occurrenceAt(
  text: string,
  i: number,
  length: number,
  node: Node,
  base = 0,
): NameOccurrence {
  const at = base + i;
  const identifier =
    node.type === 'identifier' && node.startIndex === at && node.endIndex === at + length;
  // An identifier in an f-string's `{x.name}` is a word in a string too.
  const wordInString = isWord(text, i, i + length) && inNonDocstring(node);
  return { node, identifier, wordInString };
}

/** Whether an occurrence uses the name: a reference, or a word in a string. */
export function isUse(o: NameOccurrence): boolean {
  return (o.identifier && isReference(o.node)) || o.wordInString;
}

/** An identifier that reads the name (not `x.name`, `f(name=...)`, or an import clause). */
function isReference(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const field = NOT_REFERENCES[parent.type];
  if (field && parent.childForFieldName(field)?.id === node.id) return false;
  return !insideImport(node);
}

const WORD_CHAR = /\w/;

/** `\b` boundaries on both sides (ASCII word characters, as a `\bname\b` regex). */
function isWord(text: string, start: number, end: number): boolean {
  const before = start > 0 && WORD_CHAR.test(text[start - 1]!);
  const after = end < text.length && WORD_CHAR.test(text[end]!);
  const first = WORD_CHAR.test(text[start]!);
  const last = WORD_CHAR.test(text[end - 1]!);
  return before !== first && after !== last;
}

/** Whether `node` lies in a string literal that is not a docstring. */
function inNonDocstring(node: Node): boolean {
  for (let p: Node | null = node; p; p = p.parent) {
    if (p.type === 'string') {
      const stmt = p.parent;
      return !(stmt?.type === 'expression_statement' && stmt.namedChildCount === 1);
    }
    if (p.type === 'block' || p.type === 'module') return false;
  }
  return false;
}

function insideImport(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'import_statement' || p.type === 'import_from_statement') return true;
    if (p.type === 'block' || p.type === 'module') return false;
  }
  return false;
}

/** The index of the clause of `stmt` that binds `req`, or -1. */
export function requestedClause(stmt: ImportStatement, req: ImportRequest): number {
  const matches =
    req.name === undefined
      ? stmt.kind === 'import'
      : stmt.kind === 'from' && sameModule(stmt, req.module);
  if (!matches) return -1;
  return stmt.names.findIndex((n) =>
    req.name === undefined ? n.name === req.module : n.name === req.name,
  );
}

/**
 * The module-level `from module import` clause that binds `req` (or `import module`),
 * when nothing uses the name any more: the statement and the clause's index in it.
 */
function findUnusedImport(
  text: string,
  tree: Tree,
  req: ImportRequest,
): { stmt: ImportStatement; index: number } | undefined {
  for (const stmt of topLevelImportsNaming(text, tree, req.name ?? req.module.split('.')[0]!)) {
    const index = requestedClause(stmt, req);
    if (index === -1) continue;
    if (isNameUsed(tree, stmt.names[index]!.bound)) return undefined;
    return { stmt, index };
  }
  return undefined;
}

/**
 * Remove `name` (the local binding) from the module's top-level `from module import`
 * statements when nothing uses it any more; deletes the statement when it empties.
 */
export function planRemoveImportIfUnused(
  text: string,
  tree: Tree,
  req: ImportRequest,
): Edit | undefined {
  const hit = findUnusedImport(text, tree, req);
  return hit ? removeClause(text, hit.stmt, hit.index) : undefined;
}

export const IMPORT_STATEMENT_TYPES = new Set([
  'import_statement',
  'import_from_statement',
  'future_import_statement',
]);
const IMPORT_CLAUSE_PARTS = new Set(['identifier', 'dotted_name', 'aliased_import']);

/**
 * The module-level import statements in which `word` is (part of) an imported name, in
 * document order: `topLevelImports` narrowed by a text search, so a module with many
 * statements costs no more than one with few.
 */
function topLevelImportsNaming(text: string, tree: Tree, word: string): ImportStatement[] {
  if (word === '') return topLevelImports(tree);
  const out: ImportStatement[] = [];
  let last = -1;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    let node: Node | null = tree.rootNode.descendantForIndex(at, at + word.length);
    while (node && IMPORT_CLAUSE_PARTS.has(node.type)) node = node.parent;
    if (!node || !IMPORT_STATEMENT_TYPES.has(node.type) || node.startIndex === last) continue;
    if (node.parent?.type !== 'module') continue;
    last = node.startIndex;
    out.push(describeImport(node));
  }
  return out;
}

/** Remove clause `index` of an import statement, or the whole statement if it is the only one. */
export function removeClause(text: string, stmt: ImportStatement, index: number): Edit {
  if (stmt.names.length === 1) {
    const range = statementDeletionRange(text, stmt.node);
    return Edit.delete(range.start, range.end);
  }
  const clause = stmt.names[index]!;
  const next = stmt.names[index + 1];
  const multiline = text.slice(stmt.start, stmt.end).includes('\n');
  if (multiline) {
    // One name per line: drop the clause's whole line when it is alone there.
    const lineStart = text.lastIndexOf('\n', clause.start - 1) + 1;
    const lineEndNl = text.indexOf('\n', clause.end);
    const before = text.slice(lineStart, clause.start);
    const after = lineEndNl === -1 ? '' : text.slice(clause.end, lineEndNl);
    if (before.trim() === '' && /^\s*,?\s*(#.*)?\r?$/.test(after) && !after.includes('#')) {
      return Edit.delete(lineStart, lineEndNl + 1);
    }
  }
  if (next) {
    // `a, b` -> remove `a, ` (up to the next clause).
    return Edit.delete(clause.start, next.start);
  }
  // Last clause: remove from the end of the previous clause.
  const prev = stmt.names[index - 1]!;
  return Edit.delete(prev.end, clause.end);
}
