// DestinationRules of one host in one namespace, with the same workloadSelector (or none) and the
// same exportTo, are merged by istiod (pilot/pkg/model/destination_rule.go, mergeDestinationRule,
// with ENABLE_ENHANCED_DESTINATIONRULE_MERGE on by default), in creation order: a subset name
// already defined is dropped, and the top-level trafficPolicy of the first one that has one wins.
// See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import { resolveHost } from '../../src/model/hosts.js';
import type { DestinationRule } from '../../src/model/kinds.js';
import { isRecord } from '../../src/model/resource.js';
import { listText } from '../../src/util/text.js';

type MessageId = 'duplicateSubset' | 'ignoredTrafficPolicy';
type Context = MeshRuleContext<MessageId, []>;

const label = (d: DestinationRule) => `"${d.namespace}/${d.name}"`;

/** What decides whether istiod merges two DestinationRules of one namespace: host, selector and exportTo as written. */
function mergeKey(d: DestinationRule): string {
  const spec = isRecord(d.resource.raw.spec) ? d.resource.raw.spec : {};
  const exportTo = Array.isArray(spec.exportTo) ? [...new Set(d.exportTo)].sort().join(',') : '';
  const selector = d.workloadSelector ? JSON.stringify(Object.entries(d.workloadSelector).sort()) : '';
  return `${d.namespace}|${resolveHost(d.host, d.namespace)}|${selector}|${exportTo}`;
}

function reportGroup(context: Context, group: readonly DestinationRule[]): void {
  const bySubset = new Map<string, DestinationRule[]>();
  for (const d of group) {
    for (const s of new Set(d.subsets.map((x) => x.name))) {
      const list = bySubset.get(s);
      if (list) list.push(d);
      else bySubset.set(s, [d]);
    }
  }
  for (const [subset, rules] of bySubset) {
    if (rules.length < 2) continue;
    for (const d of rules) {
      const others = rules.filter((o) => o !== d);
      const at = d.subsets.find((s) => s.name === subset)!.index;
      context.report({
        at: { resource: d.resource, path: ['spec', 'subsets', at, 'name'] },
        messageId: 'duplicateSubset',
        data: { name: d.name, subset, host: resolveHost(d.host, d.namespace), others: listText(others.map(label), 5) },
        related: others.slice(0, 5).map((o) => ({ at: { resource: o.resource, path: ['spec', 'subsets', o.subsets.find((s) => s.name === subset)!.index, 'name'] }, message: `DestinationRule ${o.namespace}/${o.name} defines subset "${subset}" too` })),
      });
    }
  }
  const withPolicy = group.filter((d) => isRecord(d.resource.raw.spec) && isRecord(d.resource.raw.spec.trafficPolicy));
  if (withPolicy.length < 2) return;
  for (const d of withPolicy) {
    const others = withPolicy.filter((o) => o !== d);
    context.report({
      at: { resource: d.resource, path: ['spec', 'trafficPolicy'], part: 'key' },
      messageId: 'ignoredTrafficPolicy',
      data: { name: d.name, host: resolveHost(d.host, d.namespace), others: listText(others.map(label), 5) },
      related: others.slice(0, 5).map((o) => ({ at: { resource: o.resource, path: ['spec', 'trafficPolicy'], part: 'key' as const }, message: `DestinationRule ${o.namespace}/${o.name} has a trafficPolicy too` })),
    });
  }
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'DestinationRules that istiod merges for one host define the same subset or each a trafficPolicy: all but the oldest are ignored.',
      url: docsUrl('destinationrule-merge-conflict'),
      recommended: true,
      aliases: ['KIA0201'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      duplicateSubset:
        'DestinationRule "{{name}}" defines subset "{{subset}}" of {{host}}, and so does DestinationRule {{others}} of the same namespace: istiod merges them and keeps the subset of the oldest only, so the other\'s labels and policy for "{{subset}}" are ignored. Define each subset once.',
      ignoredTrafficPolicy:
        'DestinationRule "{{name}}" sets a trafficPolicy for {{host}}, and so does DestinationRule {{others}} of the same namespace: istiod merges them and keeps the trafficPolicy of the oldest only (TLS, load balancing, connection pool), ignoring the others whole. Put the trafficPolicy in one of them.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    const groups = new Map<string, DestinationRule[]>();
    return {
      DestinationRule(d) {
        const key = mergeKey(d);
        const list = groups.get(key);
        if (list) list.push(d);
        else groups.set(key, [d]);
      },
      'Mesh:exit'() {
        for (const group of groups.values()) if (group.length > 1) reportGroup(context, group);
      },
    };
  },
});
