import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMBIENT_SHOP, tempTree } from './helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;

  it('declares the meshlint hook for YAML files, installed with node', () => {
    const hook = hooks.find((h) => h.id === 'meshlint')!;
    expect(hook).toMatchObject({ entry: 'meshlint --skip-non-manifests', language: 'node', types: ['yaml'] });
    expect(hooks.find((h) => h.id === 'meshlint-repo')).toMatchObject({ entry: 'meshlint .', pass_filenames: false });
    // pre-commit installs the repository with npm: the bin is the committed bundle, and `prepare`
    // builds it only where the build tools are installed (test/package.test.ts).
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

/**
 * The pre-commit executables to try: `pre-commit` on PATH (Debian's 3.x in CI) and any named in
 * MESHLINT_PRE_COMMIT (e.g. a pre-commit 4 from pip in a virtualenv), one per installed version.
 */
function preCommits(): Array<{ exe: string; version: string }> {
  const found = new Map<string, string>();
  for (const exe of ['pre-commit', ...(process.env.MESHLINT_PRE_COMMIT ?? '').split(delimiter).filter(Boolean)]) {
    const r = spawnSync(exe, ['--version'], { encoding: 'utf8' });
    const version = r.status === 0 ? /\d+\.\d+\.\d+/.exec(r.stdout)?.[0] : undefined;
    if (version && !found.has(version)) found.set(version, exe);
  }
  return [...found].map(([version, exe]) => ({ exe, version }));
}

/**
 * This checkout as a git repository of its own, as users' pre-commit clones it: the files git
 * tracks or would add (so dist/, committed or just built, but not node_modules), in one commit.
 */
function repositoryCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-repo-'));
  const ls = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  for (const file of new Set(ls.stdout.split('\0').filter(Boolean))) {
    if (!existsSync(join(ROOT, file))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
  }
  commitAll(dir);
  return dir;
}

function commitAll(dir: string): void {
  for (const args of [['init', '-q', '.'], ['add', '-A'], ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'snapshot']]) {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  }
}

// As a user's repository runs the hook: pre-commit clones this repository (a copy, committed), installs
// it with npm (registry access needed; 4.6.1+ runs `npm install -g git+file://…`, which gets no
// devDependencies) on the first run, and reuses that install on the next.
const installed = preCommits();
const title = installed.length > 0 ? 'pre-commit' : 'pre-commit (skipped: no pre-commit on PATH or in MESHLINT_PRE_COMMIT; apt-get install pre-commit gives 3.x, pip install pre-commit 4.x)';
describe.skipIf(installed.length === 0)(title, () => {
  let repo = '';
  let rev = '';
  beforeAll(() => {
    repo = repositoryCopy();
    rev = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  }, 120000);
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it.each(installed)('installs the hook with pre-commit $version and runs it', ({ exe, version }) => {
    const dir = tempTree({ ...AMBIENT_SHOP, '.pre-commit-config.yaml': `repos:\n- repo: ${repo}\n  rev: ${rev}\n  hooks:\n  - id: meshlint\n` });
    commitAll(dir);
    const env = { ...process.env, PRE_COMMIT_HOME: join(dir, '.pre-commit-home') };
    const run = () => {
      const started = Date.now();
      const r = spawnSync(exe, ['run', '--all-files'], { cwd: dir, encoding: 'utf8', env });
      return { ...r, seconds: (Date.now() - started) / 1000 };
    };
    const failing = run();
    expect(failing.status, failing.stdout + failing.stderr).toBe(1);
    expect(failing.stdout).toMatch(/meshlint\.+Failed/);
    expect(failing.stdout).toContain('18:9-18:16');
    writeFileSync(join(dir, 'policy.yaml'), AMBIENT_SHOP['policy.yaml']!.replace('methods: ["GET"]', 'ports: ["8080"]'));
    const passing = run();
    expect(passing.stdout, passing.stderr).toMatch(/meshlint\.+Passed/);
    expect(passing.status).toBe(0);
    console.log(`pre-commit ${version}: first run (clone and npm install) ${failing.seconds.toFixed(1)} s, next run ${passing.seconds.toFixed(1)} s`);
  }, 600000);
});
