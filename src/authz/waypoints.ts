import { parseGoBool } from '../util/text.js';
import type { AuthorizationPolicy, Service } from '../model/kinds.js';
import type { ModelIndex } from '../model/model.js';
import { arr, isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import type { Workload } from '../model/workloads.js';
import { authorizationPoliciesFor } from './attachment.js';
import { waypointOfService, waypointOfWorkload, type WaypointBinding } from './waypoint-binding.js';

/**
 * Waypoint identities and what istiod sends ztunnel on their behalf.
 *
 * A waypoint's identity is the service account of its pods. istiod's Waypoint collection reads it
 * from the pods labelled `gateway.networking.k8s.io/gateway-name: <gateway>`
 * (pilot/pkg/serviceregistry/ambient/waypoints.go, `ServiceAccounts`); for the Deployment istiod
 * creates itself that is the `gateway.istio.io/service-account` annotation, else the Gateway's name
 * for class istio-waypoint (pilot/pkg/config/kube/gatewaycommon/deploymentcontroller.go,
 * `ServiceAccount: GetOrDefault(annotation, defaultName)`; classinfo.go: `DisableNameSuffix` for
 * the waypoint class).
 */

/** Label istio puts on a Gateway's pods (and that a hand-made waypoint Deployment carries). */
const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

/** Name prefix of istiod's synthetic allow-from-waypoint policies (`_` is illegal in Kubernetes names). */
export const IMPLICIT_WAYPOINT_POLICY_PREFIX = 'istio_allow_waypoint_';

/** The service accounts a waypoint runs as. */
export function waypointServiceAccounts(model: ModelIndex, wp: WaypointBinding): string[] {
  const pods = model.selectWorkloads(wp.namespace, { [GATEWAY_NAME_LABEL]: wp.name });
  if (pods.length > 0) return [...new Set(pods.map((w) => w.serviceAccount))].sort();
  return [wp.gateway?.serviceAccount ?? wp.name];
}

/** `<trustDomain>/ns/<ns>/sa/<sa>` of each identity the waypoint runs as. */
export function waypointPrincipals(model: ModelIndex, wp: WaypointBinding): string[] {
  return waypointServiceAccounts(model, wp).map((sa) => `${model.mesh.trustDomain}/ns/${wp.namespace}/sa/${sa}`);
}

/** The waypoints that serve a workload: its own (workload traffic) and its Services'. */
export function waypointsServing(model: ModelIndex, w: Workload): Array<{ binding: WaypointBinding; service?: Service }> {
  const out: Array<{ binding: WaypointBinding; service?: Service }> = [];
  for (const s of model.servicesOf(w)) {
    const b = waypointOfService(model, s);
    if (b) out.push({ binding: b, service: s });
  }
  const own = waypointOfWorkload(model, w);
  if (own) out.push({ binding: own });
  return out;
}

/**
 * With `PILOT_AUTO_ALLOW_WAYPOINT_POLICY=true`, istiod adds to every workload served by a waypoint
 * an ALLOW policy whose only rule admits the waypoint's identity (policies.go,
 * `implicitWaypointPolicy`; workloads.go, `implicitWaypointPolicies`: the workload's own waypoint
 * and its Services' waypoints). It only allows: another ALLOW policy that admits other clients
 * still admits them. Off by default (pilot/pkg/features/ambient.go).
 */
export function implicitWaypointPolicies(model: ModelIndex, w: Workload): AuthorizationPolicy[] {
  if (!model.mesh.autoAllowWaypointPolicy || w.dataplane.mode !== 'ambient') return [];
  const seen = new Set<string>();
  const out: AuthorizationPolicy[] = [];
  for (const { binding } of waypointsServing(model, w)) {
    const key = `${binding.namespace}/${binding.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rules = [{ from: [{ source: { principals: waypointPrincipals(model, binding) } }] }];
    out.push({
      // Reported places point at the waypoint's Gateway when the input has it.
      resource: binding.gateway?.resource ?? w.resource,
      name: `${IMPLICIT_WAYPOINT_POLICY_PREFIX}${binding.namespace}_${binding.name}`,
      namespace: binding.namespace,
      spec: { action: 'ALLOW', rules },
      selector: undefined,
      targetRefs: [],
      action: 'ALLOW',
      rules,
      dryRun: false,
    });
  }
  return out;
}

export function isImplicitWaypointPolicy(p: AuthorizationPolicy): boolean {
  return p.name.startsWith(IMPLICIT_WAYPOINT_POLICY_PREFIX);
}

/** Every policy ztunnel enforces on an ambient workload: the input's and istiod's implicit ones. */
export function ztunnelPoliciesFor(model: ModelIndex, w: Workload): AuthorizationPolicy[] {
  return [...authorizationPoliciesFor(model, w), ...implicitWaypointPolicies(model, w)];
}

/**
 * Whether ingress gateways send a Service's traffic through its waypoint:
 * `istio.io/ingress-use-waypoint` on the Service, else its namespace, read like Go's
 * strconv.ParseBool (pilot/pkg/serviceregistry/ambient/services.go, ingressUseWaypointFromLabels).
 * Without it a gateway sends to the pods directly (pilot/pkg/xds/endpoints/endpoint_builder.go,
 * findServiceWaypoint: "They need to explicitly opt-in on the service to send from ingress ->
 * waypoint").
 */
export function ingressUsesWaypoint(model: ModelIndex, s: Service): boolean {
  const v = s.resource.labels['istio.io/ingress-use-waypoint'] ?? model.namespaceLabels(s.namespace)['istio.io/ingress-use-waypoint'];
  return parseGoBool(v);
}

export function waypointLabel(wp: WaypointBinding): string {
  return `waypoint ${wp.namespace}/${wp.name}`;
}

const waypointNames = new WeakMap<ModelIndex, Set<string>>();

/** Service-account names that belong to waypoints: Gateway names and service accounts of class istio-waypoint. */
function waypointAccountNames(model: ModelIndex): Set<string> {
  let names = waypointNames.get(model);
  if (!names) {
    names = new Set();
    for (const g of model.gateways) {
      if (!g.isWaypoint) continue;
      names.add(g.name);
      names.add(g.serviceAccount);
    }
    waypointNames.set(model, names);
  }
  return names;
}

/** The service account named by a principal (`<td>/ns/<ns>/sa/<sa>`), if it has that shape. */
export function parsePrincipal(principal: string): { trustDomain: string; namespace: string; serviceAccount: string } | undefined {
  const m = /^([^/]+)\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal);
  return m ? { trustDomain: m[1]!, namespace: m[2]!, serviceAccount: m[3]! } : undefined;
}

/**
 * Whether an identity looks like a waypoint's: its service account is called `waypoint` (or contains
 * it), or is the name or service account of some waypoint Gateway of the input.
 */
export function looksLikeWaypointAccount(model: ModelIndex, serviceAccount: string): boolean {
  return /waypoint/i.test(serviceAccount) || waypointAccountNames(model).has(serviceAccount);
}

export function looksLikeWaypointPrincipal(model: ModelIndex, principal: string): boolean {
  const p = parsePrincipal(principal);
  return p !== undefined && !p.serviceAccount.includes('*') && looksLikeWaypointAccount(model, p.serviceAccount);
}

/** An entry of a policy that names an identity. */
export interface WaypointLikeEntry {
  value: string;
  /** The principal it stands for (`serviceAccounts` entries are expanded). */
  principal: string;
  field: string;
  path: Path;
}

/**
 * Identity entries of a policy that look like a waypoint's (principals, serviceAccounts and
 * source.principal values, with their `not` forms): the entries waypoint-principal-mismatch
 * judges, and that ztunnel-policy-behind-waypoint leaves to it.
 */
export function waypointLikeEntries(model: ModelIndex, p: AuthorizationPolicy): WaypointLikeEntry[] {
  const td = model.mesh.trustDomain;
  const out: WaypointLikeEntry[] = [];
  (p.rules ?? []).forEach((rule, ri) => {
    if (!isRecord(rule)) return;
    arr(rule.from).forEach((from, fi) => {
      const s = isRecord(from) && isRecord(from.source) ? from.source : undefined;
      if (!s) return;
      const base: Path = ['spec', 'rules', ri, 'from', fi, 'source'];
      for (const field of ['principals', 'notPrincipals']) {
        arr(s[field]).forEach((v, i) => {
          if (typeof v === 'string' && looksLikeWaypointPrincipal(model, v)) out.push({ value: v, principal: v, field, path: [...base, field, i] });
        });
      }
      for (const field of ['serviceAccounts', 'notServiceAccounts']) {
        arr(s[field]).forEach((v, i) => {
          if (typeof v !== 'string' || v.includes('*')) return;
          const [ns, sa] = v.includes('/') ? v.split('/', 2) : [p.namespace, v];
          if (sa && looksLikeWaypointAccount(model, sa)) out.push({ value: v, principal: `${td}/ns/${ns}/sa/${sa}`, field, path: [...base, field, i] });
        });
      }
    });
    arr(rule.when).forEach((w, wi) => {
      if (!isRecord(w) || w.key !== 'source.principal') return;
      for (const field of ['values', 'notValues']) {
        arr(w[field]).forEach((v, i) => {
          if (typeof v === 'string' && looksLikeWaypointPrincipal(model, v)) {
            out.push({ value: v, principal: v, field: `when source.principal ${field}`, path: ['spec', 'rules', ri, 'when', wi, field, i] });
          }
        });
      }
    });
  });
  return out;
}
