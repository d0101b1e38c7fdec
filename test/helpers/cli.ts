import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Newest modification time of the sources the CLI bundle is built from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|md|json)$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The end-to-end tests run the built bundle, as users do. A bundle older than the sources would
 * test yesterday's code: say so instead of passing or failing for the wrong reason.
 */
export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm ci does it) before the CLI tests');
  const built = statSync(CLI).mtimeMs;
  const src = Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'rules')));
  if (src > built) throw new Error('dist/cli.js is older than src/ or rules/: run `npm run build` before the CLI tests');
}

/** Run `meshlint args…` as a user would: no TTY, NO_COLOR unset unless given. */
export function meshlint(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** ESLint's JSON result shape, as `--format json` prints it. */
export interface EslintResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: 1 | 2; message: string; line: number; column: number; endLine?: number; endColumn?: number }>;
  errorCount: number;
  warningCount: number;
  fatalErrorCount?: number;
}

/** Parse `--format json` output and check it is ESLint-shaped, so ESLint tooling can read it. */
export function parseEslintJson(text: string): EslintResult[] {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error('JSON output is not an array');
  for (const r of data as EslintResult[]) {
    if (typeof r.filePath !== 'string' || !Array.isArray(r.messages)) throw new Error(`not an ESLint result: ${JSON.stringify(r).slice(0, 200)}`);
    if (typeof r.errorCount !== 'number' || typeof r.warningCount !== 'number') throw new Error('errorCount/warningCount missing');
    for (const m of r.messages) {
      const ok =
        (typeof m.ruleId === 'string' || m.ruleId === null) &&
        (m.severity === 1 || m.severity === 2) &&
        typeof m.message === 'string' &&
        Number.isInteger(m.line) &&
        Number.isInteger(m.column) &&
        m.line >= 1 &&
        m.column >= 1;
      if (!ok) throw new Error(`not an ESLint message: ${JSON.stringify(m)}`);
    }
    if (r.errorCount !== r.messages.filter((m) => m.severity === 2).length) throw new Error(`errorCount of ${r.filePath} does not match its messages`);
    if (r.warningCount !== r.messages.filter((m) => m.severity === 1).length) throw new Error(`warningCount of ${r.filePath} does not match its messages`);
  }
  return data as EslintResult[];
}
