import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type * as Sarif from 'sarif';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AMBIENT_SHOP, tempTree } from './helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');

interface Step {
  id?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}
interface Action {
  inputs: Record<string, { default: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/**
 * Run the action's lint step as the runner would: `${{ inputs.x }}` and step outputs substituted
 * into its `env:`, the script run by bash with GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
function runLintStep(cwd: string, inputs: Record<string, string>) {
  const step = action.runs.steps.find((s) => s.id === 'lint')!;
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default]));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) {
    env[k] = v
      .replace(/\$\{\{ inputs\.([a-z-]+) \}\}/g, (_, name: string) => values[name] ?? '')
      .replace('${{ steps.install.outputs.cli }}', CLI);
  }
  const output = join(cwd, 'github-output.txt');
  const summary = join(cwd, 'summary.md');
  writeFileSync(output, '');
  // The runner's own invocation for `shell: bash`.
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, outputs: readFileSync(output, 'utf8'), summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '' };
}

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'severity-threshold', 'sarif-file', 'config', 'version', 'access-diff-base', 'access-diff-fail-on']);
    expect(action.inputs.format!.default).toBe('github');
    expect(action.inputs['severity-threshold']!.default).toBe('error');
    // No input is pasted into a script: they reach bash as environment variables only.
    for (const s of action.runs.steps) expect(s.run).not.toMatch(/\$\{\{/);
    expect(action.outputs['sarif-file']!.value).toBe('${{ steps.lint.outputs.sarif-file }}');
  });

  it('annotates, writes the step summary and a SARIF file, and fails on errors', () => {
    const dir = tempTree({ ...Object.fromEntries(Object.entries(AMBIENT_SHOP).map(([k, v]) => [`deploy/${k}`, v])), 'other/ns.yaml': AMBIENT_SHOP['namespace.yaml']! });
    const r = runLintStep(dir, { paths: 'deploy\nother', 'sarif-file': 'reports/meshlint.sarif' });
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('::error file=deploy/policy.yaml,line=18,endLine=18,col=9,endColumn=16,title=meshlint ztunnel-l7-policy::');
    expect(r.summary).toContain('1 error and 0 warnings in 1 file.');
    expect(r.outputs).toBe('sarif-file=reports/meshlint.sarif\n');
    const log = JSON.parse(readFileSync(join(dir, 'reports/meshlint.sarif'), 'utf8')) as Sarif.Log;
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('deploy/policy.yaml');
  });

  it('applies the severity threshold', () => {
    const dir = tempTree({ ...AMBIENT_SHOP, '.meshlint.yaml': 'rules:\n  ztunnel-l7-policy: warn\n' });
    expect(runLintStep(dir, {}).code).toBe(0); // a warning, threshold error
    expect(runLintStep(dir, { 'severity-threshold': 'warning' }).code).toBe(1);
    const errors = tempTree(AMBIENT_SHOP);
    expect(runLintStep(errors, { 'severity-threshold': 'none' }).code).toBe(0);
    const bad = runLintStep(errors, { 'severity-threshold': 'loud' });
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('::error title=meshlint::severity-threshold must be error, warning or none');
  });

  it('still fails on usage errors with threshold none; paths split on spaces, never globbed', () => {
    const dir = tempTree({ 'a/ns.yaml': AMBIENT_SHOP['namespace.yaml']!, 'b/ns.yaml': AMBIENT_SHOP['namespace.yaml']!.replace('shop', 'b') });
    const missing = runLintStep(dir, { paths: 'missing', 'severity-threshold': 'none' });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file or folder: missing');
    expect(runLintStep(dir, { paths: ' a  b ', format: 'json' }).out.match(/"filePath"/g)).toHaveLength(2);
    expect(runLintStep(dir, { paths: '*', format: 'json' }).code).toBe(2);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;

  it('declares the meshlint hook for YAML files, installed with node', () => {
    const hook = hooks.find((h) => h.id === 'meshlint')!;
    expect(hook).toMatchObject({ entry: 'meshlint', language: 'node', types: ['yaml'] });
    expect(hooks.find((h) => h.id === 'meshlint-repo')).toMatchObject({ entry: 'meshlint .', pass_filenames: false });
    // pre-commit runs `npm install` in the repository, whose prepare script builds dist/cli.js.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin.meshlint).toBe('dist/cli.js');
    expect(pkg.scripts.prepare).toBeTruthy();
  });

  it('copes with several calls in parallel on subsets of files', async () => {
    // pre-commit may split the files among processes; each call stands alone (no shared state or temp files).
    const dir = tempTree({ ...AMBIENT_SHOP, 'b/policy.yaml': AMBIENT_SHOP['policy.yaml']!.replace('cart-get-only', 'b'), 'b/namespace.yaml': AMBIENT_SHOP['namespace.yaml']!, 'b/workloads.yaml': AMBIENT_SHOP['workloads.yaml']! });
    const exec = promisify(execFile);
    const one = (files: string[]) => exec(process.execPath, [CLI, '-f', 'json', ...files], { cwd: dir }).then(
      () => '',
      (err: { stdout: string }) => err.stdout,
    );
    const a = ['namespace.yaml', 'policy.yaml', 'workloads.yaml'];
    const b = a.map((f) => `b/${f}`);
    const alone = [await one(a), await one(b)];
    const together = await Promise.all([one(a), one(b), one(a), one(b)]);
    expect(together).toEqual([...alone, ...alone]);
    expect(JSON.parse(alone[1]!)[1].messages[0].message).toContain('"b"');
  });
});

// Opt-in (MESHLINT_TEST_PRECOMMIT=1, with Debian's `pre-commit` installed): pre-commit clones this
// repository, installs it with npm (registry access needed, ~30 s) and runs the hook.
describe.runIf(process.env.MESHLINT_TEST_PRECOMMIT === '1')('pre-commit try-repo', () => {
  it('installs the hook from this repository and runs it', () => {
    const dir = tempTree(AMBIENT_SHOP);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '.');
    git('add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'manifests');
    const env = { ...process.env, PRE_COMMIT_HOME: join(dir, '.pre-commit-home') };
    const failing = spawnSync('pre-commit', ['try-repo', ROOT, 'meshlint', '--all-files'], { cwd: dir, encoding: 'utf8', env });
    expect(failing.status, failing.stdout + failing.stderr).toBe(1);
    expect(failing.stdout).toMatch(/meshlint\.+Failed/);
    expect(failing.stdout).toContain('18:9-18:16');
    writeFileSync(join(dir, 'policy.yaml'), AMBIENT_SHOP['policy.yaml']!.replace('methods: ["GET"]', 'ports: ["8080"]'));
    const passing = spawnSync('pre-commit', ['try-repo', ROOT, 'meshlint', '--all-files'], { cwd: dir, encoding: 'utf8', env });
    expect(passing.stdout).toMatch(/meshlint\.+Passed/);
    expect(passing.status).toBe(0);
  }, 300000);
});
