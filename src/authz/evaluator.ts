import { policyText, type AuthorizationPolicy } from '../model/kinds.js';
import type { PathNormalization } from '../model/mesh.js';
import { normalizePath } from './match.js';
import { matchRule, type Enforcer, type RequestAttributes, type RuleOutcome } from './rules.js';

/**
 * Offline authorization decisions, following the enforcement point the destination really has:
 * Envoy (sidecar or waypoint: CUSTOM, then DENY, then ALLOW; AUDIT never decides — istio
 * pilot/pkg/security/authz/builder/builder.go, istio/api security/v1beta1/authorization_policy.proto)
 * or ztunnel (DENY, then ALLOW; layer 4 only — ztunnel src/rbac.rs).
 */

export type Decision = 'ALLOW' | 'DENY';

export interface PolicyVerdict {
  policy: AuthorizationPolicy;
  outcome: 'match' | 'no-match' | 'skipped' | 'not-enforced';
  /** Index of the first matching rule. */
  rule?: number;
  note?: string;
}

export interface PolicyDecision {
  decision: Decision;
  /** The policy (and rule) that decided; none when the default decided. */
  decidedBy?: { policy: AuthorizationPolicy; rule?: number };
  reason: string;
  trace: PolicyVerdict[];
  /** At Envoy, when normalization changed (or refused) the request path: what the policies were matched against. */
  path?: { given: string; matched: string; mode: PathNormalization; rejected?: string };
}

/** What the mesh config changes about an evaluation at Envoy. */
export interface EvaluationOptions {
  /** `meshConfig.pathNormalization` (default BASE, as in Istio). */
  pathNormalization?: PathNormalization;
  /** PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS (default false, as in Istio). */
  multipleCustomAuthzProviders?: boolean;
}

/**
 * The CUSTOM providers of the policies at one Envoy, when istiod refuses them: more than one
 * provider (dry-run policies count) with PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off
 * (pilot/pkg/security/authz/builder/builder.go, buildHTTP and buildTCP: getBadCustomDenyRules).
 */
export function conflictingCustomProviders(policies: readonly AuthorizationPolicy[], multipleAllowed = false): string[] | undefined {
  if (multipleAllowed) return undefined;
  let first: string | undefined;
  let several = false;
  for (const p of policies) {
    if (p.action !== 'CUSTOM') continue;
    const name = p.provider ?? '';
    if (first === undefined) first = name;
    else if (name !== first) several = true;
  }
  if (!several) return undefined;
  return [...new Set(policies.filter((p) => p.action === 'CUSTOM').map((p) => p.provider ?? ''))].sort();
}

function firstMatch(p: AuthorizationPolicy, req: RequestAttributes, enforcer: Enforcer): { outcome: RuleOutcome; rule?: number } {
  if (!p.rules) return { outcome: 'no-match' };
  let sawSkipped = false;
  for (let i = 0; i < p.rules.length; i++) {
    const o = matchRule(p.rules[i], req, { action: p.action, enforcer, policyNamespace: p.namespace });
    if (o === 'match') return { outcome: 'match', rule: i };
    if (o === 'skipped') sawSkipped = true;
  }
  return { outcome: sawSkipped ? 'skipped' : 'no-match' };
}

/** Decide a request against the policies attached at one enforcement point. */
export function evaluatePolicies(policies: readonly AuthorizationPolicy[], given: RequestAttributes, enforcer: Enforcer, opts: EvaluationOptions = {}): PolicyDecision {
  const trace: PolicyVerdict[] = [];
  let req = given;
  let path: PolicyDecision['path'];
  // Envoy normalizes the path once, before any filter (ztunnel sees no path).
  if (enforcer === 'envoy' && req.http && req.path !== undefined) {
    const mode = opts.pathNormalization ?? 'BASE';
    const n = normalizePath(req.path, mode);
    if (n.rejected) {
      return {
        decision: 'DENY',
        reason: `Envoy rejects the path "${req.path}" (${n.rejected}) with HTTP 400 before any policy is evaluated`,
        trace,
        path: { given: req.path, matched: req.path, mode, rejected: n.rejected },
      };
    }
    if (n.path !== req.path) {
      path = { given: req.path, matched: n.path, mode };
      req = { ...req, path: n.path };
    }
  }
  const done = (d: Omit<PolicyDecision, 'trace' | 'path'>): PolicyDecision => (path ? { ...d, trace, path } : { ...d, trace });
  const sorted = [...policies].sort(policyOrder);
  const enforced = sorted.filter((p) => !p.dryRun);
  for (const p of sorted) if (p.dryRun) trace.push({ policy: p, outcome: 'not-enforced', note: 'dry-run (istio.io/dry-run) policies only log' });
  if (enforcer === 'envoy') {
    const conflict = conflictingCustomProviders(sorted, opts.multipleCustomAuthzProviders);
    for (const p of enforced.filter((x) => x.action === 'CUSTOM')) {
      const m = firstMatch(p, req, enforcer);
      if (conflict) {
        // istiod builds DENY rules from them instead of calling any external authorizer.
        const why = `CUSTOM policies of several providers (${conflict.map((x) => `"${x}"`).join(', ')}) apply and PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS is off, so istiod turns their rules into DENY rules`;
        trace.push({ policy: p, outcome: m.outcome, rule: m.rule, note: m.outcome === 'match' ? why : 'acts as DENY (several CUSTOM providers, PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off)' });
        if (m.outcome === 'match') {
          return done({ decision: 'DENY', decidedBy: { policy: p, rule: m.rule }, reason: `CUSTOM policy ${policyText(p)} rule ${m.rule} matches, and it acts as DENY: ${why}` });
        }
        continue;
      }
      trace.push({ policy: p, outcome: m.outcome, rule: m.rule, note: m.outcome === 'match' ? 'the external authorizer decides; assumed to allow' : undefined });
    }
  } else {
    for (const p of enforced.filter((x) => x.action === 'CUSTOM' || x.action === 'AUDIT')) {
      trace.push({ policy: p, outcome: 'not-enforced', note: `ztunnel does not enforce ${p.action} policies` });
    }
  }
  for (const p of enforced.filter((x) => x.action === 'DENY')) {
    const m = firstMatch(p, req, enforcer);
    trace.push({ policy: p, outcome: m.outcome, rule: m.rule });
    if (m.outcome === 'match') {
      return done({ decision: 'DENY', decidedBy: { policy: p, rule: m.rule }, reason: `DENY policy ${policyText(p)} rule ${m.rule} matches` });
    }
  }
  const allows = enforced.filter((x) => x.action === 'ALLOW');
  if (allows.length === 0) return done({ decision: 'ALLOW', reason: 'no ALLOW policy applies, and no DENY policy matches' });
  for (const p of allows) {
    const m = firstMatch(p, req, enforcer);
    trace.push({ policy: p, outcome: m.outcome, rule: m.rule, note: m.outcome === 'skipped' ? skipNote(enforcer) : undefined });
    if (m.outcome === 'match') {
      return done({ decision: 'ALLOW', decidedBy: { policy: p, rule: m.rule }, reason: `ALLOW policy ${policyText(p)} rule ${m.rule} matches` });
    }
  }
  return done({
    decision: 'DENY',
    decidedBy: { policy: allows[0]! },
    reason: `ALLOW policies apply (${allows.map((p) => `${policyText(p)}`).join(', ')}) and none matches`,
  });
}

function skipNote(enforcer: Enforcer): string {
  return enforcer === 'ztunnel'
    ? 'its rules that use HTTP attributes are dropped by ztunnel, and no other rule matches'
    : 'its rules that use HTTP attributes are skipped on a non-HTTP port, and no other rule matches';
}

function policyOrder(a: AuthorizationPolicy, b: AuthorizationPolicy): number {
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Whether traffic to this port is parsed as HTTP by Envoy, from the Service port as istio reads it
 * (pkg/config/kube/conversion.go ConvertProtocol; pkg/config/protocol/instance.go): UDP is not;
 * `appProtocol` wins over the name (`kubernetes.io/h2c` and `kubernetes.io/ws` are HTTP,
 * `kubernetes.io/wss` is not); `grpc-web`, else the name up to its first `-`; http, http2,
 * http_proxy, grpc, grpc-web are HTTP; tcp, tls, https, mongo, mysql, redis are not; an unknown or
 * missing protocol is sniffed (HTTP when the request is HTTP) except on the well-known ports 25, 53,
 * 3306 and 27017, which are TCP.
 */
export function isHttpPort(port: { name?: string; appProtocol?: string; port?: number; protocol?: string } | undefined, requestHasHttp: boolean): boolean {
  if (port?.protocol?.toUpperCase() === 'UDP') return false;
  let name = (port?.appProtocol ?? port?.name ?? '').toLowerCase();
  if (port?.appProtocol !== undefined) {
    if (name === 'kubernetes.io/h2c' || name === 'kubernetes.io/ws') return true;
    if (name === 'kubernetes.io/wss') return false;
  }
  if (name.startsWith('grpc-web')) return true;
  name = name.split('-')[0]!;
  if (['http', 'http2', 'http_proxy', 'grpc'].includes(name)) return true;
  if (['tcp', 'tls', 'https', 'mongo', 'mysql', 'redis', 'udp'].includes(name)) return false;
  if (port?.port !== undefined && [25, 53, 3306, 27017].includes(port.port)) return false;
  // Sniffed by the sidecar: HTTP traffic is handled as HTTP.
  return requestHasHttp;
}
