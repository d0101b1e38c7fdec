import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAccess } from '../src/authz/access.js';
import { evaluatePolicies } from '../src/authz/evaluator.js';
import type { RequestAttributes } from '../src/authz/rules.js';
import type { AuthorizationPolicy, AuthzAction } from '../src/model/kinds.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';

const NAMESPACES = ['front', 'shop', 'legacy'];
const PRINCIPALS = NAMESPACES.map((n) => `cluster.local/ns/${n}/sa/app`);
const METHODS = ['GET', 'POST', 'DELETE'];
const PATHS = ['/api/items', '/admin/users', '/healthz'];
const PORTS = ['8080', '9090'];

const pick = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1, maxLength: 2 });
const pattern = fc.oneof(
  fc.constantFrom(...PRINCIPALS),
  fc.constant('*'),
  fc.constant('cluster.local/ns/front/*'),
);
const source = fc.record(
  {
    principals: fc.array(pattern, { minLength: 1, maxLength: 2 }),
    namespaces: pick(NAMESPACES),
    notNamespaces: pick(NAMESPACES),
    requestPrincipals: fc.constant(['*']),
  },
  { requiredKeys: [] },
);
const operation = fc.record(
  { methods: pick(METHODS), paths: pick(PATHS), ports: pick(PORTS), notPaths: pick(PATHS) },
  { requiredKeys: [] },
);
const when = fc.oneof(
  fc.record({ key: fc.constant('source.namespace'), values: pick(NAMESPACES) }),
  fc.record({ key: fc.constant('request.headers[x-tenant]'), values: fc.constant(['blue']) }),
  fc.record({ key: fc.constant('destination.port'), values: pick(PORTS) }),
);
const rule = fc.record(
  {
    from: fc.array(fc.record({ source }), { minLength: 1, maxLength: 2 }),
    to: fc.array(fc.record({ operation }), { minLength: 1, maxLength: 2 }),
    when: fc.array(when, { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: [] },
);

function toPolicy(action: AuthzAction, rules: unknown[] | undefined, i: number): AuthorizationPolicy {
  return {
    resource: undefined as never,
    name: `p${i}`,
    namespace: 'shop',
    spec: {},
    selector: undefined,
    targetRefs: [],
    action,
    rules,
    dryRun: false,
  };
}

const policyArb = fc.tuple(fc.constantFrom<AuthzAction>('ALLOW', 'DENY', 'AUDIT', 'CUSTOM'), fc.option(fc.array(rule, { maxLength: 3 }), { nil: undefined }));
const policiesArb = fc.array(policyArb, { maxLength: 4 }).map((ps) => ps.map(([a, r], i) => toPolicy(a, r, i)));
const requestArb: fc.Arbitrary<RequestAttributes> = fc.record({
  principal: fc.option(fc.constantFrom(...PRINCIPALS), { nil: undefined }),
  port: fc.constantFrom(8080, 9090),
  http: fc.constant(true),
  method: fc.constantFrom(...METHODS),
  path: fc.constantFrom(...PATHS),
  headers: fc.constantFrom<Record<string, string>>({ 'x-tenant': 'blue' }, {}),
  requestPrincipal: fc.option(fc.constant('https://issuer/sub'), { nil: undefined }),
});

const L7_OP = ['methods', 'notMethods', 'paths', 'notPaths', 'hosts', 'notHosts'];
const L7_SRC = ['requestPrincipals', 'notRequestPrincipals', 'remoteIpBlocks', 'notRemoteIpBlocks', 'trustDomains', 'notTrustDomains'];
const L4_WHEN = ['source.ip', 'source.namespace', 'source.principal', 'destination.ip', 'destination.port'];

/**
 * What the ztunnel-l7-policy rule's documentation says ztunnel does, written independently of
 * src/authz: ALLOW rules with a layer-7 attribute are dropped; DENY rules lose their layer-7
 * attributes, and an entry left without attributes never matches; CUSTOM and AUDIT are ignored.
 */
function asZtunnelSees(p: AuthorizationPolicy): AuthorizationPolicy | undefined {
  if (p.action === 'CUSTOM' || p.action === 'AUDIT') return undefined;
  if (!p.rules) return p;
  const rules: unknown[] = [];
  for (const r of p.rules as Array<Record<string, Array<Record<string, Record<string, unknown>>>>>) {
    const hasL7 =
      (r.to ?? []).some((t) => L7_OP.some((f) => t.operation?.[f])) ||
      (r.from ?? []).some((f) => L7_SRC.some((k) => f.source?.[k])) ||
      (r.when ?? []).some((w) => !L4_WHEN.includes(w.key as unknown as string));
    if (!hasL7) {
      rules.push(keepL4(r) ?? NEVER);
      continue;
    }
    if (p.action === 'ALLOW') continue;
    rules.push(keepL4(r) ?? NEVER);
  }
  return { ...p, rules };
}

const NEVER = { to: [{ operation: { ports: ['0'] } }] };

function keepL4(r: Record<string, Array<Record<string, Record<string, unknown>>>>): unknown | undefined {
  const out: Record<string, unknown> = {};
  if (r.to) {
    const to = r.to.map((t) => ({ operation: strip(t.operation, L7_OP) })).filter((t) => Object.keys(t.operation).length > 0);
    if (to.length === 0) return undefined;
    out.to = to;
  }
  if (r.from) {
    const from = r.from.map((f) => ({ source: strip(f.source, L7_SRC) })).filter((f) => Object.keys(f.source).length > 0);
    if (from.length === 0) return undefined;
    out.from = from;
  }
  if (r.when) {
    if (r.when.some((w) => !L4_WHEN.includes(w.key as unknown as string))) return undefined;
    out.when = r.when;
  }
  return out;
}

function strip(obj: Record<string, unknown> | undefined, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj ?? {})) if (!fields.includes(k)) out[k] = v;
  return out;
}

describe('evaluator properties', () => {
  it('adding a DENY policy never allows more', () => {
    fc.assert(
      fc.property(policiesArb, fc.array(rule, { minLength: 1, maxLength: 2 }), requestArb, fc.constantFrom('envoy', 'ztunnel' as const), (ps, denyRules, req, enforcer) => {
        const withDeny = [...ps, toPolicy('DENY', denyRules, 99)];
        if (evaluatePolicies(withDeny, req, enforcer).decision === 'ALLOW') {
          expect(evaluatePolicies(ps, req, enforcer).decision).toBe('ALLOW');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the order of policies never changes a decision', () => {
    fc.assert(
      fc.property(policiesArb, requestArb, fc.constantFrom('envoy', 'ztunnel' as const), (ps, req, enforcer) => {
        const a = evaluatePolicies(ps, req, enforcer);
        const b = evaluatePolicies([...ps].reverse(), req, enforcer);
        expect(b.decision).toBe(a.decision);
      }),
      { numRuns: 300 },
    );
  });

  it('ztunnel decides as Envoy would over the policies with layer-7 attributes handled as documented', () => {
    fc.assert(
      fc.property(policiesArb, requestArb, (ps, req) => {
        const seen = ps.map(asZtunnelSees).filter((p): p is AuthorizationPolicy => p !== undefined);
        expect(evaluatePolicies(ps, req, 'ztunnel').decision).toBe(evaluatePolicies(seen, req, 'envoy').decision);
      }),
      { numRuns: 500 },
    );
  });

  it('a policy in an unrelated namespace never changes a decision', async () => {
    const base = ns('shop', { 'istio-injection': 'enabled' }) + ns('front', { 'istio-injection': 'enabled' }) + ns('other') + deployment('cart', 'shop') + deployment('web', 'front');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<AuthzAction>('ALLOW', 'DENY'), fc.array(rule, { maxLength: 2 }), fc.constantFrom('GET', 'POST'), async (action, rules, method) => {
        const spec = `action: ${action}\nrules: ${JSON.stringify(rules)}`;
        const decideIn = async (yaml: string) => {
          const model = await modelOf(yaml);
          const web = model.workloadsIn('front')[0]!;
          return checkAccess(model, { from: { kind: 'workload', workload: web }, to: { service: model.service('shop', 'cart')! }, port: 80, method, path: '/api/items' }).decision;
        };
        expect(await decideIn(base + policy('unrelated', 'other', spec))).toBe(await decideIn(base));
      }),
      { numRuns: 25 },
    );
  });

  it('reordering documents never changes a decision', async () => {
    const docs = [
      ns('shop', { 'istio-injection': 'enabled' }),
      ns('front', { 'istio-injection': 'enabled' }),
      deployment('cart', 'shop'),
      deployment('web', 'front'),
      policy('allow-front', 'shop', 'rules:\n- from:\n  - source:\n      namespaces: ["front"]\n  to:\n  - operation:\n      methods: ["GET"]'),
      policy('deny-admin', 'shop', 'action: DENY\nrules:\n- to:\n  - operation:\n      paths: ["/admin/*"]'),
    ];
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), fc.constantFrom('GET', 'POST'), fc.constantFrom(...PATHS), async (order, method, path) => {
        const decideIn = async (yaml: string) => {
          const model = await modelOf(yaml);
          const web = model.workloadsIn('front')[0]!;
          return checkAccess(model, { from: { kind: 'workload', workload: web }, to: { service: model.service('shop', 'cart')! }, port: 80, method, path }).decision;
        };
        expect(await decideIn(order.join(''))).toBe(await decideIn(docs.join('')));
      }),
      { numRuns: 20 },
    );
  });
});
