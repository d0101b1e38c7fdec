import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const DATA = join(ROOT, 'test', 'data', 'diff-access');

interface Step {
  id?: string;
  if?: string;
  env?: Record<string, string>;
  run: string;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { steps: Step[] } };

/** The action's access-diff step as the runner runs it: inputs into `env:`, bash, a step summary file. */
function runStep(cwd: string, inputs: Record<string, string>) {
  const step = action.runs.steps.find((s) => s.id === 'access-diff')!;
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default]));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) {
    env[k] = v.replace(/\$\{\{ inputs\.([a-z-]+) \}\}/g, (_, name: string) => values[name] ?? '').replace('${{ steps.install.outputs.cli }}', CLI);
  }
  const summary = join(cwd, 'summary.md');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, RUNNER_TEMP: cwd, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '' };
}

describe('action.yml: the access-diff step', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'meshlint-action-diff-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('runs only when access-diff-base is given, and after a failed lint too', () => {
    const step = action.runs.steps.find((s) => s.id === 'access-diff')!;
    expect(step.if).toBe("${{ !cancelled() && inputs.access-diff-base != '' }}");
    expect(step.run).not.toMatch(/\$\{\{/);
  });

  it('writes the markdown diff to the log and the step summary; access-diff-fail-on fails the step', () => {
    const repo = join(tmp, 'repo');
    cpSync(join(DATA, 'base'), join(repo, 'mesh'), { recursive: true });
    const git = (...args: string[]) => expect(spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo }).status).toBe(0);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    cpSync(join(DATA, 'head'), join(repo, 'mesh'), { recursive: true });
    writeFileSync(join(repo, 'summary.md'), '');
    const r = runStep(repo, { paths: 'mesh', 'access-diff-base': 'HEAD' });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('## Access changes');
    expect(r.summary).toContain('| 🟢 opens | `shop/deployment/frontend` | `payments/service/payments:8080` |');
    expect(runStep(repo, { paths: 'mesh', 'access-diff-base': 'HEAD', 'access-diff-fail-on': 'opens' }).code).toBe(1);
  });
});
