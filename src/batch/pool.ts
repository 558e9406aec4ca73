import { Piscina } from 'piscina';
import { processTask, type FileOutcome, type FingerprintOutcome, type Task } from './task.js';
import type { JsonlChunkResult } from './jsonl-record.js';

export interface Runner {
  run(task: Task): Promise<FileOutcome | JsonlChunkResult | FingerprintOutcome>;
  close(): Promise<void>;
}

/** Run tasks on `jobs` worker threads, or in this thread for one job (no start-up cost). */
export function createRunner(jobs: number): Runner {
  if (jobs <= 1) return { run: processTask, close: async () => undefined };
  const pool = new Piscina({ filename: new URL('./worker.js', import.meta.url).href, minThreads: jobs, maxThreads: jobs });
  return {
    run: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
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
