// The worker thread of workers.ts: reads and parses its batches of files, and posts the
// diagnostics of the per-resource checks of each batch.
import { parentPort, workerData } from 'node:worker_threads';
import { checkSources } from './load-input.js';
import { readManifest } from '../load/read.js';
import { SourceFile } from '../load/source.js';
import type { WorkerMessage, WorkerTask } from './workers.js';

const task = workerData as WorkerTask;
const port = parentPort!;

async function main(): Promise<void> {
  for (const b of task.batches) {
    const sources: SourceFile[] = [];
    for (let i = b.from; i < b.to; i++) {
      const read = readManifest(task.files[i]!);
      if ('text' in read) sources.push(new SourceFile(task.files[i]!, read.text));
    }
    const checks = (await checkSources(sources)).map((m) => m.toInit());
    port.postMessage({ kind: 'checks', batch: b.batch, checks } satisfies WorkerMessage);
  }
}

main().catch((err: unknown) => {
  port.postMessage({ kind: 'error', batch: -1, message: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
});
