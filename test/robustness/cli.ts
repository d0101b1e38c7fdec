import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const INPUTS = import.meta.dirname;
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** `--format json` output, when the run printed JSON. */
  results: JsonResult[];
}

export interface CliOptions {
  cwd: string;
  input?: string | Buffer;
  /** Extra arguments for node itself (before the script), e.g. a heap limit. */
  nodeArgs?: string[];
  uid?: number;
  gid?: number;
  timeoutMs?: number;
  stdio?: SpawnSyncOptions['stdio'];
}

/** Run `node dist/cli.js -f json …` and parse what it prints. */
export function runCli(args: string[], opts: CliOptions): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), CLI, '-f', 'json', ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 30_000,
    maxBuffer: 256 * 1024 * 1024,
    uid: opts.uid,
    gid: opts.gid,
    stdio: opts.stdio,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  const ms = Date.now() - t0;
  let results: JsonResult[] = [];
  const stdout = r.stdout ?? '';
  if (stdout.trim().startsWith('[')) results = JSON.parse(stdout) as JsonResult[];
  return { code: r.status, signal: r.signal, stdout, stderr: r.stderr ?? '', ms, results };
}

/** The messages reported for a file (by absolute path). */
export function messagesOf(run: CliRun, file: string): JsonMessage[] {
  return run.results.find((r) => r.filePath === file)?.messages ?? [];
}
