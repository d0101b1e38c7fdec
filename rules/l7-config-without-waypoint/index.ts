// ztunnel applies no VirtualService or DestinationRule: for an ambient destination only its
// waypoint does, and the waypoint reads VirtualServices of the Service's or its own namespace only
// (istio pilot/pkg/networking/core/listener_waypoint.go, getVirtualServiceForWaypoint) and looks
// DestinationRules up from its own namespace (cluster_waypoint.go, SidecarScope.DestinationRule).
// Kiali's checker: business/checkers/ambient_policy_checker.go, ambient/l7_classification.go.
// See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { Model, WaypointBinding } from '../../src/mesh/model.js';
import type { DataplaneAssumption } from '../../src/model/dataplane.js';
import { resolveHost, serviceHostNamespace } from '../../src/model/hosts.js';
import type { DestinationRule, Service } from '../../src/model/kinds.js';
import { arr, isRecord, type Resource } from '../../src/model/resource.js';
import type { VirtualService } from '../../src/model/traffic.js';
import type { Path } from '../../src/types.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

const USE_WAYPOINT = 'istio.io/use-waypoint';

/** One traffic policy's settings that only an Envoy applies and that Kiali counts as layer 7. */
function policyFeatures(tp: unknown, out: Set<string>): void {
  if (!isRecord(tp)) return;
  const lb = isRecord(tp.loadBalancer) ? tp.loadBalancer : {};
  const hash = isRecord(lb.consistentHash) ? lb.consistentHash : {};
  if (hash.httpHeaderName !== undefined || hash.httpCookie !== undefined || hash.httpQueryParameterName !== undefined) out.add('HTTP consistent hashing');
  if (isRecord(tp.connectionPool) && tp.connectionPool.http !== undefined) out.add('connectionPool.http');
  if (tp.outlierDetection !== undefined) out.add('outlierDetection');
  for (const p of arr(tp.portLevelSettings)) policyFeatures(p, out);
}

/** The layer-7 settings of a DestinationRule (its traffic policy, its ports', its subsets'). */
function destinationRuleFeatures(spec: Record<string, unknown>): string[] {
  const out = new Set<string>();
  policyFeatures(spec.trafficPolicy, out);
  for (const s of arr(spec.subsets)) if (isRecord(s)) policyFeatures(s.trafficPolicy, out);
  return [...out];
}

/**
 * The routes of a VirtualService for mesh traffic (`gateways` absent or naming `mesh`). TCP routes
 * count too: Kiali calls them layer 4, but ztunnel applies no VirtualService at all and the
 * waypoint applies its tcp routes (listener_waypoint.go, getWaypointTCPRoutes).
 */
function virtualServiceFeatures(vs: VirtualService, spec: Record<string, unknown>): string[] {
  if (vs.gateways.length > 0 && !vs.gateways.some((g) => g.name === 'mesh')) return [];
  return (['http', 'tls', 'tcp'] as const).filter((k) => arr(spec[k]).length > 0).map((k) => `${k} routes`);
}

/**
 * Whether the Service's pods run in ambient, with the assumptions behind it: its pods of the input,
 * else the pods its namespace's labels (or the assumed data plane) give. Undefined: not ambient.
 */
function ambientDestination(model: Model, s: Service): { assumptions: DataplaneAssumption[] } | undefined {
  if (!s.selector || Object.keys(s.selector).length === 0) return undefined;
  const pods = model.servicePods(s);
  if (pods.length > 0) {
    const ambient = pods.filter((w) => w.dataplane.mode === 'ambient');
    return ambient.length > 0 ? { assumptions: model.assumptionsOf(ambient) } : undefined;
  }
  const dp = model.dataplaneFor(s.namespace);
  return dp.mode === 'ambient' ? { assumptions: model.assumptionsOf([dp]) } : undefined;
}

/** Why a Service of an ambient namespace has no waypoint, and which message says it; undefined when the input does not show. */
function notEnrolled(model: Model, s: Service): { messageId: 'namespaceNotEnrolled' | 'serviceNotEnrolled'; why: string } | undefined {
  const own = s.resource.labels[USE_WAYPOINT];
  const nsLabels = model.namespaceLabels(s.namespace);
  const labelled = own !== undefined ? own : nsLabels[USE_WAYPOINT];
  if (own === 'none') return { messageId: 'serviceNotEnrolled', why: `the Service opts out with ${USE_WAYPOINT}: none` };
  // An empty name binds nothing, and the Service's own label still overrides its namespace's.
  if (own === '') return { messageId: 'serviceNotEnrolled', why: `the Service's ${USE_WAYPOINT} label is empty` };
  if (labelled === undefined || labelled === '' || labelled === 'none') {
    // The namespace's labels are known only from its Namespace object (or a complete input).
    if (!model.declaresNamespace(s.namespace) && !model.mesh.complete) return undefined;
    const why = labelled === 'none' ? `namespace ${s.namespace} opts out with ${USE_WAYPOINT}: none` : `neither the Service nor namespace ${s.namespace} carries ${USE_WAYPOINT}`;
    return { messageId: 'namespaceNotEnrolled', why };
  }
  // Labelled, yet unbound: the waypoint Gateway of the input refuses the Service.
  const from = own !== undefined ? s.resource.labels : nsLabels;
  const wpNs = from['istio.io/use-waypoint-namespace'] ?? s.namespace;
  const g = model.gateway(wpNs, labelled);
  if (!g) return undefined;
  const why =
    g.waypointFor === 'service' || g.waypointFor === 'all'
      ? `its waypoint ${wpNs}/${labelled} does not admit namespace ${s.namespace}, by the allowedRoutes of its HBONE listener`
      : `its waypoint ${wpNs}/${labelled} serves ${g.waypointFor === 'none' ? 'no' : `only ${g.waypointFor}`} traffic, as istio.io/waypoint-for: ${g.waypointFor} says`;
  return { messageId: 'serviceNotEnrolled', why };
}

/** The namespaces whose configuration of this kind the waypoint reads for the Service. */
function readsFrom(model: Model, kind: string, s: Service, wp: WaypointBinding): string[] {
  const list = new Set([s.namespace, wp.namespace]);
  // A DestinationRule lookup ends at the root namespace's mesh-wide defaults (push_context.go, destinationRule).
  if (kind === 'DestinationRule') list.add(model.rootNamespace);
  return [...list];
}

const CONSEQUENCE: Record<string, string> = {
  VirtualService: 'its routes are not applied to requests from ambient clients',
  DestinationRule: 'these settings are not applied to traffic from ambient clients',
};

type MessageIds = 'namespaceNotEnrolled' | 'serviceNotEnrolled' | 'notInServiceNamespace';

export default defineRule<MessageIds>({
  meta: {
    type: 'problem',
    docs: {
      description:
        'A VirtualService for mesh traffic or a DestinationRule with layer-7 settings is for an ambient Service that no waypoint serves, or sits in a namespace its waypoint does not read: ztunnel ignores it, so it has no effect on ambient clients.',
      url: docsUrl('l7-config-without-waypoint'),
      recommended: true,
      aliases: ['KIA0210', 'KIA0211', 'KIA0212', 'KIA1109', 'KIA1113', 'KIA1114'],
      tags: ['ambient', 'waypoint', 'traffic'],
    },
    messages: {
      namespaceNotEnrolled:
        '{{kind}} "{{name}}" sets {{features}} for Service {{service}}, whose pods run in ambient, but no waypoint serves it ({{why}}): ztunnel applies no {{kind}}, so {{consequence}}. Label the Service or its namespace {{useWaypoint}}=<waypoint>.',
      serviceNotEnrolled:
        '{{kind}} "{{name}}" sets {{features}} for Service {{service}}, whose pods run in ambient, but no waypoint serves it ({{why}}): ztunnel applies no {{kind}}, so {{consequence}}. Enrol the Service in a waypoint that serves Service traffic.',
      notInServiceNamespace:
        '{{kind}} "{{name}}" sets {{features}} for Service {{service}}, but its {{waypoint}} reads {{kind}}s only from {{namespaces}}, and ztunnel applies none: {{consequence}}. Move it to namespace {{serviceNamespace}}.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.waypoints, READS.services, READS.workloads, READS.gateways),
  },
  create(context) {
    const model = context.model;
    const check = (r: Resource, kind: string, hosts: ReadonlyArray<{ host: string; path: Path }>, features: string[]) => {
      if (features.length === 0) return;
      const seen = new Set<Service>();
      for (const { host, path } of hosts) {
        const fqdn = resolveHost(host, r.namespace);
        const ns = serviceHostNamespace(fqdn);
        const s = ns === undefined ? undefined : model.service(ns, fqdn.slice(0, fqdn.indexOf('.')));
        if (!s || seen.has(s)) continue;
        seen.add(s);
        const ambient = ambientDestination(model, s);
        if (!ambient) continue;
        const data = { kind, name: r.name, features: listText(features), service: `${s.namespace}/${s.name}`, consequence: CONSEQUENCE[kind]!, useWaypoint: USE_WAYPOINT };
        const report = { at: { resource: r, path }, assumptions: ambient.assumptions };
        const wp = model.waypointOfService(s);
        if (!wp) {
          const missing = notEnrolled(model, s);
          if (missing) context.report({ ...report, messageId: missing.messageId, data: { ...data, why: missing.why } });
          continue;
        }
        const namespaces = readsFrom(model, kind, s, wp);
        if (namespaces.includes(r.namespace)) continue;
        context.report({
          ...report,
          messageId: 'notInServiceNamespace',
          data: { ...data, waypoint: `waypoint ${wp.namespace}/${wp.name}`, namespaces: `namespace${namespaces.length > 1 ? 's' : ''} ${listText(namespaces)}`, serviceNamespace: s.namespace },
        });
      }
    };
    return {
      DestinationRule(d: DestinationRule) {
        // A workloadSelector scopes the rule to client sidecars; a waypoint never uses it.
        if (d.workloadSelector) return;
        const spec = isRecord(d.resource.raw.spec) ? d.resource.raw.spec : {};
        check(d.resource, 'DestinationRule', [{ host: d.host, path: ['spec', 'host'] }], destinationRuleFeatures(spec));
      },
      VirtualService(r: Resource) {
        const vs = model.virtualServiceOf(r);
        if (!vs) return;
        const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
        const hosts = arr(spec.hosts).flatMap((h, i) => (typeof h === 'string' ? [{ host: h, path: ['spec', 'hosts', i] as Path }] : []));
        check(r, 'VirtualService', hosts, virtualServiceFeatures(vs, spec));
      },
    };
  },
});
