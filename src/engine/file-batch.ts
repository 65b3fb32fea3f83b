/**
 * Running a file transform over a batch of files, in one thread: first read and
 * transform every file, then guard and format the rewritten ones. The two phases are
 * kept apart so that ruff is set up once per batch (see `preferBaselineWasm`), and so
 * that a batch can take its files from a shared queue.
 */
import type { FileResult } from '../core/result.js';
import { preferBaselineWasm } from '../python/guard.js';
import type { RuffSettingsResolver } from '../python/ruff-settings.js';
import type { FileTransform, TransformSettings } from './contract.js';
import { transformFile } from './pipeline.js';
import { postProcess } from './postprocess.js';
import type { SourceStore } from './store.js';

export interface PostSettings {
  readonly guard: boolean;
  readonly format: boolean;
}

/** Read and transform one file (no guard or format yet). */
export function transformOneFile<O>(
  store: SourceStore,
  file: string,
  transform: FileTransform<O>,
  options: O,
  settings: TransformSettings,
  allowUnsafe: boolean,
): FileResult {
  const read = store.read(file);
  if (!read.ok) {
    return read.kind === 'binary'
      ? { kind: 'skipped', path: file, reason: read.reason, notes: [] }
      : { kind: 'failed', path: file, error: read.reason, notes: [] };
  }
  if (transform.prefilter && !transform.prefilter.test(read.text)) {
    return { kind: 'unchanged', path: file, notes: [] };
  }
  return transformFile(file, read.text, transform, options, { settings, allowUnsafe });
}

/** Guard and format every changed result (in place of the result it replaces). */
export function postProcessAll(
  results: FileResult[],
  post: PostSettings,
  ruff: RuffSettingsResolver,
): FileResult[] {
  if (!post.guard && !post.format) return results;
  if (results.some((r) => r.kind === 'changed')) preferBaselineWasm();
  return results.map((r) =>
    r.kind === 'changed'
      ? postProcess(r, { ...post, ruffOptions: ruff.forFile(r.path).workspace })
      : r,
  );
}
