/**
 * Worker-thread entry: registers and loads the languages it starts with (possibly
 * before the main thread knows its job: see worker-pool.ts), then waits for its job,
 * loads the transform and its languages (only those), and does its share of the queue.
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { languageById, registerLanguageModules } from './language.js';
import { loadTransformModule } from './load-transform.js';
import { DiskStore, OverlayStore } from './store.js';
import type { WorkerStart } from './worker-pool.js';
import { type WorkerJob, type WorkerMessage, workShare } from './workers.js';

const port = parentPort!;
const loadLanguages = (urls: readonly string[]) =>
  registerLanguageModules(urls).then((all) => Promise.all(all.map((l) => l.load())));
// Started ahead: load the languages now, and catch a failure for the job to report.
const ahead = loadLanguages((workerData as WorkerStart).languageModules).then(
  () => undefined,
  (error: unknown) => error,
);

try {
  const [job] = (await once(port, 'message')) as [WorkerJob];
  const failed = await ahead;
  if (failed) throw failed;
  const [transform] = await Promise.all([
    loadTransformModule(job.transformModule),
    registerLanguageModules(job.languageModules),
  ]);
  if (transform.reads !== 'file')
    throw new Error(`${transform.id} does not read one file at a time`);
  // Only the transform's own languages: a Python run must not load ts-morph.
  await Promise.all(transform.languages.map((id) => languageById(id).load()));
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
