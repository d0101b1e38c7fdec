import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAccess } from '../src/authz/access.js';
import { startRun } from '../src/engine/lint.js';
import { accessMatrix, lookup, requestOf, type Verdict } from '../src/graph/access.js';
import type { AccessGraph } from '../src/graph/graph.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SCENARIOS = readdirSync(join(ROOT, 'fixtures', 'scenarios')).map((d) => join('fixtures', 'scenarios', d));
const TREES = ['examples', ...SCENARIOS];

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function modelOf(dir: string) {
  return (await startRun({ cwd: ROOT, patterns: [dir] })).model;
}

/** The decision checkAccess gives the request without L7 attributes, as the verdict says it. */
function l4(v: Verdict): 'ALLOW' | 'DENY' {
  if (v.decision === 'allow' || v.decision === 'not-enforced') return 'ALLOW';
  if (v.decision === 'deny') return 'DENY';
  // Allowed for some: an ALLOW rule that needs L7 attributes (so L4 is denied), or a DENY rule on some paths.
  return v.conditions.some((c) => c.effect === 'allow') ? 'DENY' : 'ALLOW';
}

describe('graph = checkAccess, for every caller and target', () => {
  for (const tree of TREES) {
    it(`${tree}: the class of each caller decides as the caller itself`, async () => {
      const model = await modelOf(tree);
      const m = accessMatrix(model, ROOT);
      expect(m.targets.length).toBeGreaterThan(0);
      let pairs = 0;
      for (const r of m.targets) {
        m.callers.forEach((c, i) => {
          const v = lookup(r, i, c);
          expect(v, `${c.id} → ${r.target.id}:${r.target.port} has no verdict`).toBeDefined();
          const d = checkAccess(model, requestOf(c, r.target));
          const what = `${c.id} → ${r.target.id}:${r.target.port}`;
          expect(l4(v!), what).toBe(d.decision);
          expect(v!.enforcement, what).toEqual(d.enforcement);
          expect(v!.decidedBy?.name, what).toBe(d.decidedBy?.name);
          pairs++;
        });
      }
      expect(pairs).toBeGreaterThan(2);
    });
  }

  it('an L7 condition is a request checkAccess decides so', async () => {
    const model = await modelOf('examples');
    const m = accessMatrix(model, ROOT, { expand: true });
    let seen = 0;
    for (const r of m.targets) {
      for (const [i, v] of r.explicit) {
        for (const c of v.conditions) {
          const d = checkAccess(model, requestOf(m.callers[i]!, r.target, { method: c.methods?.[0] ?? 'GET', path: c.paths?.[0]?.replace(/\*$/, 'x') ?? '/' }));
          expect(d.decision).toBe(c.effect === 'allow' ? 'ALLOW' : 'DENY');
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('examples/: every edge of the json graph is what `meshlint check-access` answers', () => {
    const r = cli('graph', 'examples', '--format', 'json', '--expand');
    expect(r.code, r.err).toBe(0);
    const g = JSON.parse(r.out) as AccessGraph;
    expect(g.edges.length).toBeGreaterThan(10);
    expect(g.edges.some((e) => e.from === '*')).toBe(false);
    for (const e of g.edges) {
      const a = cli('check-access', 'examples', '--from', e.from, '--to', e.to, '--port', String(e.port), '--format', 'json');
      expect([0, 1], a.err).toContain(a.code);
      const d = JSON.parse(a.out);
      const want = e.decision === 'allow-some' ? (e.conditions!.some((c) => c.effect === 'allow') ? 'DENY' : 'ALLOW') : e.decision === 'deny' ? 'DENY' : 'ALLOW';
      expect(d.decision, `${e.from} → ${e.to}:${e.port}`).toBe(want);
      expect(d.enforcement).toEqual(e.enforcement);
      expect(d.decidedBy?.name).toBe(e.decidedBy?.name);
      expect(d.assumptions).toEqual(e.assumptions);
    }
  }, 120_000);
});

describe('meshlint graph (built CLI)', () => {
  it('json: the documented contract, byte-identical across runs', () => {
    const a = cli('graph', 'examples', '--format', 'json');
    const b = cli('graph', 'examples', '--format', 'json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const g = JSON.parse(a.out) as AccessGraph;
    expect(g).toMatchObject({ version: 1, groupBy: 'workload', collapsed: true });
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) {
      expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
      expect(['allow', 'allow-some', 'deny', 'not-enforced']).toContain(e.decision);
      expect(Array.isArray(e.assumptions)).toBe(true);
      if (e.decidedBy) expect(e.decidedBy.file).toMatch(/^examples\/.+\.yaml$/);
      expect(e).not.toHaveProperty('policyDecision');
    }
    // The frontend may GET orders through the waypoint: allowed for some requests, with the rule.
    const orders = g.edges.find((e) => e.from === 'shop/deployment/frontend' && e.to === 'shop/service/orders')!;
    expect(orders.decision).toBe('allow-some');
    expect(orders.conditions).toEqual([expect.objectContaining({ effect: 'allow', policy: 'shop/orders-read-only', rule: 0, methods: ['GET'] })]);
    // External clients bypass the waypoint: ztunnel has no policy for orders.
    const external = g.edges.find((e) => e.from === 'external' && e.to === 'shop/service/orders')!;
    expect(external).toMatchObject({ decision: 'allow', enforcement: ['ztunnel'] });
    // `*` stands for the callers without an edge of their own, by data plane.
    expect(g.edges.filter((e) => e.from === '*').every((e) => e.fromDataPlanes && e.callerCount! > 0)).toBe(true);
  });

  it('carries the assumed data planes of undeclared namespaces', () => {
    const r = cli('graph', 'test/data/partial-input/payments', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const g = JSON.parse(r.out) as AccessGraph;
    expect(g.assumptions.length).toBeGreaterThan(0);
    expect(g.nodes.some((n) => n.assumption)).toBe(true);
    expect(g.edges.some((e) => e.assumptions.length > 0)).toBe(true);
  });

  it('--group-by namespace merges the callers of a namespace that decide alike', () => {
    const g = JSON.parse(cli('graph', 'examples', '--format', 'json', '--group-by', 'namespace', '--expand').out) as AccessGraph;
    const shop = g.nodes.find((n) => n.id === 'namespace:shop')!;
    expect(shop.members).toEqual(['shop/deployment/cart', 'shop/deployment/frontend', 'shop/deployment/orders']);
    const toCart = g.edges.filter((e) => e.from === 'namespace:shop' && e.to === 'shop/service/cart');
    expect(toCart).toHaveLength(1);
    expect(toCart[0]!.callers).toEqual(shop.members);
    const id = JSON.parse(cli('graph', 'examples', '--format', 'json', '--group-by', 'identity').out) as AccessGraph;
    expect(id.nodes.some((n) => n.id === 'identity:cluster.local/ns/shop/sa/frontend')).toBe(true);
  });

  it('--namespace, --from and --to filter the edges', () => {
    const ns = JSON.parse(cli('graph', 'examples', '--format', 'json', '--namespace', 'payments').out) as AccessGraph;
    expect(ns.edges.length).toBeGreaterThan(0);
    for (const e of ns.edges) expect(e.to.startsWith('payments/') || e.from.startsWith('payments/')).toBe(true);
    const from = JSON.parse(cli('graph', 'examples', '--format', 'json', '--from', 'shop/deployment/frontend').out) as AccessGraph;
    expect(new Set(from.edges.map((e) => e.from))).toEqual(new Set(['shop/deployment/frontend']));
    const ext = JSON.parse(cli('graph', 'examples', '--format', 'json', '--from', 'external', '--from', 'shop').out) as AccessGraph;
    expect(new Set(ext.edges.map((e) => e.from))).toEqual(new Set(['external', 'shop/deployment/cart', 'shop/deployment/frontend', 'shop/deployment/orders']));
    expect(from.edges.some((e) => e.from === '*')).toBe(false);
    const to = JSON.parse(cli('graph', 'examples', '--format', 'json', '--to', 'shop/service/*').out) as AccessGraph;
    expect(new Set(to.edges.map((e) => e.to))).toEqual(new Set(['shop/service/cart', 'shop/service/orders']));
    expect(cli('graph', 'examples', '--from', 'nowhere/deployment/x').code).toBe(2);
  });

  it('mermaid and dot draw namespaces as groups and colour edges by decision', () => {
    const m = cli('graph', 'examples', '--format', 'mermaid');
    expect(m.code).toBe(0);
    expect(m.out).toMatch(/^flowchart LR\n/);
    expect(m.out).toContain('subgraph ns');
    expect(m.out).toMatch(/-->\|"80 allow-some: GET"\|/);
    expect(m.out).toContain('stroke:#cf222e');
    const d = cli('graph', 'examples', '--format', 'dot');
    expect(d.out).toMatch(/^digraph access \{/);
    expect(d.out).toContain('subgraph cluster_');
    expect(d.out).toMatch(/"shop\/deployment\/frontend" -> "shop\/service\/orders" \[label="80 allow-some: GET", color="#bf8700"/);
  });

  it('html is one file with the layout library inlined and no network reference', () => {
    const r = cli('graph', 'examples', '--format', 'html');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/);
    expect(r.out).toContain('g.ELK = f()');
    expect(r.out).not.toMatch(/<(script|img|iframe)[^>]+src=|<link[^>]+href=/i);
    // The page may not reach the network even if something in it tried (the browser test counts requests).
    expect(r.out).toContain(`content="default-src 'none';`);
  });

  it('exits 2 on input that does not load, unless --ignore-load-errors; 2 on a bad format', () => {
    const r = cli('graph', 'test/data/partial-input/broken', '--format', 'json');
    if (r.code !== 2) throw new Error(`expected exit 2 on broken input: ${r.err}`);
    expect(r.err).toContain('no graph');
    expect(cli('graph', 'test/data/partial-input/broken', '--ignore-load-errors').code).toBe(0);
    expect(cli('graph', 'examples', '--format', 'svg').code).toBe(2);
  });
});
