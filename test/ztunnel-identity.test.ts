import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAccess } from '../src/authz/access.js';
import { deployment, modelOf, ns } from './helpers/model.js';

function pa(name: string, namespace: string, body: string): string {
  return `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${body.replace(/^/gm, '  ')}\n---\n`;
}

const AMBIENT = ns('foo', { 'istio.io/dataplane-mode': 'ambient' }) + deployment('a', 'foo');
const workloadPa = (mode: string) => pa('workload', 'foo', `selector:\n  matchLabels:\n    app: a\nmtls:\n  mode: ${mode}\nportLevelMtls:\n  9090:\n    mode: STRICT`);
const ROOT_STRICT = pa('default', 'istio-system', 'mtls:\n  mode: STRICT');

describe('ztunnel mTLS as istiod sends it (pilot/pkg/serviceregistry/ambient/authorization.go, convertPeerAuthentication)', () => {
  // Translated from istio pilot/pkg/serviceregistry/ambient/testdata/peer-authn-permissive-port-mtls-strict
  // and peer-authn-disable-port-mtls-strict (run by ambientindex_test.go): a DENY of callers without
  // a principal on port 9090 only.
  for (const mode of ['PERMISSIVE', 'DISABLE']) {
    it(`workload ${mode} with port 9090 STRICT and no mesh policy: plaintext refused on 9090 only`, async () => {
      const m = await modelOf(AMBIENT + workloadPa(mode));
      const a = m.workloadsIn('foo')[0]!;
      expect(m.ztunnelMtls(a, 9090)).toMatchObject({ mode: 'STRICT', portLevel: true });
      expect(checkAccess(m, { from: { kind: 'external' }, to: { workload: a }, port: 9090 }).decision).toBe('DENY');
      expect(checkAccess(m, { from: { kind: 'external' }, to: { workload: a }, port: 8080 }).decision).toBe('ALLOW');
    });
  }
  it('under a mesh-wide STRICT (no namespace policy) the port-level STRICT is lost: meshlint follows the code', async () => {
    for (const mode of ['PERMISSIVE', 'DISABLE']) {
      for (const nsPolicy of ['', pa('ns-unset', 'foo', 'mtls: {}')]) {
        const m = await modelOf(AMBIENT + ROOT_STRICT + nsPolicy + workloadPa(mode));
        const a = m.workloadsIn('foo')[0]!;
        // The documented intent (what a sidecar does): STRICT on 9090.
        expect(m.effectiveMtls(a, 9090).mode).toBe('STRICT');
        const zt = m.ztunnelMtls(a, 9090);
        expect(zt.mode).toBe('PERMISSIVE');
        expect(zt.istiodSlip?.mesh.name).toBe('default');
        const d = checkAccess(m, { from: { kind: 'external' }, to: { workload: a }, port: 9090 });
        expect(d.decision).toBe('ALLOW');
        const note = d.trace.find((t) => t.outcome === 'plaintext-admitted')!.note!;
        expect(note).toContain('PeerAuthentication "foo/workload" (' + mode + ') sets port 9090 STRICT under the mesh-wide STRICT "istio-system/default"');
        expect(note).toContain('meshlint follows the code');
      }
    }
  });
  it('a STRICT namespace policy, a STRICT workload mode or a sidecar pod keep port 9090 STRICT', async () => {
    const nsStrict = await modelOf(AMBIENT + ROOT_STRICT + pa('ns', 'foo', 'mtls:\n  mode: STRICT') + workloadPa('PERMISSIVE'));
    const a = nsStrict.workloadsIn('foo')[0]!;
    expect(nsStrict.ztunnelMtls(a, 9090).istiodSlip).toBeUndefined();
    expect(checkAccess(nsStrict, { from: { kind: 'external' }, to: { workload: a }, port: 9090 }).decision).toBe('DENY');
    const sidecar = await modelOf(ns('foo', { 'istio-injection': 'enabled' }) + deployment('a', 'foo') + ROOT_STRICT + workloadPa('PERMISSIVE'));
    const s = sidecar.workloadsIn('foo')[0]!;
    expect(checkAccess(sidecar, { from: { kind: 'external' }, to: { workload: s }, port: 9090 }).decision).toBe('DENY');
    expect(checkAccess(sidecar, { from: { kind: 'external' }, to: { workload: s }, port: 8080 }).decision).toBe('ALLOW');
  });
});

describe('check-access: ingress gateways and waypoints (pilot/pkg/xds/endpoints/endpoint_builder.go, findServiceWaypoint)', () => {
  const SHOP = ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' });
  const gw = (name: string, cls: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  gatewayClassName: ${cls}\n  listeners:\n  - name: l\n    port: ${cls === 'istio' ? 80 : 15008}\n    protocol: ${cls === 'istio' ? 'HTTP' : 'HBONE'}\n---\n`;
  const base = SHOP + gw('waypoint', 'istio-waypoint') + gw('edge', 'istio') + deployment('cart', 'shop');
  it('a gateway reaches the pods directly unless the Service or namespace opts in with istio.io/ingress-use-waypoint', async () => {
    const from = { kind: 'principal' as const, principal: 'cluster.local/ns/shop/sa/edge-istio' };
    const m = await modelOf(base);
    const direct = checkAccess(m, { from, to: { service: m.service('shop', 'cart')! }, port: 80 });
    expect(direct.enforcement).toEqual(['ztunnel']);
    expect(direct.trace.find((t) => t.outcome === 'bypass')!.note).toContain('is an ingress gateway, which sends straight to the pod (Service shop/cart has no istio.io/ingress-use-waypoint label)');
    for (const labelled of [base.replace('istio.io/use-waypoint: "waypoint"', 'istio.io/use-waypoint: "waypoint"\n    istio.io/ingress-use-waypoint: "True"'), base.replace('  namespace: shop\nspec:\n  selector:\n    app: cart', '  namespace: shop\n  labels:\n    istio.io/ingress-use-waypoint: "true"\nspec:\n  selector:\n    app: cart')]) {
      const m2 = await modelOf(labelled);
      const via = checkAccess(m2, { from, to: { service: m2.service('shop', 'cart')! }, port: 80 });
      expect(via.enforcement).toEqual(['waypoint shop/waypoint', 'ztunnel']);
    }
  });
});

describe('check-access: a principal nobody of the input runs as', () => {
  it('is an ambient client, unless its service account is named like a gateway', async () => {
    const m = await modelOf(ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' }) + deployment('cart', 'shop'));
    const to = { service: m.service('shop', 'cart')! };
    const gw = checkAccess(m, { from: { kind: 'principal', principal: 'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account' }, to, port: 80 });
    expect(gw.trace.find((t) => t.outcome === 'bypass')!.note).toContain('is assumed to be an ingress gateway (by its name), which sends straight to the pod');
    const app = checkAccess(m, { from: { kind: 'principal', principal: 'cluster.local/ns/front/sa/web' }, to, port: 80 });
    expect(app.enforcement).toEqual(['waypoint shop/waypoint', 'ztunnel']);
  });
});

describe('ztunnel identity matches without mTLS (translated from ztunnel src/rbac.rs tests)', () => {
  // rbac_test!(namespaces|not_namespaces|service_accounts|not_service_accounts|principals|not_principals):
  // plaintext_conn has no identity, tls_conn is td/ns/namespace/sa/account, tls_conn_alt another one.
  const plaintext = { port: 8080, http: false };
  const tls = { principal: 'td/ns/namespace/sa/account', port: 8080, http: false };
  const alt = { principal: 'td-alt/ns/ns-alt/sa/sa=alt', port: 9090, http: false };
  const cases: Array<[string, unknown, [boolean, boolean, boolean]]> = [
    ['namespaces', { namespaces: ['namespace'] }, [false, true, false]],
    ['not_namespaces', { notNamespaces: ['namespace'] }, [true, false, true]],
    ['service_accounts', { serviceAccounts: ['namespace/account'] }, [false, true, false]],
    ['not_service_accounts', { notServiceAccounts: ['namespace/account'] }, [true, false, true]],
    ['principals', { principals: ['td/ns/namespace/sa/account'] }, [false, true, false]],
    ['not_principals', { notPrincipals: ['td/ns/namespace/sa/account'] }, [true, false, true]],
  ];
  it.each(cases)('%s', async (_name, source, [p, t, a]) => {
    const { matchRule } = await import('../src/authz/rules.js');
    const rule = { from: [{ source }] };
    const ctx = { action: 'ALLOW' as const, enforcer: 'ztunnel' as const, policyNamespace: 'namespace' };
    expect([plaintext, tls, alt].map((r) => matchRule(rule, r, ctx) === 'match')).toEqual([p, t, a]);
  });
});

describe('source-identity-without-mtls: DENY by identity where plaintext is accepted, as check-access sees it', () => {
  const dir = (c: string) => join(import.meta.dirname, '..', 'fixtures', 'source-identity-without-mtls', c);
  const load = async (c: string) => modelOf(readdirSync(dir(c)).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(dir(c), f), 'utf8')).join('\n---\n'));
  it.each([
    ['deny-permissive-by-default', 8080, 'ALLOW'],
    ['ok-deny-under-strict', 8080, 'DENY'],
    ['deny-ambient-port-strict-lost', 8080, 'ALLOW'],
    ['ok-deny-ambient-port-strict-namespace-strict', 8080, 'DENY'],
  ] as const)('%s: a client outside the mesh on port %i is %s', async (c, port, decision) => {
    const m = await load(c);
    const cart = m.workloadsIn('shop')[0]!;
    expect(checkAccess(m, { from: { kind: 'external' }, to: { workload: cart }, port }).decision).toBe(decision);
    // With an identity from the denied namespace, the DENY does apply.
    expect(checkAccess(m, { from: { kind: 'principal', principal: 'cluster.local/ns/sandbox/sa/default' }, to: { workload: cart }, port }).decision).toBe('DENY');
  });
});

describe('istio.io/ingress-use-waypoint (translated from istio pilot/pkg/serviceregistry/ambient/services_test.go, TestIngressUseWaypointFromLabels)', () => {
  const L = 'istio.io/ingress-use-waypoint';
  const cases: Array<[string, Record<string, string>, Record<string, string>, boolean]> = [
    ['no labels', {}, {}, false],
    ['service label true', { [L]: 'true' }, {}, true],
    ['service label empty', { [L]: '' }, {}, false],
    ['service label True (case)', { [L]: 'True' }, {}, true],
    ['no service label, namespace label true', {}, { [L]: 'true' }, true],
    ['no service label, namespace label false', {}, { [L]: 'false' }, false],
    ['service overrides namespace', { [L]: 'false' }, { [L]: 'true' }, false],
    ['namespace label empty', {}, { [L]: '' }, false],
    // services_test.go also checks that an unparsable value ("eurt") is false.
    ['service label eurt', { [L]: 'eurt' }, { [L]: 'true' }, false],
  ];
  it.each(cases)('%s', async (_name, svcLabels, nsLabels, want) => {
    const { ingressUsesWaypoint } = await import('../src/authz/waypoints.js');
    const labels = (l: Record<string, string>) => (Object.keys(l).length ? `  labels:\n${Object.entries(l).map(([k, v]) => `    ${k}: "${v}"\n`).join('')}` : '');
    const yaml = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n${labels(nsLabels)}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n  namespace: shop\n${labels(svcLabels)}spec:\n  selector:\n    app: cart\n  ports:\n  - port: 80\n`;
    const m = await modelOf(yaml);
    expect(ingressUsesWaypoint(m, m.service('shop', 'cart')!)).toBe(want);
  });
});
