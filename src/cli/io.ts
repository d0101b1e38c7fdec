import { writeFileSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../load/read.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Text, or bytes that the loader decodes and checks like a file's. */
  readStdin(): Promise<string | Uint8Array>;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress is shown only there). */
  errIsTTY?: boolean;
  cwd: string;
}

export function processIo(): Io {
  return {
    out: (t) => {
      process.stdout.write(t);
    },
    err: (t) => {
      process.stderr.write(t);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let total = 0;
      try {
        for await (const c of process.stdin) {
          chunks.push(c as Buffer);
          total += (c as Buffer).length;
          // Past the size limit the loader reports stdin as too large: stop reading.
          if (total > MAX_FILE_BYTES) break;
        }
      } catch {
        // stdin closed early or not readable: lint what arrived
      }
      return Buffer.concat(chunks);
    },
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

export function writeOutput(file: string, text: string): void {
  writeFileSync(file, text);
}
