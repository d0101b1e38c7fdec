// Which Telemetry a proxy gets: istio pilot/pkg/model/telemetry.go (getTelemetries: by creation
// time; namespaceWideTelemetryConfig: the first without selector and targetRefs is the namespace's,
// the others are ignored; applicableTelemetries: every selecting Telemetry of the proxy's namespace
// is appended, the later overriding the earlier). See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import type { SelectingPolicy } from '../../src/model/kinds.js';
import type { Workload } from '../../src/model/workloads.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

type MessageId = 'severalNamespaceWide' | 'overlappingSelectors';
type Context = MeshRuleContext<MessageId, []>;

const SELECTOR = ['spec', 'selector'];
const label = (t: SelectingPolicy) => `"${t.namespace}/${t.name}"`;
const hasLabels = (t: SelectingPolicy) => t.selector !== undefined && Object.keys(t.selector).length > 0;
const namespaceWide = (t: SelectingPolicy) => !hasLabels(t) && t.targetRefs.length === 0;

function reportNamespaceWide(context: Context, list: SelectingPolicy[]): void {
  if (list.length < 2) return;
  for (const t of list) {
    const others = list.filter((o) => o !== t);
    context.report({
      at: { resource: t.resource, path: ['metadata', 'name'] },
      messageId: 'severalNamespaceWide',
      data: {
        name: t.name,
        others: listText(others.map(label)),
        scope: t.namespace === context.model.rootNamespace ? `the mesh-wide default (root namespace ${t.namespace})` : `namespace ${t.namespace}'s default`,
      },
      related: others.map((o) => ({ at: { resource: o.resource, path: ['metadata', 'name'] }, message: `Telemetry ${o.namespace}/${o.name} has no selector or targetRefs either` })),
    });
  }
}

function reportOverlaps(context: Context, selecting: SelectingPolicy[]): void {
  const byWorkload = new Map<Workload, SelectingPolicy[]>();
  for (const t of selecting) {
    // Only the proxy's own namespace's Telemetries select it, the root namespace's included.
    for (const w of context.model.policyWorkloads(t, false)) {
      const list = byWorkload.get(w);
      if (list) list.push(t);
      else byWorkload.set(w, [t]);
    }
  }
  const reported = new Set<SelectingPolicy>();
  for (const [w, list] of byWorkload) {
    if (list.length < 2 || w.dataplane.mode === 'ambient') continue;
    for (const t of list) {
      if (reported.has(t)) continue;
      reported.add(t);
      const others = list.filter((o) => o !== t);
      const workload = `${w.kind} ${w.namespace}/${w.name}`;
      context.report({
        at: { resource: t.resource, path: SELECTOR, part: 'key' },
        messageId: 'overlappingSelectors',
        data: { name: t.name, workload, others: listText(others.map(label)) },
        related: others.map((o) => ({ at: { resource: o.resource, path: SELECTOR, part: 'key' as const }, message: `Telemetry ${o.namespace}/${o.name} also selects ${workload}` })),
        assumptions: context.model.assumptionsOf([w]),
      });
    }
  }
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Telemetries that compete for the same proxies: several namespace-wide ones in a namespace (istiod uses the oldest), or selectors that pick the same workload (merged by creation time).',
      url: docsUrl('telemetry-conflicts'),
      recommended: true,
      aliases: ['IST0159', 'IST0160'],
      tags: ['telemetry'],
    },
    messages: {
      severalNamespaceWide:
        'Telemetry "{{name}}" has no selector or targetRefs, nor has Telemetry {{others}}: istiod uses only the oldest of them as {{scope}} and ignores the others, so which metrics, access logs and tracing apply depends on creation order. Merge them into one, or give all but one a selector.',
      overlappingSelectors:
        'Telemetry "{{name}}" selects {{workload}}, as does Telemetry {{others}}: istiod applies all of them, the later-created overriding the earlier where they configure the same metrics, access logs or tracing, so the result depends on creation order. Merge them, or make their selectors pick different workloads.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.workloads),
  },
  create(context) {
    const byNamespace = new Map<string, SelectingPolicy[]>();
    return {
      Telemetry(t) {
        const list = byNamespace.get(t.namespace);
        if (list) list.push(t);
        else byNamespace.set(t.namespace, [t]);
      },
      'Mesh:exit'() {
        for (const list of byNamespace.values()) {
          reportNamespaceWide(context, list.filter(namespaceWide));
          reportOverlaps(context, list.filter((t) => hasLabels(t) && t.targetRefs.length === 0));
        }
      },
    };
  },
});
