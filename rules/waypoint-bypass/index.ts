// A waypoint enforces the policies attached to it only on the traffic it carries. ztunnel on the
// destination pods decides who may connect directly (istio pilot/pkg/serviceregistry/ambient/
// authorization.go, ztunnel src/rbac.rs); this rule asks the evaluator whether anyone other than the
// waypoint gets in on the Service's ports. See README.md.
import { stringify } from 'yaml';
import { sendsToWaypoint, targetPortOn } from '../../src/authz/access.js';
import { targetRefAttaches, targetRefTargets, type BoundTarget } from '../../src/authz/attachment.js';
import { evaluatePolicies } from '../../src/authz/evaluator.js';
import { ingressUsesWaypoint, isImplicitWaypointPolicy, looksLikeWaypointPrincipal, waypointLabel, waypointPrincipals, ztunnelPoliciesFor } from '../../src/authz/waypoints.js';
import { sourceWitnesses, type SourceWitness } from '../../src/authz/witness.js';
import { defineRule, docsUrl, NAMESPACE_LIST } from '../../src/engine/rule.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { Model } from '../../src/mesh/model.js';
import { isRecord, type Resource } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import type { Path } from '../../src/types.js';
import { listText as joinText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

type Target = BoundTarget;

/** A client ztunnel lets in directly, and the ztunnel policy rule that admits it (none: no ALLOW policy). */
interface Leak {
  who: string;
  principal?: string;
  /** An ambient client that skips the Service's waypoint by dialing the pod address. */
  podAddress?: boolean;
  port: number;
  pod: Workload;
  rule?: { policy: AuthorizationPolicy; index: number; path: Path };
}

/** Whether the policy restricts anything: an ALLOW policy with an empty rule admits everything. */
function restricts(p: AuthorizationPolicy): boolean {
  if (p.action === 'AUDIT' || p.dryRun) return false;
  if (p.action === 'ALLOW' && (p.rules ?? []).some((r) => isRecord(r) && Object.keys(r).length === 0)) return false;
  return true;
}

function describeWho(w: SourceWitness): string {
  if (w.principal) return w.sourceIp ? `${w.principal} from ${w.sourceIp}` : w.principal;
  return w.sourceIp ? `plaintext clients from ${w.sourceIp}` : 'plaintext clients (no mesh identity)';
}

/** Clients other than the waypoint that ztunnel admits to `pod` on `port`. */
/**
 * How a client with this identity reaches the pod without the waypoint, asked of check-access's
 * evaluator (sendsToWaypoint): a client that skips it even for Service traffic (a sidecar, an
 * ingress gateway without istio.io/ingress-use-waypoint) is `direct`; an ambient client goes through
 * the waypoint for the Service but skips it by dialing the pod address, unless the pod itself is
 * bound to the same waypoint (`istio.io/waypoint-for: workload` or `all`); an ingress gateway that
 * uses the waypoint never dials pods. `none`: it does not skip the waypoint.
 */
function skipsWaypoint(model: Model, principal: string, pod: Workload, target: Target, workloadTraffic: boolean): 'direct' | 'pod-address' | 'none' {
  const peer = { kind: 'principal' as const, principal };
  if (!sendsToWaypoint(model, peer, target.service).yes) return 'direct';
  const viaPod = sendsToWaypoint(model, peer, undefined);
  if (viaPod.yes) {
    const own = model.waypointOfWorkload(pod);
    // The pod's own waypoint is this one, and the policy applies to workload traffic (Gateway or
    // GatewayClass targetRefs; a Service targetRef does not): the pod address is guarded too.
    if (workloadTraffic && own && own.namespace === target.binding.namespace && own.name === target.binding.name) return 'none';
    // A client only assumed to be ambient (nothing of the input says how it runs) is named plainly.
    return viaPod.why === '' ? 'pod-address' : 'direct';
  }
  return 'none';
}

function leaksOf(model: Model, pod: Workload, port: number, target: Target, workloadTraffic: boolean, waypointIds: string[], known: readonly string[]): Leak[] {
  const td = model.mesh.trustDomain;
  const policies = ztunnelPoliciesFor(model, pod);
  const witnesses: SourceWitness[] = [];
  for (const p of policies) {
    if (p.action === 'ALLOW' && !p.dryRun && !isImplicitWaypointPolicy(p)) witnesses.push(...sourceWitnesses(p, td));
  }
  for (const principal of [`${td}/ns/${pod.namespace}/sa/default`, `${td}/ns/default/sa/default`, ...known]) witnesses.push({ principal });
  if (model.ztunnelMtls(pod, port).mode !== 'STRICT') witnesses.push({});
  const out: Leak[] = [];
  const seen = new Set<string>();
  for (const w of witnesses) {
    if (w.principal && (waypointIds.includes(w.principal) || looksLikeWaypointPrincipal(model, w.principal) || w.principal === model.identityOf(pod))) continue;
    // Without mTLS there is no identity; a plaintext witness from a policy source is only its IP.
    if (!w.principal && model.ztunnelMtls(pod, port).mode === 'STRICT') continue;
    const who = describeWho(w);
    if (seen.has(who)) continue;
    seen.add(who);
    const how = w.principal ? skipsWaypoint(model, w.principal, pod, target, workloadTraffic) : 'direct';
    if (how === 'none') continue;
    const d = evaluatePolicies(policies, { principal: w.principal, sourceIp: w.sourceIp, port, http: false }, 'ztunnel');
    if (d.decision !== 'ALLOW') continue;
    const by = d.decidedBy;
    let rule: Leak['rule'];
    if (by && by.rule !== undefined && !isImplicitWaypointPolicy(by.policy)) {
      const fromOrigin = w.origin && w.origin.policy === by.policy && w.origin.rule === by.rule;
      rule = { policy: by.policy, index: by.rule, path: fromOrigin ? w.origin!.path : ['spec', 'rules', by.rule] };
    }
    out.push({ who, principal: w.principal, podAddress: how === 'pod-address', port, pod, rule });
  }
  return out;
}

/** How the leaked callers get past the waypoint, for messages. */
function howText(leaks: readonly Leak[]): string {
  if (leaks.length > 0 && leaks.every((l) => l.podAddress)) return 'by dialing the pod address';
  if (leaks.some((l) => l.podAddress)) return 'directly (the ambient ones by dialing the pod address)';
  return 'directly';
}

/** Why ambient callers can skip a Service's waypoint, when some of the leaks are theirs. */
function podAddressNote(leaks: readonly Leak[]): string {
  return leaks.some((l) => l.podAddress) ? ' A waypoint for service traffic carries only requests sent to the Service.' : '';
}

/** At most three items, then "and N more" (every list here is already free of duplicates). */
function listText(items: readonly string[]): string {
  return joinText(items, 3);
}

function ztunnelFix(target: Target, waypointIds: string[]): string {
  const policy = {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: `${target.service.name}-via-waypoint-only`, namespace: target.service.namespace },
    spec: {
      selector: { matchLabels: target.service.selector ?? {} },
      action: 'ALLOW',
      rules: [{ from: [{ source: { principals: waypointIds } }] }],
    },
  };
  return stringify(policy);
}

interface Options {
  /** How many other identities of the input are tried as clients (sorted, the first ones). */
  maxKnownCallers: number;
  /** Namespaces whose AuthorizationPolicies are neither checked nor reported. */
  ignoreNamespaces: string[];
}

type MessageIds = 'unguardedPods' | 'ztunnelPolicyAdmits' | 'ztunnelRuleAdmits' | 'ztunnelRuleAdmitsGateway';

const ZTUNNEL_RULE =
  'Ztunnel policy "{{name}}" lets {{clients}} reach {{pods}} on {{ports}} {{how}}, skipping {{waypoint}} and its policy {{waypointPolicies}}.{{podAddressNote}} Admit only the waypoint ({{waypointIds}}) on {{thatPorts}}, or limit this rule to other ports.';

export default defineRule<MessageIds, [Options]>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A policy attached to a waypoint can be bypassed: ztunnel on the destination pods admits clients other than the waypoint on the same ports.',
      url: docsUrl('waypoint-bypass'),
      recommended: true,
      tags: ['security', 'ambient', 'waypoint', 'authorization'],
    },
    messages: {
      unguardedPods:
        'AuthorizationPolicy "{{name}}" is enforced only by {{waypoint}}, but no ztunnel ALLOW policy guards {{pods}}, so any client{{anyClient}} reaches {{ports}} directly, skipping it. Admit only the waypoint ({{waypointIds}}) on {{thatPorts}} with a ztunnel policy{{autoAllowHint}}.',
      ztunnelPolicyAdmits:
        'AuthorizationPolicy "{{name}}" is enforced only by {{waypoint}}, but ztunnel policy {{ztunnelPolicies}} lets {{clients}} reach {{pods}} on {{ports}} {{how}}, skipping it.{{podAddressNote}} Admit only the waypoint ({{waypointIds}}) on {{thatPorts}}.',
      ztunnelRuleAdmits: ZTUNNEL_RULE,
      ztunnelRuleAdmitsGateway: `${ZTUNNEL_RULE} For Gateway {{gateways}}, label the Service istio.io/ingress-use-waypoint=true.`,
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxKnownCallers: { type: 'integer', minimum: 1, description: 'How many other identities of the input are tried as candidate clients.' },
          ignoreNamespaces: { ...NAMESPACE_LIST, description: 'Namespaces whose AuthorizationPolicies are neither checked nor reported.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxKnownCallers: 25, ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: 'warn',
    reads: reads(READS.access, READS.identities, READS.waypoints, READS.peerAuthentications),
  },
  create(context) {
    const model = context.model;
    const { maxKnownCallers = 25, ignoreNamespaces = [] } = context.options[0] ?? {};
    const ignored = new Set(ignoreNamespaces);
    const leakCache = new Map<string, Leak[]>();
    // Other identities of the input, as candidate clients (bounded: the policies' own names come first).
    let knownCache: string[] | undefined;
    const known = () => (knownCache ??= [...model.allIdentities()].sort().slice(0, maxKnownCallers));
    // ztunnel rule node → what it lets in, and which waypoint policies that skips.
    const ruleReports = new Map<string, { at: { resource: Resource; path: Path }; policy: AuthorizationPolicy; leaks: Leak[]; skipped: Set<string>; target: Target; ids: string[] }>();
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length === 0 || !restricts(p) || ignored.has(p.namespace)) return;
        for (const t of p.targetRefs) {
          const leaks: Leak[] = [];
          const targets = targetRefTargets(model, p, t);
          // Whether this reference also attaches the policy to traffic addressed to the pods.
          const workloadTraffic = targets.length > 0 && targetRefAttaches(model, p, t, { waypoint: targets[0]!.binding });
          let first: { target: Target; ids: string[] } | undefined;
          for (const target of targets) {
            const ids = waypointPrincipals(model, target.binding);
            first ??= { target, ids };
            for (const pod of model.servicePods(target.service)) {
              if (pod.dataplane.mode !== 'ambient') continue;
              for (const sp of target.service.ports) {
                const port = targetPortOn(pod, sp);
                if (port === undefined) continue;
                const key = `${pod.namespace}/${pod.kind}/${pod.name}|${port}|${ids.join(',')}|${target.binding.namespace}/${target.binding.name}|${ingressUsesWaypoint(model, target.service)}|${workloadTraffic}`;
                let found = leakCache.get(key);
                if (!found) leakCache.set(key, (found = leaksOf(model, pod, port, target, workloadTraffic, ids, known())));
                for (const l of found) {
                  leaks.push(l);
                  if (!l.rule) continue;
                  const rk = `${l.rule.policy.namespace}/${l.rule.policy.name}|${l.rule.path.join('.')}`;
                  let r = ruleReports.get(rk);
                  if (!r) {
                    r = { at: { resource: l.rule.policy.resource, path: l.rule.path }, policy: l.rule.policy, leaks: [], skipped: new Set(), target, ids };
                    ruleReports.set(rk, r);
                  }
                  if (!r.leaks.some((x) => x.who === l.who && x.port === l.port)) r.leaks.push(l);
                  r.skipped.add(`"${p.namespace}/${p.name}"`);
                }
              }
            }
          }
          if (leaks.length === 0 || !first) continue;
          const services = [...new Set(targets.filter((x) => leaks.some((l) => model.servicePods(x.service).includes(l.pod))).map((x) => x.label))];
          const ports = [...new Set(leaks.map((l) => l.port))].sort((a, b) => a - b);
          const open = leaks.some((l) => !l.rule);
          const data = {
            name: p.name,
            waypoint: waypointLabel(first.target.binding),
            pods: `the pods of ${listText(services)}`,
            ports: `${ports.length === 1 ? 'port' : 'ports'} ${listText(ports.map(String))}`,
            waypointIds: listText(first.ids),
            thatPorts: ports.length === 1 ? 'that port' : 'those ports',
          };
          const report = {
            at: { resource: p.resource, path: t.path },
            suggest: [{ desc: `Restrict the pods of ${first.target.label} to the waypoint's identity`, fix: ztunnelFix(first.target, first.ids) }],
            assumptions: model.assumptionsOf(leaks.map((l) => l.pod)),
          };
          if (open) {
            context.report({
              ...report,
              messageId: 'unguardedPods',
              data: {
                ...data,
                anyClient: leaks.some((l) => !l.principal) ? ', even without mTLS,' : ' with a mesh identity',
                autoAllowHint: model.mesh.autoAllowWaypointPolicy ? '' : ' (or set PILOT_AUTO_ALLOW_WAYPOINT_POLICY=true)',
              },
            });
          } else {
            context.report({
              ...report,
              messageId: 'ztunnelPolicyAdmits',
              data: {
                ...data,
                ztunnelPolicies: listText([...new Set(leaks.map((l) => `"${l.rule!.policy.name}"`))]),
                clients: listText([...new Set(leaks.map((l) => l.who))]),
                how: howText(leaks),
                podAddressNote: podAddressNote(leaks),
              },
            });
          }
        }
      },
      'Mesh:exit'() {
        for (const r of ruleReports.values()) {
          if (ignored.has(r.policy.namespace)) continue;
          const gateways = [...new Set(r.leaks.flatMap((l) => (l.principal ? model.ownersOf(l.principal) : [])).filter((o) => o.kind === 'gateway').map((o) => `${o.namespace}/${o.gateway!.name}`))];
          const ports = [...new Set(r.leaks.map((l) => l.port))].sort((a, b) => a - b);
          const hint = gateways.length > 0 && !ingressUsesWaypoint(model, r.target.service);
          context.report({
            at: r.at,
            messageId: hint ? 'ztunnelRuleAdmitsGateway' : 'ztunnelRuleAdmits',
            data: {
              name: r.policy.name,
              clients: listText([...new Set(r.leaks.map((l) => l.who))]),
              pods: listText([...new Set(r.leaks.map((l) => `${l.pod.kind} ${l.pod.namespace}/${l.pod.name}`))]),
              ports: `${ports.length === 1 ? 'port' : 'ports'} ${listText(ports.map(String))}`,
              how: howText(r.leaks),
              waypoint: waypointLabel(r.target.binding),
              waypointPolicies: listText([...r.skipped].sort()),
              podAddressNote: podAddressNote(r.leaks),
              waypointIds: listText(r.ids),
              thatPorts: ports.length === 1 ? 'that port' : 'those ports',
              gateways: listText(gateways),
            },
            suggest: [
              {
                desc: `Admit only the waypoint on port ${listText(ports.map(String))} in AuthorizationPolicy "${r.policy.name}"`,
                fix: `# AuthorizationPolicy ${r.policy.namespace}/${r.policy.name}, spec.rules:\n${stringify([{ from: [{ source: { principals: r.ids } }] }])}`,
              },
            ],
            assumptions: model.assumptionsOf(r.leaks.map((l) => l.pod)),
          });
        }
      },
    };
  },
});
