import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkAccess, type Peer } from '../src/authz/access.js';
import { implicitWaypointPolicies, looksLikeWaypointPrincipal, waypointPrincipals } from '../src/authz/waypoints.js';
import { requestShape, samplePath, samplePrincipal } from '../src/authz/witness.js';
import { lint } from '../src/engine/lint.js';
import type { Rule } from '../src/engine/rule.js';
import type { MeshSettings } from '../src/model/mesh.js';
import type { Diagnostic } from '../src/types.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';
import { builtin } from './helpers/rules.js';
const bypass = builtin('waypoint-bypass');
const mismatch = builtin('waypoint-principal-mismatch');

async function lintWith(rule: Rule, yaml: string, mesh: Partial<MeshSettings> = {}): Promise<Diagnostic[]> {
  const result = await lint({ cwd: process.cwd(), patterns: ['-'], stdin: { text: yaml, filename: 'test.yaml' }, rules: [rule], mesh });
  const all = result.results.flatMap((r) => r.messages);
  expect(all.filter((m) => m.ruleId === 'internal-error')).toEqual([]);
  return all.filter((m) => m.ruleId === rule.id);
}

function lineOf(yaml: string, needle: string, from = 1): number {
  const lines = yaml.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`"${needle}" not found`);
}

function gateway(name: string, namespace: string, opts: { waypointFor?: string; sa?: string; className?: string; fromAll?: boolean } = {}): string {
  const labels = opts.waypointFor ? `\n  labels:\n    istio.io/waypoint-for: ${opts.waypointFor}` : '';
  const ann = opts.sa ? `\n  annotations:\n    gateway.istio.io/service-account: ${opts.sa}` : '';
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${name}
  namespace: ${namespace}${labels}${ann}
spec:
  gatewayClassName: ${opts.className ?? 'istio-waypoint'}
  listeners:
  - name: mesh
    port: 15008
    protocol: HBONE${opts.fromAll ? '\n    allowedRoutes:\n      namespaces:\n        from: All' : ''}
---
`;
}

const SHOP = ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' });
const FRONT = ns('front', { 'istio.io/dataplane-mode': 'ambient' });
// cart: Service port 80 → 8080 (http) and 9000 → 9000 (tcp-raw).
const APPS = deployment('cart', 'shop') + deployment('web', 'front');
const L7 = policy('cart-get', 'shop', 'targetRefs:\n- kind: Service\n  group: ""\n  name: cart\nrules:\n- to:\n  - operation:\n      methods: ["GET"]');
const ONLY_WAYPOINT = policy('cart-ztunnel', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/shop/sa/waypoint"]');

function peer(model: Awaited<ReturnType<typeof modelOf>>, namespace: string, name: string): Peer {
  return { kind: 'workload', workload: model.workloadsIn(namespace).find((w) => w.name === name)! };
}

describe('waypoint identities (src/authz/waypoints.ts)', () => {
  it("is the Gateway's name, the annotated service account, or its pods' service account", async () => {
    const m1 = await modelOf(SHOP + gateway('waypoint', 'shop') + APPS);
    const cart = m1.service('shop', 'cart')!;
    expect(waypointPrincipals(m1, m1.waypointOfService(cart)!)).toEqual(['cluster.local/ns/shop/sa/waypoint']);
    const m2 = await modelOf(SHOP + gateway('waypoint', 'shop', { sa: 'wp-sa' }) + APPS);
    expect(waypointPrincipals(m2, m2.waypointOfService(m2.service('shop', 'cart')!)!)).toEqual(['cluster.local/ns/shop/sa/wp-sa']);
    const pods = deployment('waypoint', 'shop', { sa: 'custom-wp', labels: { 'gateway.networking.k8s.io/gateway-name': 'waypoint' } });
    const m3 = await modelOf(SHOP + gateway('waypoint', 'shop') + APPS + pods);
    expect(waypointPrincipals(m3, m3.waypointOfService(m3.service('shop', 'cart')!)!)).toEqual(['cluster.local/ns/shop/sa/custom-wp']);
  });
  it('recognises waypoint-like principals', async () => {
    const m = await modelOf(SHOP + gateway('edge-proxy', 'shop') + APPS);
    expect(looksLikeWaypointPrincipal(m, 'cluster.local/ns/shop/sa/waypoint')).toBe(true);
    expect(looksLikeWaypointPrincipal(m, 'cluster.local/ns/x/sa/edge-proxy')).toBe(true);
    expect(looksLikeWaypointPrincipal(m, 'cluster.local/ns/shop/sa/cart')).toBe(false);
    expect(looksLikeWaypointPrincipal(m, 'cluster.local/ns/shop/sa/*')).toBe(false);
  });
});

describe('witnesses (src/authz/witness.ts)', () => {
  it('finds a principal and a path each pattern matches', () => {
    expect(samplePrincipal('cluster.local/ns/front/sa/web', 'cluster.local', 'shop')).toBe('cluster.local/ns/front/sa/web');
    expect(samplePrincipal('cluster.local/ns/front/*', 'cluster.local', 'shop')).toBe('cluster.local/ns/front/sa/default');
    expect(samplePrincipal('*/sa/web', 'cluster.local', 'shop')).toBe('cluster.local/ns/shop/sa/web');
    expect(samplePrincipal('*', 'cluster.local', 'shop')).toBe('cluster.local/ns/shop/sa/default');
    expect(samplePath('/api/{*}/details')).toBe('/api/x/details');
    expect(samplePath('/static/{**}')).toBe('/static/x');
    expect(samplePath('*.png')).toBe('/x.png');
    expect(samplePath('/admin/*')).toBe('/admin/x');
  });
  it('reads a request off a rule: first method, a matching path, header conditions', () => {
    const shape = requestShape({ to: [{ operation: { methods: ['POST'], paths: ['/v1/*'] } }], when: [{ key: 'request.headers[X-Tenant]', values: ['blue'] }] });
    expect(shape).toEqual({ method: 'POST', path: '/v1/x', headers: { 'x-tenant': 'blue' } });
    expect(requestShape('junk')).toEqual({ method: 'GET', path: '/' });
  });
});

describe('evaluator: PILOT_AUTO_ALLOW_WAYPOINT_POLICY (pilot/pkg/serviceregistry/ambient/policies.go)', () => {
  const yaml = SHOP + FRONT + gateway('waypoint', 'shop') + APPS;
  it('off (the default): a direct request to a pod behind a waypoint is allowed', async () => {
    const m = await modelOf(yaml);
    const cart = m.workloadsIn('shop')[0]!;
    expect(implicitWaypointPolicies(m, cart)).toEqual([]);
    expect(checkAccess(m, { from: peer(m, 'front', 'web'), to: { workload: cart }, port: 8080 }).decision).toBe('ALLOW');
  });
  it('on: ztunnel admits only the waypoint, unless another ALLOW admits the client', async () => {
    const m = await modelOf(yaml, { autoAllowWaypointPolicy: true });
    const cart = m.workloadsIn('shop')[0]!;
    expect(implicitWaypointPolicies(m, cart).map((p) => p.name)).toEqual(['istio_allow_waypoint_shop_waypoint']);
    const direct = checkAccess(m, { from: peer(m, 'front', 'web'), to: { workload: cart }, port: 8080 });
    expect(direct.decision).toBe('DENY');
    expect(checkAccess(m, { from: { kind: 'principal', principal: 'cluster.local/ns/shop/sa/waypoint' }, to: { workload: cart }, port: 8080 }).decision).toBe('ALLOW');
    // Through the Service: the waypoint forwards with its identity, which the implicit policy admits.
    expect(checkAccess(m, { from: peer(m, 'front', 'web'), to: { service: m.service('shop', 'cart')! }, port: 80 }).decision).toBe('ALLOW');
    const withFront = await modelOf(yaml + policy('front-in', 'shop', 'rules:\n- from:\n  - source:\n      namespaces: ["front"]'), { autoAllowWaypointPolicy: true });
    const cart2 = withFront.workloadsIn('shop')[0]!;
    expect(checkAccess(withFront, { from: peer(withFront, 'front', 'web'), to: { workload: cart2 }, port: 8080 }).decision).toBe('ALLOW');
  });
  it('is read from an IstioOperator', async () => {
    const iop = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: x\n  namespace: istio-system\nspec:\n  values:\n    pilot:\n      env:\n        PILOT_AUTO_ALLOW_WAYPOINT_POLICY: "true"\n---\n';
    const m = await modelOf(yaml + iop);
    expect(implicitWaypointPolicies(m, m.workloadsIn('shop')[0]!)).toHaveLength(1);
  });
  it('a pod peer known only by its namespace mode sends plaintext when not in the mesh', async () => {
    const m = await modelOf(ns('shop', { 'istio-injection': 'enabled' }) + APPS + policy('ns', 'shop', 'rules:\n- from:\n  - source:\n      namespaces: ["tools"]'));
    const cart = m.workloadsIn('shop')[0]!;
    const pod = (mode: 'none' | 'sidecar') => ({ kind: 'pod' as const, namespace: 'tools', serviceAccount: 'x', dataplane: { mode, reason: '', conflicts: [] }, label: 'a tools pod' });
    const plain = checkAccess(m, { from: pod('none'), to: { workload: cart }, port: 8080 });
    expect(plain.decision).toBe('DENY');
    expect(plain.trace[0]!.outcome).toBe('plaintext');
    expect(checkAccess(m, { from: pod('sidecar'), to: { workload: cart }, port: 8080 }).decision).toBe('ALLOW');
    expect(plain.policyDecision?.decidedBy?.policy.name).toBe('ns');
  });
});

describe('waypoint-bypass', () => {
  const base = SHOP + FRONT + gateway('waypoint', 'shop') + APPS + L7;
  it('with no ztunnel policy, reports at the targetRef with every Service port, as a warning', async () => {
    const ds = await lintWith(bypass, base);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.line).toBe(lineOf(base, '- kind: Service', lineOf(base, 'name: cart-get')));
    expect(ds[0]!.severity).toBe(1);
    expect(ds[0]!.message).toContain('no ztunnel ALLOW policy guards the pods of Service cart');
    expect(ds[0]!.message).toContain('any client, even without mTLS, reaches ports 8080 and 9000 directly');
    expect(ds[0]!.message).toContain('Admit only the waypoint (cluster.local/ns/shop/sa/waypoint) on those ports with a ztunnel policy');
  });
  it('the suggested ztunnel policy, once applied, silences it', async () => {
    const [d] = await lintWith(bypass, base);
    const fix = d!.suggestions![0]!.fix;
    expect(parse(fix).spec.rules).toEqual([{ from: [{ source: { principals: ['cluster.local/ns/shop/sa/waypoint'] } }] }]);
    expect(await lintWith(bypass, `${base}${fix}---\n`)).toEqual([]);
  });
  it('reports the ztunnel rule entry that admits another namespace, but not a port-limited exception', async () => {
    const extra = policy('monitoring', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      namespaces: ["monitoring"]');
    const yaml = base + ONLY_WAYPOINT + extra;
    const ds = await lintWith(bypass, yaml);
    expect(ds.map((d) => d.line)).toEqual([lineOf(yaml, '- kind: Service', lineOf(yaml, 'name: cart-get')), lineOf(yaml, 'namespaces: ["monitoring"]')]);
    expect(ds[0]!.message).toContain('ztunnel policy "monitoring" lets cluster.local/ns/monitoring/sa/default reach the pods of Service cart on ports 8080 and 9000 directly');
    expect(ds[1]!.message).toContain('lets cluster.local/ns/monitoring/sa/default reach Deployment shop/cart on ports 8080 and 9000 directly, skipping waypoint shop/waypoint and its policy "shop/cart-get"');
    const limited = policy('monitoring', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      namespaces: ["monitoring"]\n  to:\n  - operation:\n      ports: ["15020"]');
    expect(await lintWith(bypass, base + ONLY_WAYPOINT + limited)).toEqual([]);
  });
  it('STRICT mTLS keeps plaintext clients out; ipBlocks admit them', async () => {
    const strict = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: strict\n  namespace: shop\nspec:\n  mtls:\n    mode: STRICT\n---\n';
    const ds = await lintWith(bypass, base + strict);
    expect(ds[0]!.message).toContain('so any client with a mesh identity reaches ports 8080 and 9000 directly');
    expect(ds[0]!.message).not.toContain('without mTLS');
    const ips = policy('pod-cidr', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      ipBlocks: ["10.0.0.0/8"]');
    const withIps = await lintWith(bypass, base + ONLY_WAYPOINT + ips);
    expect(withIps.map((d) => d.message).join('\n')).toContain('plaintext clients from 10.0.0.0');
    expect(await lintWith(bypass, base + ONLY_WAYPOINT + strict)).toEqual([]);
  });
  it('covers Gateway targetRefs, root-namespace GatewayClass targetRefs and ServiceEntry targetRefs', async () => {
    const gw = policy('on-gw', 'shop', 'targetRefs:\n- kind: Gateway\n  group: gateway.networking.k8s.io\n  name: waypoint\naction: DENY\nrules:\n- to:\n  - operation:\n      methods: ["DELETE"]');
    expect(await lintWith(bypass, SHOP + FRONT + gateway('waypoint', 'shop') + APPS + gw)).toHaveLength(1);
    const cls = policy('on-class', 'istio-system', 'targetRefs:\n- kind: GatewayClass\n  group: gateway.networking.k8s.io\n  name: istio-waypoint\naction: DENY\nrules:\n- to:\n  - operation:\n      methods: ["DELETE"]');
    expect(await lintWith(bypass, SHOP + FRONT + gateway('waypoint', 'shop') + APPS + cls)).toHaveLength(1);
    const clsElsewhere = cls.replace('namespace: istio-system', 'namespace: shop');
    expect(await lintWith(bypass, SHOP + FRONT + gateway('waypoint', 'shop') + APPS + clsElsewhere)).toEqual([]);
    const se = 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: cart-se\n  namespace: shop\nspec:\n  hosts: ["cart.internal"]\n  ports:\n  - number: 80\n    name: http\n    protocol: HTTP\n    targetPort: 8080\n  workloadSelector:\n    labels:\n      app: cart\n  resolution: STATIC\n---\n';
    const seRef = policy('on-se', 'shop', 'targetRefs:\n- kind: ServiceEntry\n  group: networking.istio.io\n  name: cart-se\nrules:\n- to:\n  - operation:\n      methods: ["GET"]');
    const seDs = await lintWith(bypass, SHOP + FRONT + gateway('waypoint', 'shop') + APPS + se + seRef);
    expect(seDs).toHaveLength(1);
    expect(seDs[0]!.message).toContain('the pods of ServiceEntry cart-se, so any client, even without mTLS, reaches port 8080 directly');
  });
  it('is silent when no waypoint carries the traffic, for sidecar pods, for AUDIT and allow-all policies', async () => {
    expect(await lintWith(bypass, SHOP + FRONT + gateway('waypoint', 'shop', { waypointFor: 'workload' }) + APPS + L7)).toEqual([]);
    expect(await lintWith(bypass, ns('shop', { 'istio.io/dataplane-mode': 'ambient' }) + FRONT + gateway('waypoint', 'shop') + APPS + L7)).toEqual([]);
    const sidecar = ns('shop', { 'istio-injection': 'enabled', 'istio.io/use-waypoint': 'waypoint' });
    expect(await lintWith(bypass, sidecar + FRONT + gateway('waypoint', 'shop') + APPS + L7)).toEqual([]);
    expect(await lintWith(bypass, base.replace('  targetRefs:', '  action: AUDIT\n  targetRefs:'))).toEqual([]);
    expect(await lintWith(bypass, SHOP + FRONT + gateway('waypoint', 'shop') + APPS + policy('all', 'shop', 'targetRefs:\n- kind: Service\n  group: ""\n  name: cart\nrules:\n- {}'))).toEqual([]);
  });
  it('names an ingress gateway that skips the waypoint; with istio.io/ingress-use-waypoint it does not skip it', async () => {
    const ingress = gateway('edge', 'shop', { className: 'istio' }).replace('protocol: HBONE', 'protocol: HTTP');
    const admit = policy('cart-ztunnel', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/shop/sa/waypoint", "cluster.local/ns/shop/sa/edge-istio"]');
    const ds = await lintWith(bypass, base + ingress + admit);
    expect(ds[1]!.message).toContain('For Gateway shop/edge, label the Service istio.io/ingress-use-waypoint=true.');
    const labelled = (SHOP + FRONT + gateway('waypoint', 'shop') + APPS + L7).replace('istio.io/use-waypoint: "waypoint"', 'istio.io/use-waypoint: "waypoint"\n    istio.io/ingress-use-waypoint: "true"');
    // With the label the gateway's requests go through the waypoint (pilot/pkg/xds/endpoints/
    // endpoint_builder.go, findServiceWaypoint), and a gateway never dials a pod address: nothing
    // skips the waypoint.
    expect(await lintWith(bypass, labelled + ingress + admit)).toEqual([]);
    // Istio parses the label with strconv.ParseBool: "1" is true, "yes" is not.
    expect(await lintWith(bypass, labelled.replace('ingress-use-waypoint: "true"', 'ingress-use-waypoint: "1"') + ingress + admit)).toEqual([]);
    const yes = await lintWith(bypass, labelled.replace('ingress-use-waypoint: "true"', 'ingress-use-waypoint: "yes"') + ingress + admit);
    expect(yes[1]!.message).toContain('label the Service istio.io/ingress-use-waypoint=true');
    // Other callers the ztunnel policy admits still skip it.
    const alsoWeb = admit.replace('"cluster.local/ns/shop/sa/edge-istio"]', '"cluster.local/ns/shop/sa/edge-istio", "cluster.local/ns/front/sa/web"]');
    const web = await lintWith(bypass, labelled + ingress + alsoWeb);
    expect(web).toHaveLength(2);
    expect(web[1]!.message).toContain('lets cluster.local/ns/front/sa/web reach Deployment shop/cart on ports 8080 and 9000 by dialing the pod address');
    expect(web.map((d) => d.message).join('\n')).not.toContain('edge-istio');
  });
});

describe('waypoint-bypass: the pod address', () => {
  // Ambient clients send Service traffic to a Service-bound waypoint, but a call to the pod address
  // goes to the pod's own waypoint, if any (pilot/pkg/serviceregistry/ambient/waypoints.go).
  const admitFront = policy('cart-ztunnel', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/shop/sa/waypoint"]\n  - source:\n      namespaces: ["front"]');
  it('reports ambient clients a ztunnel ALLOW admits beside the waypoint, as dialing the pod address', async () => {
    const ds = await lintWith(bypass, SHOP + FRONT + gateway('waypoint', 'shop') + APPS + L7 + admitFront);
    // At the targetRef, at the rule (web, a known identity) and at the namespaces entry.
    expect(ds).toHaveLength(3);
    expect(ds[1]!.message).toContain('lets cluster.local/ns/front/sa/web reach Deployment shop/cart on ports 8080 and 9000 by dialing the pod address, skipping waypoint shop/waypoint');
    expect(ds[2]!.message).toContain('lets cluster.local/ns/front/sa/default reach Deployment shop/cart on ports 8080 and 9000 by dialing the pod address, skipping waypoint shop/waypoint');
    expect(ds[2]!.message).toContain('A waypoint for service traffic carries only requests sent to the Service.');
  });
  it('is silent for ambient clients when the waypoint also serves the pods (waypoint-for all) and the policy applies to workload traffic, not for sidecar clients', async () => {
    const onGateway = policy('cart-get', 'shop', 'targetRefs:\n- kind: Gateway\n  group: gateway.networking.k8s.io\n  name: waypoint\nrules:\n- to:\n  - operation:\n      methods: ["GET"]');
    expect(await lintWith(bypass, SHOP + FRONT + gateway('waypoint', 'shop', { waypointFor: 'all' }) + APPS + onGateway + admitFront)).toEqual([]);
    // A Service targetRef does not apply to traffic addressed to the pod, even through the same waypoint.
    const onService = await lintWith(bypass, SHOP + FRONT + gateway('waypoint', 'shop', { waypointFor: 'all' }) + APPS + L7 + admitFront);
    expect(onService.map((d) => d.message).join('\n')).toContain('by dialing the pod address');
    const sidecarFront = ns('front', { 'istio-injection': 'enabled' });
    const ds = await lintWith(bypass, SHOP + sidecarFront + gateway('waypoint', 'shop', { waypointFor: 'all' }) + APPS + onGateway + admitFront);
    expect(ds).toHaveLength(3);
    expect(ds[2]!.message).toContain('lets cluster.local/ns/front/sa/default reach Deployment shop/cart on ports 8080 and 9000 directly, skipping');
  });
});

describe('waypoint-principal-mismatch', () => {
  const wrong = policy('cart-ztunnel', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/shop/sa/waypoint"]');
  it('reports the entry when the waypoint runs under another name, and its suggested value fixes it', async () => {
    const yaml = SHOP.replace('use-waypoint: "waypoint"', 'use-waypoint: "cart-wp"') + FRONT + gateway('cart-wp', 'shop') + APPS + wrong;
    const ds = await lintWith(mismatch, yaml);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.line).toBe(lineOf(yaml, 'principals: ["cluster.local/ns/shop/sa/waypoint"]'));
    const text = yaml.split('\n')[ds[0]!.line - 1]!;
    expect(ds[0]!.column).toBe(text.indexOf('"cluster.local/ns/shop/sa/waypoint"') + 1);
    expect(ds[0]!.message).toContain('runs as cluster.local/ns/shop/sa/cart-wp');
    expect(ds[0]!.message).toContain('port 8080 and 9000');
    expect(ds[0]!.suggestions![0]!.fix).toContain('- cluster.local/ns/shop/sa/cart-wp');
    expect(await lintWith(mismatch, yaml.replace('sa/waypoint"', 'sa/cart-wp"'))).toEqual([]);
  });
  it('reads the real service account from the waypoint pods and from source.principal conditions', async () => {
    const pods = deployment('waypoint', 'shop', { sa: 'wp-pods', labels: { 'gateway.networking.k8s.io/gateway-name': 'waypoint' } });
    const when = policy('cart-ztunnel', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- when:\n  - key: source.principal\n    values: ["cluster.local/ns/shop/sa/waypoint"]');
    const ds = await lintWith(mismatch, SHOP + gateway('waypoint', 'shop') + APPS + pods + when);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('runs as cluster.local/ns/shop/sa/wp-pods');
  });
  it('is silent when the identity is right, admitted by another rule, not bound, or the Gateway is not in the input', async () => {
    expect(await lintWith(mismatch, SHOP + gateway('waypoint', 'shop') + APPS + wrong)).toEqual([]);
    const alsoNs = wrong.replace('rules:\n', 'rules:\n- from:\n  - source:\n      namespaces: ["wps"]\n');
    const other = SHOP.replace('use-waypoint: "waypoint"', 'use-waypoint: "waypoint"\n    istio.io/use-waypoint-namespace: "wps"') + ns('wps') + gateway('waypoint', 'wps', { fromAll: true }) + APPS;
    expect(await lintWith(mismatch, other + wrong)).toHaveLength(1);
    expect(await lintWith(mismatch, other + alsoNs)).toEqual([]);
    expect(await lintWith(mismatch, ns('shop', { 'istio.io/dataplane-mode': 'ambient' }) + gateway('waypoint', 'shop') + APPS + wrong.replace('sa/waypoint', 'sa/other-waypoint'))).toEqual([]);
    expect(await lintWith(mismatch, SHOP + APPS + wrong.replace('sa/waypoint', 'sa/other-waypoint'))).toEqual([]);
  });
  it('a waypoint in another namespace binds only when its HBONE listener admits the namespace', async () => {
    const other = SHOP.replace('use-waypoint: "waypoint"', 'use-waypoint: "waypoint"\n    istio.io/use-waypoint-namespace: "wps"') + ns('wps') + APPS;
    expect(await lintWith(mismatch, other + gateway('waypoint', 'wps', { fromAll: true }) + wrong)).toHaveLength(1);
    expect(await lintWith(mismatch, other + gateway('waypoint', 'wps') + wrong)).toEqual([]);
    expect(await lintWith(bypass, other + gateway('waypoint', 'wps', { fromAll: true }) + L7)).toHaveLength(1);
    expect(await lintWith(bypass, other + gateway('waypoint', 'wps') + L7)).toEqual([]);
  });
  it('serviceAccounts entries get a replacement in the same form', async () => {
    const sa = policy('cart-ztunnel', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      serviceAccounts: ["waypoint"]');
    const other = SHOP.replace('use-waypoint: "waypoint"', 'use-waypoint: "waypoint"\n    istio.io/use-waypoint-namespace: "wps"') + ns('wps') + gateway('waypoint', 'wps', { fromAll: true }) + APPS;
    const ds = await lintWith(mismatch, other + sa);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('Use "wps/waypoint"');
    expect(await lintWith(mismatch, other + sa.replace('["waypoint"]', '["wps/waypoint"]'))).toEqual([]);
  });
});
