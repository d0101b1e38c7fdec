// JWT attributes come from the jwt_authn filter's metadata: istio
// pilot/pkg/security/authz/model/generator.go (requestPrincipalGenerator, MetadataStringMatcherForJWTClaim),
// pilot/pkg/security/authn/policy_applier.go (JwtFilter: no filter without RequestAuthentication rules),
// pilot/pkg/model/authentication.go and policyattachment.go (which RequestAuthentications attach). See README.md.
import { fieldLabel, sourceFieldUses, type SourceFieldUse } from '../../src/authz/fields.js';
import { defineRule, docsUrl, ignoreNamespacesSchema, type MeshRuleContext } from '../../src/engine/rule.js';
import type { AuthorizationPolicy, SelectingPolicy, TargetRef } from '../../src/model/kinds.js';
import { isIstioGatewayWorkload, type Model } from '../../src/mesh/model.js';
import { arr, isRecord, str, type Labels } from '../../src/model/resource.js';
import type { DataplaneResolution } from '../../src/model/dataplane.js';
import type { Workload } from '../../src/model/workloads.js';
import { READS, reads } from '../../src/model/reads.js';

const FIELDS = {
  source: [
    ['requestPrincipals', false],
    ['notRequestPrincipals', true],
  ],
  when: ['request.auth.principal', 'request.auth.audiences', 'request.auth.presenter', 'request.auth.claims['],
} as const;

const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const WAYPOINT_CLASS = 'istio-waypoint';

function subset(selector: Labels | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

function workloadLabel(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

function describe(names: readonly string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

/** Issuers of a RequestAuthentication's `jwtRules`; undefined when a rule has none (unknown). */
function issuersOf(ra: SelectingPolicy): string[] | undefined {
  const out: string[] = [];
  for (const rule of arr(ra.spec.jwtRules)) {
    const iss = isRecord(rule) ? str(rule.issuer) : undefined;
    if (!iss) return undefined;
    out.push(iss);
  }
  return out;
}

function hasJwtRules(ra: SelectingPolicy): boolean {
  return arr(ra.spec.jwtRules).length > 0;
}

function refKey(ns: string, kind: string, name: string): string {
  return `${ns}\u0000${kind}\u0000${name}`;
}

function refKind(ref: TargetRef): string | undefined {
  const group = ref.group === 'core' ? '' : ref.group;
  if (ref.kind === 'Service' && group === '') return 'Service';
  if (ref.kind === 'Gateway' && group === GATEWAY_GROUP) return 'Gateway';
  if (ref.kind === 'GatewayClass' && group === GATEWAY_GROUP) return 'GatewayClass';
  if (ref.kind === 'ServiceEntry' && group === 'networking.istio.io') return 'ServiceEntry';
  return undefined;
}

/** One place that enforces the policy, and the RequestAuthentications that reach it. */
interface Point {
  name: string;
  requestAuthentications: SelectingPolicy[];
  /** The workload's data plane, when the point is a workload's sidecar. */
  dataplane?: DataplaneResolution;
}

class Finder {
  /** RequestAuthentications with rules, by the `targetRefs` they attach to. */
  private readonly byTarget = new Map<string, SelectingPolicy[]>();
  /** Service-attached RequestAuthentications, for waypoints that serve those Services. */
  private readonly serviceAttached: Array<{ ra: SelectingPolicy; ns: string; name: string }> = [];

  constructor(private readonly model: Model) {
    for (const ra of model.requestAuthentications) {
      if (!hasJwtRules(ra)) continue;
      for (const ref of ra.targetRefs) {
        const kind = refKind(ref);
        if (!kind) continue;
        // A targetRef to another namespace never matches (policyattachment.go).
        if (ref.namespace && ref.namespace !== ra.namespace) continue;
        const key = refKey(ra.namespace, kind, ref.name);
        this.byTarget.set(key, [...(this.byTarget.get(key) ?? []), ra]);
        if (kind === 'Service') this.serviceAttached.push({ ra, ns: ra.namespace, name: ref.name });
      }
    }
  }

  private attached(ns: string, kind: string, name: string): SelectingPolicy[] {
    return this.byTarget.get(refKey(ns, kind, name)) ?? [];
  }

  private readonly selectingCache = new Map<Workload, SelectingPolicy[]>();

  /** Selector and namespace-wide RequestAuthentications of a workload (authentication.go, getConfigsForWorkload), once per workload. */
  private selecting(w: Workload): SelectingPolicy[] {
    const cached = this.selectingCache.get(w);
    if (cached) return cached;
    const out: SelectingPolicy[] = [];
    this.selectingCache.set(w, out);
    const consider = (ns: string) => {
      for (const ra of this.model.policiesIn<SelectingPolicy>('RequestAuthentication', ns)) {
        if (ra.targetRefs.length === 0 && hasJwtRules(ra) && subset(ra.selector, w.podLabels)) out.push(ra);
      }
    };
    consider(w.namespace);
    if (w.namespace !== this.model.rootNamespace) consider(this.model.rootNamespace);
    const gatewayName = w.podLabels['gateway.networking.k8s.io/gateway-name'];
    if (gatewayName) out.push(...this.attached(w.namespace, 'Gateway', gatewayName));
    return out;
  }

  /**
   * Where Envoy evaluates a selector (or namespace-wide) policy: its workloads that have a sidecar,
   * and Istio gateways. Ambient workloads without a waypoint are ztunnel's (see ztunnel-l7-policy);
   * workloads without a proxy enforce nothing.
   */
  selectorPoints(p: AuthorizationPolicy): Point[] {
    const out: Point[] = [];
    for (const w of this.model.policyWorkloads(p)) {
      if (w.dataplane.mode !== 'sidecar' && !isIstioGatewayWorkload(w)) continue;
      out.push({ name: workloadLabel(w), requestAuthentications: this.selecting(w), dataplane: w.dataplane });
    }
    return out;
  }

  /**
   * Where a `targetRefs` policy is enforced, when the input says: the waypoint of a Service, or a
   * Gateway. A RequestAuthentication reaches it when attached to the same Service, to that
   * waypoint or Gateway, to the `istio-waypoint` GatewayClass from the root namespace, or — for a
   * waypoint — to any Service it serves; and, for a Gateway that is not a waypoint, by selector.
   */
  targetPoints(p: AuthorizationPolicy): Point[] {
    const out: Point[] = [];
    const root = this.model.rootNamespace;
    for (const ref of p.targetRefs) {
      const kind = refKind(ref);
      if (ref.namespace && ref.namespace !== p.namespace) continue;
      if (kind === 'Service') {
        const svc = this.model.service(p.namespace, ref.name);
        const wp = svc ? this.model.waypointOfService(svc) : undefined;
        if (!svc || !wp) continue;
        const ras = [...this.attached(p.namespace, 'Service', ref.name), ...this.attached(wp.namespace, 'Gateway', wp.name)];
        if (wp.gateway?.isWaypoint !== false) ras.push(...this.attached(root, 'GatewayClass', WAYPOINT_CLASS));
        out.push({ name: `Service ${p.namespace}/${ref.name} (waypoint ${wp.namespace}/${wp.name})`, requestAuthentications: ras });
      } else if (kind === 'Gateway') {
        const gw = this.model.gateway(p.namespace, ref.name);
        if (!gw) continue;
        const ras = [...this.attached(gw.namespace, 'Gateway', gw.name)];
        if (gw.isWaypoint) {
          ras.push(...this.attached(root, 'GatewayClass', WAYPOINT_CLASS));
          for (const s of this.serviceAttached) {
            const svc = this.model.service(s.ns, s.name);
            const wp = svc ? this.model.waypointOfService(svc) : undefined;
            if (wp && wp.namespace === gw.namespace && wp.name === gw.name) ras.push(s.ra);
          }
        } else {
          const labels = { 'gateway.networking.k8s.io/gateway-name': gw.name };
          for (const ns of new Set([gw.namespace, root])) {
            for (const ra of this.model.policiesIn<SelectingPolicy>('RequestAuthentication', ns)) {
              if (ra.targetRefs.length === 0 && hasJwtRules(ra) && subset(ra.selector, labels)) ras.push(ra);
            }
          }
        }
        out.push({ name: `${gw.isWaypoint ? 'waypoint' : 'Gateway'} ${gw.namespace}/${gw.name}`, requestAuthentications: ras });
      }
      // ServiceEntry and GatewayClass targets: which proxies they reach is not decided here.
    }
    return out;
  }
}

/** What happens without validated tokens (the field and the workloads are named earlier in the message). */
function consequence(p: AuthorizationPolicy, use: SourceFieldUse): string {
  if (use.negative) {
    switch (p.action) {
      case 'DENY':
        return 'it matches every request, so this rule denies all that meet its other conditions, even with a valid token';
      case 'AUDIT':
        return 'it matches every request, so this rule audits all that meet its other conditions';
      case 'CUSTOM':
        return 'it matches every request, so this rule sends all that meet its other conditions to the external authorizer';
      default:
        return 'it matches every request, so this rule admits them without any token';
    }
  }
  switch (p.action) {
    case 'DENY':
      return 'it never matches, so the requests this rule should block get through';
    case 'AUDIT':
      return 'it never matches, so this rule audits nothing';
    case 'CUSTOM':
      return 'it never matches, so this rule sends nothing to the external authorizer';
    default:
      return 'it never matches, so requests get 403, token or not, unless another rule admits them';
  }
}

/** The issuer and subject a `requestPrincipals` value matches, as requestPrincipalGenerator reads it. */
function issuerPattern(value: string): { kind: 'any' | 'exact' | 'prefix' | 'suffix'; issuer: string } | 'no-subject' {
  const idx = value.lastIndexOf('/');
  const found = idx >= 0;
  const iss = found ? value.slice(0, idx) : value;
  if (value === '*') return { kind: 'any', issuer: '' };
  if (value.startsWith('*')) {
    if (!found || iss === '*') return { kind: 'any', issuer: '' };
    return { kind: 'suffix', issuer: iss.slice(1) };
  }
  if (value.endsWith('*')) return found ? { kind: 'exact', issuer: iss } : { kind: 'prefix', issuer: value.slice(0, -1) };
  // An exact value needs `<iss>/<sub>`: without `/`, the subject must be empty.
  return found ? { kind: 'exact', issuer: iss } : 'no-subject';
}

function issuerMatches(p: { kind: string; issuer: string }, issuer: string): boolean {
  if (p.kind === 'any') return true;
  if (p.kind === 'suffix') return issuer.endsWith(p.issuer);
  if (p.kind === 'prefix') return issuer.startsWith(p.issuer);
  return issuer === p.issuer;
}

function suggestedIssuer(uses: readonly SourceFieldUse[]): string | undefined {
  for (const use of uses) {
    if (use.field !== 'requestPrincipals' && use.field !== 'request.auth.principal') continue;
    for (const v of use.values) {
      const ip = issuerPattern(v.value);
      if (ip !== 'no-subject' && ip.kind === 'exact' && ip.issuer) return ip.issuer;
    }
  }
  return undefined;
}

function requestAuthenticationYaml(p: AuthorizationPolicy, issuer: string | undefined): string {
  const lines = [
    'apiVersion: security.istio.io/v1',
    'kind: RequestAuthentication',
    'metadata:',
    `  name: ${p.name}-jwt`,
    `  namespace: ${p.namespace}`,
    'spec:',
  ];
  if (p.targetRefs.length > 0) {
    lines.push('  targetRefs:');
    for (const r of p.targetRefs) lines.push(`  - kind: ${r.kind}`, `    group: ${JSON.stringify(r.group)}`, `    name: ${r.name}`);
  } else if (p.selector && Object.keys(p.selector).length > 0) {
    lines.push('  selector:', '    matchLabels:');
    for (const [k, v] of Object.entries(p.selector)) lines.push(`      ${k}: ${JSON.stringify(v)}`);
  }
  const iss = issuer ?? 'https://issuer.example.com';
  const base = /^https?:\/\//.test(iss) ? iss.replace(/\/$/, '') : 'https://issuer.example.com';
  lines.push('  jwtRules:', `  - issuer: ${JSON.stringify(iss)}`, `    jwksUri: ${JSON.stringify(`${base}/.well-known/jwks.json`)}`, '');
  return lines.join('\n');
}

type MessageId = keyof typeof MESSAGES;

const MESSAGES = {
  noRequestAuthentication:
    'AuthorizationPolicy "{{name}}" uses {{field}}, which needs a validated JWT, but no RequestAuthentication applies to {{target}}: {{consequence}}. Add a RequestAuthentication for {{them}}.',
  // The root namespace is not in the input: a mesh-wide RequestAuthentication may exist outside it.
  noRequestAuthenticationInInput:
    'AuthorizationPolicy "{{name}}" uses {{field}}, which needs a validated JWT, but no RequestAuthentication in the input applies to {{target}}: {{consequence}}. Add a RequestAuthentication for {{them}}.',
  noSubject:
    'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: a request principal is "<issuer>/<subject>" and it has no "/", so it needs a token with an empty subject, which no token has. In {{field}} {{effect}}. Use "{{fixed}}".',
  issuerNotAccepted:
    'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Name an issuer they accept, or add a RequestAuthentication for it.',
  // The value is an accepted issuer itself (one that ends in "*"): it lacks the subject.
  issuerNotAcceptedUse:
    'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Use "{{fixed}}".',
  // An exact value is split at its last "/": a URL issuer without a subject loses its path.
  splitIssuerNotAccepted:
    'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: it is read as issuer "{{issuer}}", subject "{{subject}}" (split at the last "/"), and the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Name an issuer they accept, or add a RequestAuthentication for it.',
  splitIssuerNotAcceptedUse:
    'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: it is read as issuer "{{issuer}}", subject "{{subject}}" (split at the last "/"), and the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Use "{{fixed}}".',
} as const;

type Options = [{ ignoreNamespaces: string[] }];

function checkIssuers(context: MeshRuleContext<MessageId, Options>, p: AuthorizationPolicy, uses: readonly SourceFieldUse[], points: readonly Point[]): void {
  const issuers = new Set<string>();
  let allKnown = true;
  for (const pt of points) {
    for (const ra of pt.requestAuthentications) {
      const list = issuersOf(ra);
      if (!list) allKnown = false;
      for (const i of list ?? []) issuers.add(i);
    }
  }
  const known = [...issuers].sort();
  for (const use of uses) {
    if (!['requestPrincipals', 'notRequestPrincipals', 'request.auth.principal'].includes(use.field)) continue;
    for (const entry of use.values) {
      const ip = issuerPattern(entry.value);
      if (ip !== 'no-subject' && (!allKnown || known.some((i) => issuerMatches(ip, i)))) continue;
      const fixed = ip === 'no-subject' || known.includes(entry.value) ? `${entry.value}/*` : undefined;
      const data = {
        name: p.name,
        value: entry.value,
        field: fieldLabel(use),
        effect: use.negative ? 'it excludes no request' : p.action === 'DENY' ? 'it denies no request' : p.action === 'ALLOW' ? 'it admits no request' : 'it matches no request',
        issuers: `issuer${known.length > 1 ? 's' : ''} ${describe(known.map((i) => `"${i}"`))}`,
        fixed,
      };
      let messageId: MessageId;
      if (ip === 'no-subject') {
        messageId = 'noSubject';
      } else {
        const cut = entry.value.lastIndexOf('/');
        const split = ip.kind === 'exact' && cut >= 0 && !entry.value.includes('*');
        if (split) Object.assign(data, { issuer: entry.value.slice(0, cut), subject: entry.value.slice(cut + 1) });
        messageId = split ? (fixed ? 'splitIssuerNotAcceptedUse' : 'splitIssuerNotAccepted') : fixed ? 'issuerNotAcceptedUse' : 'issuerNotAccepted';
      }
      context.report({
        at: { resource: p.resource, path: entry.path },
        messageId,
        data,
        suggest: fixed
          ? [{ desc: `Match every subject of issuer "${entry.value}"`, fix: `${use.whenIndex === undefined ? use.field : use.negative ? 'notValues' : 'values'}: [${JSON.stringify(fixed)}]\n` }]
          : undefined,
      });
    }
  }
}

export default defineRule<MessageId, Options>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An AuthorizationPolicy uses requestPrincipals or request.auth.* on workloads that no RequestAuthentication reaches, so the JWT attributes are never set.',
      url: docsUrl('jwt-without-requestauthentication'),
      recommended: true,
      tags: ['security', 'authorization', 'authentication', 'jwt'],
    },
    messages: MESSAGES,
    schema: ignoreNamespacesSchema('AuthorizationPolicies in these namespaces are not checked.'),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: 'error',
    reads: reads(READS.requestAuthentications, READS.workloads, READS.gateways, READS.services, READS.waypoints),
  },
  create(context) {
    const model = context.model;
    // The engine merges `defaultOptions`; a caller that runs the rule directly may pass none.
    const ignored = new Set(context.options[0]?.ignoreNamespaces ?? []);
    const finder = new Finder(model);
    // RequestAuthentications are looked up in the workload's (or target's) namespace and the root
    // namespace; when the input holds nothing of the root namespace, a mesh-wide one may exist
    // outside it: warn instead.
    const rootKnown = model.hasNamespace(model.rootNamespace);
    return {
      AuthorizationPolicy(p) {
        if (p.dryRun || ignored.has(p.namespace)) return;
        const uses = sourceFieldUses(p, FIELDS);
        if (uses.length === 0) return;
        const points = p.targetRefs.length > 0 ? finder.targetPoints(p) : finder.selectorPoints(p);
        if (points.length === 0) return;
        const missing = points.filter((pt) => pt.requestAuthentications.length === 0);
        const uncovered = missing.map((pt) => pt.name);
        if (uncovered.length === 0) {
          checkIssuers(context, p, uses, points);
          return;
        }
        // Only sure where a sidecar (or gateway) is known to run; where it is assumed, a warning.
        const assumed = missing.every((pt) => pt.dataplane?.assumption !== undefined);
        const target = describe(uncovered);
        const fix = requestAuthenticationYaml(p, suggestedIssuer(uses));
        for (const use of uses) {
          context.report({
            at: { resource: p.resource, path: use.at.path, part: use.at.part },
            severity: rootKnown && !assumed ? undefined : 'warn',
            messageId: rootKnown ? 'noRequestAuthentication' : 'noRequestAuthenticationInInput',
            data: { name: p.name, field: fieldLabel(use), target, consequence: consequence(p, use), them: uncovered.length > 1 ? 'them' : 'it' },
            assumptions: model.assumptionsOf(missing.map((pt) => pt.dataplane)),
            suggest: [{ desc: `Add a RequestAuthentication beside AuthorizationPolicy "${p.name}" (set the issuer and JWKS of your identity provider)`, fix }],
          });
        }
      },
    };
  },
});
