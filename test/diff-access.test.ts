import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accessMatrix } from '../src/graph/access.js';
import { diffSides, sideOf, type AccessDiff } from '../src/graph/diff.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const DATA = join('test', 'data', 'diff-access');

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'diff-access', ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** base → head: payments admits POST /refund from the frontend; hello admits the ingress gateway instead of the activator. */
const EXPECTED = [
  { change: 'closes', from: 'knative-serving/deployment/activator', to: 'hello/ksvc/hello', port: 8012 },
  { change: 'opens', from: 'shop/deployment/frontend', to: 'payments/service/payments', port: 8080 },
];

describe('meshlint diff-access (built CLI)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'meshlint-diff-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists exactly the edges whose decision changes, as json', () => {
    const r = cli(ROOT, join(DATA, 'base'), join(DATA, 'head'), '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const d = JSON.parse(r.out) as AccessDiff;
    expect(d.edges.map(({ change, from, to, port }) => ({ change, from, to, port }))).toEqual(EXPECTED);
    expect(d).toMatchObject({ version: 1, opens: 1, closes: 1, changes: 0 });
    const opened = d.edges[1]!;
    expect(opened.before).toMatchObject({ decision: 'deny' });
    expect(opened.after).toMatchObject({ decision: 'allow-some', conditions: [{ effect: 'allow', policy: 'payments/refund', rule: 0, methods: ['POST'], paths: ['/refund'], file: 'mesh.yaml' }] });
  });

  it('text names the opened path and the policy that opens it', () => {
    const r = cli(ROOT, join(DATA, 'base'), join(DATA, 'head'));
    expect(r.out.split('\n')).toEqual([
      'closes knative-serving/deployment/activator → hello/ksvc/hello:8012: now denied via AuthorizationPolicy hello/from-activator (mesh.yaml:123)',
      'opens shop/deployment/frontend → payments/service/payments:8080 (POST /refund) via AuthorizationPolicy payments/refund rule 0 (mesh.yaml:134); was denied',
      '',
      '1 opened, 1 closed, 0 changed',
      '',
    ]);
  });

  it('markdown is a table for a pull request comment; --fail-on opens exits 1', () => {
    const r = cli(ROOT, join(DATA, 'base'), join(DATA, 'head'), '--format', 'markdown', '--fail-on', 'opens');
    expect(r.code).toBe(1);
    expect(r.out).toContain('## Access changes');
    expect(r.out).toContain('| 🟢 opens | `shop/deployment/frontend` | `payments/service/payments:8080` | denied | allowed for some requests (POST /refund) |');
    expect(cli(ROOT, join(DATA, 'base'), join(DATA, 'head')).code).toBe(0);
    // The other way round, what opened closes and what closed opens.
    const back = JSON.parse(cli(ROOT, join(DATA, 'head'), join(DATA, 'base'), '--format', 'json').out) as AccessDiff;
    expect(back.edges.map((e) => `${e.change} ${e.from}`)).toEqual(['opens knative-serving/deployment/activator', 'closes shop/deployment/frontend']);
  });

  it('a tree against itself changes nothing', () => {
    const r = cli(ROOT, 'examples', 'examples', '--fail-on', 'any');
    expect(r.code).toBe(0);
    expect(r.out).toBe('no access changes\n');
  });

  it('--base <git-ref> compares the working tree with a commit', () => {
    const repo = join(tmp, 'repo');
    cpSync(join(ROOT, DATA, 'base'), join(repo, 'mesh'), { recursive: true });
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    };
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    cpSync(join(ROOT, DATA, 'head'), join(repo, 'mesh'), { recursive: true });
    const r = cli(repo, '--base', 'HEAD', 'mesh', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const d = JSON.parse(r.out) as AccessDiff;
    expect(d.edges.map(({ change, from, to, port }) => ({ change, from, to, port }))).toEqual(EXPECTED);
    expect(d.edges[1]!.after!.conditions![0]!.file).toBe('mesh/mesh.yaml');
    expect(cli(repo, '--base', 'no-such-ref', 'mesh').code).toBe(2);
  });

  it('usage errors exit 2', () => {
    expect(cli(ROOT, join(DATA, 'base')).code).toBe(2);
    expect(cli(ROOT, join(DATA, 'base'), join(DATA, 'head'), '--fail-on', 'everything').code).toBe(2);
    expect(cli(ROOT, join(DATA, 'base'), join(DATA, 'nope')).code).toBe(2);
    expect(cli(ROOT, 'test/data/partial-input/broken', join(DATA, 'head')).code).toBe(2);
  });
});

describe('diffSides', () => {
  const SIDECAR = { 'istio-injection': 'enabled' };
  const mesh = (extra: string) =>
    ns('a', SIDECAR) + ns('b', SIDECAR) + ns('pay', SIDECAR) + deployment('one', 'a') + deployment('two', 'b') + deployment('payments', 'pay') + extra;
  const diff = async (base: string, head: string) => diffSides(sideOf(accessMatrix(await modelOf(base), '')), sideOf(accessMatrix(await modelOf(head), '')));

  it('a change for every caller alike is one `*` change, not one per caller', async () => {
    const d = await diff(mesh(''), mesh(policy('allow-nothing', 'pay', '{}')));
    const rows = d.edges.map((e) => `${e.change} ${e.from}${e.fromDataPlanes ? `(${e.fromDataPlanes.join(',')})` : ''} → ${e.to}:${e.port} ${e.after?.decision}`);
    expect(rows).toEqual([
      'closes *(sidecar) → pay/service/payments:80 deny',
      'closes external → pay/service/payments:80 deny',
      'closes *(sidecar) → pay/service/payments:9000 deny',
      'closes external → pay/service/payments:9000 deny',
    ]);
    expect(d).toMatchObject({ opens: 0, closes: 4, changes: 0 });
  });

  it('a policy that names one caller opens that edge alone', async () => {
    const allowOne = policy('allow-one', 'pay', 'rules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/a/sa/one"]\n');
    const d = await diff(mesh(policy('allow-nothing', 'pay', '{}')), mesh(policy('allow-nothing', 'pay', '{}') + allowOne));
    expect(d.edges.map((e) => `${e.change} ${e.from} → ${e.to}:${e.port}`)).toEqual(['opens a/deployment/one → pay/service/payments:80', 'opens a/deployment/one → pay/service/payments:9000']);
    expect(d.edges[0]!.after!.decidedBy).toMatchObject({ name: 'allow-one', rule: 0 });
  });

  it('a workload only in the head that a policy names opens its edges; the same tree changes nothing', async () => {
    const allowThree = policy('allow-three', 'pay', 'rules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/a/sa/three"]\n');
    const base = mesh(policy('allow-nothing', 'pay', '{}') + allowThree);
    const d = await diff(base, base + deployment('three', 'a'));
    // Its Service is new too: open to every caller.
    expect(d.edges.map((e) => `${e.change} ${e.from} → ${e.to}:${e.port} ${e.before?.decision ?? 'absent'}`)).toEqual([
      'opens * → a/service/three:80 absent',
      'opens external → a/service/three:80 absent',
      'opens * → a/service/three:9000 absent',
      'opens external → a/service/three:9000 absent',
      'opens a/deployment/three → pay/service/payments:80 absent',
      'opens a/deployment/three → pay/service/payments:9000 absent',
    ]);
    expect((await diff(base, base)).edges).toEqual([]);
  });
});
