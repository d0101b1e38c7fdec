import { writeFileSync } from 'node:fs';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
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
      try {
        for await (const c of process.stdin) chunks.push(c as Buffer);
      } catch {
        // stdin closed early or not readable: lint what arrived
      }
      return Buffer.concat(chunks).toString('utf8');
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
