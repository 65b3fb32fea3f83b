/**
 * What still refers to code remove-dead-code would delete, found with the language
 * service (references through imports, re-exports and aliases) and, for a whole file,
 * with the module's referencing nodes (imports, `export * from`, dynamic `import()`,
 * `require`) and `vi.mock`/`jest.mock` paths. Each reference is a use (the deletion
 * would break it), or an import / re-export binding that can go with the code. Comments
 * that mention a name are not references; they are reported as mentions.
 */
import { ts } from 'ts-morph';
import { bindingDeclaration, nodeAt } from '../import-bindings.js';
import type { TsProjectView } from '../project-view.js';
import { declarationName, type Range } from '../top-level.js';

export interface FoundReference {
  readonly file: string;
  readonly line: number;
  /** The trimmed source line, for messages. */
  readonly text: string;
  /** `use`: the deletion would break it; `binding`: an import/export binding that goes too. */
  readonly kind: 'use' | 'binding';
  /** For a binding: its declaration, and the part to remove (undefined: the whole declaration). */
  readonly declaration?: ts.ImportDeclaration | ts.ExportDeclaration;
  readonly binding?: ts.Node;
}

/** What is being deleted: ranges of `file` (names) or the whole file, and files going with it. */
export interface Deletion {
  readonly file: string;
  readonly whole: boolean;
  readonly ranges: readonly Range[];
  /** Files deleted with it (tests); references in them do not count. */
  readonly skip: ReadonlySet<string>;
}

function lineText(sf: ts.SourceFile, pos: number): { line: number; text: string } {
  const { line } = sf.getLineAndCharacterOfPosition(pos);
  const start = sf.getPositionOfLineAndCharacter(line, 0);
  const end = sf.text.indexOf('\n', pos);
  return { line: line + 1, text: sf.text.slice(start, end === -1 ? undefined : end).trim() };
}

function inDeletion(d: Deletion, file: string, pos: number): boolean {
  if (d.skip.has(file) || (d.whole && file === d.file)) return true;
  return file === d.file && d.ranges.some((r) => pos >= r.start && pos < r.end);
}

/** A reference at `pos` of `file`, classified. */
function classify(view: TsProjectView, file: string, pos: number): FoundReference {
  const sf = view.tsFile(file)!;
  const node = nodeAt(sf, pos);
  const where = lineText(sf, pos);
  const p = node.parent;
  const isBinding =
    p &&
    (ts.isImportSpecifier(p) ||
      ts.isExportSpecifier(p) ||
      ts.isImportClause(p) ||
      ts.isNamespaceImport(p));
  const declaration = isBinding ? bindingDeclaration(node) : undefined;
  if (declaration && p) {
    return {
      file,
      ...where,
      kind: 'binding',
      declaration,
      binding: ts.isImportClause(p) ? node : p,
    };
  }
  return { file, ...where, kind: 'use' };
}

/** References to the top-level `names` of the deletion's file that lie outside what is deleted. */
export function nameReferences(
  view: TsProjectView,
  d: Deletion,
  declarations: ReadonlyMap<string, readonly ts.Statement[]>,
): FoundReference[] {
  const out: FoundReference[] = [];
  const seen = new Set<string>();
  for (const [name, statements] of declarations) {
    for (const s of statements) {
      const id = declarationName(s, name);
      if (!id) continue;
      for (const r of view.references(d.file, id.getStart(s.getSourceFile()))) {
        const key = `${r.file}:${r.start}`;
        if (r.isDefinition || seen.has(key) || inDeletion(d, r.file, r.start)) continue;
        seen.add(key);
        out.push(classify(view, r.file, r.start));
      }
    }
  }
  return out;
}

/** Every other file's reference to the module itself (whole-file deletion). */
export function moduleReferences(view: TsProjectView, d: Deletion): FoundReference[] {
  const sf = view.sourceFile(d.file);
  if (!sf) return [];
  const out: FoundReference[] = [];
  for (const node of sf.getReferencingNodesInOtherSourceFiles()) {
    const file = view.rel(node.getSourceFile().getFilePath());
    const n = node.compilerNode as ts.Node;
    if (inDeletion(d, file, n.pos)) continue;
    out.push(...moduleReference(view, file, n));
  }
  return [...out, ...mockReferences(view, d)];
}

function moduleReference(view: TsProjectView, file: string, n: ts.Node): FoundReference[] {
  const tsf = n.getSourceFile();
  const where = lineText(tsf, n.getStart(tsf));
  if (ts.isExportDeclaration(n) && !(n.exportClause && ts.isNamespaceExport(n.exportClause))) {
    return [{ file, ...where, kind: 'binding', declaration: n }];
  }
  if (!ts.isImportDeclaration(n) || !n.importClause) return [{ file, ...where, kind: 'use' }];
  const clause = n.importClause;
  const locals: ts.Identifier[] = [];
  if (clause.name) locals.push(clause.name);
  if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings))
    locals.push(clause.namedBindings.name);
  if (clause.namedBindings && ts.isNamedImports(clause.namedBindings))
    locals.push(...clause.namedBindings.elements.map((e) => e.name));
  const uses = locals.flatMap((id) =>
    view
      .references(file, id.getStart(tsf))
      .filter((r) => !r.isDefinition && r.file === file && r.start !== id.getStart(tsf))
      .map((r) => classify(view, file, r.start)),
  );
  return uses.length > 0 ? uses : [{ file, ...where, kind: 'binding', declaration: n }];
}

const MOCK =
  /\b(?:vi|jest)\.(?:mock|doMock|unmock|requireActual|importActual)\s*\(\s*(['"`])([^'"`]+)\1/g;

/** `vi.mock('path')` and the like whose path names the deleted module. */
function mockReferences(view: TsProjectView, d: Deletion): FoundReference[] {
  const out: FoundReference[] = [];
  for (const file of view.files()) {
    if (inDeletion(d, file, 0)) continue;
    const text = view.text(file) ?? '';
    for (const m of text.matchAll(MOCK)) {
      if (view.resolve(m[2]!, file) !== d.file) continue;
      out.push({ file, ...lineText(view.tsFile(file)!, m.index), kind: 'use' });
    }
  }
  return out;
}

/** `file:line` of comments (outside what is deleted) that mention `name` as a word. */
export function commentMentions(
  view: TsProjectView,
  d: Deletion,
  name: string,
): { file: string; line: number }[] {
  const word = new RegExp(`\\b${name}\\b`);
  const out: { file: string; line: number }[] = [];
  for (const file of view.files()) {
    const sf = view.tsFile(file);
    if (!sf || !word.test(sf.text)) continue;
    for (const c of commentRanges(sf)) {
      if (word.test(sf.text.slice(c.pos, c.end)) && !inDeletion(d, file, c.pos)) {
        out.push({ file, line: sf.getLineAndCharacterOfPosition(c.pos).line + 1 });
      }
    }
  }
  return out;
}

/** Every comment of a file (the leading trivia of its tokens), in order. */
function commentRanges(sf: ts.SourceFile): ts.CommentRange[] {
  const seen = new Map<number, ts.CommentRange>();
  const visit = (node: ts.Node): void => {
    for (const c of ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [])
      seen.set(c.pos, c);
    for (const child of node.getChildren(sf)) visit(child);
  };
  visit(sf);
  return [...seen.values()].sort((a, b) => a.pos - b.pos);
}
