#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  SourceFile,
  checkSources,
  readManifest
} from "./chunks/chunk-TXW67S5H.js";
import "./chunks/chunk-JTR57KKI.js";

// src/engine/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var task = workerData;
var port = parentPort;
async function main() {
  for (const b of task.batches) {
    const sources = [];
    for (let i = b.from; i < b.to; i++) {
      const read = readManifest(task.files[i]);
      if ("text" in read) sources.push(new SourceFile(task.files[i], read.text));
    }
    const checks = (await checkSources(sources)).map((m) => m.toInit());
    port.postMessage({ kind: "checks", batch: b.batch, checks });
  }
}
main().catch((err) => {
  port.postMessage({ kind: "error", batch: -1, message: err instanceof Error ? err.message : String(err) });
});
//# sourceMappingURL=worker.js.map
