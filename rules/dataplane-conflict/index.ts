// Which data plane a pod gets when its labels ask for several (src/model/dataplane.ts,
// resolveDataplane): the injector knows nothing of ambient, and istio-cni never captures a pod with
// a sidecar (cni/pkg/util/podutil.go, podHasSidecar), hostNetwork, or of an excluded namespace.
// The setting that loses is ignored. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { ignoredNamespaceLabels, type DataplaneMode, type IgnoredNamespaceLabel } from '../../src/model/dataplane.js';
import type { NamespaceInfo } from '../../src/model/model.js';
import type { Workload } from '../../src/model/workloads.js';
import { listText } from '../../src/util/text.js';

const RUNS: Record<DataplaneMode, string> = {
  sidecar: 'with a sidecar',
  ambient: 'in ambient (ztunnel)',
  none: 'outside the mesh (no sidecar, not ambient)',
};

/** A conflict that the namespace's labels alone make: the same for every pod that sets nothing. */
function fromNamespace(w: Workload, conflict: string): boolean {
  return !/\bpod (label|annotation)|hostNetwork/.test(`${conflict} ${w.dataplane.reason}`);
}

function describe(ws: readonly Workload[]): string {
  return listText(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3);
}

type MessageIds = 'podConflict' | 'namespaceConflict' | 'namespaceLabels';

export default defineRule<MessageIds>({
  meta: {
    type: 'problem',
    docs: {
      description: "A workload's or its namespace's labels ask for a data plane the pod does not get (a sidecar and ambient together, ambient with hostNetwork…): the losing setting is ignored.",
      url: docsUrl('dataplane-conflict'),
      recommended: true,
      aliases: ['IST0123', 'KIA1311', 'KIA1316'],
      tags: ['ambient', 'sidecar'],
    },
    messages: {
      podConflict: '{{workload}}: {{conflict}}, so its pods run {{runs}}. Remove the setting that is ignored, or the one that wins if you meant the other.',
      namespaceConflict: 'Namespace "{{namespace}}": {{conflict}}, so {{workloads}} {{run}} {{runs}}. Remove the label that is ignored, or the one that wins if you meant the other.',
      namespaceLabels: 'Namespace "{{namespace}}": {{conflict}}. Remove the label that is ignored, or the one that wins if you meant the other.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    const model = context.model;
    // Namespace-made conflicts, reported once on the Namespace object when the input declares it.
    const byNamespace = new Map<string, Map<string, Workload[]>>();
    // Conflicts of a declared Namespace's labels alone (IST0123), reported unless its pods' are.
    const labelConflicts: Array<[NamespaceInfo, IgnoredNamespaceLabel]> = [];
    return {
      Namespace(ns) {
        for (const ignored of ignoredNamespaceLabels(ns.labels)) labelConflicts.push([ns, ignored]);
      },
      Workload(w) {
        for (const conflict of w.dataplane.conflicts) {
          const ns = model.namespaces.get(w.namespace);
          if (ns?.resource && fromNamespace(w, conflict)) {
            const list = byNamespace.get(w.namespace) ?? new Map<string, Workload[]>();
            byNamespace.set(w.namespace, list);
            list.set(conflict, [...(list.get(conflict) ?? []), w]);
            continue;
          }
          context.report({
            at: { resource: w.resource, path: Object.keys(w.podLabels).length > 0 ? [...w.podMetadataPath, 'labels'] : w.podMetadataPath, part: 'key' },
            messageId: 'podConflict',
            data: { workload: `${w.kind} ${w.namespace}/${w.name}`, conflict, runs: RUNS[w.dataplane.mode] },
          });
        }
      },
      'Mesh:exit'() {
        for (const [ns, { label, conflict }] of labelConflicts) {
          if (!ns.resource || byNamespace.get(ns.name)?.has(conflict)) continue;
          context.report({
            at: { resource: ns.resource, path: ['metadata', 'labels', label], part: 'key' },
            messageId: 'namespaceLabels',
            data: { namespace: ns.name, conflict: conflict.replace('the pod', 'each pod') },
          });
        }
        for (const [name, conflicts] of byNamespace) {
          const ns = model.namespaces.get(name)!;
          for (const [conflict, ws] of conflicts) {
            context.report({
              at: { resource: ns.resource!, path: ['metadata', 'labels'], part: 'key' },
              messageId: 'namespaceConflict',
              data: { namespace: name, conflict: conflict.replace('the pod', 'each pod'), workloads: describe(ws), run: ws.length > 1 ? 'run' : 'runs', runs: RUNS[ws[0]!.dataplane.mode] },
              related: ws.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: 'key' as const }, message: `pods of ${w.kind} ${w.namespace}/${w.name}` })),
            });
          }
        }
      },
    };
  },
});
