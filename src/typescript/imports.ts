/**
 * Import edits for TypeScript/JavaScript: add `import { x } from 'm'` (merged into an
 * existing import of the module, respecting `import type`; else a new declaration after
 * the last import, or after directives like `'use client'`), and remove a named import
 * once nothing in the file uses it. Each returns one `Edit` (or undefined: nothing to do).
 */
import { ts } from 'ts-morph';
import { Edit } from '../core/edit.js';
import type { ParsedTs } from './parse.js';
import { isReference } from './scopes.js';

export interface TsImportRequest {
  /** The module specifier, as it is to be written (`@/lib/config`, `./money`). */
  readonly module: string;
  readonly name: string;
  readonly alias?: string;
  /** `import type { x }` (or an inline `type x` when merged into a value import). */
  readonly typeOnly?: boolean;
}

/** The two style choices a new import declaration needs. */
export interface ImportStyle {
  readonly quote: 'single' | 'double';
  readonly semicolons: boolean;
}

const localName = (req: { name: string; alias?: string }) => req.alias ?? req.name;

function importsOf(sf: ts.SourceFile, module: string): ts.ImportDeclaration[] {
  return sf.statements.filter(
    (s): s is ts.ImportDeclaration =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text === module,
  );
}

function namedOf(decl: ts.ImportDeclaration): ts.NamedImports | undefined {
  const bindings = decl.importClause?.namedBindings;
  return bindings && ts.isNamedImports(bindings) ? bindings : undefined;
}

/** Whether the declaration already binds the request's name (a value binding serves a type too). */
function binds(decl: ts.ImportDeclaration, req: TsImportRequest): boolean {
  const clause = decl.importClause;
  if (!clause || (clause.isTypeOnly && !req.typeOnly)) return false;
  return (namedOf(decl)?.elements ?? []).some(
    (e) =>
      (e.propertyName ?? e.name).text === req.name &&
      e.name.text === localName(req) &&
      (!e.isTypeOnly || req.typeOnly === true),
  );
}

function specifierText(req: TsImportRequest, inlineType: boolean): string {
  const name = req.alias ? `${req.name} as ${req.alias}` : req.name;
  return inlineType ? `type ${name}` : name;
}

/** Where a new specifier goes in `{ ... }`: sorted position when the list is sorted, else last. */
function specifierInsertion(sf: ts.SourceFile, named: ts.NamedImports, text: string): Edit {
  const elements = named.elements;
  const names = elements.map((e) => e.getText(sf).replace(/^type\s+/, ''));
  const sorted = names.every((n, i) => i === 0 || names[i - 1]!.localeCompare(n) <= 0);
  const key = text.replace(/^type\s+/, '');
  const at = sorted ? names.findIndex((n) => n.localeCompare(key) > 0) : -1;
  const source = sf.text;
  const multiline = source.slice(named.getStart(sf), named.end).includes('\n');
  if (elements.length === 0) return Edit.replace(named.getStart(sf), named.end, `{ ${text} }`);
  if (at === -1) {
    const last = elements[elements.length - 1]!;
    const sep = multiline ? `,\n${indentOf(source, last.getStart(sf))}` : ', ';
    return Edit.insert(last.end, `${sep}${text}`);
  }
  const next = elements[at]!;
  const sep = multiline ? `,\n${indentOf(source, next.getStart(sf))}` : ', ';
  return Edit.insert(next.getStart(sf), `${text}${sep}`);
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** The edit that adds the import, or undefined when the file already has it. */
export function planAddImport(
  parsed: ParsedTs,
  req: TsImportRequest,
  style: ImportStyle,
): Edit | undefined {
  const sf = parsed.sourceFile;
  const decls = importsOf(sf, req.module);
  if (decls.some((d) => binds(d, req))) return undefined;
  const mergeable = decls.filter(
    (d) =>
      d.importClause &&
      !(d.importClause.namedBindings && ts.isNamespaceImport(d.importClause.namedBindings)),
  );
  const typeDecl = mergeable.find((d) => d.importClause!.isTypeOnly);
  const valueDecl = mergeable.find((d) => !d.importClause!.isTypeOnly);
  const target = req.typeOnly ? (typeDecl ?? valueDecl) : valueDecl;
  if (!target && typeDecl && !req.typeOnly) {
    const merged = valueIntoTypeImport(sf, typeDecl, req);
    if (merged) return merged;
  }
  if (target) {
    const inlineType = req.typeOnly === true && !target.importClause!.isTypeOnly;
    const text = specifierText(req, inlineType);
    const named = namedOf(target);
    if (named) return specifierInsertion(sf, named, text);
    const clause = target.importClause!;
    if (clause.name) return Edit.insert(clause.name.end, `, { ${text} }`);
  }
  return newDeclaration(parsed, req, style);
}

/**
 * A value import where the module has only `import type { A, B } from 'm'` (on one
 * line): the declaration becomes `import { type A, type B, x } from 'm'` — one
 * declaration of the module rather than two, as a person (and lint's
 * no-duplicate-imports) would have it. Undefined for a declaration it would
 * have to reflow (several lines, a default import).
 */
function valueIntoTypeImport(
  sf: ts.SourceFile,
  decl: ts.ImportDeclaration,
  req: TsImportRequest,
): Edit | undefined {
  const named = namedOf(decl);
  const clause = decl.importClause!;
  if (!named || clause.name || named.elements.length === 0) return undefined;
  const start = decl.getStart(sf);
  if (sf.text.slice(start, decl.end).includes('\n')) return undefined;
  const names = named.elements.map((e) => e.getText(sf));
  const sorted = names.every((n, i) => i === 0 || names[i - 1]!.localeCompare(n) <= 0);
  const text = specifierText(req, false);
  const at = sorted ? names.findIndex((n) => n.localeCompare(text) > 0) : -1;
  const specifiers = names.map((n) => `type ${n}`);
  specifiers.splice(at === -1 ? specifiers.length : at, 0, text);
  const open = sf.text.slice(named.getStart(sf), named.elements[0]!.getStart(sf));
  const close = sf.text.slice(named.elements[named.elements.length - 1]!.end, named.end);
  const list = `${open}${specifiers.join(', ')}${close.replace(/^,/, '')}`;
  return Edit.replace(start, named.end, `import ${list}`);
}

/** The edit that adds a new import declaration for the request, even when the module is imported already. */
export function planAddImportDeclaration(
  parsed: ParsedTs,
  req: TsImportRequest,
  style: ImportStyle,
): Edit {
  return newDeclaration(parsed, req, style);
}

function newDeclaration(parsed: ParsedTs, req: TsImportRequest, style: ImportStyle): Edit {
  const q = style.quote === 'single' ? "'" : '"';
  const semi = style.semicolons ? ';' : '';
  const kw = req.typeOnly ? 'import type' : 'import';
  const decl = `${kw} { ${specifierText(req, false)} } from ${q}${req.module}${q}${semi}`;
  const sf = parsed.sourceFile;
  const text = parsed.text;
  const imports = sf.statements.filter(
    (s) => ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s),
  );
  const last = imports[imports.length - 1];
  if (last) return Edit.insert(lineEnd(text, last.end), `\n${decl}`);
  const lastDirective = leadingDirectives(sf).pop();
  if (lastDirective) return Edit.insert(lineEnd(text, lastDirective.end), `\n\n${decl}`);
  return Edit.insert(headerEnd(text), `${decl}\n${sf.statements.length > 0 ? '\n' : ''}`);
}

/** The directive prologue: `'use client'`, `'use strict'`, ... */
function leadingDirectives(sf: ts.SourceFile): ts.Statement[] {
  const out: ts.Statement[] = [];
  for (const s of sf.statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) break;
    out.push(s);
  }
  return out;
}

/** Offset of the line break ending the line that contains `offset` (or the text's end). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl;
}

/** Past a shebang and a header comment block that a blank line detaches from the code. */
function headerEnd(text: string): number {
  const m = /^(#![^\n]*\n)?((?:[ \t]*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/)[ \t]*\n)+\n)?/.exec(text);
  return m ? m[0].length : 0;
}

/** The edit that removes `name` from its import of `module` when the file no longer uses it. */
export function planRemoveImportIfUnused(
  parsed: ParsedTs,
  req: { readonly module: string; readonly name: string; readonly alias?: string },
): Edit | undefined {
  const sf = parsed.sourceFile;
  for (const decl of importsOf(sf, req.module)) {
    const named = namedOf(decl);
    const element = named?.elements.find(
      (e) => (e.propertyName ?? e.name).text === req.name && e.name.text === localName(req),
    );
    if (!named || !element) continue;
    if (isUsed(sf, element.name.text, decl)) return undefined;
    if (named.elements.length > 1) return deleteElement(named, element, sf);
    const defaultName = decl.importClause?.name;
    // `import D, { x }` keeps `import D`; `import { x }` goes whole.
    return defaultName
      ? Edit.delete(defaultName.end, named.end)
      : deleteStatement(parsed.text, decl, sf);
  }
  return undefined;
}

/** The statement with its line: from the line start (when only blanks precede it) to past the line break. */
function deleteStatement(text: string, stmt: ts.Statement, sf: ts.SourceFile): Edit {
  const start = stmt.getStart(sf);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const from = /^[ \t]*$/.test(text.slice(lineStart, start)) ? lineStart : start;
  const nl = text.indexOf('\n', stmt.end);
  const to = nl !== -1 && /^[ \t]*\r?$/.test(text.slice(stmt.end, nl)) ? nl + 1 : stmt.end;
  return Edit.delete(from, to);
}

/** One specifier and the comma (and line break) that separates it from a neighbour. */
function deleteElement(named: ts.NamedImports, el: ts.ImportSpecifier, sf: ts.SourceFile): Edit {
  const els = named.elements;
  const i = els.indexOf(el);
  const next = els[i + 1];
  // Before the next one: `x, ` goes; the last one: `, x` goes (a trailing comma stays).
  return next
    ? Edit.delete(el.getStart(sf), next.getStart(sf))
    : Edit.delete(els[i - 1]!.end, el.end);
}

/**
 * Whether an identifier named `name` outside `decl` refers to a binding (not a property
 * name, a member name, a JSX attribute, or another module's export name). Shadowing is
 * not resolved: a shadowed use keeps the import, which is the safe mistake.
 */
function isUsed(sf: ts.SourceFile, name: string, decl: ts.ImportDeclaration): boolean {
  if (!sf.text.includes(name)) return false;
  let used = false;
  const visit = (node: ts.Node): void => {
    if (used || node === decl) return;
    if (ts.isIdentifier(node) && node.text === name && isReference(node)) {
      used = true;
      return;
    }
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return used;
}
