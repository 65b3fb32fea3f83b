/**
 * The language adapter interface, and the registry the engine finds adapters in. The
 * engine knows no language: for a file it asks the adapter that owns the file's
 * extension to parse, re-parse, check syntax, apply import requests, guard and format.
 * Adapters are registered from outside the engine (`src/languages.ts`); worker threads
 * register the same ones from their module URLs.
 */
import type { Edit } from '../core/edit.js';
import type { ImportRequest, LanguageTypes, TransformSettings } from './contract.js';

/** A file a run changed (or created: `before` is empty). */
export interface FileChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/** What the semantic guard found that the rewrite introduced. */
export interface GuardVerdict {
  /** The guard could not judge the file (e.g. the checker crashed on it): the file fails with this reason. */
  readonly failure?: string;
  /** New problems that fail the file (`F821 Undefined name \`x\``), with 1-based lines. */
  readonly errors: readonly {
    readonly code: string;
    readonly message: string;
    readonly line: number;
  }[];
  /** New problems worth a warning (a new unused import). */
  readonly warnings: readonly {
    readonly code: string;
    readonly message: string;
    readonly line: number;
  }[];
}

/** What a project model is built from: the language's files and their texts and trees. */
export interface ProjectHost<L extends LanguageTypes> {
  /** Every file of the language in the repository (and files created in memory). */
  readonly files: readonly string[];
  readText(path: string): string | undefined;
  /** The file's tree, or undefined when it cannot be read or does not parse. */
  tree(path: string): L['tree'] | undefined;
}

/** The file an import edit is planned on. */
export interface ImportEditFile<L extends LanguageTypes> {
  readonly path: string;
  readonly text: string;
  /** The tree of `text` (reading it may cost a re-parse when `editedTree` is set). */
  readonly tree: L['tree'];
  /**
   * Set while the tree is edited (`editTree`) but not re-parsed: `text`'s tree as far as
   * the edits go, free to read (nodes the edits touched say so). A planner that cannot
   * answer from it reads `tree`.
   */
  readonly editedTree?: L['tree'];
}

/** Where the run happens (adapters read their repository config from here). */
export interface LanguageEnv {
  readonly root: string;
}

export interface LanguageAdapter<L extends LanguageTypes = LanguageTypes> {
  /** `python`, `typescript`: what a transform names in `languages`. */
  readonly id: string;
  /** URL of the module whose default export is this adapter (worker threads import it). */
  readonly module: string;
  /** File extensions the language owns, with the dot (`.py`, `.pyi`). */
  readonly extensions: readonly string[];
  /**
   * Load what parsing needs (a WASM grammar), and the project model's code when a
   * project-reading transform will run; awaited once per thread before any parse.
   */
  load(needs?: { readonly project?: boolean }): Promise<void>;
  /** Parse a file's text (the path says `.tsx` from `.ts`). Syntax errors are in the tree, not thrown. */
  parse(path: string, text: string): L['tree'];
  /**
   * The tree of `newText`, which is `oldText` with `edits` (in `oldText` offsets) applied,
   * reusing `tree` (the tree of `oldText`, which it may change). Both trees are the caller's.
   */
  reparse(tree: L['tree'], oldText: string, edits: readonly Edit[], newText: string): L['tree'];
  /**
   * Optional: apply `edits` to `tree` without parsing (cheap), so that parsing can wait
   * until someone reads the tree: the engine then calls `reparse(tree, text, [], text)`.
   * Without it, every edit is followed by `reparse` at once.
   */
  editTree?(tree: L['tree'], oldText: string, edits: readonly Edit[]): void;
  /**
   * With `editTree`, when `importEdit` plans on `editedTree`: after `fresh` was parsed
   * from the edited tree `edited`, whether all the planner trusted in `edited` (what the
   * edits did not touch) parsed the same. When not, the engine plans the imports again
   * on fresh trees.
   */
  editedTreeHeld?(edited: L['tree'], fresh: L['tree']): boolean;
  /** Why the tree does not parse (first problem, with line and column), or undefined. */
  syntaxError(tree: L['tree']): string | undefined;
  /** Free a tree (WASM memory is not garbage-collected). */
  dispose(tree: L['tree']): void;
  /**
   * Optional: take the tree of a settled file's final text, to use in `formatRegions`
   * for that same text instead of parsing it again (the adapter owns it from now on,
   * keeps a bounded number, and frees what it does not keep).
   */
  retainTree?(text: string, tree: L['tree']): void;
  /** Free every tree `retainTree` kept (the engine calls it when a batch is finished). */
  releaseTrees?(): void;
  /**
   * The one edit that satisfies an import request on this text, or undefined when there
   * is nothing to do (`add`: the import is there; `remove-if-unused`: the name is used).
   */
  importEdit(
    file: ImportEditFile<L>,
    request: ImportRequest,
    kind: 'add' | 'remove-if-unused',
    env: LanguageEnv,
  ): Edit | undefined;
  /**
   * After fixes that only removed reads of `name` (optional): whether the name is settled,
   * i.e. gone from the code (comments and docstrings aside), or bound exactly once, by a
   * module-level import, and only read elsewhere. With it the guard can be skipped where
   * a name is still mentioned (src/engine/guard-proof.ts).
   */
  isNameSettled?(tree: L['tree'], name: string): boolean;
  /** Fill in what the repository's own config says (e.g. the target version), when not given. */
  completeSettings?(settings: TransformSettings): TransformSettings;
  /** The project model project-reading transforms see as `ctx.project` (if the language has one). */
  openProject?(host: ProjectHost<L>, settings: TransformSettings): L['project'];
  /**
   * The semantic guard over every file of a batch the run changed: what each rewrite
   * broke that was not broken before (names that became undefined, for instance). A
   * language may judge the batch as a whole (program-wide diagnostics before vs after).
   */
  guard(changes: readonly FileChange[], env: LanguageEnv): ReadonlyMap<string, GuardVerdict>;
  /**
   * `after` with the regions that differ from `before` formatted the repository's way
   * (and nothing else); throws when the formatter cannot format the file. A
   * `CheckedText` says the adapter already parsed that text without error, so the
   * engine does not parse it again (a second full parse of a big file).
   */
  formatRegions(change: FileChange, env: LanguageEnv): string | CheckedText;
}

/** Text an adapter has parsed and found free of syntax errors. */
export interface CheckedText {
  readonly text: string;
  readonly parses: true;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds adapters of every language
export type AnyLanguage = LanguageAdapter<any>;

const byId = new Map<string, AnyLanguage>();
const byExtension = new Map<string, AnyLanguage>();

/** Make a language available to the engine (again: replaces the adapter of that id). */
export function registerLanguage(adapter: AnyLanguage): void {
  byId.set(adapter.id, adapter);
  for (const ext of adapter.extensions) byExtension.set(ext, adapter);
}

/** The adapter that owns a path's extension, if any. */
export function languageOf(path: string): AnyLanguage | undefined {
  const dot = path.lastIndexOf('.');
  return dot === -1 || dot < path.lastIndexOf('/') ? undefined : byExtension.get(path.slice(dot));
}

/** The adapter of a language id; throws when none is registered. */
export function languageById(id: string): AnyLanguage {
  const adapter = byId.get(id);
  if (!adapter) {
    throw new Error(
      `no language adapter is registered for "${id}" (registered: ${[...byId.keys()].join(', ') || 'none'})`,
    );
  }
  return adapter;
}

/** The module URLs of every registered adapter, for worker threads to register them too. */
export function registeredLanguageModules(): string[] {
  return [...byId.values()].map((a) => a.module);
}

/** Register the adapters exported (by default) by these modules, if not registered yet; returns them. */
export async function registerLanguageModules(urls: readonly string[]): Promise<AnyLanguage[]> {
  const adapters: AnyLanguage[] = [];
  for (const url of urls) {
    const known = [...byId.values()].find((a) => a.module === url);
    const adapter = known ?? ((await import(url)) as { default: AnyLanguage }).default;
    if (!known) registerLanguage(adapter);
    adapters.push(adapter);
  }
  return adapters;
}
