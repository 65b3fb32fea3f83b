/**
 * Spread a file-scoped transform over worker threads (large file counts only): files
 * are dealt out by size, each worker runs the same per-file pipeline, and results
 * come back in the original order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileResult } from '../core/result.js';
import type { TransformSettings } from './contract.js';

export interface WorkerJob {
  readonly root: string;
  readonly transformId: string;
  readonly options: unknown;
  readonly settings: TransformSettings;
  readonly allowUnsafe: boolean;
  readonly guard: boolean;
  readonly format: boolean;
  readonly files: readonly string[];
  /** In-memory file texts that take precedence over the disk. */
  readonly overlay: readonly (readonly [string, string])[];
}

export type WorkerMessage =
  | { readonly type: 'progress' }
  | { readonly type: 'done'; readonly results: FileResult[] }
  | { readonly type: 'error'; readonly message: string };

/** Deal files to `n` buckets, largest first, each to the lightest bucket. */
export function dealBySize(root: string, files: readonly string[], n: number): string[][] {
  const sized = files.map((f) => {
    let size = 0;
    try {
      size = fs.statSync(path.join(root, f)).size;
    } catch {
      size = 0;
    }
    return { f, size };
  });
  sized.sort((a, b) => b.size - a.size);
  const buckets = Array.from({ length: n }, () => ({ files: [] as string[], load: 0 }));
  for (const { f, size } of sized) {
    let lightest = buckets[0]!;
    for (const b of buckets) if (b.load < lightest.load) lightest = b;
    lightest.files.push(f);
    lightest.load += size;
  }
  return buckets.map((b) => b.files);
}

export async function runInWorkers(
  job: Omit<WorkerJob, 'files'> & {
    readonly files: readonly string[];
    readonly workers: number;
    readonly onProgress?: (done: number, total: number) => void;
  },
): Promise<FileResult[]> {
  const { workers, onProgress, ...rest } = job;
  const buckets = dealBySize(job.root, job.files, workers).filter((b) => b.length > 0);
  let done = 0;
  const parts = await Promise.all(
    buckets.map(
      (files) =>
        new Promise<FileResult[]>((resolve, reject) => {
          const workerData: WorkerJob = { ...rest, files };
          const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData });
          worker.on('message', (msg: WorkerMessage) => {
            if (msg.type === 'progress') onProgress?.(++done, job.files.length);
            else if (msg.type === 'done') {
              resolve(msg.results);
              void worker.terminate();
            } else reject(new Error(msg.message));
          });
          worker.on('error', reject);
        }),
    ),
  );
  const byPath = new Map(parts.flat().map((r) => [r.path, r]));
  return job.files.map((f) => byPath.get(f)!);
}
