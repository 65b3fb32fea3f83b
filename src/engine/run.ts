/**
 * Run one transform over a set of paths: validate options, find the files of the
 * transform's languages, send them through the pipeline (a file-reading transform file
 * by file, in worker threads for large file counts; a project-reading one once), then
 * guard and format what changed. Returns results; writing is the caller's decision.
 */
import os from 'node:os';
import type { RemedyConfig } from '../config/load.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { UsageError } from '../core/errors.js';
import { describeIssue, keyPath } from '../core/issues.js';
import { type FileResult, heldBackCount } from '../core/result.js';
import type { AnyTransform, TargetVersion, TransformSettings } from './contract.js';
import { type Discovery, discoverFiles } from './discover.js';
import { transformStoredFile } from './file-run.js';
import { finishResults } from './finish.js';
import { type AnyLanguage, languageById, languageOf } from './language.js';
import { runProjectTransform } from './project-run.js';
import { DiskStore, type SourceStore } from './store.js';
import { FILES_PER_THREAD, stopIdleWorkers } from './worker-pool.js';
import { runInWorkers } from './workers.js';

export interface RunRequest {
  readonly root: string;
  readonly transform: AnyTransform;
  /** URL of the module that exports the transform: worker threads load it from there (without it, one thread). */
  readonly transformModule?: string;
  /** Raw options (validated here with the transform's schema). */
  readonly options: unknown;
  /** Repository-relative paths (files or directories); empty means the whole repository. */
  readonly paths: readonly string[];
  readonly allowUnsafe: boolean;
  readonly format: boolean;
  readonly guard: boolean;
  /** Overrides config and the language's own config files. */
  readonly targetVersion?: TargetVersion;
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
  /** Diagnostics about the run as a whole (project-reading transforms). */
  readonly diagnostics: readonly Diagnostic[];
  /** Unsafe fixes held back over all files (no `--unsafe`). */
  readonly heldBack: number;
}

/** Validate raw options against the transform's schema; UsageError names the key. */
function parseOptions(transform: AnyTransform, raw: unknown): unknown {
  const parsed = transform.options.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = describeIssue(parsed.error.issues[0]!);
  const key = keyPath(issue.path, '(options)');
  throw new UsageError(`invalid options for ${transform.id} at "${key}": ${issue.message}`, {
    hint: `run "remedy transforms ${transform.id}" to see its options`,
  });
}

function settingsFor(req: RunRequest, languages: readonly AnyLanguage[]): TransformSettings {
  let settings: TransformSettings = {
    root: req.root,
    targetVersion: req.targetVersion ?? req.config?.targetVersion,
    pythonRoots: req.config?.pythonRoots,
  };
  for (const language of languages) settings = language.completeSettings?.(settings) ?? settings;
  return settings;
}

export async function runTransform(req: RunRequest): Promise<RunOutcome> {
  const options = parseOptions(req.transform, req.options);
  const languages = req.transform.languages.map(languageById);
  const project = req.transform.reads === 'project';
  await Promise.all(languages.map((l) => l.load({ project })));
  const settings = settingsFor(req, languages);
  const store = req.store ?? new DiskStore(req.root);
  const owns = (path: string) => languages.includes(languageOf(path)!);
  const discovery = withOverlayFiles(
    discoverFiles(req.root, req.paths, owns),
    store,
    req.paths,
    owns,
  );
  const missing: FileResult[] = discovery.missing.map((m) => ({
    kind: 'failed',
    path: m.path,
    error: `cannot read: ${m.reason}`,
    diagnostics: [],
  }));
  const finish = { guard: req.guard, format: req.format };
  const env = { root: req.root };
  let diagnostics: Diagnostic[] = [];
  let heldBackCreations = 0;
  let results: FileResult[];
  if (req.transform.reads === 'project') {
    stopIdleWorkers();
    const project = await runProjectTransform({
      transform: req.transform,
      options,
      language: languages[0]!,
      settings,
      files: discovery.files,
      store,
      allowUnsafe: req.allowUnsafe,
    });
    diagnostics = project.diagnostics;
    heldBackCreations = project.heldBackCreations;
    results = finishResults(project.results, finish, env);
  } else {
    results = await runFileTransform(req, options, settings, discovery.files, store);
  }
  const all = [...missing, ...results];
  const heldBack = heldBackCount(all) + heldBackCreations;
  return { transform: req.transform.id, results: all, diagnostics, heldBack };
}

/** Worker threads beside the main thread: by file count and cores unless given. */
function workerThreads(req: RunRequest, files: number): number {
  if (typeof req.workers === 'number') return Math.max(0, Math.floor(req.workers));
  const cores =
    typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores, Math.floor(files / FILES_PER_THREAD)) - 1);
}

async function runFileTransform(
  req: RunRequest,
  options: unknown,
  settings: TransformSettings,
  files: readonly string[],
  store: SourceStore,
): Promise<FileResult[]> {
  const finish = { guard: req.guard, format: req.format };
  const run = { settings, allowUnsafe: req.allowUnsafe };
  const workers = req.transformModule ? workerThreads(req, files.length) : 0;
  if (workers < 1) stopIdleWorkers();
  if (workers >= 1 && req.transformModule) {
    return runInWorkers({
      root: req.root,
      transform: req.transform,
      transformModule: req.transformModule,
      options,
      run,
      finish,
      files,
      store,
      workers,
      ...(req.onProgress ? { onProgress: req.onProgress } : {}),
    });
  }
  const results: FileResult[] = [];
  for (const file of files) {
    results.push(transformStoredFile(store, file, req.transform, options, run));
    req.onProgress?.(results.length, files.length);
  }
  return finishResults(results, finish, { root: req.root });
}

/** Add files that exist only in the overlay and fall under the requested paths; drop deleted ones. */
function withOverlayFiles(
  discovery: Discovery,
  store: SourceStore,
  paths: readonly string[],
  owns: (path: string) => boolean,
): Discovery {
  const extra = store.extraFiles().filter((f) => owns(f) && underAny(f, paths));
  const deleted = new Set(store.deletedFiles());
  if (extra.length === 0 && deleted.size === 0) return discovery;
  const files = [...new Set([...discovery.files, ...extra])].filter((f) => !deleted.has(f)).sort();
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
