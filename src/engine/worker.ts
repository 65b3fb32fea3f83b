/** Worker-thread entry: registers the languages, loads the transform, and does its share of the queue. */
import { parentPort, workerData } from 'node:worker_threads';
import { registerLanguageModules } from './language.js';
import { loadTransformModule } from './load-transform.js';
import { DiskStore, OverlayStore } from './store.js';
import { type WorkerJob, type WorkerMessage, workShare } from './workers.js';

const job = workerData as WorkerJob;
const port = parentPort!;

try {
  const [transform] = await Promise.all([
    loadTransformModule(job.transformModule),
    registerLanguageModules(job.languageModules).then((all) =>
      Promise.all(all.map((l) => l.load())),
    ),
  ]);
  if (transform.reads !== 'file')
    throw new Error(`${transform.id} does not read one file at a time`);
  const store = new OverlayStore(new DiskStore(job.root), job.overlay);
  const results = workShare(job, store, transform, () =>
    port.postMessage({ type: 'progress' } satisfies WorkerMessage),
  );
  port.postMessage({ type: 'done', results } satisfies WorkerMessage);
} catch (error) {
  port.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
  } satisfies WorkerMessage);
}
