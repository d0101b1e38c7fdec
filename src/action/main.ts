// The GitHub Action (action.yml, `runs.main: dist/action.js`): runs the CLI bundle next to it, or
// the `version` input's meshlint installed from npm, with the inputs as flags. Nothing is
// installed for the default; the annotations, the step summary and the exit code are the CLI's.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeData } from '../report/formatters/github.js';
import { input, splitPaths, thresholdArgs } from './inputs.js';

const env = process.env;
const cwd = process.cwd();

/** Run node on `script` with `args`, the output going to the job log; the exit code. */
function node(script: string, args: string[]): number {
  const r = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit', env });
  if (r.error) throw r.error;
  return r.status ?? 2;
}

/** The CLI to run: this action's own bundle, or `version` installed from npm into RUNNER_TEMP. */
function cliScript(version: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  if (version === '') return join(here, 'cli.js');
  const prefix = join(env.RUNNER_TEMP ?? cwd, `meshlint-${version.replace(/[^\w.-]/g, '_')}`);
  const npm = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `meshlint@${version}`], { stdio: 'inherit', env });
  if (npm.status !== 0) throw new Error(`npm could not install meshlint@${version}`);
  return join(prefix, 'node_modules', 'meshlint', 'dist', 'cli.js');
}

/** A step output, in the runner's file format (the delimited form for a value with line breaks). */
function setOutput(name: string, value: string): void {
  if (!env.GITHUB_OUTPUT) return;
  const delimiter = `meshlint_${process.pid}_${Date.now()}`;
  appendFileSync(env.GITHUB_OUTPUT, value.includes('\n') ? `${name}<<${delimiter}\n${value}\n${delimiter}\n` : `${name}=${value}\n`);
}

function lint(cli: string, paths: string[], config: string[]): number {
  const threshold = input('severity-threshold', env);
  const thresholdFlags = thresholdArgs(threshold);
  if (!thresholdFlags) {
    console.log(`::error title=meshlint::severity-threshold must be error, warning or none, not "${threshold}"`);
    return 2;
  }
  const args = [...config, ...thresholdFlags];
  const sarif = input('sarif-file', env);
  if (sarif !== '') {
    mkdirSync(dirname(resolve(cwd, sarif)), { recursive: true });
    const code = node(cli, [...args, '--format', 'sarif', '--output-file', sarif, '--', ...paths]);
    if (code >= 2) return code;
    setOutput('sarif-file', sarif);
  }
  const code = node(cli, [...args, '--format', input('format', env) || 'github', '--', ...paths]);
  return threshold === 'none' && code === 1 ? 0 : code;
}

/** `meshlint diff-access` against `access-diff-base`, in the log and the step summary. */
function accessDiff(cli: string, base: string, paths: string[], config: string[]): number {
  const failOn = input('access-diff-fail-on', env);
  const report = join(env.RUNNER_TEMP ?? cwd, 'meshlint-access-diff.md');
  const args = ['diff-access', '--base', base, ...config, ...(failOn ? ['--fail-on', failOn] : []), '--format', 'markdown', '--output-file', report, '--', ...paths];
  const code = node(cli, args);
  if (existsSync(report)) {
    const text = readFileSync(report, 'utf8');
    process.stdout.write(text);
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, text);
  }
  return code;
}

function main(): number {
  const cli = cliScript(input('version', env));
  const paths = splitPaths(env.INPUT_PATHS ?? '', cwd);
  const configFile = input('config', env);
  const config = configFile ? ['--config', configFile] : [];
  const lintCode = lint(cli, paths, config);
  // The access diff runs after a failed lint too: both reports are wanted in one run.
  const base = input('access-diff-base', env);
  const diffCode = base === '' ? 0 : accessDiff(cli, base, paths, config);
  return Math.max(lintCode, diffCode);
}

try {
  process.exitCode = main();
} catch (err) {
  console.log(`::error title=meshlint::${escapeData((err as Error).message)}`);
  process.exitCode = 2;
}
