/**
 * Worker threads started ahead of need: the CLI starts them before it parses its
 * arguments, so that each loads the engine (and registers and loads the languages it is
 * told about) while the main thread is still starting up; `runInWorkers` then hands them
 * their job. A thread nobody takes is stopped (`stopIdleWorkers`), and never holds the
 * process open.
 */
import { Worker } from 'node:worker_threads';

/** What a worker thread starts with: language modules to register and load ahead of its job. */
export interface WorkerStart {
  readonly languageModules: readonly string[];
}

interface Started {
  readonly worker: Worker;
  /** Set when the thread failed or exited before it was taken. */
  dead: boolean;
}

/** Files per thread a run spreads them over: fewer than this many files run on the main thread only. */
export const FILES_PER_THREAD = 150;

const idle: Started[] = [];

function spawn(start: WorkerStart): Started {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: start });
  const started: Started = { worker, dead: false };
  const die = () => {
    started.dead = true;
  };
  worker.once('error', die);
  worker.once('exit', die);
  return started;
}

/** Start `count` worker threads now; they wait for a job (see `takeWorker`). */
export function prestartWorkers(count: number, start: WorkerStart): void {
  for (let i = 0; i < count; i++) {
    const started = spawn(start);
    started.worker.unref();
    idle.push(started);
  }
}

/** A started worker thread (one started ahead when there is a live one, else a new one). */
export function takeWorker(start: WorkerStart): Worker {
  for (let next = idle.shift(); next; next = idle.shift()) {
    if (!next.dead) {
      next.worker.ref();
      return next.worker;
    }
  }
  return spawn(start).worker;
}

/** Stop the threads started ahead that no run took. */
export function stopIdleWorkers(): void {
  for (const started of idle.splice(0)) void started.worker.terminate();
}
