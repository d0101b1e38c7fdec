import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAccess, type AccessRequest, type Peer } from '../src/authz/access.js';
import { matchPath } from '../src/authz/match.js';
import type { Model } from '../src/mesh/model.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';

/**
 * Independent review of check-access: cases written from Istio's sources, not from meshlint's
 * fixtures. Each `it` names the file it encodes (istio/istio at 86c9f01f, istio/ztunnel at
 * 62d82653, istio/api, envoyproxy/envoy):
 *  [td]       pilot/pkg/security/trustdomain/bundle.go ReplaceTrustDomainAliases, applied by
 *             authz/builder/builder.go (MigrateTrustDomain): principals written with the
 *             `cluster.local` trust domain mean the mesh's own trust domain at sidecars/waypoints.
 *  [gen]      pilot/pkg/security/authz/model/generator.go and matcher/header.go: methods are a
 *             HeaderMatcher on `:method` (exact, prefix*, *suffix, * presence); `source.serviceAccount`
 *             and `source.trustDomain` conditions are evaluated from the peer certificate.
 *  [path]     matcher/template.go + envoy source/extensions/path/uri_template_lib/uri_template_internal.cc:
 *             `{*}` is `[pchar]+`, `{**}` is `[pchar/]*` (zero or more), the rest is literal;
 *             Envoy's PathMatcher (RBAC url_path) ignores the query string.
 *  [ambient]  pilot/pkg/serviceregistry/ambient/authorization.go handleRule: trustDomains are not
 *             sent to ztunnel and are not HTTP attributes either: the rule is kept without them.
 *  [wp-send]  pilot/pkg/xds/endpoints/endpoint_builder.go: sidecars never send to a service's
 *             waypoint ("we consider this to workload traffic"), and tunnel (HBONE) to ambient pods
 *             whatever the PeerAuthentication or auto mTLS (supportTunnel); ztunnel
 *             src/proxy/inbound_passthrough.rs: plaintext inbound is checked at the pod with no
 *             identity and no waypoint.
 *  [wp-port]  pilot/pkg/networking/core/listener_waypoint.go: the waypoint's chains are keyed by
 *             the Service port (TargetPort = port.Port), so `ports` at a waypoint are Service ports.
 *  [wp-attach] pilot/pkg/model/policyattachment.go ShouldAttachPolicy: without a Service, a
 *             waypoint still applies policies attached to its Gateway (and the istio-waypoint
 *             GatewayClass from the root namespace).
 *  [dr]       pilot/pkg/xds/endpoints/mtls_checker.go checkMtlsEnabled: a DestinationRule TLS mode
 *             decides before auto mTLS; DISABLE means plaintext.
 *  [knative]  knative/serving pkg/networking/constants.go: traffic enters a revision pod at the
 *             queue-proxy (8012), not at the user container.
 */

const SIDECAR = ns('shop', { 'istio-injection': 'enabled' }) + ns('front', { 'istio-injection': 'enabled' });
const AMBIENT = ns('shop', { 'istio.io/dataplane-mode': 'ambient' }) + ns('front', { 'istio.io/dataplane-mode': 'ambient' });
const APPS = deployment('cart', 'shop') + deployment('web', 'front');
const WAYPOINT =
  'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: shop\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n---\n';

function workload(model: Model, namespace: string, name: string) {
  const w = model.workloadsIn(namespace).find((x) => x.name === name);
  if (!w) throw new Error(`no ${namespace}/${name}`);
  return w;
}

type Req = Partial<Omit<AccessRequest, 'from'>> & { from?: [string, string] | 'external' | { principal: string } };

async function decide(yaml: string, req: Req, mesh = {}) {
  const model = await modelOf(yaml, mesh);
  const src = req.from ?? ['front', 'web'];
  const from: Peer =
    src === 'external' ? { kind: 'external' } : Array.isArray(src) ? { kind: 'workload', workload: workload(model, ...src) } : { kind: 'principal', principal: src.principal };
  return checkAccess(model, { to: { service: model.service('shop', 'cart')! }, port: 80, ...req, from });
}

describe('redteam: sidecar (Envoy RBAC as istiod generates it)', () => {
  it('[td] a cluster.local principal matches the mesh trust domain', async () => {
    const yaml = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/front/sa/web"]');
    const d = await decide(yaml, {}, { trustDomain: 'example.org' });
    expect(d.decision).toBe('ALLOW');
    // Another trust domain is kept as written and does not match.
    const other = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- from:\n  - source:\n      principals: ["other.org/ns/front/sa/web"]');
    expect((await decide(other, {}, { trustDomain: 'example.org' })).decision).toBe('DENY');
  });

  it('[gen] methods are header matchers: prefix, suffix and * work', async () => {
    for (const [pattern, method, expected] of [
      ['*', 'PATCH', 'ALLOW'],
      ['P*', 'PUT', 'ALLOW'],
      ['*ET', 'GET', 'ALLOW'],
      ['GET', 'get', 'DENY'], // exact, case-sensitive
    ] as const) {
      const yaml = SIDECAR + APPS + policy('p', 'shop', `rules:\n- to:\n  - operation:\n      methods: ["${pattern}"]`);
      expect((await decide(yaml, { method })).decision, `${pattern} vs ${method}`).toBe(expected);
    }
  });

  it('[gen] when source.serviceAccount and source.trustDomain are evaluated from the certificate', async () => {
    const sa = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- when:\n  - key: source.serviceAccount\n    values: ["front/web"]');
    expect((await decide(sa, {})).decision).toBe('ALLOW');
    expect((await decide(sa, { from: 'external' })).decision).toBe('DENY');
    const saShort = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- when:\n  - key: source.serviceAccount\n    values: ["web"]'); // policy's namespace: shop/web
    expect((await decide(saShort, {})).decision).toBe('DENY');
    const td = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- when:\n  - key: source.trustDomain\n    values: ["cluster.local"]');
    expect((await decide(td, {})).decision).toBe('ALLOW');
    const notTd = SIDECAR + APPS + policy('p', 'shop', 'action: DENY\nrules:\n- when:\n  - key: source.trustDomain\n    notValues: ["cluster.local"]');
    expect((await decide(notTd, {})).decision).toBe('ALLOW');
  });

  it('[gen] namespaces: a * inside the value is a wildcard too (srcNamespaceGenerator regex)', async () => {
    const yaml = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- from:\n  - source:\n      namespaces: ["fr*nt"]');
    expect((await decide(yaml, {})).decision).toBe('ALLOW');
  });

  it('[path] {**} matches zero or more segments, including a trailing empty one', () => {
    expect(matchPath('/static/{**}', '/static/')).toBe(true);
    expect(matchPath('/static/{**}', '/static/a/b.css')).toBe(true);
    expect(matchPath('/static/{**}', '/static')).toBe(false);
    expect(matchPath('/foo/{**}/', '/foo/bar/')).toBe(true);
    expect(matchPath('/foo/{**}/', '/foo//')).toBe(true);
    expect(matchPath('/foo/{**}/', '/foo/bar')).toBe(false);
    expect(matchPath('/foo/{*}', '/foo/')).toBe(false);
    expect(matchPath('/foo/{*}/bar/{**}', '/foo/buzz/bar/')).toBe(true);
    expect(matchPath('/foo/{*}/bar/{**}', '/foo/buzz/bar/baz')).toBe(true);
  });

  it('[path] the query string is not part of the matched path', async () => {
    const yaml = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- to:\n  - operation:\n      paths: ["/api/items", "/img/{*}"]');
    expect((await decide(yaml, { method: 'GET', path: '/api/items?page=2' })).decision).toBe('ALLOW');
    expect((await decide(yaml, { method: 'GET', path: '/img/a.png?w=10' })).decision).toBe('ALLOW');
    expect((await decide(yaml, { method: 'GET', path: '/api/items/3?page=2' })).decision).toBe('DENY');
  });

  it('[gen] hosts: the :authority is matched as sent, port included (hostGenerator, HostMatcher; no port stripping)', async () => {
    const yaml = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- to:\n  - operation:\n      hosts: ["cart.example.com"]');
    expect((await decide(yaml, { method: 'GET', host: 'CART.example.com' })).decision).toBe('ALLOW');
    expect((await decide(yaml, { method: 'GET', host: 'cart.example.com:80' })).decision).toBe('DENY');
    const withPorts = SIDECAR + APPS + policy('p', 'shop', 'rules:\n- to:\n  - operation:\n      hosts: ["cart.example.com", "cart.example.com:*"]');
    expect((await decide(withPorts, { method: 'GET', host: 'cart.example.com:80' })).decision).toBe('ALLOW');
  });

  it('[dr] a DestinationRule with tls.mode DISABLE makes the client sidecar send plaintext, even with auto mTLS', async () => {
    const dr = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: cart-plain\n  namespace: shop\nspec:\n  host: cart.shop.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: DISABLE\n---\n';
    const yaml = SIDECAR + APPS + dr + policy('p', 'shop', 'rules:\n- from:\n  - source:\n      namespaces: ["front"]');
    const d = await decide(yaml, {});
    expect(d.decision).toBe('DENY');
    expect(d.trace[0]?.outcome).toBe('plaintext');
  });

  it('[proto] the Service port decides whether the sidecar parses HTTP, also for a workload target', async () => {
    // Container port named "http", but the Service calls port 9000 tcp: Envoy builds a TCP chain.
    const model = await modelOf(SIDECAR + APPS + policy('p', 'shop', 'rules:\n- to:\n  - operation:\n      methods: ["GET"]'));
    const cart = workload(model, 'shop', 'cart');
    const d = checkAccess(model, { from: { kind: 'workload', workload: workload(model, 'front', 'web') }, to: { workload: cart }, port: 9000, method: 'GET' });
    expect(d.decision).toBe('DENY');
    expect(d.trace.some((t) => t.outcome === 'skipped')).toBe(true);
  });

  it('a Service port that does not exist has nowhere to go', async () => {
    const d = await decide(SIDECAR + APPS, { port: 12345 });
    expect(d.decision).toBe('DENY');
    expect(d.reason).toContain('no port 12345');
  });
});

describe('redteam: ambient (ztunnel)', () => {
  it('[ambient] trustDomains are ignored by ztunnel, not treated as HTTP: the ALLOW rule is kept', async () => {
    const yaml = AMBIENT + APPS + policy('p', 'shop', 'rules:\n- from:\n  - source:\n      namespaces: ["front"]\n      trustDomains: ["other.org"]');
    const d = await decide(yaml, {});
    expect(d.decision).toBe('ALLOW');
    expect(d.enforcement).toEqual(['ztunnel']);
  });

  it('[ambient] a from entry left with only trustDomains is skipped, the other entry still matches', async () => {
    const yaml = AMBIENT + APPS + policy('p', 'shop', 'rules:\n- from:\n  - source:\n      trustDomains: ["cluster.local"]\n  - source:\n      namespaces: ["front"]');
    expect((await decide(yaml, {})).decision).toBe('ALLOW');
    const only = AMBIENT + APPS + policy('p', 'shop', 'rules:\n- from:\n  - source:\n      trustDomains: ["cluster.local"]');
    expect((await decide(only, {})).decision).toBe('DENY');
  });

  it('[ambient] a DENY whose from has one HTTP-only entry and one L4 entry denies only the L4 one', async () => {
    const yaml = AMBIENT + APPS + policy('p', 'shop', 'action: DENY\nrules:\n- from:\n  - source:\n      requestPrincipals: ["*"]\n  - source:\n      namespaces: ["legacy"]');
    expect((await decide(yaml, {})).decision).toBe('ALLOW');
    const legacy = ns('legacy', { 'istio.io/dataplane-mode': 'ambient' }) + deployment('old', 'legacy');
    expect((await decide(yaml + legacy, { from: ['legacy', 'old'] })).decision).toBe('DENY');
  });

  it('[wp-send] sidecar → ambient: HBONE with the sidecar identity, even when the pod is DISABLE', async () => {
    const pa = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: off\n  namespace: shop\nspec:\n  mtls:\n    mode: DISABLE\n---\n';
    const mixed = ns('shop', { 'istio.io/dataplane-mode': 'ambient' }) + ns('front', { 'istio-injection': 'enabled' });
    const yaml = mixed + APPS + pa + policy('p', 'shop', 'rules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/front/sa/web"]');
    expect((await decide(yaml, {})).decision).toBe('ALLOW');
    expect((await decide(yaml, {}, { enableAutoMtls: false })).decision).toBe('ALLOW');
  });
});

describe('redteam: waypoints', () => {
  const base = ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' }) + APPS + WAYPOINT;
  const l7 = policy('get-only', 'shop', 'targetRefs:\n- kind: Service\n  group: ""\n  name: cart\nrules:\n- to:\n  - operation:\n      methods: ["GET"]');
  const fromWaypoint = policy('from-waypoint', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/shop/sa/waypoint"]');

  it('[wp-send] a sidecar client bypasses the service waypoint and reaches ztunnel with its own identity', async () => {
    const yaml = base + ns('front', { 'istio-injection': 'enabled' }) + l7 + fromWaypoint;
    const d = await decide(yaml, { method: 'POST' });
    expect(d.enforcement).toEqual(['ztunnel']);
    expect(d.decision).toBe('DENY');
    expect(d.decidedBy?.name).toBe('from-waypoint');
    // …so a selector policy admitting the sidecar's identity lets POST through: the L7 rule never ran.
    const open = policy('from-web', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/front/sa/web"]');
    const p = await decide(yaml + open, { method: 'POST' });
    expect(p.decision).toBe('ALLOW');
    expect(p.decidedBy?.name).toBe('from-web');
  });

  it('[wp-send] an out-of-mesh client is not sent to the waypoint; ztunnel sees no identity', async () => {
    const yaml = base + ns('front') + l7;
    const d = await decide(yaml, { method: 'POST' });
    expect(d.enforcement).toEqual(['ztunnel']);
    expect(d.decision).toBe('ALLOW');
  });

  it('[wp-send] an ambient client goes through the waypoint', async () => {
    const yaml = base + ns('front', { 'istio.io/dataplane-mode': 'ambient' }) + l7;
    const d = await decide(yaml, { method: 'POST' });
    expect(d.enforcement).toEqual(['waypoint shop/waypoint']);
    expect(d.decision).toBe('DENY');
    expect(d.decidedBy?.name).toBe('get-only');
    const get = await decide(yaml, { method: 'GET' });
    expect(get.enforcement).toEqual(['waypoint shop/waypoint', 'ztunnel']);
    expect(get.decision).toBe('ALLOW');
  });

  it('[wp-port] ports at the waypoint are Service ports; at ztunnel, container ports', async () => {
    const yaml =
      base +
      ns('front', { 'istio.io/dataplane-mode': 'ambient' }) +
      policy('port-80', 'shop', 'targetRefs:\n- kind: Service\n  group: ""\n  name: cart\nrules:\n- to:\n  - operation:\n      ports: ["80"]');
    expect((await decide(yaml, { method: 'GET' })).decision).toBe('ALLOW');
    const wrong = base + ns('front', { 'istio.io/dataplane-mode': 'ambient' }) + policy('port-8080', 'shop', 'targetRefs:\n- kind: Service\n  group: ""\n  name: cart\nrules:\n- to:\n  - operation:\n      ports: ["8080"]');
    expect((await decide(wrong, { method: 'GET' })).decision).toBe('DENY');
  });

  it('[wp-attach] workload-addressed traffic through a workload waypoint meets the Gateway-attached policies', async () => {
    const wp = WAYPOINT.replace('  name: waypoint\n', '  name: waypoint\n  labels:\n    istio.io/waypoint-for: all\n');
    const yaml =
      ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' }) +
      ns('front', { 'istio.io/dataplane-mode': 'ambient' }) +
      APPS +
      wp +
      policy('gw-deny-post', 'shop', 'targetRefs:\n- kind: Gateway\n  group: gateway.networking.k8s.io\n  name: waypoint\naction: DENY\nrules:\n- to:\n  - operation:\n      methods: ["POST"]');
    const model = await modelOf(yaml);
    const d = checkAccess(model, { from: { kind: 'workload', workload: workload(model, 'front', 'web') }, to: { workload: workload(model, 'shop', 'cart') }, port: 8080, method: 'POST' });
    expect(d.enforcement[0]).toBe('waypoint shop/waypoint');
    expect(d.decision).toBe('DENY');
    expect(d.decidedBy?.name).toBe('gw-deny-post');
  });
});

describe('redteam: Knative', () => {
  it('[knative] a ksvc target is reached at the queue-proxy port 8012 by default', async () => {
    const ksvc =
      'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n      - image: example/hello\n---\n';
    const yaml = SIDECAR + APPS + ksvc + policy('queue-only', 'shop', 'selector:\n  matchLabels:\n    serving.knative.dev/service: hello\nrules:\n- to:\n  - operation:\n      ports: ["8012"]');
    const model = await modelOf(yaml);
    const hello = model.workloadsIn('shop').find((w) => w.name === 'hello')!;
    const d = checkAccess(model, { from: { kind: 'workload', workload: workload(model, 'front', 'web') }, to: { workload: hello } });
    expect(d.decision).toBe('ALLOW');
  });
});

describe('redteam: check-access CLI errors (built CLI)', () => {
  const ROOT = join(import.meta.dirname, '..');
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check-access', join(ROOT, 'test', 'data', 'check-access'), ...args], { encoding: 'utf8', cwd: ROOT });
    return { code: r.status, err: r.stderr };
  };
  it('a Service port that does not exist is a usage error listing the ports (exit 2, as kubectl auth can-i)', () => {
    const r = run('--from', 'external', '--to', 'shop/service/backend', '--port', '8080');
    expect(r.code).toBe(2);
    expect(r.err).toContain('has no port 8080');
    expect(r.err).toContain('80 (http)');
  });
  it('an unknown target offers Services as well as workloads', () => {
    const r = run('--from', 'external', '--to', 'backend');
    expect(r.code).toBe(2);
    expect(r.err).toContain('shop/service/backend');
    expect(r.err).toContain('shop/deployment/backend');
  });
});

describe('redteam: more mTLS and policy plumbing', () => {
  const dr = (name: string, namespace: string, mode: string, extra = '') =>
    `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  host: cart.shop.svc.cluster.local\n${extra}  trafficPolicy:\n    tls:\n      mode: ${mode}\n---\n`;
  const fromFront = policy('p', 'shop', 'rules:\n- from:\n  - source:\n      namespaces: ["front"]');

  it('[dr] the client namespace\'s DestinationRule wins over the Service namespace\'s (push_context.go destinationRule)', async () => {
    const yaml = SIDECAR + APPS + fromFront + dr('plain', 'shop', 'DISABLE') + dr('mutual', 'front', 'ISTIO_MUTUAL');
    expect((await decide(yaml, {})).decision).toBe('ALLOW');
    // exportTo that leaves out the client namespace hides the Service namespace's rule.
    const hidden = SIDECAR + APPS + fromFront + dr('plain', 'shop', 'DISABLE', '  exportTo: ["."]\n');
    expect((await decide(hidden, {})).decision).toBe('ALLOW');
  });

  it('[dr] with auto mTLS off, a port-level ISTIO_MUTUAL setting sends mTLS on that port only', async () => {
    const portLevel =
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  host: cart\n  trafficPolicy:\n    portLevelSettings:\n    - port:\n        number: 80\n      tls:\n        mode: ISTIO_MUTUAL\n---\n';
    const yaml = SIDECAR + APPS + fromFront + portLevel;
    expect((await decide(yaml, {}, { enableAutoMtls: false })).decision).toBe('ALLOW');
    expect((await decide(yaml, { port: 9000 }, { enableAutoMtls: false })).decision).toBe('DENY');
  });

  it('[order] a dry-run annotation "True" is dry-run (builder.go isDryRun, strconv.ParseBool)', async () => {
    const yaml = SIDECAR + APPS + policy('deny-all', 'shop', 'action: DENY\nrules:\n- {}').replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    istio.io/dry-run: "True"\n');
    const d = await decide(yaml, {});
    expect(d.decision).toBe('ALLOW');
    expect(d.trace.some((t) => t.outcome === 'not-enforced')).toBe(true);
  });

  it('[gen] CUSTOM is built as RBAC DENY: its HTTP attributes are ignored on a TCP port, not the rule skipped', async () => {
    const yaml = SIDECAR + APPS + policy('ext', 'shop', 'action: CUSTOM\nprovider:\n  name: opa\nrules:\n- to:\n  - operation:\n      paths: ["/admin/*"]');
    const d = await decide(yaml, { port: 9000 });
    expect(d.decision).toBe('ALLOW');
    expect(d.trace.find((t) => t.policy?.startsWith('shop/ext'))?.outcome).toBe('match');
  });

  it('[wp-send] a --from principal that only sidecar workloads run as bypasses the waypoint', async () => {
    const yaml =
      ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' }) +
      ns('front', { 'istio-injection': 'enabled' }) +
      APPS +
      WAYPOINT +
      policy('get-only', 'shop', 'targetRefs:\n- kind: Service\n  group: ""\n  name: cart\nrules:\n- to:\n  - operation:\n      methods: ["GET"]');
    const known = await decide(yaml, { from: { principal: 'cluster.local/ns/front/sa/web' }, method: 'POST' });
    expect(known.enforcement).toEqual(['ztunnel']);
    expect(known.decision).toBe('ALLOW');
    const unknown = await decide(yaml, { from: { principal: 'cluster.local/ns/other/sa/x' }, method: 'POST' });
    expect(unknown.enforcement).toEqual(['waypoint shop/waypoint']);
    expect(unknown.decision).toBe('DENY');
  });
});

describe('redteam: port protocol (pkg/config/kube/conversion.go ConvertProtocol)', () => {
  it('appProtocol wins, kubernetes.io names, grpc-web, well-known ports, UDP', async () => {
    const { isHttpPort } = await import('../src/authz/evaluator.js');
    expect(isHttpPort({ name: 'tcp-api', appProtocol: 'http' }, false)).toBe(true);
    expect(isHttpPort({ name: 'http', appProtocol: 'kubernetes.io/wss' }, true)).toBe(false);
    expect(isHttpPort({ appProtocol: 'kubernetes.io/h2c' }, false)).toBe(true);
    expect(isHttpPort({ name: 'grpc-web-x' }, false)).toBe(true);
    expect(isHttpPort({ name: 'h2c' }, false)).toBe(false); // not a protocol name: sniffed
    expect(isHttpPort({ name: 'db', port: 3306 }, true)).toBe(false);
    expect(isHttpPort({ name: 'http', protocol: 'UDP' }, true)).toBe(false);
    expect(isHttpPort({ name: 'web', port: 8080 }, true)).toBe(true);
  });
});

describe('redteam: several backends behind one Service', () => {
  it('a Service whose pods differ is denied when one pod refuses, and the reason names that pod', async () => {
    const two =
      SIDECAR +
      APPS +
      // A second Deployment behind the cart Service, in ambient (pod label), where ztunnel drops the L7 rule.
      deployment('cart-canary', 'shop', { labels: { app: 'cart', 'istio.io/dataplane-mode': 'ambient', 'sidecar.istio.io/inject': 'false' } }).split('---\n')[0] +
      '---\n' +
      policy('reads', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- to:\n  - operation:\n      methods: ["GET"]');
    const d = await decide(two, { method: 'GET' });
    expect(d.decision).toBe('DENY');
    expect(d.enforcement).toEqual(['ztunnel']);
    expect(d.reason).toContain('Deployment shop/cart-canary refuses it');
    expect(d.reason).toContain('Deployment shop/cart would admit it');
  });
});
