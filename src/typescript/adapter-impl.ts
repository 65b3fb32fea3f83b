/**
 * What the TypeScript/JavaScript adapter does, loaded on first use (adapter.ts is the
 * light shell the engine registers): parse and incremental re-parse with TypeScript's
 * parser, import edits in the file's style, the program-wide guard (TypeScript's
 * errors before vs after, only new ones count), region formatting in the repository's
 * Prettier/Biome style or the file's own, and the project view for project-reading
 * transforms. One guard workspace per repository root, kept for the process.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Edit } from '../core/edit.js';
import type { ImportRequest, TransformSettings } from '../engine/contract.js';
import type { FileChange, GuardVerdict, LanguageEnv, ProjectHost } from '../engine/language.js';
import type { TsTypes } from './adapter.js';
import { formatTsDiagnostic } from './diagnostics.js';
import { formatChangedRegions } from './format.js';
import { TsWorkspace } from './guard.js';
import { planAddImport, planRemoveImportIfUnused, type TsImportRequest } from './imports.js';
import {
  describeSyntaxProblems,
  type ParsedTs,
  parseTs,
  reparseTs,
  tsSyntaxProblems,
} from './parse.js';
import { TsProjectView } from './project.js';
import { resolveCodeStyle } from './style.js';

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
  changes: readonly FileChange[],
  env: LanguageEnv,
): ReadonlyMap<string, GuardVerdict> {
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

/** The edit an engine import request asks for (TypeScript imports always name something). */
function importEdit(
  file: { readonly path: string; readonly text: string; readonly tree: ParsedTs },
  request: ImportRequest,
  kind: 'add' | 'remove-if-unused',
  env: LanguageEnv,
): Edit | undefined {
  const { module, name, alias } = request;
  if (!name) throw new Error(`a TypeScript import request needs a name (module '${module}')`);
  const req: TsImportRequest = alias ? { module, name, alias } : { module, name };
  if (kind === 'remove-if-unused') return planRemoveImportIfUnused(file.tree, req);
  const style = resolveCodeStyle(env.root, path.resolve(env.root, file.path), file.text);
  return planAddImport(file.tree, req, style);
}

/** What the adapter does once loaded (adapter.ts is the engine-facing shell). */
export const typescriptImpl = {
  parse: (path: string, text: string): ParsedTs => parseTs(path, text),
  reparse: (tree: ParsedTs, _oldText: string, edits: readonly Edit[], newText: string): ParsedTs =>
    reparseTs(tree, edits, newText),
  syntaxError: (tree: ParsedTs): string | undefined =>
    describeSyntaxProblems(tsSyntaxProblems(tree)),
  importEdit,
  openProject: (host: ProjectHost<TsTypes>, settings: TransformSettings): TsProjectView =>
    new TsProjectView({
      root: settings.root,
      files: host.files,
      readText: (p) => host.readText(p),
    }),
  guard,
  formatRegions(change: FileChange, env: LanguageEnv): string {
    const style = resolveCodeStyle(
      env.root,
      path.resolve(env.root, change.path),
      change.before || change.after,
    );
    return formatChangedRegions(change.path, change.before, change.after, style);
  },
};
