/** Worker-thread entry: takes files from the shared queue, then guards its rewritten ones. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPython } from '../python/parser.js';
import { RuffSettingsResolver } from '../python/ruff-settings.js';
import { loadTransformModule } from './load-transform.js';
import { DiskStore, OverlayStore } from './store.js';
import { drainQueue, finishTaken, type WorkerJob, type WorkerMessage } from './workers.js';

const job = workerData as WorkerJob;
const port = parentPort!;

try {
  const [transform] = await Promise.all([loadTransformModule(job.transformModule), loadPython()]);
  if (transform.scope !== 'file') throw new Error(`${transform.id} is not a file transform`);
  const store = new OverlayStore(new DiskStore(job.root), job.overlay);
  const taken = drainQueue(job, store, transform, job.options, () =>
    port.postMessage({ type: 'progress' } satisfies WorkerMessage),
  );
  const post = { guard: job.guard, format: job.format };
  const results = finishTaken(taken, post, new RuffSettingsResolver(job.root));
  port.postMessage({ type: 'done', results } satisfies WorkerMessage);
} catch (error) {
  port.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
  } satisfies WorkerMessage);
}
