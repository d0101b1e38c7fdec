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
export declare const MIN_FILES_FOR_WORKERS = 256;
export interface WorkerMessage {
    kind: 'checks' | 'error';
    batch: number;
    checks?: unknown[];
    message?: string;
}
export interface WorkerTask {
    files: string[];
    /** The batches this worker checks: [from, to) file indexes. */
    batches: Array<{
        batch: number;
        from: number;
        to: number;
    }>;
}
/**
 * How many worker threads to use for `files` files: `MESHLINT_JOBS` threads in all when set (0 or
 * 1: none); else, for runs of `MIN_FILES_FOR_WORKERS` files or more on 4 cores or more, one per
 * core beyond the first two (at most 4).
 */
export declare function workerCount(files: number, env?: NodeJS.ProcessEnv, cores?: number): number;
/**
 * Workers checking the resources of `files`, in batches of consecutive files dealt round-robin.
 * `checks(batch)` gives a batch's diagnostics, or undefined when its worker failed (then the
 * caller checks that batch itself).
 */
export declare class LoadPool<C> {
    readonly batches: Array<{
        from: number;
        to: number;
    }>;
    private readonly results;
    private readonly workers;
    private constructor();
    /** A pool for this run, or undefined when it should run on one thread. */
    static start<C>(files: string[], env?: NodeJS.ProcessEnv): LoadPool<C> | undefined;
    checks(batch: number): Promise<C[] | undefined>;
    /** Stop the workers (their work is done, or no longer wanted). */
    close(): void;
}
