/**
 * Run one transform over a set of paths: validate options, discover files, process
 * each file (in worker threads for large file counts), then guard and format the
 * rewritten ones. Returns results; writing is the caller's decision.
 */
import os from 'node:os';
import type { RemedyConfig } from '../config/load.js';
import { UsageError } from '../core/errors.js';
import { describeIssue, keyPath, type ZodIssueLike } from '../core/issues.js';
import type { FileResult } from '../core/result.js';
import { loadPython } from '../python/parser.js';
import type { PythonVersion } from '../python/version.js';
import type {
  AnyTransform,
  FileTransform,
  ProjectTransform,
  TransformSettings,
} from './contract.js';
import { type Discovery, discoverPythonFiles } from './discover.js';
import { postProcessAll, transformOneFile } from './file-batch.js';
import { preferBaselineWasm } from './guard.js';
import { applyProjectFixes, finishFile } from './pipeline.js';
import { postProcess } from './postprocess.js';
import type { ProjectNote, PythonProjectContext } from './project-context.js';
import { RuffSettingsResolver } from './ruff-settings.js';
import { DiskStore, type SourceStore } from './store.js';
import { runInWorkers } from './workers.js';

export interface RunRequest {
  readonly root: string;
  readonly transform: AnyTransform;
  /** Raw options (validated here with the transform's schema). */
  readonly options: unknown;
  /** Repository-relative paths (files or directories); empty means the whole repository. */
  readonly paths: readonly string[];
  readonly allowUnsafe: boolean;
  readonly format: boolean;
  readonly guard: boolean;
  /** Overrides config and pyproject. */
  readonly targetVersion?: PythonVersion;
  readonly config?: RemedyConfig;
  /**
   * Worker threads beside the main thread (which works too): a number (0: single
   * thread), or 'auto' (by file count and cores). Default 'auto'.
   */
  readonly workers?: number | 'auto';
  readonly onProgress?: (done: number, total: number) => void;
  /** Where files are read from (default: the disk under `root`). */
  readonly store?: SourceStore;
}

export interface RunOutcome {
  readonly transform: string;
  readonly results: FileResult[];
  /** Notes about the run as a whole (project transforms). */
  readonly notes: ProjectNote[];
}

/** Validate raw options against the transform's schema; UsageError names the key. */
export function parseOptions<O>(
  transform: {
    id: string;
    options: {
      safeParse(
        v: unknown,
      ): { success: true; data: O } | { success: false; error: { issues: ZodIssueLike[] } };
    };
  },
  raw: unknown,
): O {
  const parsed = transform.options.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = describeIssue(parsed.error.issues[0]!);
  const key = keyPath(issue.path, '(options)');
  throw new UsageError(`invalid options for ${transform.id} at "${key}": ${issue.message}`, {
    hint: `run "remedy transforms ${transform.id}" to see its options`,
  });
}

export function resolveSettings(req: RunRequest, ruff: RuffSettingsResolver): TransformSettings {
  return {
    root: req.root,
    targetVersion:
      req.targetVersion ?? req.config?.targetVersion ?? ruff.forDir(req.root).targetVersion,
    pythonRoots: req.config?.pythonRoots,
  };
}

export async function runTransform(req: RunRequest): Promise<RunOutcome> {
  const options = parseOptions(req.transform, req.options);
  await loadPython();
  const ruff = new RuffSettingsResolver(req.root);
  const settings = resolveSettings(req, ruff);
  const store = req.store ?? new DiskStore(req.root);
  const discovery = withOverlayFiles(discoverPythonFiles(req.root, req.paths), store, req.paths);
  const missing: FileResult[] = discovery.missing.map((m) => ({
    kind: 'failed',
    path: m.path,
    error: `cannot read: ${m.reason}`,
    notes: [],
  }));
  if (req.transform.scope === 'project') {
    // Loaded here: file transforms never need the project model.
    const { PythonProjectContext: ProjectContext } = await import('./project-context.js');
    const outcome = runProjectTransform(
      ProjectContext,
      req,
      req.transform,
      options,
      settings,
      discovery.files,
      ruff,
      store,
    );
    return { ...outcome, results: [...missing, ...outcome.results] };
  }
  const results = await runFileTransform(
    req,
    req.transform,
    options,
    settings,
    discovery.files,
    store,
  );
  return { transform: req.transform.id, results: [...missing, ...results], notes: [] };
}

const FILES_PER_THREAD = 150;

/** Worker threads beside the main thread: by file count and cores unless given. */
function workerThreads(req: RunRequest, files: number): number {
  if (typeof req.workers === 'number') return Math.max(0, Math.floor(req.workers));
  const cores =
    typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores, Math.floor(files / FILES_PER_THREAD)) - 1);
}

async function runFileTransform<O>(
  req: RunRequest,
  transform: FileTransform<O>,
  options: O,
  settings: TransformSettings,
  files: readonly string[],
  store: SourceStore,
): Promise<FileResult[]> {
  const post = { guard: req.guard, format: req.format };
  const workers = workerThreads(req, files.length);
  if (workers >= 1) {
    return runInWorkers({
      root: req.root,
      transform,
      options,
      settings,
      allowUnsafe: req.allowUnsafe,
      files,
      store,
      overlay: store.overlayEntries(),
      workers,
      ...post,
      ...(req.onProgress ? { onProgress: req.onProgress } : {}),
    });
  }
  const results: FileResult[] = [];
  for (const file of files) {
    results.push(transformOneFile(store, file, transform, options, settings, req.allowUnsafe));
    req.onProgress?.(results.length, files.length);
  }
  return postProcessAll(results, post, new RuffSettingsResolver(req.root));
}

/** Add files that exist only in the overlay and fall under the requested paths. */
function withOverlayFiles(
  discovery: Discovery,
  store: SourceStore,
  paths: readonly string[],
): Discovery {
  const extra = store.extraFiles().filter((f) => /\.pyi?$/.test(f) && underAny(f, paths));
  if (extra.length === 0) return discovery;
  const files = [...new Set([...discovery.files, ...extra])].sort();
  const missing = discovery.missing.filter((m) => !store.exists(m.path));
  return { files, missing };
}

function underAny(file: string, paths: readonly string[]): boolean {
  if (paths.length === 0) return true;
  return paths.some((p) => {
    const norm = p.replace(/\/+$/, '');
    return norm === '.' || norm === '' || file === norm || file.startsWith(`${norm}/`);
  });
}

function runProjectTransform<O>(
  ProjectContext: typeof PythonProjectContext,
  req: RunRequest,
  transform: ProjectTransform<O>,
  options: O,
  settings: TransformSettings,
  files: readonly string[],
  ruff: RuffSettingsResolver,
  store: SourceStore,
): RunOutcome {
  const ctx = new ProjectContext(store, files, options, settings);
  try {
    const fileFixes = transform.run(ctx) ?? [];
    const results: FileResult[] = [];
    const touched = new Set<string>([...fileFixes.map((f) => f.path), ...ctx.contexts.keys()]);
    for (const [created, text] of ctx.created) {
      if (touched.has(created) || ctx.exists(created)) {
        results.push({
          kind: 'failed',
          path: created,
          error: 'refusing to create a file that already exists',
          notes: [],
        });
        continue;
      }
      results.push(finishFile(created, '', text, [], { add: [], removeIfUnused: [] }, [], true));
    }
    for (const filePath of touched) {
      const fileCtx = ctx.contexts.get(filePath) ?? ctx.file(filePath);
      const fixes = fileFixes.filter((f) => f.path === filePath).flatMap((f) => f.fixes);
      const hasImports = fileCtx.imports.add.length + fileCtx.imports.removeIfUnused.length > 0;
      if (fixes.length === 0 && !hasImports) continue;
      results.push(
        applyProjectFixes(filePath, fileCtx.text, fixes, fileCtx.imports, fileCtx.notes, false),
      );
    }
    const post = { guard: req.guard, format: req.format };
    if ((post.guard || post.format) && results.some((r) => r.kind === 'changed'))
      preferBaselineWasm();
    const finished = results.map((r) =>
      post.guard || post.format
        ? postProcess(r, { ...post, ruffOptions: ruff.forFile(r.path).workspace })
        : r,
    );
    return {
      transform: transform.id,
      results: finished.sort((a, b) => (a.path < b.path ? -1 : 1)),
      notes: ctx.notes,
    };
  } finally {
    ctx.dispose();
  }
}
