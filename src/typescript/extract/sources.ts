/**
 * The other side of extract-shared-helpers: each source loses its shared copies and
 * imports from the target what it still uses (under its old name when the shared name
 * differs); modules that imported a moved helper from a source import it from the
 * target instead (`import { x }` and `export { x } from` repointed). Where a source is
 * reached in a way that cannot be repointed — a namespace import, a barrel's
 * `export *` — the source keeps a re-export of the helper from the target.
 */
import { ts } from 'ts-morph';
import type { Edit } from '../../core/edit.js';
import { bindingDeclaration, nodeAt, removeBindings } from '../import-bindings.js';
import type { TsImportRequest } from '../imports.js';
import type { TsProjectView } from '../project-view.js';
import {
  declarationName,
  deletionRanges,
  isTypeOnlyDeclaration,
  type Range,
} from '../top-level.js';
import type { Copy, GroupPlan } from './copies.js';

/** What one file needs: edits on its current text, then imports and re-export lines. */
export interface FileWork {
  readonly edits: Edit[];
  /** Bindings to remove, per import/export declaration (one edit list per declaration). */
  readonly bindings: Map<ts.ImportDeclaration | ts.ExportDeclaration, Set<ts.Node>>;
  readonly imports: TsImportRequest[];
  /** `export { to as from } from 'target'` lines. */
  readonly reexports: {
    readonly name: string;
    readonly exported: string;
    readonly module: string;
  }[];
}

export class SourceWork {
  readonly files = new Map<string, FileWork>();

  constructor(
    private readonly view: TsProjectView,
    readonly target: string,
  ) {}

  of(file: string): FileWork {
    let w = this.files.get(file);
    if (!w) {
      w = { edits: [], bindings: new Map(), imports: [], reexports: [] };
      this.files.set(file, w);
    }
    return w;
  }

  spec(file: string): string {
    return this.view.specifier(file, this.target);
  }
}

/** Plan every source and importer change for the shared copies outside the target. */
export function planSources(
  view: TsProjectView,
  plans: readonly GroupPlan[],
  target: string,
): SourceWork {
  const work = new SourceWork(view, target);
  const moved = plans.flatMap((p) => p.shared.filter((c) => c.file !== target));
  const ranges = new Map<string, Range[]>();
  for (const file of new Set(moved.map((c) => c.file))) {
    const sf = view.tsFile(file)!;
    const statements = moved.filter((c) => c.file === file).flatMap((c) => c.statements);
    const r = deletionRanges(sf.text, statements, sf);
    ranges.set(file, r);
    work.of(file).edits.push(...r.map((g) => ({ start: g.start, end: g.end, text: '' })));
  }
  for (const copy of moved) planCopy(view, work, copy, ranges.get(copy.file)!);
  return work;
}

const within = (ranges: readonly Range[], pos: number) =>
  ranges.some((r) => pos >= r.start && pos < r.end);

/** One copy: import it back where it is still used, repoint its importers. */
function planCopy(
  view: TsProjectView,
  work: SourceWork,
  copy: Copy,
  ranges: readonly Range[],
): void {
  const first = copy.statements[0]!;
  const id = declarationName(first, copy.from)!;
  const refs = view.references(copy.file, id.getStart()).filter((r) => !r.isDefinition);
  const typeOnly = copy.statements.every(isTypeOnlyDeclaration);
  let reexport = false;
  const barrels = new Set<string>();
  const repointed = new Set<string>();
  if (refs.some((r) => r.file === copy.file && !within(ranges, r.start))) {
    work.of(copy.file).imports.push(request(work.spec(copy.file), copy.to, copy.from, typeOnly));
  }
  for (const r of refs.filter((x) => x.file !== copy.file)) {
    const node = nodeAt(view.tsFile(r.file)!, r.start);
    const decl = bindingDeclaration(node);
    const spec = decl?.moduleSpecifier;
    const from = spec && ts.isStringLiteral(spec) ? view.resolve(spec.text, r.file) : undefined;
    if (
      decl &&
      from === copy.file &&
      (ts.isImportSpecifier(node.parent) || ts.isExportSpecifier(node.parent))
    ) {
      repoint(work, r.file, decl, node.parent, copy, typeOnly);
      if (ts.isExportDeclaration(decl)) repointed.add(r.file);
    } else if (decl && from && from !== copy.file && ts.isImportDeclaration(decl))
      barrels.add(from);
    else if (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)
      reexport = true;
    else if (ts.isImportClause(node.parent) || ts.isNamespaceImport(node.parent)) reexport = true;
  }
  if (reexport || [...barrels].some((b) => !repointed.has(b) && b !== work.target)) {
    work
      .of(copy.file)
      .reexports.push({ name: copy.to, exported: copy.from, module: work.spec(copy.file) });
  }
}

function request(module: string, name: string, local: string, typeOnly: boolean): TsImportRequest {
  return { module, name, typeOnly, ...(local === name ? {} : { alias: local }) };
}

/** `import { x } from 'source'` -> from the target; `export { x } from 'source'` likewise. */
function repoint(
  work: SourceWork,
  file: string,
  decl: ts.ImportDeclaration | ts.ExportDeclaration,
  specifier: ts.ImportSpecifier | ts.ExportSpecifier,
  copy: Copy,
  typeOnly: boolean,
): void {
  const w = work.of(file);
  const set = w.bindings.get(decl) ?? new Set<ts.Node>();
  w.bindings.set(decl, set.add(specifier));
  if (file === work.target) return;
  const local = specifier.name.text;
  if (ts.isExportDeclaration(decl)) {
    w.reexports.push({ name: copy.to, exported: local, module: work.spec(file) });
    return;
  }
  const isType = typeOnly || specifier.isTypeOnly || !!decl.importClause?.isTypeOnly;
  w.imports.push(request(work.spec(file), copy.to, local, isType));
}

/** The binding-removal edits of a file (on its current text). */
export function bindingEdits(view: TsProjectView, file: string, w: FileWork): Edit[] {
  const sf = view.tsFile(file)!;
  return [...w.bindings].flatMap(([decl, parts]) => removeBindings(sf.text, sf, decl, parts));
}
