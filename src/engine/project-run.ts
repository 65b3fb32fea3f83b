/**
 * A project-reading transform: run it once over the project; apply its fixes per file
 * with the one conflict policy, and while some were left out for overlapping, run it
 * again on the updated texts (`fixFilesUntilStable`, capped). Then every touched or
 * created file settles in the pipeline. A refusal (or a crash) throws: nothing changes.
 */
import { fixFilesUntilStable, type StableFiles } from '../core/apply.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { InputError } from '../core/errors.js';
import type { Fix } from '../core/fix.js';
import type { FileResult } from '../core/result.js';
import {
  Emitted,
  type ImportRequests,
  mergeImports,
  noImports,
  ProjectRunContext,
} from './context.js';
import type { AnyTransform, TransformSettings } from './contract.js';
import { type AnyLanguage, languageOf } from './language.js';
import {
  heldBackDiagnostics,
  importsToResolve,
  runTransformCode,
  selectApplicable,
  settle,
  WorkingFile,
} from './pipeline.js';
import { OverlayStore, type SourceStore } from './store.js';

export interface ProjectRun {
  readonly transform: AnyTransform;
  readonly options: unknown;
  /** The transform's (first) language: its project model is `ctx.project`. */
  readonly language: AnyLanguage;
  readonly settings: TransformSettings;
  readonly files: readonly string[];
  readonly store: SourceStore;
  readonly allowUnsafe: boolean;
}

export interface ProjectRunResult {
  readonly results: FileResult[];
  /** Diagnostics of the first run of the transform. */
  readonly diagnostics: Diagnostic[];
  /** Files not created because creating them was unsafe (no `--unsafe`). */
  readonly heldBackCreations: number;
}

/** What the passes gathered besides the fixes. */
interface Gathered {
  readonly imports: Map<string, ImportRequests>;
  readonly created: Map<string, string>;
  readonly deleted: Set<string>;
  /** Files not created or deleted because that was unsafe (no `--unsafe`). */
  readonly heldBackFiles: { readonly verb: 'create' | 'delete'; readonly path: string }[];
  readonly diagnostics: Diagnostic[];
  readonly heldBack: Map<string, Fix[]>;
}

function readOrThrow(store: SourceStore, path: string): string {
  const read = store.read(path);
  if (!read.ok) throw new InputError(`${path}: ${read.reason}`, { location: { file: path } });
  return read.text;
}

/** One run of the transform on the texts changed so far: its fixes per file, selected. */
function pass(
  run: ProjectRun,
  gathered: Gathered,
  changed: ReadonlyMap<string, string>,
  iteration: number,
): Map<string, Fix[]> {
  const emitted = new Emitted();
  const store = new OverlayStore(run.store, changed);
  const ctx = new ProjectRunContext(
    store,
    run.language,
    run.files,
    run.options,
    run.settings,
    emitted,
  );
  try {
    runTransformCode(run.transform, () => run.transform.run(ctx));
  } finally {
    ctx.dispose();
  }
  for (const [path, requests] of emitted.imports) {
    const into = gathered.imports.get(path) ?? noImports();
    mergeImports(into, requests);
    gathered.imports.set(path, into);
  }
  if (iteration === 1) {
    gathered.diagnostics.push(...emitted.diagnostics);
    for (const [path, { text, applicability }] of emitted.created) {
      if (applicability === 'safe' || run.allowUnsafe) gathered.created.set(path, text);
      else gathered.heldBackFiles.push({ verb: 'create', path });
    }
    for (const [path, applicability] of emitted.deleted) {
      if (applicability === 'safe' || run.allowUnsafe) gathered.deleted.add(path);
      else gathered.heldBackFiles.push({ verb: 'delete', path });
    }
  }
  const selected = new Map<string, Fix[]>();
  for (const [path, fixes] of emitted.fixes) {
    const selection = selectApplicable(fixes, run.allowUnsafe);
    if (iteration === 1) gathered.heldBack.set(path, selection.heldBack);
    selected.set(path, selection.kept);
  }
  return selected;
}

/**
 * Run a project-reading transform. Async for one reason: a file it touches or creates
 * may belong to a language the transform does not read (create-file writing a `.tsx`
 * in a Python run), whose adapter is loaded before that file is settled.
 */
export async function runProjectTransform(run: ProjectRun): Promise<ProjectRunResult> {
  const gathered: Gathered = {
    imports: new Map(),
    created: new Map(),
    deleted: new Set(),
    heldBackFiles: [],
    diagnostics: [],
    heldBack: new Map(),
  };
  const stable = fixFilesUntilStable(
    (path) => readOrThrow(run.store, path),
    (changed, iteration) => pass(run, gathered, changed, iteration),
  );
  await loadLanguagesOf([
    ...stable.texts.keys(),
    ...gathered.imports.keys(),
    ...gathered.created.keys(),
  ]);
  const touched = touchedResults(run, stable, gathered);
  const created = createdResults(run, gathered, new Set(touched.map((r) => r.path)));
  const deleted = deletedResults(run, gathered, new Set(touched.map((r) => r.path)));
  const results = [...touched, ...created, ...deleted].sort((a, b) => (a.path < b.path ? -1 : 1));
  const creations = gathered.heldBackFiles.map(
    ({ verb, path }): Diagnostic => ({
      severity: 'info',
      code: 'fix/unsafe-held-back',
      message: `unsafe fix not applied (use --unsafe): ${verb} ${path}`,
      file: path,
    }),
  );
  return {
    results,
    diagnostics: [...gathered.diagnostics, ...creations],
    heldBackCreations: creations.length,
  };
}

/** Load the adapter of every language that owns one of `paths` (a no-op once loaded). */
async function loadLanguagesOf(paths: readonly string[]): Promise<void> {
  const languages = new Set(paths.map(languageOf).filter((l) => l !== undefined));
  await Promise.all([...languages].map((l) => l.load()));
}

/** Every existing file the passes fixed, asked imports for, or held fixes back for. */
function touchedResults(run: ProjectRun, stable: StableFiles, gathered: Gathered): FileResult[] {
  const touched = new Set([
    ...stable.applied.keys(),
    ...gathered.imports.keys(),
    ...[...gathered.heldBack].filter(([, fixes]) => fixes.length > 0).map(([path]) => path),
  ]);
  return [...touched].map((path) => {
    const before = readOrThrow(run.store, path);
    const held = gathered.heldBack.get(path) ?? [];
    const applied = stable.applied.get(path) ?? [];
    return settleText(path, before, stable.texts.get(path) ?? before, {
      env: { root: run.settings.root },
      applied,
      imports: importsToResolve(gathered.imports.get(path), applied, held),
      diagnostics: heldBackDiagnostics(path, before, held),
      heldBack: held.length,
      created: false,
    });
  });
}

/** The new files (never over one that exists, or that a fix touched). */
function createdResults(
  run: ProjectRun,
  gathered: Gathered,
  touched: ReadonlySet<string>,
): FileResult[] {
  return [...gathered.created].map(([path, text]): FileResult => {
    if (touched.has(path) || run.store.exists(path)) {
      const error = 'refusing to create a file that already exists';
      return { kind: 'failed', path, error, diagnostics: [] };
    }
    return settleText(path, '', text, {
      env: { root: run.settings.root },
      applied: [],
      imports: noImports(),
      diagnostics: [],
      heldBack: 0,
      created: true,
    });
  });
}

/** The deleted files: the whole text goes (no fix, parse, or formatting; the guard sees them empty). */
function deletedResults(
  run: ProjectRun,
  gathered: Gathered,
  touched: ReadonlySet<string>,
): FileResult[] {
  return [...gathered.deleted].map((path): FileResult => {
    if (touched.has(path) || gathered.created.has(path)) {
      const error = 'refusing to delete a file the same transform also changes';
      return { kind: 'failed', path, error, diagnostics: [] };
    }
    const before = readOrThrow(run.store, path);
    return {
      kind: 'changed',
      path,
      before,
      after: '',
      fixes: [],
      created: false,
      deleted: true,
      diagnostics: [],
    };
  });
}

/** Settle a file whose fixes are applied (`text`); the file before them must parse. */
function settleText(
  path: string,
  before: string,
  text: string,
  s: Omit<Parameters<typeof settle>[1], 'before'>,
): FileResult {
  const language = languageOf(path);
  if (!s.created && language) {
    const original = WorkingFile.parse(path, language, before);
    const broken = original.syntaxError();
    original.dispose();
    if (broken) {
      const error = `${broken}; remedy only edits files that parse`;
      return { kind: 'failed', path, error, diagnostics: s.diagnostics };
    }
  }
  const file = WorkingFile.parse(path, language, text);
  let result: FileResult | undefined;
  try {
    result = settle(file, { ...s, before });
    return result;
  } finally {
    file.dispose(result?.kind === 'changed');
  }
}
