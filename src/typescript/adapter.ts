/**
 * The TypeScript/JavaScript language adapter: the building blocks of src/typescript
 * behind the shape of the engine's language-adapter interface (#10: extensions, parse /
 * re-parse, syntax check, import edits, semantic guard, region formatting), so that
 * plugging it in is a matter of registering it. One guard workspace per repository root.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Edit } from '../core/edit.js';
import type { FileChange, GuardVerdict, LanguageEnv } from '../engine/language.js';
import { formatTsDiagnostic } from './diagnostics.js';
import { formatChangedRegions } from './format.js';
import { TsWorkspace } from './guard.js';
import { planAddImport, planRemoveImportIfUnused, type TsImportRequest } from './imports.js';
import { TYPESCRIPT_EXTENSIONS } from './language.js';
import {
  describeSyntaxProblems,
  type ParsedTs,
  parseTs,
  reparseTs,
  tsSyntaxProblems,
} from './parse.js';
import { resolveCodeStyle } from './style.js';

/** A file a run changed (`before` is empty for a created file, as in the engine). */
export type TsFileChange = FileChange;
/** What the guard found that a change introduced, per file (the engine's GuardVerdict). */
export type TsGuardVerdict = GuardVerdict;
export type TsLanguageEnv = LanguageEnv;

const workspaces = new Map<string, TsWorkspace>();

/** The guard workspace of a repository (kept for the process: projects load once). */
export function workspaceFor(root: string): TsWorkspace {
  let ws = workspaces.get(root);
  if (!ws) {
    ws = new TsWorkspace(root);
    workspaces.set(root, ws);
  }
  return ws;
}

/**
 * New TypeScript errors per changed file. An error in a file outside the batch (an
 * importer the change broke) is charged to every changed file, naming where it is.
 */
function guard(
  changes: readonly TsFileChange[],
  env: TsLanguageEnv,
): ReadonlyMap<string, TsGuardVerdict> {
  const exists = (p: string) => fs.existsSync(path.resolve(env.root, p));
  const batch = changes.map((c) => ({
    path: c.path,
    before: c.before === '' && !exists(c.path) ? null : c.before,
    after: c.after,
  }));
  const result = workspaceFor(env.root).guard(batch);
  const rel = (p: string) =>
    path.relative(env.root, path.resolve(env.root, p)).split(path.sep).join('/');
  const verdicts = new Map<string, { code: string; message: string; line: number }[]>();
  for (const c of changes) verdicts.set(c.path, []);
  for (const e of result.errors) {
    const own = changes.find((c) => rel(c.path) === e.file);
    const entry = {
      code: `TS${e.code}`,
      message: own ? e.message : `in ${formatTsDiagnostic(e)}`,
      line: own ? e.line : 1,
    };
    for (const c of own ? [own] : changes) verdicts.get(c.path)!.push(entry);
  }
  return new Map([...verdicts].map(([p, errors]) => [p, { errors, warnings: [] }]));
}

export const typescriptLanguage = {
  id: 'typescript',
  extensions: TYPESCRIPT_EXTENSIONS,
  /** Nothing to load: TypeScript's parser is plain JavaScript. */
  async load(): Promise<void> {},
  parse: (path: string, text: string): ParsedTs => parseTs(path, text),
  reparse: (tree: ParsedTs, _oldText: string, edits: readonly Edit[], newText: string): ParsedTs =>
    reparseTs(tree, edits, newText),
  syntaxError: (tree: ParsedTs): string | undefined =>
    describeSyntaxProblems(tsSyntaxProblems(tree)),
  /** Trees are garbage-collected. */
  dispose(_tree: ParsedTs): void {},
  importEdit(
    tree: ParsedTs,
    request: TsImportRequest,
    kind: 'add' | 'remove-if-unused',
    env: TsLanguageEnv,
  ): Edit | undefined {
    if (kind === 'remove-if-unused') return planRemoveImportIfUnused(tree, request);
    const style = resolveCodeStyle(env.root, path.resolve(env.root, tree.path), tree.text);
    return planAddImport(tree, request, style);
  },
  guard,
  formatRegions(change: TsFileChange, env: TsLanguageEnv): string {
    const style = resolveCodeStyle(
      env.root,
      path.resolve(env.root, change.path),
      change.before || change.after,
    );
    return formatChangedRegions(change.path, change.before, change.after, style);
  },
} as const;
