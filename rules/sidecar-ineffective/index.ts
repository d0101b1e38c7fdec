// Which Sidecar a proxy uses: istio pilot/pkg/model/push_context.go (initSidecarScopes: Sidecars
// with a workloadSelector first, each group by creation time; doGetSidecarScope: the first that
// matches wins, a selector-less one applies to every pod of its namespace). Ambient pods run no
// sidecar, so no Sidecar applies to them. See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import type { SelectingPolicy } from '../../src/model/kinds.js';
import { arr, isRecord } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

type MessageId = 'overlappingSelectors' | 'severalDefaults' | 'ambientPods' | 'ambientNamespace' | 'egressHostUnknown';
type Context = MeshRuleContext<MessageId, []>;

const SELECTOR = ['spec', 'workloadSelector'];
const label = (s: SelectingPolicy) => `"${s.namespace}/${s.name}"`;

/**
 * Egress hosts (`namespace/dnsName`) naming a Service host that no Service or ServiceEntry provides,
 * in a namespace the input declares: the entry imports nothing (pilot/pkg/model/sidecar.go).
 */
function reportUnknownEgressHosts(context: Context, s: SelectingPolicy): void {
  const model = context.model;
  arr(s.spec.egress).forEach((egress, e) => {
    if (!isRecord(egress)) return;
    arr(egress.hosts).forEach((value, h) => {
      if (typeof value !== 'string') return;
      const host = value.slice(value.indexOf('/') + 1).toLowerCase();
      const ns = model.missingServiceHostNamespace(host);
      if (!ns) return;
      context.report({
        at: { resource: s.resource, path: ['spec', 'egress', e, 'hosts', h] },
        messageId: 'egressHostUnknown',
        data: { name: s.name, host: value, namespace: ns, service: host.split('.')[0] },
      });
    });
  });
}

function reportDefaults(context: Context, defaults: SelectingPolicy[]): void {
  if (defaults.length < 2) return;
  for (const s of defaults) {
    const others = defaults.filter((o) => o !== s);
    context.report({
      at: { resource: s.resource, path: ['metadata', 'name'] },
      messageId: 'severalDefaults',
      data: { name: s.name, namespace: s.namespace, others: listText(others.map(label)) },
      related: others.map((o) => ({ at: { resource: o.resource, path: ['metadata', 'name'] }, message: `Sidecar ${o.namespace}/${o.name} has no workloadSelector either` })),
    });
  }
}

function reportOverlaps(context: Context, selecting: SelectingPolicy[]): void {
  const byWorkload = new Map<Workload, SelectingPolicy[]>();
  for (const s of selecting) {
    for (const w of context.model.policyWorkloads(s, false)) {
      const list = byWorkload.get(w);
      if (list) list.push(s);
      else byWorkload.set(w, [s]);
    }
  }
  const reported = new Set<SelectingPolicy>();
  for (const [w, list] of byWorkload) {
    if (list.length < 2 || w.dataplane.mode === 'ambient') continue;
    for (const s of list) {
      if (reported.has(s)) continue;
      reported.add(s);
      const others = list.filter((o) => o !== s);
      context.report({
        at: { resource: s.resource, path: SELECTOR, part: 'key' },
        messageId: 'overlappingSelectors',
        data: { name: s.name, workload: `${w.kind} ${w.namespace}/${w.name}`, others: listText(others.map(label)) },
        related: others.map((o) => ({ at: { resource: o.resource, path: SELECTOR, part: 'key' as const }, message: `Sidecar ${o.namespace}/${o.name} also selects ${w.kind} ${w.namespace}/${w.name}` })),
      });
    }
  }
}

/** A Sidecar whose pods are all ambient (as the input shows, not as assumed) configures no proxy. */
function reportAmbient(context: Context, s: SelectingPolicy): void {
  const model = context.model;
  if (s.selector === undefined) {
    const dp = model.dataplaneFor(s.namespace);
    if (dp.mode !== 'ambient' || dp.assumption) return;
    context.report({ at: { resource: s.resource, path: ['metadata', 'name'] }, messageId: 'ambientNamespace', data: { name: s.name, namespace: s.namespace } });
    return;
  }
  const pods = model.policyWorkloads(s, false);
  if (pods.length === 0 || pods.some((w) => w.dataplane.mode !== 'ambient' || w.dataplane.assumption)) return;
  context.report({
    at: { resource: s.resource, path: SELECTOR, part: 'key' },
    messageId: 'ambientPods',
    data: { name: s.name, workloads: listText(pods.slice(0, 3).map((w) => `${w.kind} ${w.namespace}/${w.name}`)) + (pods.length > 3 ? ` and ${pods.length - 3} more` : '') },
  });
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A Sidecar does not configure the proxies it is meant for: another Sidecar wins for the same pods, the pods run in ambient mode, or an egress host names a Service that does not exist.',
      url: docsUrl('sidecar-ineffective'),
      recommended: true,
      aliases: ['IST0110', 'IST0111', 'IST0167', 'KIA0002', 'KIA0003', 'KIA1004'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      overlappingSelectors:
        'Sidecar "{{name}}" selects {{workload}}, which Sidecar {{others}} also selects: istiod gives each proxy one Sidecar, the first created, and ignores the others for it. Make the workloadSelectors disjoint, or merge the Sidecars.',
      severalDefaults:
        'Sidecar "{{name}}" has no workloadSelector, nor has Sidecar {{others}}: istiod uses only the first created as namespace {{namespace}}\'s default and ignores the others. Merge them into one, or give all but one a workloadSelector.',
      ambientPods:
        'Sidecar "{{name}}" selects only ambient pods ({{workloads}}): they run no sidecar proxy, so it has no effect. Remove it, or move its settings to the waypoint.',
      ambientNamespace:
        'Sidecar "{{name}}" is the default of namespace {{namespace}}, whose pods run in ambient mode without sidecar proxies: it has no effect. Remove it.',
      egressHostUnknown:
        'Sidecar "{{name}}" imports egress host "{{host}}", but namespace {{namespace}} has no Service "{{service}}" (nor does a ServiceEntry declare the host): the entry imports nothing, and if it was meant for another Service, that Service is not in the Sidecar\'s egress, so its proxies get no route or cluster for it. Fix the host name, or remove the entry.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.hosts, READS.workloads),
  },
  create(context) {
    const byNamespace = new Map<string, SelectingPolicy[]>();
    return {
      Sidecar(s) {
        const list = byNamespace.get(s.namespace);
        if (list) list.push(s);
        else byNamespace.set(s.namespace, [s]);
        reportAmbient(context, s);
        reportUnknownEgressHosts(context, s);
      },
      'Mesh:exit'() {
        for (const list of byNamespace.values()) {
          reportDefaults(context, list.filter((s) => s.selector === undefined));
          reportOverlaps(context, list.filter((s) => s.selector !== undefined));
        }
      },
    };
  },
});
