/**
 * Spread a file-reading transform over threads (large file counts only): the main
 * thread and `workers` worker threads take files from one shared queue (an atomic
 * counter), so a worker that starts late or gets big files simply takes fewer; each
 * thread then guards and formats its own rewritten files, and results come back in
 * file order. Workers load the transform and the language adapters by module URL; a
 * worker started ahead (worker-pool.ts) is taken before a new one is started.
 */
import type { FileResult } from '../core/result.js';
import type { AnyTransform } from './contract.js';
import { type FileRunOptions, transformStoredFile } from './file-run.js';
import { type FinishOptions, finishResults } from './finish.js';
import { registeredLanguageModules } from './language.js';
import type { SourceStore } from './store.js';
import { stopIdleWorkers, takeWorker } from './worker-pool.js';

export interface WorkerJob {
  readonly root: string;
  /** URL of the module that exports the transform. */
  readonly transformModule: string;
  /** URLs of the language adapters' modules, registered in the worker. */
  readonly languageModules: readonly string[];
  readonly options: unknown;
  readonly run: FileRunOptions;
  readonly finish: FinishOptions;
  /** Every file of the run; a thread takes index `Atomics.add(queue, 0, 1)` next. */
  readonly files: readonly string[];
  /** One Int32 over a SharedArrayBuffer: the next file index to take. */
  readonly queue: SharedArrayBuffer;
  /** In-memory file texts that take precedence over the disk. */
  readonly overlay: readonly (readonly [string, string])[];
}

export type WorkerMessage =
  | { readonly type: 'progress' }
  | { readonly type: 'done'; readonly results: [number, FileResult][] }
  | { readonly type: 'error'; readonly message: string };

/** Take files from the queue until it is empty; returns [index, result] pairs. */
function drainQueue(
  job: Pick<WorkerJob, 'files' | 'queue' | 'options' | 'run'>,
  store: SourceStore,
  transform: AnyTransform,
  onFile: () => void,
): [number, FileResult][] {
  const next = new Int32Array(job.queue);
  const taken: [number, FileResult][] = [];
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= job.files.length) return taken;
    const file = job.files[index]!;
    taken.push([index, transformStoredFile(store, file, transform, job.options, job.run)]);
    onFile();
  }
}

/** A thread's share of the run: drain the queue, then guard and format its own results. */
export function workShare(
  job: Omit<WorkerJob, 'transformModule' | 'languageModules' | 'overlay'>,
  store: SourceStore,
  transform: AnyTransform,
  onFile: () => void,
): [number, FileResult][] {
  const taken = drainQueue(job, store, transform, onFile);
  const finished = finishResults(
    taken.map(([, r]) => r),
    job.finish,
    { root: job.root },
  );
  return taken.map(([index], k) => [index, finished[k]!]);
}

function startWorker(job: WorkerJob, onProgress: () => void): Promise<[number, FileResult][]> {
  return new Promise((resolve, reject) => {
    const worker = takeWorker({ languageModules: job.languageModules });
    worker.postMessage(job);
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'progress') onProgress();
      else if (msg.type === 'done') {
        resolve(msg.results);
        void worker.terminate();
      } else reject(new Error(msg.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`worker thread exited with code ${code}`));
    });
  });
}

export async function runInWorkers(
  job: Omit<WorkerJob, 'queue' | 'languageModules' | 'overlay'> & {
    readonly transform: AnyTransform;
    readonly store: SourceStore;
    readonly workers: number;
    readonly onProgress?: (done: number, total: number) => void;
  },
): Promise<FileResult[]> {
  const { workers, onProgress, transform, store, ...rest } = job;
  const queue = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  let done = 0;
  const progress = () => onProgress?.(++done, job.files.length);
  const data: WorkerJob = {
    ...rest,
    queue,
    languageModules: registeredLanguageModules(),
    overlay: store.overlayEntries(),
  };
  const started = Array.from({ length: workers }, () => startWorker(data, progress));
  stopIdleWorkers();
  // The main thread works the queue too, while the workers start up.
  const mine = workShare(data, store, transform, progress);
  const parts = [mine, ...(await Promise.all(started))];
  const results: FileResult[] = new Array(job.files.length);
  for (const part of parts) for (const [index, r] of part) results[index] = r;
  return results;
}
