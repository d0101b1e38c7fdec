import { toService, type AuthorizationPolicy, type SelectingPolicy, type Service, type TargetRef } from '../model/kinds.js';
import type { ModelIndex } from '../model/model.js';
import { arr, isRecord, matchesLabels, str, stringMap, type Resource } from '../model/resource.js';
import type { Workload } from '../model/workloads.js';
import { waypointOfService, type WaypointBinding } from './waypoint-binding.js';

/**
 * Where policies attach, in one place for the evaluator (check-access) and the rules.
 *
 * By selector (or namespace): the workloads a sidecar, gateway or ztunnel enforces them on.
 */

/**
 * Workloads a selecting policy applies to. In the root namespace a selector matches workloads of
 * every namespace (AuthorizationPolicy, istio pilot/pkg/model/authorization.go); `rootSpansMesh`
 * false keeps it to the root namespace itself.
 */
export function policyWorkloads(model: ModelIndex, p: SelectingPolicy, rootSpansMesh = true): readonly Workload[] {
  if (p.targetRefs.length > 0) return [];
  if (rootSpansMesh && p.namespace === model.rootNamespace) {
    if (!p.selector || Object.keys(p.selector).length === 0) return model.workloads;
    const out: Workload[] = [];
    for (const ns of model.workloadNamespaces()) out.push(...model.selectWorkloads(ns, p.selector));
    return out;
  }
  return model.selectWorkloads(p.namespace, p.selector);
}

/**
 * AuthorizationPolicies attached to a workload by selector or namespace (not targetRefs): those of
 * its namespace and of the root namespace. These are what a sidecar or ztunnel enforces.
 */
export function authorizationPoliciesFor(model: ModelIndex, w: Workload): AuthorizationPolicy[] {
  const out: AuthorizationPolicy[] = [];
  const consider = (ns: string) => {
    for (const p of model.policiesIn<AuthorizationPolicy>('AuthorizationPolicy', ns)) {
      if (p.targetRefs.length > 0) continue;
      if (!p.selector || matchesLabels(p.selector, w.podLabels)) out.push(p);
    }
  };
  consider(w.namespace);
  if (w.namespace !== model.rootNamespace) consider(model.rootNamespace);
  return out;
}

/**
 * Whether a workload is an Istio gateway (an Envoy that enforces policies although it has no
 * sidecar): the `gateway` injection template (manifests/charts/gateway), the `istio: *gateway`
 * label of istioctl-installed gateways, or the labels Istio puts on Gateway API deployments
 * (pilot/pkg/config/kube/gateway/templates/deployment.yaml).
 */
export function isIstioGatewayWorkload(w: Workload): boolean {
  const istio = w.podLabels.istio;
  return (
    (w.podAnnotations['inject.istio.io/templates'] ?? '').split(',').includes('gateway') ||
    (istio !== undefined && istio.endsWith('gateway')) ||
    w.podLabels['gateway.networking.k8s.io/gateway-name'] !== undefined ||
    w.podLabels['istio.io/gateway-name'] !== undefined
  );
}

/**
 * By `targetRefs`, for a waypoint proxy (istio pilot/pkg/model/policyattachment.go,
 * `ShouldAttachPolicy`):
 * - `Service` (group `""`/`core`) and `ServiceEntry` (`networking.istio.io`): the traffic the
 *   waypoint carries for that Service or ServiceEntry of the policy's namespace (the registry must
 *   match: a Service name never attaches a ServiceEntry, nor the reverse);
 * - `Gateway` (`gateway.networking.k8s.io`): everything the waypoint of that name in the policy's
 *   namespace carries;
 * - `GatewayClass` `istio-waypoint`: every waypoint, only from the root namespace.
 * A targetRef naming another namespace never attaches (Istio's validation rejects it, and
 * ShouldAttachPolicy skips it for Gateways).
 */

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** The traffic a waypoint carries: for a Service (or ServiceEntry), or addressed to a workload. */
export interface WaypointTraffic {
  /** The Service or ServiceEntry (seen as a Service) the traffic is for; undefined for workload traffic. */
  service?: Service;
  waypoint: { namespace: string; name: string };
}

function isCoreGroup(group: string): boolean {
  return group === '' || group === 'core';
}

/** Whether one targetRef of `p` attaches it to this waypoint traffic. */
export function targetRefAttaches(model: ModelIndex, p: AuthorizationPolicy, t: TargetRef, traffic: WaypointTraffic): boolean {
  if (t.namespace && t.namespace !== p.namespace) return false;
  const s = traffic.service;
  if (t.kind === 'Service' && isCoreGroup(t.group)) {
    return s !== undefined && s.resource.kind === 'Service' && p.namespace === s.namespace && t.name === s.name;
  }
  if (t.kind === 'ServiceEntry' && t.group === 'networking.istio.io') {
    return s !== undefined && s.resource.kind === 'ServiceEntry' && p.namespace === s.namespace && t.name === s.name;
  }
  if (t.kind === 'Gateway' && t.group === GATEWAY_GROUP) return p.namespace === traffic.waypoint.namespace && t.name === traffic.waypoint.name;
  if (t.kind === 'GatewayClass' && t.group === GATEWAY_GROUP) return p.namespace === model.rootNamespace && t.name === 'istio-waypoint';
  return false;
}

/**
 * The policies a waypoint applies to some traffic: to traffic for a Service, those attached to the
 * Service, to the waypoint's Gateway or to the istio-waypoint GatewayClass (root namespace); to
 * traffic addressed to a workload (`service` undefined), only the last two.
 */
export function waypointPolicies(model: ModelIndex, traffic: WaypointTraffic): AuthorizationPolicy[] {
  const out: AuthorizationPolicy[] = [];
  const namespaces = new Set([traffic.service?.namespace ?? traffic.waypoint.namespace, traffic.waypoint.namespace, model.rootNamespace]);
  for (const ns of namespaces) {
    for (const p of model.policiesIn<AuthorizationPolicy>('AuthorizationPolicy', ns)) {
      if (p.targetRefs.some((t) => targetRefAttaches(model, p, t, traffic))) out.push(p);
    }
  }
  return out;
}

/** A ServiceEntry with a workloadSelector, seen as a Service over the pods it selects. */
export function serviceEntryAsService(r: Resource): Service | undefined {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const sel = isRecord(spec.workloadSelector) ? stringMap(spec.workloadSelector.labels) : {};
  if (Object.keys(sel).length === 0) return undefined;
  const base = toService(r);
  const ports = arr(spec.ports).flatMap((p, index) => {
    if (!isRecord(p) || typeof p.number !== 'number') return [];
    const target = typeof p.targetPort === 'number' ? p.targetPort : p.number;
    return [{ name: str(p.name), port: p.number, targetPort: target, protocol: str(p.protocol) ?? 'TCP', index }];
  });
  return { ...base, selector: sel, ports };
}

/** A Service or ServiceEntry bound to a waypoint, with how to name it (`Service productpage`). */
export interface BoundTarget {
  service: Service;
  binding: WaypointBinding;
  label: string;
}

const boundCache = new WeakMap<ModelIndex, Map<string, BoundTarget[]>>();

/** Services bound to each waypoint (`<ns>/<name>`), computed once per model. */
function boundServices(model: ModelIndex): Map<string, BoundTarget[]> {
  let out = boundCache.get(model);
  if (out) return out;
  out = new Map();
  for (const s of model.services) {
    const b = waypointOfService(model, s);
    if (!b) continue;
    const key = `${b.namespace}/${b.name}`;
    const list = out.get(key) ?? [];
    list.push({ service: s, binding: b, label: `Service ${s.name}` });
    out.set(key, list);
  }
  boundCache.set(model, out);
  return out;
}

/**
 * The Services and ServiceEntries (with their waypoints) whose waypoint traffic one targetRef of
 * `p` reaches. Candidates are read off the reference, then kept only when targetRefAttaches agrees.
 */
export function targetRefTargets(model: ModelIndex, p: AuthorizationPolicy, t: TargetRef): BoundTarget[] {
  let candidates: BoundTarget[] = [];
  if (t.kind === 'Service' && isCoreGroup(t.group)) {
    const s = model.service(p.namespace, t.name);
    const b = s && waypointOfService(model, s);
    if (s && b) candidates = [{ service: s, binding: b, label: `Service ${s.name}` }];
  } else if (t.kind === 'ServiceEntry' && t.group === 'networking.istio.io') {
    const r = model.policiesIn<Resource>('ServiceEntry', p.namespace).find((x) => x.name === t.name);
    const s = r && serviceEntryAsService(r);
    const b = s && waypointOfService(model, s);
    if (s && b) candidates = [{ service: s, binding: b, label: `ServiceEntry ${s.name}` }];
  } else if (t.kind === 'Gateway' && t.group === GATEWAY_GROUP) {
    // A Gateway of the input that is not a waypoint carries no waypoint traffic.
    const g = model.gateway(p.namespace, t.name);
    if (!g || g.isWaypoint) candidates = boundServices(model).get(`${p.namespace}/${t.name}`) ?? [];
  } else if (t.kind === 'GatewayClass' && t.group === GATEWAY_GROUP) {
    candidates = [...boundServices(model).values()].flat();
  }
  return candidates.filter((c) => targetRefAttaches(model, p, t, { service: c.service, waypoint: c.binding }));
}
