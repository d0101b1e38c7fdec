import type { K8sGateway, Service } from '../model/kinds.js';
import type { ModelIndex } from '../model/model.js';
import { arr, isRecord, matchesLabels, str, stringMap, type Labels } from '../model/resource.js';
import type { Workload } from '../model/workloads.js';

/** The waypoint some traffic is sent to, as `istio.io/use-waypoint` binds it. */
export interface WaypointBinding {
  /** The waypoint's name and namespace as the label says. */
  name: string;
  namespace: string;
  /** The Gateway object, when it is part of the input. */
  gateway?: K8sGateway;
  /** Whether the label sits on the object itself or on its namespace. */
  via: 'object' | 'namespace';
}

/**
 * The waypoint a Service's traffic is sent to (pilot/pkg/serviceregistry/ambient/waypoints.go):
 * `istio.io/use-waypoint` on the Service, else on its namespace; `none` opts out;
 * `istio.io/use-waypoint-namespace` names the waypoint's namespace. Services bind only to
 * waypoints for `service` or `all` traffic.
 */
export function waypointOfService(model: ModelIndex, s: Service): WaypointBinding | undefined {
  return bindWaypoint(model, s.resource.labels, s.namespace, ['service', 'all']);
}

/** The waypoint for traffic addressed to a workload's pods directly (`workload` or `all` waypoints). */
export function waypointOfWorkload(model: ModelIndex, w: Workload): WaypointBinding | undefined {
  return bindWaypoint(model, w.podLabels, w.namespace, ['workload', 'all']);
}

function bindWaypoint(model: ModelIndex, labels: Labels, ns: string, accepted: string[]): WaypointBinding | undefined {
  const nsLabels = model.namespaceLabels(ns);
  let via: WaypointBinding['via'];
  let name: string | undefined;
  let wpNs: string | undefined;
  if (labels['istio.io/use-waypoint'] !== undefined) {
    via = 'object';
    name = labels['istio.io/use-waypoint'];
    wpNs = labels['istio.io/use-waypoint-namespace'];
  } else {
    via = 'namespace';
    name = nsLabels['istio.io/use-waypoint'];
    wpNs = nsLabels['istio.io/use-waypoint-namespace'];
  }
  if (!name || name === 'none') return undefined;
  const namespace = wpNs ?? ns;
  const gateway = model.gateway(namespace, name);
  if (gateway && !accepted.includes(gateway.waypointFor)) return undefined;
  if (gateway && !waypointAdmits(model, gateway, ns)) return undefined;
  return { name, namespace, gateway, via };
}

/**
 * Whether a waypoint accepts objects of namespace `ns` (pilot/pkg/serviceregistry/ambient/
 * waypoints.go, AllowsAttachmentFromNamespace): its HBONE listener's (port 15008)
 * `allowedRoutes.namespaces.from` — `Same` by default, `All`, or `Selector` on the namespace's
 * labels. Istio binds nothing when it refuses. A namespace absent from the input has unknown
 * labels: a selector is then given the benefit of the doubt.
 */
function waypointAdmits(model: ModelIndex, g: K8sGateway, ns: string): boolean {
  if (g.namespace === ns) return true;
  const spec = isRecord(g.resource.raw.spec) ? g.resource.raw.spec : {};
  const hbone = arr(spec.listeners).find((l) => isRecord(l) && l.protocol === 'HBONE' && l.port === 15008);
  const allowed = isRecord(hbone) && isRecord(hbone.allowedRoutes) ? hbone.allowedRoutes : {};
  const namespaces = isRecord(allowed.namespaces) ? allowed.namespaces : {};
  const from = str(namespaces.from) ?? 'Same';
  if (from === 'All') return true;
  // A Selector without a selector selects nothing (LabelSelectorAsSelector(nil)).
  if (from !== 'Selector' || !isRecord(namespaces.selector)) return false;
  if (!model.declaresNamespace(ns)) return true;
  return matchesLabelSelector(namespaces.selector, { ...model.namespaceLabels(ns), 'kubernetes.io/metadata.name': ns });
}

/** A Kubernetes LabelSelector (matchLabels and matchExpressions); a malformed one matches nothing. */
function matchesLabelSelector(sel: unknown, labels: Labels): boolean {
  if (!isRecord(sel)) return false;
  if (!matchesLabels(stringMap(sel.matchLabels), labels)) return false;
  for (const e of arr(sel.matchExpressions)) {
    if (!isRecord(e) || typeof e.key !== 'string') return false;
    const values = arr(e.values).filter((v): v is string => typeof v === 'string');
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const v = labels[e.key];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(v!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(v!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
