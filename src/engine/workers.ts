import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Worker threads for large runs. The main thread keeps everything that needs the whole input
 * (reading and parsing into its documents, the model, the rules); the per-resource checks (CRD
 * schemas) need one resource at a time, so workers take them: each reads and parses its batches
 * of files again — the fast path makes that cheap — and posts the diagnostics, while the main
 * thread builds the model and runs the rules.
 *
 * Measured (`npm run bench`): on 2 cores this saves a few percent at best, because a worker
 * competes with the main thread's garbage collector for the second core, so it is used by
 * default only from 4 cores on. Handing file texts to the main thread was tried and dropped:
 * receiving a text cost as much as reading it.
 *
 * Results are merged in batch order (file order), so the output is the one-thread output byte
 * for byte (test/perf-parallel.test.ts). When a worker fails, the main thread does its batches.
 */

/** Below this many files a run is small: starting workers would cost more than it saves. */
export const MIN_FILES_FOR_WORKERS = 256;
const BATCH_FILES = 64;

export interface WorkerMessage {
  kind: 'checks' | 'error';
  batch: number;
  checks?: unknown[];
  message?: string;
}

export interface WorkerTask {
  files: string[];
  /** The batches this worker checks: [from, to) file indexes. */
  batches: Array<{ batch: number; from: number; to: number }>;
}

/**
 * How many worker threads to use for `files` files: `MESHLINT_JOBS` threads in all when set (0 or
 * 1: none); else, for runs of `MIN_FILES_FOR_WORKERS` files or more on 4 cores or more, one per
 * core beyond the first two (at most 4).
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const forced = env.MESHLINT_JOBS;
  if (forced !== undefined && forced !== '') {
    const n = Number(forced);
    return Number.isInteger(n) && n > 1 ? Math.min(n - 1, 16) : 0;
  }
  if (files < MIN_FILES_FOR_WORKERS || cores < 4) return 0;
  return Math.min(cores - 2, 4);
}

/** The worker script next to the bundle (dist/worker.js); absent when running from sources. */
function workerScript(): string | undefined {
  const here = new URL('.', import.meta.url);
  const dir = here.pathname.endsWith('/chunks/') ? new URL('..', here) : here;
  const url = new URL('worker.js', dir);
  if (url.protocol !== 'file:') return undefined;
  const path = fileURLToPath(url);
  return existsSync(path) ? path : undefined;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
}

function deferred<T>(): Deferred<T> {
  let settle!: (v: T) => void;
  let settled = false;
  const promise = new Promise<T>((r) => (settle = r));
  return {
    promise,
    resolve(v: T) {
      if (settled) return;
      settled = true;
      settle(v);
    },
  };
}

/**
 * Workers checking the resources of `files`, in batches of consecutive files dealt round-robin.
 * `checks(batch)` gives a batch's diagnostics, or undefined when its worker failed (then the
 * caller checks that batch itself).
 */
export class LoadPool<C> {
  readonly batches: Array<{ from: number; to: number }> = [];
  private readonly results: Array<Deferred<C[] | undefined>> = [];
  private readonly workers: Worker[] = [];

  private constructor(files: string[], count: number, script: string) {
    for (let from = 0; from < files.length; from += BATCH_FILES) {
      this.batches.push({ from, to: Math.min(files.length, from + BATCH_FILES) });
      this.results.push(deferred());
    }
    for (let index = 0; index < count; index++) {
      const task: WorkerTask = { files, batches: [] };
      this.batches.forEach((b, i) => {
        if (i % count === index) task.batches.push({ batch: i, ...b });
      });
      if (task.batches.length === 0) continue;
      const worker = new Worker(script, { workerData: task });
      const fail = () => {
        for (const b of task.batches) this.results[b.batch]!.resolve(undefined);
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.kind === 'checks') this.results[m.batch]!.resolve(m.checks as C[]);
        else fail();
      });
      worker.on('error', fail);
      worker.on('exit', fail);
      this.workers.push(worker);
    }
  }

  /** A pool for this run, or undefined when it should run on one thread. */
  static start<C>(files: string[], env: NodeJS.ProcessEnv = process.env): LoadPool<C> | undefined {
    const count = workerCount(files.length, env);
    if (count === 0 || files.length === 0) return undefined;
    const script = workerScript();
    if (!script) return undefined;
    try {
      return new LoadPool<C>(files, count, script);
    } catch {
      return undefined;
    }
  }

  checks(batch: number): Promise<C[] | undefined> {
    return this.results[batch]!.promise;
  }

  /** Stop the workers (their work is done, or no longer wanted). */
  close(): void {
    for (const w of this.workers) void w.terminate();
  }
}
