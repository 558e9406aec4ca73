import { Piscina } from 'piscina';
import { processTask, type FileOutcome, type FingerprintOutcome, type FileTask, type FingerprintTask, type Outcome, type Task } from './task.js';

export interface Runner {
  run(task: Task): Promise<Outcome>;
  close(): Promise<void>;
  /** Threads that take tasks: 1 when everything runs in this one. */
  threads: number;
}

// Below this many files, starting worker threads costs more than they save (measured: two workers
// lose to one thread on 1,000 short articles and win by 1.35x on 20,000).
const MIN_FILES_FOR_WORKERS = 256;

/** How many workers a batch of `files` gets under --jobs: none (this thread) for a small batch. */
export function workersFor(jobs: number, files: number): number {
  return files < MIN_FILES_FOR_WORKERS ? 1 : Math.min(jobs, files);
}

interface Job {
  task: Task;
  resolve: (o: Outcome) => void;
  reject: (e: unknown) => void;
}

/**
 * Run tasks on `jobs` threads: this one and `jobs - 1` workers, all taking from one queue. This
 * thread works too because on a two-core machine a third busy thread only takes turns with the
 * other two (measured: two workers plus an idle-ish main thread scaled 1.2x-1.4x over one job), and
 * one fewer V8 heap is what keeps a long stream under its memory target.
 */
export function createRunner(jobs: number): Runner {
  // Each task waits for a turn of the event loop: otherwise a batch in this thread is one long chain
  // of promise callbacks, and a signal handler (Ctrl-C writing the partial report) or a progress
  // redraw never runs until the batch is over.
  if (jobs <= 1) return { run: (task) => new Promise<void>((resolve) => setImmediate(resolve)).then(() => processTask(task)), close: async () => undefined, threads: 1 };
  const workers = jobs - 1;
  // A small young generation per worker keeps a long JSON Lines stream near the memory target
  // (measured: peak RSS 340 -> 270 MB on a 128 MB stream with two workers, for ~6% of the speed).
  // Two tasks per worker: the next one is already there while this thread is busy with its own.
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    concurrentTasksPerWorker: 2,
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const queue: Job[] = [];
  const poolLimit = workers * 2;
  let onPool = 0;
  let localBusy = false;
  const pump = () => {
    while (onPool < poolLimit && queue.length) {
      const job = queue.shift()!;
      onPool++;
      pool.run(job.task).then(
        (o: Outcome) => {
          onPool--;
          job.resolve(o);
          pump();
        },
        (e: unknown) => {
          onPool--;
          job.reject(e);
          pump();
        },
      );
    }
    if (!localBusy && queue.length) {
      localBusy = true;
      // After the event loop's turn: the workers' finished tasks are collected and refilled first.
      setImmediate(runLocal);
    }
  };
  const runLocal = async () => {
    const job = queue.shift();
    if (job) {
      try {
        job.resolve(await processTask(job.task));
      } catch (e) {
        job.reject(e);
      }
    }
    localBusy = false;
    pump();
  };
  return {
    run: (task) =>
      new Promise<Outcome>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        pump();
      }),
    close: () => pool.destroy(),
    threads: jobs,
  };
}

const CHUNK = 32;

/**
 * Run per-file tasks in chunks of up to 32 files per message, delivering each file's outcome in
 * input order. Chunking is what lets two workers beat one: cleaning a file takes about as long as
 * a message takes to cross threads. With several threads, eight chunks per thread are in flight,
 * so a thread that is done never waits for the oldest chunk to come back; in one thread, two.
 */
export async function mapFiles<T, O extends FileOutcome | FingerprintOutcome>(
  runner: Runner,
  items: T[],
  task: (item: T, index: number) => FileTask | FingerprintTask,
  deliver: (outcome: O, index: number) => void,
): Promise<void> {
  const chunks: number[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) chunks.push(Array.from({ length: Math.min(CHUNK, items.length - i) }, (_, k) => i + k));
  await orderedMap(
    chunks,
    runner.threads > 1 ? runner.threads * 8 : 2,
    (idx) => runner.run({ kind: 'chunk', tasks: idx.map((i) => task(items[i], i)) }) as Promise<O[]>,
    (outcomes, c) => outcomes.forEach((o, k) => deliver(o, chunks[c][k])),
  );
}

/**
 * Map with at most `limit` tasks in flight, delivering results in input order, so output and
 * memory are the same however many workers there are and however long the input is.
 */
export async function orderedMap<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  deliver: (result: R, index: number) => void | Promise<void>,
): Promise<void> {
  const inFlight: Array<Promise<R>> = [];
  let next = 0;
  let index = 0;
  try {
    for await (const item of items) {
      inFlight.push(fn(item, index++));
      if (inFlight.length >= limit) await deliver(await inFlight.shift()!, next++);
    }
    while (inFlight.length) await deliver(await inFlight.shift()!, next++);
  } catch (err) {
    // Let what is still running settle, so no rejection goes unhandled when the pool shuts down.
    await Promise.allSettled(inFlight);
    throw err;
  }
}
