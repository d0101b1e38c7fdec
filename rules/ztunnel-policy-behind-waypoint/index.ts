// Traffic a waypoint forwards reaches the destination's ztunnel with the waypoint's identity
// (ztunnel src/proxy/inbound.rs reads the HBONE peer certificate; istio.io
// docs/ambient/usage/l4-policy). A ztunnel policy that names client identities judges only the
// callers that skip the waypoint. The decision is the evaluator's: for each client the policy names,
// check-access (src/authz/access.ts) through the Service and ztunnel's own verdict for that client.
// See README.md.
import { stringify } from 'yaml';
import { checkAccess, targetPortOn, type AccessDecision, type Peer } from '../../src/authz/access.js';
import { evaluatePolicies } from '../../src/authz/evaluator.js';
import { isImplicitWaypointPolicy, parsePrincipal, waypointLabel, waypointLikeEntries, waypointPrincipals, ztunnelPoliciesFor } from '../../src/authz/waypoints.js';
import { sourceWitnesses, type SourceWitness } from '../../src/authz/witness.js';
import { defineRule, docsUrl, ignoreNamespacesSchema } from '../../src/engine/rule.js';
import type { AuthorizationPolicy, Service } from '../../src/model/kinds.js';
import type { Model, WaypointBinding } from '../../src/mesh/model.js';
import { arr, isRecord } from '../../src/model/resource.js';
import type { Path } from '../../src/types.js';
import { listText as joinText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

/** `namespaces`, `principals`…, or the `when` key (`source.namespace`) an identity was read from. */
function sourceField(p: AuthorizationPolicy, path: Path): string {
  const field = String(path[path.length - 2]);
  if (field !== 'values') return field;
  const rule = p.rules?.[path[2] as number];
  const when = isRecord(rule) ? arr(rule.when)[path[4] as number] : undefined;
  return isRecord(when) && when.key === 'source.namespace' ? 'namespaces' : 'principals';
}

/** At most this many client identities of one policy are put to the evaluator. */
const MAX_WITNESSES = 12;

/** A client named by the policy, as check-access will send it. */
interface Caller {
  principal: string;
  peer: Peer;
  /** How the message names it. */
  who: string;
  path: Path;
  rule: number;
}

interface Hit {
  /** ALLOW refusing the waypoint; DENY missing the clients; DENY matching the waypoint itself. */
  kind: 'refused' | 'unstopped' | 'denies-waypoint';
  caller: Caller;
  service: Service;
  binding: WaypointBinding;
  port: number;
}

/**
 * The peer check-access should send for a principal the policy names: the input's workload when one
 * runs as it; for a namespace entry, a workload of that namespace; else a pod of that namespace as
 * its labels enrol it (when the Namespace object is in the input); else the bare principal, which
 * the evaluator takes for an ambient client (or an ingress gateway, by its name).
 */
function callerOf(model: Model, w: SourceWitness, field: string): Caller | undefined {
  if (!w.principal || !w.origin) return undefined;
  const parsed = parsePrincipal(w.principal);
  if (!parsed) return undefined;
  const base = { path: w.origin.path, rule: w.origin.rule };
  const owners = model.ownersOf(w.principal);
  if (owners.length > 0) return { ...base, principal: w.principal, peer: { kind: 'principal', principal: w.principal }, who: w.principal };
  if (field === 'namespaces') {
    // `namespaces: [books]`: any workload of books is such a client; an Istio gateway of that
    // namespace first (a gateway namespace is named for its gateway).
    const gw = model.identitiesIn(parsed.namespace).find((o) => o.kind === 'gateway');
    if (gw) {
      const principal = `${trustDomainOf(model)}/ns/${gw.namespace}/sa/${gw.serviceAccount}`;
      return { ...base, principal, peer: { kind: 'principal', principal }, who: principal };
    }
    const ws = model.workloadsIn(parsed.namespace).filter((x) => !x.podLabels['gateway.networking.k8s.io/gateway-name']);
    const first = [...ws].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
    if (first) return { ...base, principal: model.identityOf(first), peer: { kind: 'workload', workload: first }, who: `${first.kind} ${first.namespace}/${first.name}` };
    // Nothing of the input runs there: the root namespace, or one named for ingress, holds the
    // ingress gateway (Istio's charts), which the evaluator takes for one by its account's name.
    if (!model.namespaces.get(parsed.namespace)?.resource && (parsed.namespace === model.rootNamespace || /ingress|gateway/i.test(parsed.namespace))) {
      const principal = `${trustDomainOf(model)}/ns/${parsed.namespace}/sa/istio-ingressgateway`;
      return { ...base, principal, peer: { kind: 'principal', principal }, who: `the ingress gateway of namespace ${parsed.namespace}` };
    }
  }
  const ns = model.namespaces.get(parsed.namespace);
  if (ns?.resource) {
    const label = `pods of namespace ${parsed.namespace} running as ${parsed.serviceAccount}`;
    return { ...base, principal: w.principal, peer: { kind: 'pod', namespace: parsed.namespace, serviceAccount: parsed.serviceAccount, dataplane: model.dataplaneFor(parsed.namespace), label }, who: w.principal };
  }
  return { ...base, principal: w.principal, peer: { kind: 'principal', principal: w.principal }, who: w.principal };
}

/** Whether the policy names a principal (or service account) of `ns` that no pod of the input runs as. */
function unknownPrincipalIn(model: Model, p: AuthorizationPolicy, ns: string): boolean {
  return sourceWitnesses(p, model.mesh.trustDomain).some((w) => {
    const q = w.principal ? parsePrincipal(w.principal) : undefined;
    const field = w.origin ? String(w.origin.path[w.origin.path.length - 2]) : '';
    return q !== undefined && q.namespace === ns && field !== 'namespaces' && model.ownersOf(w.principal!).length === 0;
  });
}

function trustDomainOf(model: Model): string {
  return model.mesh.trustDomain;
}

function viaWaypoint(d: AccessDecision): boolean {
  return d.enforcement.some((e) => e.startsWith('waypoint '));
}

/** At most three items, then "and N more" (every list here is already free of duplicates). */
function listText(items: readonly string[]): string {
  return joinText(items, 3);
}

/** The policy moved to the waypoint: targetRefs to the Service instead of the selector. */
function waypointPolicyFix(p: AuthorizationPolicy, s: Service): string {
  return stringify({
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: p.name, namespace: p.namespace },
    spec: { targetRefs: [{ kind: 'Service', group: '', name: s.name }], action: p.action, rules: p.rules ?? [] },
  });
}

const DIRECT_CALLERS = 'sidecar clients, clients outside the mesh, calls to a pod address and ingress gateways without istio.io/ingress-use-waypoint';

interface Options {
  /** Namespaces whose AuthorizationPolicies are not checked. */
  ignoreNamespaces: string[];
}

const HEAD =
  'AuthorizationPolicy "{{name}}" is enforced by ztunnel on the pods of {{services}} ({{ports}}), which {{isAre}} bound to {{waypoint}}: requests the waypoint forwards arrive with its identity {{waypointIds}}, not the client\'s';

export default defineRule<'allowRefusesWaypoint' | 'denyMatchesWaypoint' | 'denyMissesClients', [Options]>({
  meta: {
    type: 'problem',
    docs: {
      description: "A ztunnel policy on pods behind a waypoint names client identities, but ztunnel sees the waypoint's identity on everything the waypoint forwards: an ALLOW refuses it all, a DENY never stops those clients.",
      url: docsUrl('ztunnel-policy-behind-waypoint'),
      recommended: true,
      tags: ['security', 'ambient', 'waypoint', 'authorization'],
    },
    messages: {
      allowRefusesWaypoint:
        `${HEAD}, and this ALLOW policy does not admit it: ztunnel refuses everything the waypoint carries, so {{clients}}, which it admits, and every other caller sent through the waypoint get connection failures. ` +
        `Only callers that reach the pods directly keep their own identity (${DIRECT_CALLERS}). Admit the waypoint's principal in this policy, or match the clients in a targetRefs policy on the waypoint.`,
      denyMatchesWaypoint:
        `${HEAD}, and this DENY policy matches that identity too: ztunnel refuses everything the waypoint carries, not only {{clients}}, so every caller sent through the waypoint gets connection failures. ` +
        `Only callers that reach the pods directly are judged by their own identity (${DIRECT_CALLERS}). Attach it to the waypoint with targetRefs.`,
      denyMissesClients:
        `${HEAD}, so this DENY policy never matches them and {{clients}}, which it matches, still {{getOrGets}} through the waypoint. ` +
        `It stops only callers that reach the pods directly (${DIRECT_CALLERS}). Attach it to the waypoint with targetRefs.`,
    },
    schema: ignoreNamespacesSchema('Namespaces whose AuthorizationPolicies are not checked.'),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: 'error',
    reads: reads(READS.access, READS.waypoints, READS.identities),
  },
  create(context) {
    const model = context.model;
    const td = model.mesh.trustDomain;
    const ignored = new Set(context.options[0]?.ignoreNamespaces ?? []);
    // One check-access per (caller, Service, port), however many policies and pods name it.
    const access = new Map<string, AccessDecision>();
    const accessOf = (c: Caller, s: Service, port: number) => {
      const key = `${c.principal}|${c.who}|${s.namespace}/${s.name}|${port}`;
      let d = access.get(key);
      if (!d) access.set(key, (d = checkAccess(model, { from: c.peer, to: { service: s }, port })));
      return d;
    };
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length > 0 || p.dryRun || (p.action !== 'ALLOW' && p.action !== 'DENY') || isImplicitWaypointPolicy(p)) return;
        if (ignored.has(p.namespace)) return;
        // Pods behind a Service bound to a waypoint; nothing to do for the others.
        const pods = model.policyWorkloads(p).filter((w) => w.dataplane.mode === 'ambient' && model.servicesOf(w).some((s) => model.waypointOfService(s)));
        if (pods.length === 0) return;
        // An entry meant for a waypoint is waypoint-principal-mismatch's to judge.
        if (waypointLikeEntries(model, p).length > 0) return;
        const callers: Caller[] = [];
        const seen = new Set<string>();
        for (const w of sourceWitnesses(p, td)) {
          const field = w.origin ? sourceField(p, w.origin.path) : '';
          const c = callerOf(model, w, field);
          if (!c || seen.has(`${c.principal}|${c.who}`)) continue;
          seen.add(`${c.principal}|${c.who}`);
          callers.push(c);
          if (callers.length >= MAX_WITNESSES) break;
        }
        if (callers.length === 0) return;
        const hits: Hit[] = [];
        // A (caller, Service, port) found on one pod need not be asked again on its other pods.
        const done = new Set<string>();
        for (const pod of pods) {
          const ztunnel = ztunnelPoliciesFor(model, pod);
          for (const s of model.servicesOf(pod)) {
            const binding = model.waypointOfService(s);
            if (!binding) continue;
            const ids = waypointPrincipals(model, binding);
            // Without the Gateway in the input, its account may be renamed (gateway.istio.io/
            // service-account): a principal of the waypoint's namespace that nothing of the input
            // runs as may be the waypoint itself.
            if (!binding.gateway && unknownPrincipalIn(model, p, binding.namespace)) continue;
            for (const c of callers) {
              if (ids.includes(c.principal)) continue;
              for (const sp of s.ports) {
                const port = targetPortOn(pod, sp);
                const triple = `${c.principal}|${c.who}|${s.namespace}/${s.name}|${sp.port}`;
                if (port === undefined || done.has(triple)) continue;
                // What this policy does to the client when it reaches ztunnel with its own identity…
                const own = evaluatePolicies(ztunnel, { principal: c.principal, port, http: false }, 'ztunnel');
                if (own.decidedBy?.policy !== p || own.decidedBy.rule === undefined) continue;
                if ((p.action === 'ALLOW') !== (own.decision === 'ALLOW')) continue;
                // …and what check-access says once it goes through the Service's waypoint.
                const d = accessOf(c, s, sp.port);
                if (!viaWaypoint(d) || d.policyDecision?.enforcement !== 'ztunnel') continue;
                let kind: Hit['kind'] | undefined;
                if (p.action === 'ALLOW' && d.decision === 'DENY' && d.policyDecision.decidedBy?.rule === undefined) kind = 'refused';
                else if (p.action === 'DENY' && d.decision === 'ALLOW') kind = 'unstopped';
                // The DENY names the waypoint's identity too (say its namespace): it refuses all the waypoint carries.
                else if (p.action === 'DENY' && d.decision === 'DENY' && d.policyDecision.decidedBy?.policy === p) kind = 'denies-waypoint';
                if (kind) {
                  hits.push({ kind, caller: c, service: s, binding, port: sp.port });
                  done.add(triple);
                }
              }
            }
          }
        }
        if (hits.length === 0) return;
        // One report per rule of the policy, at the first client entry the evaluator confirmed.
        const byRule = new Map<string, Hit[]>();
        for (const h of hits) {
          const key = `${h.caller.rule}|${h.kind}`;
          const list = byRule.get(key);
          if (list) list.push(h);
          else byRule.set(key, [h]);
        }
        for (const group of byRule.values()) {
          const first = group[0]!;
          const wp = first.binding;
          const ids = waypointPrincipals(model, wp);
          const services = [...new Set(group.map((h) => `Service ${h.service.namespace}/${h.service.name}`))];
          const ports = [...new Set(group.map((h) => String(h.port)))];
          const who = [...new Set(group.map((h) => h.caller.who))];
          const data = {
            name: p.name,
            services: listText(services),
            ports: `${ports.length === 1 ? 'port' : 'ports'} ${listText(ports)}`,
            isAre: services.length === 1 ? 'is' : 'are',
            waypoint: waypointLabel(wp),
            waypointIds: listText(ids),
            clients: listText(who),
          };
          // The pods are ambient, and some callers' data planes decided who goes through the waypoint.
          const assumptions = model.assumptionsOf([...pods.filter((w) => group.some((h) => model.servicePods(h.service).includes(w))), ...group.map((h) => (h.caller.peer.kind === 'workload' ? h.caller.peer.workload : h.caller.peer.kind === 'pod' ? h.caller.peer.dataplane : undefined))]);
          const at = { resource: p.resource, path: first.caller.path };
          // Built only when a report shows them.
          const attach = () => ({ desc: `Enforce the DENY at the waypoint: attach it to ${services[0]}`, fix: waypointPolicyFix(p, first.service) });
          if (p.action === 'ALLOW') {
            context.report({
              at,
              messageId: 'allowRefusesWaypoint',
              data,
              suggest: [
                () => ({ desc: `Admit the waypoint (${listText(ids)}) in AuthorizationPolicy "${p.name}"`, fix: `# AuthorizationPolicy ${p.namespace}/${p.name}, spec.rules (add):\n${stringify([{ from: [{ source: { principals: ids } }] }])}` }),
                () => ({ desc: `Match the clients at the waypoint: attach the policy to ${services[0]}`, fix: waypointPolicyFix(p, first.service) }),
              ],
              assumptions,
            });
          } else if (first.kind === 'denies-waypoint') {
            context.report({ at, messageId: 'denyMatchesWaypoint', data, suggest: [attach], assumptions });
          } else {
            context.report({ at, messageId: 'denyMissesClients', severity: 'warn', data: { ...data, getOrGets: who.length === 1 ? 'gets' : 'get' }, suggest: [attach], assumptions });
          }
        }
      },
    };
  },
});
