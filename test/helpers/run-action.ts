import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface ActionYml {
  inputs: Record<string, { default: string; description: string }>;
  outputs: Record<string, { description: string; value?: string }>;
  runs: { using: string; main?: string; steps?: unknown[] };
}

export const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

export interface ActionRun {
  code: number | null;
  out: string;
  err: string;
  /** The GITHUB_OUTPUT file's text. */
  outputs: string;
  summary: string;
}

/**
 * Run the action as the runner runs a JavaScript action: `node <runs.main>` in the workspace, every
 * input (given or its default) as `INPUT_<NAME>`, and the GITHUB_* files in the workspace.
 * `cwd` is the step's working directory (the workspace, unless given).
 */
export function runAction(workspace: string, inputs: Record<string, string>, opts: { cwd?: string; env?: Record<string, string> } = {}): ActionRun {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(workspace, 'github-output.txt'),
    GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'),
    RUNNER_TEMP: workspace,
    ...opts.env,
  };
  for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default;
  writeFileSync(env.GITHUB_OUTPUT!, '');
  const r = spawnSync(process.execPath, [join(ROOT, action.runs.main!)], { cwd: opts.cwd ?? workspace, encoding: 'utf8', env });
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  return { code: r.status, out: r.stdout, err: r.stderr, outputs: read(env.GITHUB_OUTPUT!), summary: read(env.GITHUB_STEP_SUMMARY!) };
}
