// What `istio.io/use-waypoint` names must be a waypoint that takes that traffic: istio
// pilot/pkg/serviceregistry/ambient/waypoints.go (fetchWaypointForTarget: a waypoint not found binds
// nothing, "waypoint is not ready", and the object's own label never falls back to its namespace's;
// fetchWaypointForService / fetchWaypointForWorkload: the traffic type). See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { Model } from '../../src/mesh/model.js';
import type { K8sGateway } from '../../src/model/kinds.js';
import type { Labels, Resource } from '../../src/model/resource.js';
import type { Path } from '../../src/types.js';
import { READS, reads } from '../../src/model/reads.js';

const USE_WAYPOINT = 'istio.io/use-waypoint';
const USE_WAYPOINT_NAMESPACE = 'istio.io/use-waypoint-namespace';
const WAYPOINT_FOR = 'istio.io/waypoint-for';

/** What a label on this kind of object binds, for messages. */
type Bound = 'pods' | 'service' | 'namespace';

const TRAFFIC: Record<Bound, string> = {
  pods: 'traffic addressed to its pods',
  service: 'traffic to the Service',
  namespace: 'traffic to its Services',
};

/** The traffic types (istio.io/waypoint-for) a waypoint must serve for the label to bind. */
const ACCEPTS: Record<Bound, readonly string[]> = {
  pods: ['workload', 'all'],
  service: ['service', 'all'],
  namespace: ['service', 'all'],
};

/** Where the waypoint's traffic type comes from, for messages. */
function waypointForText(g: K8sGateway): string {
  const own = g.resource.labels[WAYPOINT_FOR];
  if (own !== undefined) return `${WAYPOINT_FOR}: ${own}`;
  if (g.waypointFor === 'service') return `the default without ${WAYPOINT_FOR}`;
  return `${WAYPOINT_FOR} of its GatewayClass ${g.className}`;
}

type MessageIds = 'notFound' | 'wrongTrafficType';

export default defineRule<MessageIds>({
  meta: {
    type: 'problem',
    docs: {
      description: 'istio.io/use-waypoint on a workload, Service or namespace names a waypoint the input does not hold, or one that does not serve that traffic: istiod binds no waypoint, so the traffic skips it.',
      url: docsUrl('use-waypoint-references'),
      recommended: true,
      aliases: ['KIA1313'],
      tags: ['ambient', 'waypoint'],
    },
    messages: {
      notFound:
        '{{object}} names waypoint {{waypoint}} (istio.io/use-waypoint), but namespace {{waypointNamespace}} has no Gateway "{{name}}": istiod binds no waypoint, so {{traffic}} reaches the pods through ztunnel alone, and no policy or route attached to a waypoint applies to it.{{noFallback}} Fix the name, or create the waypoint (istioctl waypoint apply -n {{waypointNamespace}} --name {{name}}).',
      wrongTrafficType:
        '{{object}} names waypoint {{waypoint}} (istio.io/use-waypoint), but it serves {{serves}} traffic ({{why}}): istiod binds no waypoint, so {{traffic}} reaches the pods through ztunnel alone, and no policy or route attached to the waypoint applies to it. Label the waypoint istio.io/waypoint-for: all, or name a waypoint for {{wanted}} traffic.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.gateways),
  },
  create(context) {
    const model: Model = context.model;
    const check = (resource: Resource, labels: Labels, ns: string, labelsPath: Path, object: string, bound: Bound) => {
      const name = labels[USE_WAYPOINT];
      if (!name || name === 'none') return;
      const wpNs = labels[USE_WAYPOINT_NAMESPACE] || ns;
      const at = { resource, path: [...labelsPath, USE_WAYPOINT] };
      const data = { object, waypoint: `${wpNs}/${name}`, waypointNamespace: wpNs, name, traffic: TRAFFIC[bound] };
      const g = model.gateway(wpNs, name);
      if (!g) {
        // Only about a namespace the input holds: elsewhere the waypoint may well exist.
        if (!model.hasNamespace(wpNs)) return;
        const nsWaypoint = model.namespaceLabels(ns)[USE_WAYPOINT];
        const overrides = bound !== 'namespace' && nsWaypoint && nsWaypoint !== 'none';
        const noFallback = overrides ? ` Its own label overrides namespace ${ns}'s ${USE_WAYPOINT}, so the namespace's waypoint does not serve it either.` : '';
        context.report({ at, messageId: 'notFound', data: { ...data, noFallback } });
        return;
      }
      if (ACCEPTS[bound].includes(g.waypointFor)) return;
      context.report({
        at,
        messageId: 'wrongTrafficType',
        data: { ...data, serves: g.waypointFor === 'none' ? 'no' : `only ${g.waypointFor}`, why: waypointForText(g), wanted: bound === 'pods' ? 'workload' : 'service' },
        related: [{ at: { resource: g.resource, path: ['metadata', 'name'] }, message: `Gateway ${g.namespace}/${g.name}` }],
      });
    };
    return {
      Workload(w) {
        // A label the namespace gives is reported once, on the Namespace; istiod ignores a service-only
        // namespace waypoint for pods without a label of their own (fetchWaypointForWorkload).
        check(w.resource, w.podLabels, w.namespace, [...w.podMetadataPath, 'labels'], `${w.kind} ${w.namespace}/${w.name}`, 'pods');
      },
      Service(s) {
        check(s.resource, s.resource.labels, s.namespace, ['metadata', 'labels'], `Service ${s.namespace}/${s.name}`, 'service');
      },
      Namespace(ns) {
        if (ns.resource) check(ns.resource, ns.labels, ns.name, ['metadata', 'labels'], `Namespace ${ns.name}`, 'namespace');
      },
    };
  },
});
