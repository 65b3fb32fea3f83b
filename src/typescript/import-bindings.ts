/**
 * Removing bindings from import and export declarations, as minimal edits: specifiers
 * go with their comma (single- or multi-line lists keep their layout), a declaration
 * left with nothing goes whole, `import D, { x }` keeps `import D`, and a value import
 * left with only inline `type` specifiers becomes `import type { ... }`. Also: the
 * identifier at an offset, and what kind of place a reference is.
 */
import { ts } from 'ts-morph';
import { Edit } from '../core/edit.js';
import { deletionRange } from './top-level.js';

type Declaration = ts.ImportDeclaration | ts.ExportDeclaration;
type Specifier = ts.ImportSpecifier | ts.ExportSpecifier;

/** The innermost node that contains `pos` (an identifier at a reference's start). */
export function nodeAt(sf: ts.SourceFile, pos: number): ts.Node {
  let node: ts.Node = sf;
  for (;;) {
    const child = node.forEachChild((c) => (c.getStart(sf) <= pos && pos < c.end ? c : undefined));
    if (!child) return node;
    node = child;
  }
}

/** The import or export declaration a binding identifier belongs to, if it is one. */
export function bindingDeclaration(id: ts.Node): Declaration | undefined {
  let n: ts.Node | undefined = id.parent;
  for (let i = 0; n && i < 4; i++, n = n.parent) {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return n;
  }
  return undefined;
}

function elementsOf(decl: Declaration): readonly Specifier[] {
  if (ts.isExportDeclaration(decl)) {
    return decl.exportClause && ts.isNamedExports(decl.exportClause)
      ? decl.exportClause.elements
      : [];
  }
  const b = decl.importClause?.namedBindings;
  return b && ts.isNamedImports(b) ? b.elements : [];
}

/**
 * Edits that remove the `remove` parts of one declaration: named specifiers, the default
 * import (its `importClause.name`) or a namespace import; the whole statement when
 * nothing is left.
 */
export function removeBindings(
  text: string,
  sf: ts.SourceFile,
  decl: Declaration,
  remove: ReadonlySet<ts.Node>,
): Edit[] {
  const elements = elementsOf(decl);
  const keptElements = elements.filter((e) => !remove.has(e));
  const clause = ts.isImportDeclaration(decl) ? decl.importClause : undefined;
  const namespace =
    clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)
      ? clause.namedBindings
      : undefined;
  const keepDefault = !!clause?.name && !remove.has(clause.name);
  const keepNamespace = !!namespace && !remove.has(namespace);
  const isStar = ts.isExportDeclaration(decl) && !decl.exportClause;
  if (keptElements.length === 0 && !keepDefault && !keepNamespace && !isStar) {
    const range = deletionRange(text, decl, decl, sf);
    return [Edit.delete(range.start, range.end)];
  }
  const edits: Edit[] = [];
  if (clause?.name && !keepDefault) {
    edits.push(Edit.delete(clause.name.getStart(sf), clause.namedBindings!.getStart(sf)));
  }
  if (keepDefault && clause?.namedBindings && keptElements.length === 0 && !keepNamespace) {
    edits.push(Edit.delete(clause.name!.end, clause.namedBindings.end));
  } else edits.push(...elementRemovals(sf, elements, remove));
  return [...edits, ...typeOnlyConversion(sf, decl, keptElements, keepDefault)];
}

/** Runs of removed specifiers, each deleted with the comma that separates it from a kept one. */
function elementRemovals(
  sf: ts.SourceFile,
  elements: readonly Specifier[],
  remove: ReadonlySet<ts.Node>,
): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < elements.length; i++) {
    if (!remove.has(elements[i]!)) continue;
    let j = i;
    while (j + 1 < elements.length && remove.has(elements[j + 1]!)) j++;
    const next = elements[j + 1];
    if (next) edits.push(Edit.delete(elements[i]!.getStart(sf), next.getStart(sf)));
    else if (i > 0) edits.push(Edit.delete(elements[i - 1]!.end, elements[j]!.end));
    i = j;
  }
  return edits;
}

/** `import { type A, type B }` (what is left) -> `import type { A, B }`. */
function typeOnlyConversion(
  sf: ts.SourceFile,
  decl: Declaration,
  kept: readonly Specifier[],
  keepDefault: boolean,
): Edit[] {
  if (!ts.isImportDeclaration(decl) || !decl.importClause || decl.importClause.isTypeOnly)
    return [];
  if (keepDefault || kept.length === 0 || !kept.every((e) => e.isTypeOnly)) return [];
  const edits = kept.map((e) => {
    const start = e.getStart(sf);
    const name = (e.propertyName ?? e.name).getStart(sf);
    return Edit.delete(start, name);
  });
  const importKeyword = decl.getStart(sf) + 'import'.length;
  return [Edit.insert(importKeyword, ' type'), ...edits];
}
