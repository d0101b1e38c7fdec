// Traffic a waypoint forwards reaches the destination's ztunnel with the waypoint's identity; its
// service account is the Gateway's name unless the gateway.istio.io/service-account annotation
// overrides it (istio pilot/pkg/config/kube/gatewaycommon/deploymentcontroller.go). A ztunnel
// policy that admits another "waypoint" identity refuses all of it. See README.md.
import { stringify } from 'yaml';
import { targetPortOn } from '../../src/authz/access.js';
import { evaluatePolicies } from '../../src/authz/evaluator.js';
import { matchString } from '../../src/authz/match.js';
import {
  parsePrincipal,
  waypointLikeEntries,
  type WaypointLikeEntry as Entry,
  waypointLabel,
  waypointPrincipals,
  waypointsServing,
  ztunnelPoliciesFor,
} from '../../src/authz/waypoints.js';
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { Model, WaypointBinding } from '../../src/mesh/model.js';
import { isRecord } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import { listText, quoted } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

/** Whether the entry names this identity (a pattern or the expanded service account). */
function names(entry: Entry, principal: string): boolean {
  return entry.field.startsWith('serviceAccounts') || entry.field.startsWith('notServiceAccounts') ? entry.principal === principal : matchString(entry.value, principal);
}

interface Refusal {
  binding: WaypointBinding;
  ids: string[];
  what: string;
  ports: number[];
}

/** The waypoints serving `w` whose traffic ztunnel refuses on every port they carry. */
function refusedWaypoints(model: Model, w: Workload): Refusal[] {
  const out: Refusal[] = [];
  const policies = ztunnelPoliciesFor(model, w);
  for (const { binding, service } of waypointsServing(model, w)) {
    // Only a waypoint whose Gateway is in the input has a known identity (the annotation may rename it).
    if (!binding.gateway) continue;
    const ids = waypointPrincipals(model, binding);
    const ports = service ? service.ports.map((sp) => targetPortOn(w, sp)).filter((x): x is number => x !== undefined) : w.ports.map((p) => p.port);
    if (ports.length === 0) continue;
    const refused = ports.filter((port) => ids.every((principal) => evaluatePolicies(policies, { principal, port, http: false }, 'ztunnel').decision === 'DENY'));
    if (refused.length !== ports.length) continue;
    if (out.some((r) => r.binding.namespace === binding.namespace && r.binding.name === binding.name)) continue;
    out.push({ binding, ids, what: service ? `Service ${service.name}` : `${w.kind} ${w.name}`, ports: [...new Set(refused)].sort((a, b) => a - b) });
  }
  return out;
}

/** How an identity is written in the entry's field. */
function entryValue(e: Entry, principal: string, policyNamespace: string): string {
  if (!e.field.includes('erviceAccounts')) return principal;
  const q = parsePrincipal(principal)!;
  return q.namespace === policyNamespace && !e.value.includes('/') ? q.serviceAccount : `${q.namespace}/${q.serviceAccount}`;
}

/** The policy as it would be with the entry naming `value` instead. */
function withEntry(p: AuthorizationPolicy, e: Entry, value: string): AuthorizationPolicy {
  const rules = structuredClone(p.rules ?? []) as unknown[];
  let node: unknown = rules;
  const rel = e.path.slice(2);
  for (const seg of rel.slice(0, -1)) node = isRecord(node) ? node[seg as string] : Array.isArray(node) ? node[seg as number] : undefined;
  const last = rel[rel.length - 1] as number;
  if (Array.isArray(node)) node[last] = value;
  return { ...p, rules };
}

/** Whether naming the real identity in this entry lets the waypoint in on every port it carries. */
function entryIsTheCause(model: Model, w: Workload, p: AuthorizationPolicy, e: Entry, r: Refusal): boolean {
  const id = r.ids[0]!;
  const fixed = withEntry(p, e, entryValue(e, id, p.namespace));
  const policies = ztunnelPoliciesFor(model, w).map((x) => (x === p ? fixed : x));
  return r.ports.every((port) => evaluatePolicies(policies, { principal: id, port, http: false }, 'ztunnel').decision === 'ALLOW');
}

/** The list that holds the entry, with the entry replaced, under a comment saying where it is. */
function entryFix(p: AuthorizationPolicy, e: Entry, replacement: string[]): string {
  let node: unknown = p.rules;
  const rel = e.path.slice(2, -1);
  for (const seg of rel) node = isRecord(node) ? node[seg as string] : Array.isArray(node) ? node[seg as number] : undefined;
  const index = e.path[e.path.length - 1] as number;
  const list = Array.isArray(node) ? node.flatMap((v, i) => (i === index ? replacement : [v])) : replacement;
  const where = e.path.map((seg) => (typeof seg === 'number' ? `[${seg}]` : `.${seg}`)).join('').slice(1);
  return `# AuthorizationPolicy ${p.namespace}/${p.name}, ${where.replace(/\[\d+\]$/, '')}:\n${stringify(list)}`;
}

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: "A ztunnel policy meant to admit the waypoint names an identity that is not the identity of the waypoint serving the workload, so ztunnel refuses everything the waypoint forwards.",
      url: docsUrl('waypoint-principal-mismatch'),
      recommended: true,
      tags: ['security', 'ambient', 'waypoint', 'authorization'],
    },
    messages: {
      // The entry is a principal: "Use that identity." names the value already shown.
      useIdentity:
        'AuthorizationPolicy "{{name}}" names "{{value}}"{{implied}} as the waypoint, but {{serving}}: ztunnel refuses all it forwards on port {{ports}}, so callers get connection failures. Use {{identity}}.',
      // The entry is a service account: the value to write differs from the identity shown.
      useEntry:
        'AuthorizationPolicy "{{name}}" names "{{value}}"{{implied}} as the waypoint, but {{serving}}: ztunnel refuses all it forwards on port {{ports}}, so callers get connection failures. Use {{entries}}.',
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: 'error',
    reads: reads(READS.authorizationPolicies, READS.waypoints, READS.workloads, READS.services),
  },
  create(context) {
    const model = context.model;
    // Refusals depend on the workload only; several policies on the same pods ask once.
    const refusals = new Map<Workload, Refusal[]>();
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length > 0 || p.dryRun || (p.action !== 'ALLOW' && p.action !== 'DENY')) return;
        const entries = waypointLikeEntries(model, p);
        if (entries.length === 0) return;
        const pods = model.policyWorkloads(p).filter((w) => w.dataplane.mode === 'ambient');
        for (const e of entries) {
          // The workloads this entry was meant for, and the real waypoints ztunnel then refuses.
          const hits: Array<{ w: Workload; r: Refusal }> = [];
          for (const w of pods) {
            let rs = refusals.get(w);
            if (!rs) refusals.set(w, (rs = refusedWaypoints(model, w)));
            for (const r of rs) if (!r.ids.some((id) => names(e, id)) && entryIsTheCause(model, w, p, e, r)) hits.push({ w, r });
          }
          if (hits.length === 0) continue;
          const byWaypoint = new Map<string, { r: Refusal; what: Set<string>; ports: Set<number> }>();
          for (const { r } of hits) {
            const key = `${r.binding.namespace}/${r.binding.name}`;
            const g = byWaypoint.get(key) ?? { r, what: new Set<string>(), ports: new Set<number>() };
            g.what.add(r.what);
            for (const port of r.ports) g.ports.add(port);
            byWaypoint.set(key, g);
          }
          const groups = [...byWaypoint.values()];
          const real = [...new Set(groups.flatMap((g) => g.r.ids))];
          const parsed = parsePrincipal(e.principal);
          const serving = listText(
            groups.map((g) => {
              const gw = g.r.binding.gateway!;
              const sa = gw.resource.annotations['gateway.istio.io/service-account'] ? ' (gateway.istio.io/service-account)' : '';
              return `${waypointLabel(g.r.binding)}, serving ${listText([...g.what].sort())}, runs as ${listText(g.r.ids)}${sa}`;
            }),
          );
          const ports = [...new Set(groups.flatMap((g) => [...g.ports]))].sort((a, b) => a - b).map(String);
          const replacement = real.map((id) => entryValue(e, id, p.namespace));
          const data = {
            name: p.name,
            value: e.value,
            // The service account an entry stands for, when the entry does not spell it out.
            implied: parsed && e.value !== e.principal && !e.value.includes(`${parsed.namespace}/`) ? ` (${parsed.namespace}/${parsed.serviceAccount})` : '',
            serving,
            ports: listText(ports),
          };
          // Name the right value once: the identity itself, or the entry that stands for it when the field differs.
          const sameAsIdentity = replacement.every((x, i) => x === real[i]);
          context.report({
            at: { resource: p.resource, path: e.path },
            ...(sameAsIdentity
              ? { messageId: 'useIdentity' as const, data: { ...data, identity: real.length > 1 ? 'those identities' : 'that identity' } }
              : { messageId: 'useEntry' as const, data: { ...data, entries: listText(quoted(replacement)) } }),
            suggest: [{ desc: `Replace "${e.value}" with the waypoint's identity`, fix: entryFix(p, e, replacement) }],
            assumptions: model.assumptionsOf(hits.map((h) => h.w)),
          });
        }
      },
    };
  },
});
