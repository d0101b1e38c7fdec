// A DestinationRule configures the clusters of a host of the service registry, and a subset the
// endpoints of that host whose labels match: istio pilot/pkg/model/push_context.go
// (initServiceRegistry, exportTo), pilot/pkg/networking/core/cluster_builder.go (subset clusters
// from the service's instances filtered by the subset labels), pilot/pkg/serviceregistry/util/label/label.go
// (AugmentLabels: topology labels istiod adds to every endpoint). See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import { resolveHost, type HostEntry } from '../../src/model/hosts.js';
import type { DestinationRule } from '../../src/model/kinds.js';
import { matchesLabels, type Labels } from '../../src/model/resource.js';
import { exportsOverlap, exportToText } from '../../src/model/traffic.js';
import type { Workload } from '../../src/model/workloads.js';
import { READS, reads } from '../../src/model/reads.js';

type MessageId = 'unknownHost' | 'hostNotExported' | 'subsetSelectsNothing';
type Context = MeshRuleContext<MessageId, []>;

/** Labels istiod adds to endpoints from the node, cluster and network: not in manifests. */
const TOPOLOGY_LABELS = new Set([
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.istio.io/subzone',
  'topology.istio.io/cluster',
  'topology.istio.io/network',
  'kubernetes.io/hostname',
]);



/** The pods behind a host entry, or undefined when the input cannot tell (no selector, WorkloadEntries, unknown namespace). */
function podsOf(context: Context, e: HostEntry): readonly Workload[] | undefined {
  const model = context.model;
  if (!model.knowsWorkloadsOf(e.namespace)) return undefined;
  if (e.kind === 'Service') {
    const s = model.service(e.namespace, e.name);
    return s?.selector && Object.keys(s.selector).length > 0 ? model.servicePods(s) : undefined;
  }
  const se = model.serviceEntryOf(e.resource);
  if (!se?.workloadSelector || model.policiesIn('WorkloadEntry', e.namespace).length > 0) return undefined;
  return model.selectWorkloads(e.namespace, se.workloadSelector);
}

function checkSubsets(context: Context, dr: DestinationRule, entries: HostEntry[]): void {
  if (dr.subsets.length === 0 || entries.length !== 1) return;
  const pods = podsOf(context, entries[0]!);
  if (!pods) return;
  for (const subset of dr.subsets) {
    const keys = Object.keys(subset.labels);
    if (keys.length === 0 || keys.some((k) => TOPOLOGY_LABELS.has(k))) continue;
    if (pods.some((w) => matchesLabels(subset.labels as Labels, w.podLabels))) continue;
    const e = entries[0]!;
    context.report({
      at: { resource: dr.resource, path: ['spec', 'subsets', subset.index, 'labels'] },
      messageId: 'subsetSelectsNothing',
      data: {
        name: dr.name,
        subset: subset.name,
        labels: keys.map((k) => `${k}=${subset.labels[k]}`).join(', '),
        host: `${e.kind} ${e.namespace}/${e.name}`,
        pods: pods.length === 0 ? 'has no pods in the input' : `has ${pods.length} workload${pods.length > 1 ? 's' : ''}, none with these labels`,
      },
    });
  }
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A DestinationRule names a host no Service or ServiceEntry provides where it applies, or a subset whose labels select none of the host\'s pods.',
      url: docsUrl('destinationrule-matches-nothing'),
      recommended: true,
      aliases: ['IST0173', 'IST0174', 'KIA0202', 'KIA0203'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      unknownHost:
        'DestinationRule "{{name}}" is for host "{{host}}"{{resolved}}, which no Service or ServiceEntry declares: its traffic policy and subsets configure nothing. Fix the host (a short name is a Service of the rule\'s own namespace), or remove the rule.',
      hostNotExported:
        'DestinationRule "{{name}}" is for host "{{host}}", but {{declarer}} is exported only to {{hostExport}} and the rule only to {{ruleExport}}: no client sees both, so the rule configures nothing. Align the exportTo lists.',
      subsetSelectsNothing:
        'DestinationRule "{{name}}" defines subset "{{subset}}" ({{labels}}), but {{host}} {{pods}}: the subset has no endpoints, so requests routed to it fail with 503 (no healthy upstream). Fix the labels to match the pods\' labels.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.hosts, READS.services, READS.workloads, READS.workloadEntries),
  },
  create(context) {
    return {
      DestinationRule(dr) {
        if (!dr.host) return;
        const model = context.model;
        const fqdn = resolveHost(dr.host, dr.namespace);
        const wildcard = fqdn.startsWith('*');
        // The hosts the rule configures: those a wildcard covers, or the host itself (declared, or covered by a wildcard ServiceEntry).
        const covering = wildcard ? model.hosts.under(fqdn) : model.hosts.lookup(fqdn);
        if (covering.length === 0) {
          if (!(wildcard ? model.mesh.complete : model.knowsHost(fqdn))) return;
          context.report({
            at: { resource: dr.resource, path: ['spec', 'host'] },
            messageId: 'unknownHost',
            data: { name: dr.name, host: dr.host, resolved: fqdn === dr.host ? '' : ` (${fqdn})` },
          });
          return;
        }
        const ruleExport = new Set(dr.exportTo);
        const visible = covering.filter((e) => exportsOverlap(ruleExport, e.exportTo));
        if (visible.length === 0) {
          const e = covering[0]!;
          context.report({
            at: { resource: dr.resource, path: ['spec', 'host'] },
            messageId: 'hostNotExported',
            data: { name: dr.name, host: dr.host, declarer: `${e.kind} ${e.namespace}/${e.name}`, hostExport: exportToText(e.exportTo), ruleExport: exportToText(ruleExport) },
          });
          return;
        }
        // Subsets select among the endpoints of the host itself, not of a wildcard that covers it.
        if (!wildcard) checkSubsets(context, dr, visible.filter((e) => e.host === fqdn));
      },
    };
  },
});
