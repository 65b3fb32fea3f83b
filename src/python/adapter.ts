/**
 * The Python language adapter: what the engine calls for `.py` / `.pyi` files.
 * tree-sitter-python parses and re-parses incrementally; import requests become edits
 * planned on the current tree; the guard is ruff's pyflakes checks (F821/F811/F823
 * fail, F401 warns) before vs after, file by file; formatting is ruff's, kept to the
 * edited regions (and sorted import blocks stay sorted). Python transforms see
 * `PythonTypes`: a tree-sitter `Tree` and a `PythonProject`.
 */
import type { Edit } from '../core/edit.js';
import type {
  FileContext,
  ImportRequest,
  ProjectContext,
  TransformSettings,
} from '../engine/contract.js';
import type {
  CheckedText,
  FileChange,
  GuardVerdict,
  ImportEditFile,
  LanguageAdapter,
  LanguageEnv,
} from '../engine/language.js';
import { planRemoveOnEditedTree, UNSURE } from './edited-tree-imports.js';
import { PYTHON_EXTENSIONS } from './files.js';
import { editedLines, formatEditedRegionsChecked } from './format.js';
import { guardRewrite, preferBaselineWasm } from './guard.js';
import { planAddImport, planRemoveImportIfUnused } from './import-edits.js';
import { loadPython, parsePython, syntaxErrorReason, type Tree } from './parser.js';
import type { PythonProject } from './project/project.js';
import { editTree, reparse } from './reparse.js';
import { RuffTrapError } from './ruff.js';
import { RuffSettingsResolver } from './ruff-settings.js';
import { isNameSettled } from './settled-name.js';
import { sortEditedImportBlocks } from './sort-imports.js';
import { TreeKeeper } from './tree-keeper.js';
import { moveTrusted, trustedHeld } from './trusted-statements.js';

/** What a Python transform reads: tree-sitter trees and the Python project model. */
export interface PythonTypes {
  readonly tree: Tree;
  readonly project: PythonProject;
}

export type PythonFileContext<O> = FileContext<O, PythonTypes>;
export type PythonProjectContext<O> = ProjectContext<O, PythonTypes>;

const resolvers = new Map<string, RuffSettingsResolver>();

/** Trees of settled files, for formatting them (up to 2 MB of source: ~80 MB of WebAssembly memory). */
const settledTrees = new TreeKeeper(2 * 1024 * 1024);

/** The repository's ruff settings (found like ruff finds them), cached per root. */
function ruffSettingsOf(root: string): RuffSettingsResolver {
  let resolver = resolvers.get(root);
  if (!resolver) {
    resolver = new RuffSettingsResolver(root);
    resolvers.set(root, resolver);
  }
  return resolver;
}

function ruffOptions(env: LanguageEnv, path: string): Record<string, unknown> {
  return ruffSettingsOf(env.root).forFile(path).workspace;
}

function guard(changes: readonly FileChange[], env: LanguageEnv): Map<string, GuardVerdict> {
  if (changes.length > 0) preferBaselineWasm();
  return new Map(changes.map((c) => [c.path, guardOne(c, env)]));
}

/** One file's verdict; ruff trapping on it (it is recreated) fails this file only. */
function guardOne(change: FileChange, env: LanguageEnv): GuardVerdict {
  try {
    return guardRewrite(change.before, change.after, ruffOptions(env, change.path));
  } catch (error) {
    if (!(error instanceof RuffTrapError)) throw error;
    return { failure: error.message, errors: [], warnings: [] };
  }
}

/** Sort touched import blocks, then format the edited regions (a CheckedText when it parsed on the way). */
function formatRegions(change: FileChange, env: LanguageEnv): string | CheckedText {
  preferBaselineWasm();
  const options = ruffOptions(env, change.path);
  const tree = settledTrees.take(change.after);
  try {
    const { before, after } = change;
    const edited = editedLines(before, after);
    const sorted = sortEditedImportBlocks(before, after, options, edited);
    const { text, parses } = formatEditedRegionsChecked(
      before,
      sorted,
      options,
      sorted === after ? { edited, ...(tree ? { afterTree: tree } : {}) } : {},
    );
    return parses ? { text, parses } : text;
  } catch (error) {
    throw new Error(`ruff could not format the file (${(error as Error).message})`);
  } finally {
    tree?.delete();
  }
}

/**
 * The edit for an import request. A removal is planned on the edited tree when the
 * file has one and it can answer (no re-parse until the engine reads the tree).
 */
function importEdit(
  file: ImportEditFile<PythonTypes>,
  request: ImportRequest,
  kind: 'add' | 'remove-if-unused',
): Edit | undefined {
  if (kind === 'add') return planAddImport(file.text, file.tree, request);
  const { editedTree } = file;
  if (editedTree) {
    const edit = planRemoveOnEditedTree(file.text, editedTree, request);
    if (edit !== UNSURE) return edit;
  }
  return planRemoveImportIfUnused(file.text, file.tree, request);
}

function completeSettings(settings: TransformSettings): TransformSettings {
  if (settings.targetVersion) return settings;
  const targetVersion = ruffSettingsOf(settings.root).forDir(settings.root).targetVersion;
  return { ...settings, targetVersion };
}

/** The project model's class, loaded only for project-reading transforms (start-up cost). */
let Project: typeof PythonProject | undefined;

async function load(needs: { readonly project?: boolean } = {}): Promise<void> {
  await loadPython();
  if (needs.project) Project ??= (await import('./project/project.js')).PythonProject;
}

const python: LanguageAdapter<PythonTypes> = {
  id: 'python',
  module: import.meta.url,
  extensions: PYTHON_EXTENSIONS,
  load,
  parse: (_path, text) => parsePython(text),
  reparse,
  editTree: (tree, oldText, edits) => {
    editTree(tree, oldText, edits);
    moveTrusted(tree, edits);
  },
  editedTreeHeld: trustedHeld,
  syntaxError: syntaxErrorReason,
  dispose: (tree) => tree.delete(),
  retainTree: (text, tree) => settledTrees.keep(text, tree),
  releaseTrees: () => settledTrees.release(),
  isNameSettled,
  importEdit,
  completeSettings,
  openProject: (host, settings) => {
    if (!Project)
      throw new Error('the Python project model is not loaded: load({ project: true })');
    return new Project(host, { configRoots: settings.pythonRoots });
  },
  guard,
  formatRegions,
};

export default python;
