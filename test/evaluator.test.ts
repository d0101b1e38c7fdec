import { describe, expect, it } from 'vitest';
import { checkAccess, type AccessRequest, type Peer } from '../src/authz/access.js';
import type { Model } from '../src/mesh/model.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';

/**
 * Decision table for the evaluator. Each case cites the Istio behaviour it encodes:
 *  [order]   istio/api security/v1beta1/authorization_policy.proto: CUSTOM, DENY, then ALLOW;
 *            no ALLOW policy → allow; AUDIT never decides.
 *  [rules]   same proto: no `rules` matches nothing; `rules: [{}]` matches everything.
 *  [match]   pilot/pkg/security/authz/model/generator.go and matcher/: exact, prefix*, *suffix, *,
 *            path templates {*} and {**}; hosts case-insensitive.
 *  [tcp]     pilot/pkg/security/authz/model/model.go checkError: on a non-HTTP port an ALLOW rule
 *            with HTTP attributes is skipped, a DENY rule's HTTP attributes are ignored.
 *  [ztunnel] pilot/pkg/serviceregistry/ambient/authorization.go handleRule/hasEffectiveRules.
 *  [peer]    mTLS: plaintext requests have no principal or namespace; STRICT refuses them.
 */

const SIDECAR = ns('shop', { 'istio-injection': 'enabled' }) + ns('front', { 'istio-injection': 'enabled' });
const AMBIENT = ns('shop', { 'istio.io/dataplane-mode': 'ambient' }) + ns('front', { 'istio.io/dataplane-mode': 'ambient' });
const APPS = deployment('cart', 'shop') + deployment('web', 'front') + deployment('admin', 'shop');

function workloadPeer(model: Model, ns: string, name: string): Peer {
  const w = model.workloadsIn(ns).find((x) => x.name === name);
  if (!w) throw new Error(`no ${ns}/${name}`);
  return { kind: 'workload', workload: w };
}

async function decide(yaml: string, req: Partial<AccessRequest> & { fromWorkload?: [string, string]; fromPrincipal?: string }, mesh = {}) {
  const model = await modelOf(yaml, mesh);
  const from: Peer = req.fromPrincipal
    ? { kind: 'principal', principal: req.fromPrincipal }
    : req.fromWorkload
      ? workloadPeer(model, ...req.fromWorkload)
      : { kind: 'external' };
  const service = model.service('shop', 'cart')!;
  return checkAccess(model, { to: { service }, port: 80, ...req, from });
}

const WEB: [string, string] = ['front', 'web'];

describe('evaluator: sidecar (Envoy)', () => {
  it('[order] with no policy everything is allowed', async () => {
    expect((await decide(SIDECAR + APPS, { fromWorkload: WEB })).decision).toBe('ALLOW');
  });
  it('[rules] ALLOW with no rules (spec: {}) denies everything', async () => {
    const d = await decide(SIDECAR + APPS + policy('deny-all', 'shop', '{}'), { fromWorkload: WEB });
    expect(d.decision).toBe('DENY');
    expect(d.decidedBy?.name).toBe('deny-all');
  });
  it('[rules] ALLOW with an empty rule allows everything', async () => {
    expect((await decide(SIDECAR + APPS + policy('allow-all', 'shop', 'rules:\n- {}'), { fromWorkload: WEB })).decision).toBe('ALLOW');
  });
  it('[order] DENY wins over a matching ALLOW', async () => {
    const yaml = SIDECAR + APPS + policy('allow-all', 'shop', 'rules:\n- {}') + policy('deny-web', 'shop', 'action: DENY\nrules:\n- from:\n  - source:\n      namespaces: ["front"]');
    const d = await decide(yaml, { fromWorkload: WEB });
    expect(d.decision).toBe('DENY');
    expect(d.decidedBy).toMatchObject({ name: 'deny-web', rule: 0 });
  });
  it('[order] AUDIT never decides', async () => {
    const yaml = SIDECAR + APPS + policy('audit', 'shop', 'action: AUDIT\nrules:\n- {}');
    expect((await decide(yaml, { fromWorkload: WEB })).decision).toBe('ALLOW');
  });
  it('[match] principals exact, prefix and suffix', async () => {
    for (const [pattern, expected] of [
      ['cluster.local/ns/front/sa/web', 'ALLOW'],
      ['cluster.local/ns/front/*', 'ALLOW'],
      ['*/sa/web', 'ALLOW'],
      ['cluster.local/ns/other/sa/web', 'DENY'],
    ] as const) {
      const yaml = SIDECAR + APPS + policy('p', 'shop', `rules:\n- from:\n  - source:\n      principals: ["${pattern}"]`);
      expect((await decide(yaml, { fromWorkload: WEB })).decision, pattern).toBe(expected);
    }
  });
  it('[peer] namespaces never match a plaintext client; notPrincipals does', async () => {
    const allowNs = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- from:\n  - source:\n      namespaces: ["*"]');
    expect((await decide(allowNs, {})).decision).toBe('DENY');
    const denyPlain = SIDECAR + APPS + policy('p', 'shop', 'action: DENY\nrules:\n- from:\n  - source:\n      notPrincipals: ["*"]');
    expect((await decide(denyPlain, {})).decision).toBe('DENY');
    expect((await decide(denyPlain, { fromWorkload: WEB })).decision).toBe('ALLOW');
  });
  it('[match] paths: exact, prefix, suffix and templates', async () => {
    const cases: Array<[string, string, 'ALLOW' | 'DENY']> = [
      ['/api/items', '/api/items', 'ALLOW'],
      ['/api/*', '/api/items/3', 'ALLOW'],
      ['*.png', '/img/a.png', 'ALLOW'],
      ['/api/{*}/details', '/api/7/details', 'ALLOW'],
      ['/api/{*}/details', '/api/7/8/details', 'DENY'],
      ['/static/{**}', '/static/a/b/c.css', 'ALLOW'],
      ['/api/items', '/api/items/3', 'DENY'],
    ];
    for (const [pattern, path, expected] of cases) {
      const yaml = SIDECAR + APPS + policy('p', 'shop', `rules:\n- to:\n  - operation:\n      paths: ["${pattern}"]`);
      expect((await decide(yaml, { fromWorkload: WEB, method: 'GET', path })).decision, `${pattern} vs ${path}`).toBe(expected);
    }
  });
  it('[match] hosts are case-insensitive; methods exact', async () => {
    const yaml = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- to:\n  - operation:\n      hosts: ["Cart.Example.com"]\n      methods: ["GET"]');
    expect((await decide(yaml, { fromWorkload: WEB, method: 'GET', host: 'cart.example.com' })).decision).toBe('ALLOW');
    expect((await decide(yaml, { fromWorkload: WEB, method: 'POST', host: 'cart.example.com' })).decision).toBe('DENY');
  });
  it('[match] notMethods, notPaths and when request.headers', async () => {
    const yaml = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- to:\n  - operation:\n      notMethods: ["DELETE"]\n      notPaths: ["/admin/*"]\n  when:\n  - key: request.headers[X-Tenant]\n    values: ["blue"]');
    expect((await decide(yaml, { fromWorkload: WEB, method: 'GET', path: '/a', headers: { 'x-tenant': 'blue' } })).decision).toBe('ALLOW');
    expect((await decide(yaml, { fromWorkload: WEB, method: 'DELETE', path: '/a', headers: { 'x-tenant': 'blue' } })).decision).toBe('DENY');
    expect((await decide(yaml, { fromWorkload: WEB, method: 'GET', path: '/admin/x', headers: { 'x-tenant': 'blue' } })).decision).toBe('DENY');
    expect((await decide(yaml, { fromWorkload: WEB, method: 'GET', path: '/a' })).decision).toBe('DENY');
  });
  it('[tcp] on a TCP port an ALLOW rule with HTTP attributes is skipped', async () => {
    const yaml = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- to:\n  - operation:\n      methods: ["GET"]');
    const d = await decide(yaml, { fromWorkload: WEB, port: 9000 });
    expect(d.decision).toBe('DENY');
    expect(d.trace.some((t) => t.outcome === 'skipped')).toBe(true);
  });
  it('[tcp] on a TCP port a DENY rule ignores its HTTP attributes and denies more', async () => {
    const yaml = SIDECAR + APPS + policy('p', 'shop', 'action: DENY\nrules:\n- to:\n  - operation:\n      methods: ["DELETE"]');
    expect((await decide(yaml, { fromWorkload: WEB, port: 9000 })).decision).toBe('DENY');
    expect((await decide(yaml, { fromWorkload: WEB, port: 80, method: 'GET' })).decision).toBe('ALLOW');
  });
  it('[order] root-namespace policies apply to every namespace', async () => {
    const yaml = SIDECAR + APPS + policy('mesh-deny', 'istio-system', 'action: DENY\nrules:\n- from:\n  - source:\n      namespaces: ["front"]');
    const d = await decide(yaml, { fromWorkload: WEB });
    expect(d.decidedBy).toMatchObject({ namespace: 'istio-system', name: 'mesh-deny' });
  });
  it('[peer] STRICT mTLS refuses a plaintext client before any policy', async () => {
    const pa = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: strict\n  namespace: shop\nspec:\n  mtls:\n    mode: STRICT\n---\n';
    const d = await decide(SIDECAR + APPS + pa, {});
    expect(d.decision).toBe('DENY');
    expect(d.decidedBy).toMatchObject({ kind: 'PeerAuthentication', name: 'strict' });
  });
  it('[peer] with enableAutoMtls false and no ISTIO_MUTUAL DestinationRule the client is plaintext', async () => {
    const yaml = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- from:\n  - source:\n      namespaces: ["front"]');
    expect((await decide(yaml, { fromWorkload: WEB }, { enableAutoMtls: false })).decision).toBe('DENY');
    expect((await decide(yaml, { fromWorkload: WEB }, { enableAutoMtls: true })).decision).toBe('ALLOW');
  });
  it('a workload outside the mesh enforces nothing', async () => {
    const d = await decide(ns('shop') + APPS + policy('deny-all', 'shop', '{}'), { fromWorkload: WEB });
    expect(d.decision).toBe('ALLOW');
    expect(d.enforcement).toEqual(['none']);
  });
});

describe('evaluator: ambient (ztunnel, waypoint)', () => {
  it('[ztunnel] an ALLOW rule with methods is dropped, so the policy denies', async () => {
    const yaml = AMBIENT + APPS + policy('p', 'shop', 'rules:\n- to:\n  - operation:\n      methods: ["GET"]');
    const d = await decide(yaml, { fromWorkload: WEB, method: 'GET' });
    expect(d.decision).toBe('DENY');
    expect(d.enforcement).toEqual(['ztunnel']);
  });
  it('[ztunnel] a DENY rule of only HTTP attributes never matches', async () => {
    const yaml = AMBIENT + APPS + policy('p', 'shop', 'action: DENY\nrules:\n- to:\n  - operation:\n      methods: ["GET"]');
    expect((await decide(yaml, { fromWorkload: WEB, method: 'GET' })).decision).toBe('ALLOW');
  });
  it('[ztunnel] a DENY rule with ports and methods denies the whole port', async () => {
    const yaml = AMBIENT + APPS + policy('p', 'shop', 'action: DENY\nrules:\n- to:\n  - operation:\n      ports: ["8080"]\n      methods: ["DELETE"]');
    expect((await decide(yaml, { fromWorkload: WEB, method: 'GET' })).decision).toBe('DENY');
  });
  it('[ztunnel] a DENY with namespaces in from and methods in to never matches', async () => {
    const yaml = AMBIENT + APPS + policy('p', 'shop', 'action: DENY\nrules:\n- from:\n  - source:\n      namespaces: ["front"]\n  to:\n  - operation:\n      methods: ["POST"]');
    expect((await decide(yaml, { fromWorkload: WEB, method: 'POST' })).decision).toBe('ALLOW');
  });
  it('a waypoint enforces L7 and ztunnel then sees the waypoint identity', async () => {
    const waypoint =
      'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: shop\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n---\n';
    const base = ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' }) + ns('front', { 'istio.io/dataplane-mode': 'ambient' }) + APPS + waypoint;
    const l7 = policy('get-only', 'shop', 'targetRefs:\n- kind: Service\n  group: ""\n  name: cart\nrules:\n- to:\n  - operation:\n      methods: ["GET"]');
    const onlyWaypoint = policy('from-waypoint', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/shop/sa/waypoint"]');
    const get = await decide(base + l7 + onlyWaypoint, { fromWorkload: WEB, method: 'GET' });
    expect(get.decision).toBe('ALLOW');
    expect(get.enforcement).toEqual(['waypoint shop/waypoint', 'ztunnel']);
    const post = await decide(base + l7 + onlyWaypoint, { fromWorkload: WEB, method: 'POST' });
    expect(post.decision).toBe('DENY');
    expect(post.decidedBy?.name).toBe('get-only');
    // Straight to the pod, not through the Service: no waypoint, and ztunnel admits only the waypoint.
    const model = await modelOf(base + l7 + onlyWaypoint);
    const direct = checkAccess(model, { from: workloadPeer(model, 'front', 'web'), to: { workload: model.workloadsIn('shop').find((w) => w.name === 'cart')! }, port: 8080 });
    expect(direct.decision).toBe('DENY');
    expect(direct.decidedBy?.name).toBe('from-waypoint');
  });
});
