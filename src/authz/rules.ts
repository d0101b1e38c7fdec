import { arr, isRecord } from '../model/resource.js';
import { CLUSTER_LOCAL_TRUST_DOMAIN, expandTrustDomainAliases, ipInCidr, matchAny, matchNamespace, matchPath, matchServiceAccount, matchString, replaceTrustDomainAliases } from './match.js';
import { L4_WHEN_KEYS, L7_OPERATION_FIELDS, L7_SOURCE_FIELDS, ZTUNNEL_IGNORED_SOURCE_FIELDS } from './ztunnel.js';

/**
 * Matching one AuthorizationPolicy rule against a request, as Envoy's RBAC filter does with the
 * config istiod generates (istio pilot/pkg/security/authz/model/model.go, generator.go), and as
 * ztunnel does with the layer-4 subset (pilot/pkg/serviceregistry/ambient/authorization.go,
 * ztunnel src/rbac.rs).
 */

/** What the enforcement point knows about a request. Absent values are unknown or absent. */
export interface RequestAttributes {
  /** The peer's mTLS identity (`<td>/ns/<ns>/sa/<sa>`); undefined for plaintext. */
  principal?: string;
  sourceIp?: string;
  destinationIp?: string;
  port: number;
  /** Whether the enforcement point parses this traffic as HTTP (Envoy on an HTTP port). */
  http: boolean;
  method?: string;
  path?: string;
  host?: string;
  /** Lower-cased header names. */
  headers?: Readonly<Record<string, string>>;
  /** The JWT principal (`<iss>/<sub>`) when a RequestAuthentication validated one. */
  requestPrincipal?: string;
  /**
   * The mesh's trust domain. At Envoy, policy principals written with `cluster.local`, the trust
   * domain or one of its aliases stand for all of them (pilot/pkg/security/trustdomain/bundle.go,
   * ReplaceTrustDomainAliases, applied by authz/model/model.go); ztunnel gets the values as written.
   */
  trustDomain?: string;
  /** `meshConfig.trustDomainAliases`. */
  trustDomainAliases?: readonly string[];
  /**
   * The SNI of the peer's TLS connection (`connection.sni`): a sidecar client calling a Service
   * sends `outbound_.<port>_.<subset>_.<host>`; undefined when there is none or it is unknown.
   */
  sni?: string;
}

export type Enforcer = 'envoy' | 'ztunnel';

/** HTTP-only attributes: Envoy cannot evaluate them on a TCP chain (generator.go returns errors). */
const HTTP_ONLY_OPERATION = new Set(['hosts', 'notHosts', 'methods', 'notMethods', 'paths', 'notPaths']);
const HTTP_ONLY_SOURCE = new Set(['requestPrincipals', 'notRequestPrincipals']);
const isHttpWhenKey = (k: string) => k.startsWith('request.');

export type RuleOutcome = 'match' | 'no-match' | 'skipped';

function strings(v: unknown): string[] {
  return arr(v).filter((x): x is string => typeof x === 'string');
}

function principalNamespace(principal: string | undefined): string | undefined {
  const m = principal ? /\/ns\/([^/]+)\/sa\//.exec(principal) : null;
  return m ? m[1] : undefined;
}

function principalServiceAccount(principal: string | undefined): { ns: string; sa: string } | undefined {
  const m = principal ? /\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal) : null;
  return m ? { ns: m[1]!, sa: m[2]! } : undefined;
}

/** Evaluate one attribute with its positive and negative values; `ignored` drops it (treated as absent). */
type Check = (values: string[], value: string | undefined) => boolean;

function field(values: string[], notValues: string[], actual: string | undefined, check: Check): boolean {
  if (values.length > 0 && !check(values, actual)) return false;
  if (notValues.length > 0 && actual !== undefined && check(notValues, actual)) return false;
  return true;
}

const checkString: Check = (values, v) => matchAny(values, v);
/** Envoy's namespace regex (generator.go, srcNamespaceGenerator): `*` anywhere is a wildcard. */
const checkNamespaceEnvoy: Check = (values, v) => v !== undefined && values.some((p) => matchNamespace(p, v));
const checkIp: Check = (values, v) => v !== undefined && values.some((c) => ipInCidr(v, c));
const checkPort: Check = (values, v) => v !== undefined && values.includes(v);
const checkPath: Check = (values, v) => v !== undefined && values.some((p) => matchPath(p, v));
const checkHost: Check = (values, v) => v !== undefined && values.some((p) => matchString(p.toLowerCase(), v.toLowerCase()));
// `:method` header matcher (generator.go methodGenerator, matcher/header.go): exact, prefix*, *suffix, * presence.
const checkMethod: Check = (values, v) => v !== undefined && values.some((p) => matchString(p, v));

/** The trust domain bundle istiod builds (plugin/authz/authorization.go, trustdomain.NewBundle). */
function bundleOf(req: RequestAttributes): readonly string[] {
  const td = req.trustDomain ?? CLUSTER_LOCAL_TRUST_DOMAIN;
  return req.trustDomainAliases && req.trustDomainAliases.length > 0 ? [td, ...req.trustDomainAliases] : [td];
}

/**
 * Envoy principal matching: each policy principal is first rewritten across the trust domain and
 * its aliases (trustdomain/bundle.go, ReplaceTrustDomainAliases), and Envoy compares the peer with
 * the rewritten values only — so `cluster.local/ns/a/sa/b` under trust domain `td1` matches
 * `td1/ns/a/sa/b`, not `cluster.local/ns/a/sa/b` (unless `cluster.local` is an alias).
 */
function principalCheck(req: RequestAttributes): Check {
  const bundle = bundleOf(req);
  return (values, v) => {
    if (v === undefined) return false;
    return values.some((p) => replaceTrustDomainAliases(p, bundle).some((x) => matchString(x, v)));
  };
}

/** `trustDomains` / `source.trustDomain` at Envoy: a known trust domain stands for the whole bundle (ExpandTrustDomainAliases). */
function trustDomainCheck(req: RequestAttributes): Check {
  const bundle = bundleOf(req);
  return (values, v) => v !== undefined && expandTrustDomainAliases(values, bundle).some((p) => matchString(p, v));
}

/** Which fields a given enforcer drops from a rule, and whether that drops the whole rule. */
function dropped(enforcer: Enforcer, http: boolean): { operation: Set<string>; source: Set<string>; when: (k: string) => boolean } {
  if (enforcer === 'ztunnel') {
    return {
      operation: new Set<string>(L7_OPERATION_FIELDS),
      source: new Set<string>(L7_SOURCE_FIELDS),
      when: (k) => !L4_WHEN_KEYS.has(k),
    };
  }
  // (trustDomains are not HTTP attributes: at ztunnel they are ignored, see matchRule.)
  if (!http) return { operation: HTTP_ONLY_OPERATION, source: HTTP_ONLY_SOURCE, when: isHttpWhenKey };
  return { operation: new Set(), source: new Set(), when: () => false };
}

function nonEmpty(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0;
}

/**
 * Whether a rule matches. For ALLOW, a rule using an attribute the enforcer cannot see is skipped
 * (it never matches); for DENY (and AUDIT) such attributes are ignored and the rest is evaluated.
 * At ztunnel, a part (`to`, `from`, a `when`) left with no attribute never matches.
 */
export function matchRule(
  rule: unknown,
  req: RequestAttributes,
  ctx: { action: 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM'; enforcer: Enforcer; policyNamespace: string },
): RuleOutcome {
  if (!isRecord(rule)) return 'no-match';
  const drop = dropped(ctx.enforcer, req.http);
  // checkError (model.go) fails the rule only for RBAC ALLOW; CUSTOM is built as RBAC DENY
  // (builder.go, build(customPolicies, RBAC_DENY)), so like DENY it just ignores the attribute.
  const allow = ctx.action === 'ALLOW';
  // A rule with any dropped attribute is skipped whole for ALLOW (model.go checkError; ambient handleRule).
  let usesDropped = false;
  for (const to of arr(rule.to)) {
    const op = isRecord(to) && isRecord(to.operation) ? to.operation : {};
    for (const f of drop.operation) if (nonEmpty(op[f])) usesDropped = true;
  }
  for (const from of arr(rule.from)) {
    const s = isRecord(from) && isRecord(from.source) ? from.source : {};
    for (const f of drop.source) if (nonEmpty(s[f])) usesDropped = true;
  }
  for (const w of arr(rule.when)) if (isRecord(w) && typeof w.key === 'string' && drop.when(w.key)) usesDropped = true;
  if (usesDropped && allow) return 'skipped';
  const ztunnel = ctx.enforcer === 'ztunnel';

  const to = arr(rule.to);
  if (to.length > 0) {
    const any = to.some((entry) => {
      const op = isRecord(entry) && isRecord(entry.operation) ? entry.operation : {};
      const keep = (f: string) => !drop.operation.has(f);
      if (ztunnel && !['ports', 'notPorts'].some((f) => nonEmpty(op[f]))) return false;
      return (
        (!keep('hosts') || field(strings(op.hosts), strings(op.notHosts), req.host, checkHost)) &&
        (!keep('methods') || field(strings(op.methods), strings(op.notMethods), req.method, checkMethod)) &&
        (!keep('paths') || field(strings(op.paths), strings(op.notPaths), req.path, checkPath)) &&
        field(strings(op.ports), strings(op.notPorts), String(req.port), checkPort)
      );
    });
    if (!any) return 'no-match';
  }

  const from = arr(rule.from);
  if (from.length > 0) {
    const ns = principalNamespace(req.principal);
    const sa = principalServiceAccount(req.principal);
    const any = from.some((entry) => {
      const s = isRecord(entry) && isRecord(entry.source) ? entry.source : {};
      const keep = (f: string) => !drop.source.has(f);
      if (ztunnel && !['ipBlocks', 'notIpBlocks', 'namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts', 'principals', 'notPrincipals'].some((f) => nonEmpty(s[f]))) {
        return false;
      }
      const saCheck: Check = (values) => sa !== undefined && values.some((e) => matchServiceAccount(e, ctx.policyNamespace, sa.ns, sa.sa));
      // ztunnel never receives trustDomains (handleRule builds no match for them, and they are not
      // in httpSources): ignored, the entry is matched on its other fields.
      const ignored = (f: string) => ztunnel && (ZTUNNEL_IGNORED_SOURCE_FIELDS as readonly string[]).includes(f);
      return (
        field(strings(s.principals), strings(s.notPrincipals), req.principal, ztunnel ? checkString : principalCheck(req)) &&
        field(strings(s.namespaces), strings(s.notNamespaces), ns, ztunnel ? checkString : checkNamespaceEnvoy) &&
        field(strings(s.serviceAccounts), strings(s.notServiceAccounts), sa ? `${sa.ns}/${sa.sa}` : undefined, saCheck) &&
        field(strings(s.ipBlocks), strings(s.notIpBlocks), req.sourceIp, checkIp) &&
        (!keep('requestPrincipals') || field(strings(s.requestPrincipals), strings(s.notRequestPrincipals), req.requestPrincipal, checkString)) &&
        (!keep('remoteIpBlocks') || field(strings(s.remoteIpBlocks), strings(s.notRemoteIpBlocks), req.sourceIp, checkIp)) &&
        (ignored('trustDomains') || field(strings(s.trustDomains), strings(s.notTrustDomains), req.principal?.split('/')[0], trustDomainCheck(req)))
      );
    });
    if (!any) return 'no-match';
  }

  for (const w of arr(rule.when)) {
    if (!isRecord(w) || typeof w.key !== 'string') return 'no-match';
    if (drop.when(w.key)) {
      if (ztunnel) return 'no-match';
      continue;
    }
    const values = strings(w.values);
    const notValues = strings(w.notValues);
    if (ztunnel && values.length === 0 && notValues.length === 0) return 'no-match';
    if (!matchWhen(w.key, values, notValues, req, ctx.policyNamespace, ztunnel)) return 'no-match';
  }
  return 'match';
}

function matchWhen(key: string, values: string[], notValues: string[], req: RequestAttributes, policyNamespace: string, ztunnel: boolean): boolean {
  switch (key) {
    case 'source.ip':
    case 'remote.ip':
      return field(values, notValues, req.sourceIp, checkIp);
    case 'destination.ip':
      return field(values, notValues, req.destinationIp, checkIp);
    case 'destination.port':
      return field(values, notValues, String(req.port), checkPort);
    case 'source.namespace':
      return field(values, notValues, principalNamespace(req.principal), ztunnel ? checkString : checkNamespaceEnvoy);
    case 'source.principal':
      return field(values, notValues, req.principal, ztunnel ? checkString : principalCheck(req));
    case 'source.serviceAccount': {
      // generator.go srcServiceAccountGenerator: `<ns>/<sa>` or `<sa>` in the policy's namespace, exact.
      const sa = principalServiceAccount(req.principal);
      const check: Check = (vals) => sa !== undefined && vals.some((e) => matchServiceAccount(e, policyNamespace, sa.ns, sa.sa));
      return field(values, notValues, sa ? `${sa.ns}/${sa.sa}` : undefined, check);
    }
    case 'source.trustDomain':
      return field(values, notValues, req.principal?.split('/')[0], ztunnel ? checkString : trustDomainCheck(req));
    case 'connection.sni':
      // generator.go connSNIGenerator: Istio's string matcher (exact, `prefix*`, `*suffix`, `*`) on
      // the TLS SNI (Envoy's requested_server_name); no SNI matches no value.
      return field(values, notValues, req.sni, checkString);
    case 'request.auth.principal':
      return field(values, notValues, req.requestPrincipal, checkString);
    default: {
      const header = /^request\.headers\[(.+)\]$/.exec(key);
      if (header) return field(values, notValues, req.headers?.[header[1]!.toLowerCase()], checkString);
      // Claims, audiences, presenter: not modelled; a request carries none of them.
      return field(values, notValues, undefined, checkString);
    }
  }
}
