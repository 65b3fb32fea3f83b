/**
 * Find what a rename request names: the top-level declaration of `from` in the defining
 * file (given by path or unique base name, or else the one file that exports such a
 * declaration). When the document is wrong about the code — no such file, no such name
 * — the answer is an error diagnostic that says so and lists the names that are there.
 */
import path from 'node:path';
import { ts } from 'ts-morph';
import type { PlanDiagnostic } from '../plan.js';
import type { TsProjectView } from '../project.js';
import type { TsRenameRequest } from './options.js';

/** A located top-level declaration. */
export interface Definition {
  /** Repository-relative path of the defining file. */
  readonly file: string;
  readonly sourceFile: ts.SourceFile;
  /** The name of (the first of) its declarations. */
  readonly name: ts.Identifier;
  readonly exported: boolean;
}

export type Located =
  | { readonly kind: 'found'; readonly definition: Definition }
  /** `from` is gone and `to` is declared: the rename is already made. */
  | { readonly kind: 'done'; readonly file: string }
  | { readonly kind: 'problem'; readonly diagnostic: PlanDiagnostic };

/** Top-level declarations of a file: name -> name node (first declaration wins). */
export function topLevelDeclarations(sf: ts.SourceFile): Map<string, ts.Identifier> {
  const out = new Map<string, ts.Identifier>();
  const add = (id: ts.Identifier | undefined) => {
    if (id && !out.has(id.text)) out.set(id.text, id);
  };
  for (const s of sf.statements) {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name);
    } else if (
      ts.isFunctionDeclaration(s) ||
      ts.isClassDeclaration(s) ||
      ts.isInterfaceDeclaration(s) ||
      ts.isTypeAliasDeclaration(s) ||
      ts.isEnumDeclaration(s) ||
      (ts.isModuleDeclaration(s) && ts.isIdentifier(s.name))
    ) {
      add(s.name as ts.Identifier | undefined);
    }
  }
  return out;
}

function isExported(id: ts.Identifier): boolean {
  let node: ts.Node = id.parent;
  if (ts.isVariableDeclaration(node)) node = node.parent.parent;
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
}

/** The repository file a request's `file` names: a path, or a base name unique among the files. */
function resolveFile(view: TsProjectView, file: string): string[] {
  const norm = file.replace(/\\/g, '/').replace(/^\.\//, '');
  if (view.files.includes(norm)) return [norm];
  const base = (f: string) => path.posix.basename(f).replace(/\.[cm]?[jt]sx?$/, '');
  const wanted = norm.includes('/') ? undefined : norm.replace(/\.[cm]?[jt]sx?$/, '');
  return view.files.filter((f) => (wanted ? base(f) === wanted : f.startsWith(`${norm}.`)));
}

function problem(code: string, message: string, extra: Partial<PlanDiagnostic> = {}): Located {
  return {
    kind: 'problem',
    diagnostic: { severity: 'error', code, message, undone: true, ...extra },
  };
}

function inFile(view: TsProjectView, file: string, req: TsRenameRequest): Located {
  const sf = view.sourceFile(file);
  if (!sf) return problem('rename/file-not-found', `${file} is not part of any TypeScript program`);
  const decls = topLevelDeclarations(sf);
  const name = decls.get(req.from);
  if (name) {
    const definition = { file, sourceFile: sf, name, exported: isExported(name) };
    return { kind: 'found', definition };
  }
  if (decls.has(req.to)) return { kind: 'done', file };
  const close = [...decls.keys()].filter(
    (n) => n.toLowerCase().includes(req.from.toLowerCase().slice(0, 4)) && n !== req.from,
  );
  return problem(
    'rename/not-found',
    `\`${req.from}\` is not declared at the top level of ${file}`,
    {
      file,
      hint: close.length
        ? `names declared there that look alike: ${close.slice(0, 8).join(', ')}`
        : `top-level names there: ${[...decls.keys()].slice(0, 12).join(', ') || 'none'}`,
    },
  );
}

/** Files that declare `name` at the top level and export it. */
function exportersOf(view: TsProjectView, name: string): string[] {
  const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
  return view.files.filter((f) => {
    if (!word.test(view.text(f) ?? '')) return false;
    const sf = view.sourceFile(f);
    const id = sf && topLevelDeclarations(sf).get(name);
    return id !== undefined && isExported(id);
  });
}

/** Locate the declaration a request renames. */
export function locateDefinition(view: TsProjectView, req: TsRenameRequest): Located {
  if (req.file !== undefined) {
    const files = resolveFile(view, req.file);
    if (files.length === 1) return inFile(view, files[0]!, req);
    return files.length === 0
      ? problem(
          'rename/file-not-found',
          `no TypeScript/JavaScript file ${req.file} in the repository`,
        )
      : problem(
          'rename/ambiguous',
          `${req.file} names ${files.length} files: ${files.join(', ')}`,
          {
            hint: 'give the repository-relative path in `file`',
          },
        );
  }
  const files = exportersOf(view, req.from);
  if (files.length === 1) return inFile(view, files[0]!, req);
  if (files.length > 1) {
    return problem('rename/ambiguous', `\`${req.from}\` is exported by ${files.join(', ')}`, {
      hint: 'say which one in `file`',
    });
  }
  const done = exportersOf(view, req.to);
  if (done.length === 1) return { kind: 'done', file: done[0]! };
  return problem('rename/not-found', `no file of the repository exports \`${req.from}\``);
}
