/** Worker-thread entry: runs the per-file pipeline for the files it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { getTransform } from '../../transforms/index.js';
import { loadPython } from '../python/parser.js';
import { RuffSettingsResolver } from './ruff-settings.js';
import { processOneFile } from './run.js';
import { DiskStore, OverlayStore } from './store.js';
import type { WorkerJob, WorkerMessage } from './workers.js';

const job = workerData as WorkerJob;
const port = parentPort!;

try {
  await loadPython();
  const transform = getTransform(job.transformId);
  if (transform.scope !== 'file') throw new Error(`${job.transformId} is not a file transform`);
  const ruff = new RuffSettingsResolver(job.root);
  const store = new OverlayStore(new DiskStore(job.root), job.overlay);
  const post = { guard: job.guard, format: job.format };
  const results = job.files.map((file) => {
    const result = processOneFile(
      store,
      file,
      transform,
      job.options,
      job.settings,
      job.allowUnsafe,
      post,
      ruff,
    );
    port.postMessage({ type: 'progress' } satisfies WorkerMessage);
    return result;
  });
  port.postMessage({ type: 'done', results } satisfies WorkerMessage);
} catch (error) {
  port.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
  } satisfies WorkerMessage);
}
