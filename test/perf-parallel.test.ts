import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { generateMesh } from '../scripts/gen-mesh.mjs';
import { workerCount } from '../src/engine/workers.js';
import { assertBuilt, CLI } from './helpers/cli.js';

// Large runs read files and check resources in worker threads (src/engine/workers.ts). That must
// not change a byte of the output: these tests run the built CLI on one mesh with and without
// workers and compare. Not a timed test; `npm run bench` measures.

let dir: string;
let preload: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'meshlint-parallel-'));
  const mesh = join(dir, 'mesh');
  generateMesh(40, mesh, { seed: 9 });
  // Files of every kind of trouble, so that every kind of diagnostic crosses the threads.
  writeFileSync(join(mesh, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n');
  writeFileSync(join(mesh, 'dup.yaml'), 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n  name: b\n');
  writeFileSync(join(mesh, 'anchors.yaml'), 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: &m\n  name: anchored\n  namespace: team-00001\nspec:\n  action: NOPE\n');
  writeFileSync(join(mesh, 'binary.yaml'), Buffer.from([0, 1, 2, 3, 0]));
  writeFileSync(join(mesh, 'empty.yaml'), '');
  writeFileSync(join(mesh, 'list.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'l', namespace: 'team-00002' } }, 5] }, null, 2));
  // Counts the worker threads a run starts, without changing the product: the test wraps the constructor.
  preload = join(dir, 'count-workers.cjs');
  writeFileSync(
    preload,
    `const wt = require('worker_threads'); const W = wt.Worker; let n = 0;
wt.Worker = class extends W { constructor(...a) { super(...a); n++; } };
require('module').syncBuiltinESMExports();
if (wt.isMainThread) process.on('exit', () => process.stderr.write('workers=' + n + '\\n'));
`,
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(jobs: string, format: string): { stdout: string; code: number | null; workers: number } {
  const r = spawnSync(process.execPath, ['--require', preload, CLI, join(dir, 'mesh'), '--format', format], {
    cwd: dir,
    env: { ...process.env, MESHLINT_JOBS: jobs, NO_COLOR: '1', FORCE_COLOR: undefined },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  const workers = Number(/workers=(\d+)/.exec(r.stderr)?.[1] ?? -1);
  return { stdout: r.stdout, code: r.status, workers };
}

describe('parallel and serial runs', () => {
  it('give byte-identical JSON', () => {
    const serial = run('1', 'json');
    const parallel = run('3', 'json');
    expect(serial.workers).toBe(0);
    expect(parallel.workers).toBe(2);
    expect(serial.code).toBe(1);
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stdout).toBe(serial.stdout);
    // The run found what the mesh holds: rule findings and every loader diagnostic above.
    const ids = new Set((JSON.parse(serial.stdout) as Array<{ messages: Array<{ ruleId: string }> }>).flatMap((f) => f.messages.map((m) => m.ruleId)));
    for (const id of ['yaml-syntax', 'schema', 'unreadable-file', 'ztunnel-l7-policy']) expect(ids, id).toContain(id);
  }, 120_000);

  it('give byte-identical text reports, with one worker too', () => {
    const serial = run('0', 'stylish');
    const parallel = run('2', 'stylish');
    expect(parallel.workers).toBe(1);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(serial.stdout.length).toBeGreaterThan(1000);
  }, 120_000);
});

describe('workerCount', () => {
  it('uses no workers for small runs or on 2 cores, and MESHLINT_JOBS counts threads', () => {
    expect(workerCount(10, {}, 8)).toBe(0);
    expect(workerCount(100_000, {}, 2)).toBe(0);
    expect(workerCount(100_000, {}, 4)).toBe(2);
    expect(workerCount(100_000, {}, 64)).toBe(4);
    expect(workerCount(100_000, { MESHLINT_JOBS: '1' })).toBe(0);
    expect(workerCount(100_000, { MESHLINT_JOBS: '0' })).toBe(0);
    expect(workerCount(3, { MESHLINT_JOBS: '4' })).toBe(3);
    expect(workerCount(100_000, { MESHLINT_JOBS: 'many' })).toBe(0);
  });
});
