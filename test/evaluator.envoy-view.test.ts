import { describe, expect, it } from 'vitest';
import { checkAccess, type AccessRequest, type Peer } from '../src/authz/access.js';
import { evaluatePolicies } from '../src/authz/evaluator.js';
import type { MeshSettings } from '../src/model/mesh.js';
import type { Model } from '../src/mesh/model.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';

/**
 * Envoy's view of the request (sidecars and waypoints), translated from Istio's own tests:
 *  [norm]   pilot/pkg/networking/core/listener_builder.go (pathNormalization → normalize_path,
 *           merge_slashes, path_with_escaped_slashes_action); istio.io reference
 *           "Authorization Policy Normalization" (its examples: `/some%2fdata/%61%62%63`,
 *           `/some\data`, `/some//data///abc`, `/public/./data/abc/../xyz`).
 *  [td]     pilot/pkg/security/trustdomain/bundle_test.go TestReplaceTrustDomainAliases;
 *           builder testdata simple-policy-td-aliases, simple-policy-principal-with-wildcard.
 *  [peer-td] pilot/pkg/networking/plugin/authn/util.go TrustDomainsForValidation (+ util_test.go);
 *           ztunnel src/tls/workload.rs TrustDomainVerifier (own trust domain only).
 *  [sni]    tests/integration/security/testdata/authz/conditions.yaml.tmpl `-connection-sni`
 *           (+ authz_test.go: /connection-sni-good allowed, -bad and -notValues denied);
 *           generator.go connSNIGenerator; model/service.go BuildDNSSrvSubsetKey.
 *  [custom] pilot/pkg/security/authz/builder/testdata/http/custom-bad-multiple-providers-in.yaml
 *           (two providers on one workload → DENY rules, builder.go buildHTTP).
 */

const SIDECAR = ns('shop', { 'istio-injection': 'enabled' }) + ns('front', { 'istio-injection': 'enabled' });
const AMBIENT = ns('shop', { 'istio.io/dataplane-mode': 'ambient' }) + ns('front', { 'istio.io/dataplane-mode': 'ambient' });
const APPS = deployment('cart', 'shop') + deployment('web', 'front');

function workloadPeer(model: Model, namespace: string, name: string): Peer {
  const w = model.workloadsIn(namespace).find((x) => x.name === name);
  if (!w) throw new Error(`no ${namespace}/${name}`);
  return { kind: 'workload', workload: w };
}

async function decide(yaml: string, req: Partial<AccessRequest> & { fromPrincipal?: string }, mesh: Partial<MeshSettings> = {}) {
  const model = await modelOf(yaml, mesh);
  const from: Peer = req.fromPrincipal ? { kind: 'principal', principal: req.fromPrincipal } : workloadPeer(model, 'front', 'web');
  return checkAccess(model, { to: { service: model.service('shop', 'cart')! }, port: 80, ...req, from });
}

const ALLOW_PUBLIC = policy('public-only', 'shop', 'rules:\n- to:\n  - operation:\n      paths: ["/public*"]');
const DENY_ADMIN = policy('no-admin', 'shop', 'action: DENY\nrules:\n- to:\n  - operation:\n      paths: ["/admin"]');
const DENY_ADMIN_USERS = policy('no-admin-users', 'shop', 'action: DENY\nrules:\n- to:\n  - operation:\n      paths: ["/admin/users"]');

describe('[norm] path normalization at the sidecar', () => {
  it('BASE (default): ALLOW /public* does not admit /public/../private', async () => {
    const d = await decide(SIDECAR + APPS + ALLOW_PUBLIC, { method: 'GET', path: '/public/../private' });
    expect(d.decision).toBe('DENY');
    const step = d.trace.find((t) => t.outcome === 'path');
    expect(step?.note).toBe('pathNormalization BASE: policies match "/private" (the request gave "/public/../private")');
  });
  it('NONE: the raw path is matched, /public/../private is admitted and no path line is traced', async () => {
    const d = await decide(SIDECAR + APPS + ALLOW_PUBLIC, { method: 'GET', path: '/public/../private' }, { pathNormalization: 'NONE' });
    expect(d.decision).toBe('ALLOW');
    expect(d.trace.some((t) => t.outcome === 'path')).toBe(false);
  });
  it('BASE: DENY /admin stops /app/../admin and /app/%2E./admin', async () => {
    for (const path of ['/app/../admin', '/app/%2E./admin', '/%61dmin', '/app/%2e%2e/admin']) {
      expect((await decide(SIDECAR + APPS + DENY_ADMIN, { method: 'GET', path })).decision, path).toBe('DENY');
    }
  });
  it('BASE: backslashes become slashes', async () => {
    expect((await decide(SIDECAR + APPS + DENY_ADMIN_USERS, { method: 'GET', path: '/admin\\users' })).decision).toBe('DENY');
  });
  it('BASE leaves // alone; MERGE_SLASHES merges it', async () => {
    const yaml = SIDECAR + APPS + DENY_ADMIN;
    expect((await decide(yaml, { method: 'GET', path: '//admin' })).decision).toBe('ALLOW');
    expect((await decide(yaml, { method: 'GET', path: '//admin' }, { pathNormalization: 'MERGE_SLASHES' })).decision).toBe('DENY');
  });
  it('%2F is decoded only by DECODE_AND_MERGE_SLASHES', async () => {
    const yaml = SIDECAR + APPS + DENY_ADMIN_USERS;
    for (const mode of ['NONE', 'BASE', 'MERGE_SLASHES'] as const) {
      expect((await decide(yaml, { method: 'GET', path: '/admin%2Fusers' }, { pathNormalization: mode })).decision, mode).toBe('ALLOW');
    }
    const d = await decide(yaml, { method: 'GET', path: '/admin%2fusers' }, { pathNormalization: 'DECODE_AND_MERGE_SLASHES' });
    expect(d.decision).toBe('DENY');
    expect(d.trace.find((t) => t.outcome === 'path')?.note).toContain('policies match "/admin/users"');
    // %5C decodes to a backslash, which normalization turns into a slash.
    expect((await decide(yaml, { method: 'GET', path: '/admin%5Cusers' }, { pathNormalization: 'DECODE_AND_MERGE_SLASHES' })).decision).toBe('DENY');
  });
  it('the query string stays out of the match and is not normalized', async () => {
    const d = await decide(SIDECAR + APPS + DENY_ADMIN, { method: 'GET', path: '/x/../admin?next=/a/../b' });
    expect(d.decision).toBe('DENY');
    expect(d.trace.find((t) => t.outcome === 'path')?.note).toContain('policies match "/admin?next=/a/../b"');
  });
  it('%00 is refused with 400 before any policy', async () => {
    const d = await decide(SIDECAR + APPS, { method: 'GET', path: '/a%00b' });
    expect(d.decision).toBe('DENY');
    expect(d.reason).toContain('HTTP 400');
  });
  it('ztunnel sees no path: normalization changes nothing there', async () => {
    const d = await decide(AMBIENT + APPS, { method: 'GET', path: '/a/../b' });
    expect(d.decision).toBe('ALLOW');
    expect(d.trace.some((t) => t.outcome === 'path')).toBe(false);
  });
  it('evaluatePolicies normalizes with BASE unless told otherwise', async () => {
    const model = await modelOf(SIDECAR + APPS + DENY_ADMIN);
    const req = { port: 8080, http: true, method: 'GET', path: '/a/../admin' };
    expect(evaluatePolicies(model.authorizationPolicies, req, 'envoy').decision).toBe('DENY');
    expect(evaluatePolicies(model.authorizationPolicies, req, 'envoy', { pathNormalization: 'NONE' }).decision).toBe('ALLOW');
  });
});

const FROM_WEB = (td: string) => `${td}/ns/front/sa/web`;

describe('[peer-td] peer trust-domain validation', () => {
  it('a sidecar refuses a caller of another trust domain, whatever the policies say', async () => {
    const d = await decide(SIDECAR + APPS + policy('allow-all', 'shop', 'rules:\n- {}'), { fromPrincipal: FROM_WEB('other-td') });
    expect(d.decision).toBe('DENY');
    expect(d.enforcement).toEqual(['sidecar']);
    expect(d.reason).toBe(
      'the peer\'s trust domain "other-td" is neither the mesh\'s trust domain "cluster.local" nor one of its trustDomainAliases: the sidecar of Deployment shop/cart refuses the mTLS handshake, whatever the policies say',
    );
    expect(d.trace.at(-1)?.outcome).toBe('handshake-refused');
  });
  it('a sidecar accepts the mesh trust domain and its aliases', async () => {
    expect((await decide(SIDECAR + APPS, { fromPrincipal: FROM_WEB('cluster.local') })).decision).toBe('ALLOW');
    expect((await decide(SIDECAR + APPS, { fromPrincipal: FROM_WEB('old-td') }, { trustDomainAliases: ['old-td'] })).decision).toBe('ALLOW');
    expect((await decide(SIDECAR + APPS, { fromPrincipal: FROM_WEB('cluster.local') }, { trustDomain: 'td1' })).decision).toBe('DENY');
  });
  it('ztunnel accepts only its own trust domain, aliases included', async () => {
    const d = await decide(AMBIENT + APPS, { fromPrincipal: FROM_WEB('old-td') }, { trustDomainAliases: ['old-td'] });
    expect(d.decision).toBe('DENY');
    expect(d.enforcement).toEqual(['ztunnel']);
    expect(d.reason).toContain('is not the mesh\'s trust domain "cluster.local" (ztunnel ignores trustDomainAliases)');
    expect((await decide(AMBIENT + APPS, { fromPrincipal: FROM_WEB('cluster.local') })).decision).toBe('ALLOW');
  });
});

describe('[td] principals rewritten across the trust domain and its aliases', () => {
  const ALLOW_WEB = (principal: string) => policy('web-only', 'shop', `rules:\n- from:\n  - source:\n      principals: ["${principal}"]`);
  it('a principal written with an alias matches callers of the mesh trust domain', async () => {
    const mesh = { trustDomain: 'td2', trustDomainAliases: ['td1'] };
    expect((await decide(SIDECAR + APPS + ALLOW_WEB('td1/ns/front/sa/web'), {}, mesh)).decision).toBe('ALLOW');
    // …and callers still presenting the alias.
    expect((await decide(SIDECAR + APPS + ALLOW_WEB('td2/ns/front/sa/web'), { fromPrincipal: FROM_WEB('td1') }, mesh)).decision).toBe('ALLOW');
  });
  it('cluster.local stands for the mesh trust domain only: not for a cluster.local caller when it is no alias', async () => {
    const yaml = SIDECAR + APPS + ALLOW_WEB('cluster.local/ns/front/sa/web');
    expect((await decide(yaml, {}, { trustDomain: 'td1' })).decision).toBe('ALLOW');
    // Accepted at the handshake as an alias of td1, then matched as rewritten.
    expect((await decide(yaml, { fromPrincipal: FROM_WEB('cluster.local') }, { trustDomain: 'td1', trustDomainAliases: ['cluster.local'] })).decision).toBe('ALLOW');
  });
  it('the rule alone: a cluster.local peer does not match a cluster.local principal under trust domain td1', async () => {
    const model = await modelOf(SIDECAR + APPS + ALLOW_WEB('cluster.local/ns/front/sa/web'));
    const req = { port: 8080, http: true, principal: 'cluster.local/ns/front/sa/web', trustDomain: 'td1' };
    expect(evaluatePolicies(model.authorizationPolicies, req, 'envoy').decision).toBe('DENY');
    expect(evaluatePolicies(model.authorizationPolicies, { ...req, trustDomainAliases: ['cluster.local'] }, 'envoy').decision).toBe('ALLOW');
  });
  it('a principal of an unrelated trust domain is kept as written and does not match the mesh\'s callers', async () => {
    expect((await decide(SIDECAR + APPS + ALLOW_WEB('some-td/ns/front/sa/web'), {}, { trustDomain: 'td1', trustDomainAliases: ['td2'] })).decision).toBe('DENY');
  });
  it('*bar/ns/… gets the mesh trust domain added when it matches an alias (principal-with-wildcard testdata)', async () => {
    const yaml = SIDECAR + APPS + ALLOW_WEB('*bar/ns/front/sa/web');
    expect((await decide(yaml, {}, { trustDomain: 'td1', trustDomainAliases: ['foobar'] })).decision).toBe('ALLOW');
    expect((await decide(yaml, {}, { trustDomain: 'td1' })).decision).toBe('DENY');
    expect((await decide(yaml, { fromPrincipal: FROM_WEB('foobar') }, { trustDomain: 'td1', trustDomainAliases: ['foobar'] })).decision).toBe('ALLOW');
  });
  it('*/ns/… enforces no trust domain', async () => {
    expect((await decide(SIDECAR + APPS + ALLOW_WEB('*/ns/front/sa/web'), {}, { trustDomain: 'td1' })).decision).toBe('ALLOW');
  });
  it('trustDomains values naming a known trust domain stand for the whole bundle', async () => {
    const yaml = SIDECAR + APPS + policy('td', 'shop', 'rules:\n- from:\n  - source:\n      trustDomains: ["old-td"]');
    expect((await decide(yaml, {}, { trustDomain: 'new-td', trustDomainAliases: ['old-td'] })).decision).toBe('ALLOW');
    expect((await decide(yaml, {}, { trustDomain: 'new-td' })).decision).toBe('DENY');
  });
});

describe('[sni] connection.sni', () => {
  const SNI = policy(
    'cart-connection-sni',
    'shop',
    `rules:
- to:
  - operation:
      paths: ["/connection-sni-good"]
  when:
  - key: connection.sni
    values: ["*.cart.shop.svc.cluster.local"]
- to:
  - operation:
      paths: ["/connection-sni-bad"]
  when:
  - key: connection.sni
    values: ["never-matched"]
- to:
  - operation:
      paths: ["/connection-sni-notValues"]
  when:
  - key: connection.sni
    notValues: ["*.cart.shop.svc.cluster.local"]`,
  );
  it('a sidecar client sends outbound_.<port>_._.<host>: -good allowed, -bad and -notValues denied', async () => {
    expect((await decide(SIDECAR + APPS + SNI, { method: 'GET', path: '/connection-sni-good' })).decision).toBe('ALLOW');
    expect((await decide(SIDECAR + APPS + SNI, { method: 'GET', path: '/connection-sni-bad' })).decision).toBe('DENY');
    expect((await decide(SIDECAR + APPS + SNI, { method: 'GET', path: '/connection-sni-notValues' })).decision).toBe('DENY');
  });
  it('the exact SNI includes the Service port', async () => {
    const exact = (v: string) => policy('sni', 'shop', `rules:\n- when:\n  - key: connection.sni\n    values: ["${v}"]`);
    expect((await decide(SIDECAR + APPS + exact('outbound_.80_._.cart.shop.svc.cluster.local'), { method: 'GET', path: '/' })).decision).toBe('ALLOW');
    expect((await decide(SIDECAR + APPS + exact('outbound_.8080_._.cart.shop.svc.cluster.local'), { method: 'GET', path: '/' })).decision).toBe('DENY');
  });
  it('a client without a sidecar sends no SNI', async () => {
    const yaml = ns('shop', { 'istio-injection': 'enabled' }) + ns('front') + APPS + SNI;
    expect((await decide(yaml, { method: 'GET', path: '/connection-sni-good' })).decision).toBe('DENY');
  });
});

describe('[custom] several CUSTOM providers on one workload', () => {
  const TWO = policy('cart-1', 'shop', 'action: CUSTOM\nprovider:\n  name: default\nrules:\n- to:\n  - operation:\n      paths: ["/httpbin1"]') +
    policy('cart-2', 'shop', 'action: CUSTOM\nprovider:\n  name: another\nrules:\n- to:\n  - operation:\n      paths: ["/httpbin2"]');
  it('off (default): the CUSTOM rules act as DENY', async () => {
    const d = await decide(SIDECAR + APPS + TWO, { method: 'GET', path: '/httpbin2' });
    expect(d.decision).toBe('DENY');
    expect(d.decidedBy).toMatchObject({ name: 'cart-2', rule: 0 });
    expect(d.reason).toContain('PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS is off');
    expect((await decide(SIDECAR + APPS + TWO, { method: 'GET', path: '/other' })).decision).toBe('ALLOW');
  });
  it('on: each provider decides (assumed to allow)', async () => {
    expect((await decide(SIDECAR + APPS + TWO, { method: 'GET', path: '/httpbin2' }, { multipleCustomAuthzProviders: true })).decision).toBe('ALLOW');
  });
  it('one provider in several policies is fine', async () => {
    const one = TWO.replace('name: another', 'name: default');
    expect((await decide(SIDECAR + APPS + one, { method: 'GET', path: '/httpbin2' })).decision).toBe('ALLOW');
  });
});
