// A Service port whose targetPort is a name: Kubernetes looks the name up in each selected pod's
// container ports (kubernetes pkg/api/v1/pod/util.go, FindPort) and leaves a pod whose containers
// do not name it out of the port's endpoints (pkg/controller/endpointslice, reconciler). See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { Workload } from '../../src/model/workloads.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

const describe = (ws: readonly Workload[]) => listText(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3);

export default defineRule<'noPodNamesPort' | 'somePodsLackPort'>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A Service port sends to a named targetPort that the containers of its pods do not name: those pods are not its endpoints.',
      url: docsUrl('target-port-not-found'),
      recommended: true,
      aliases: ['KIA0701'],
      tags: ['kubernetes'],
    },
    messages: {
      noPodNamesPort:
        'Service "{{service}}" port {{port}} sends to targetPort "{{name}}", which no container of {{workloads}} names: Kubernetes lists none of their pods as endpoints of that port{{consequence}}. Name the container port "{{name}}", or give targetPort its number.',
      somePodsLackPort:
        'Service "{{service}}" port {{port}} sends to targetPort "{{name}}", which no container of {{missing}} names: Kubernetes leaves their pods out of that port\'s endpoints, so only {{serving}} {{serve}} it. Name the container port "{{name}}" there too, or give targetPort its number.',
    },
    schema: [],
    defaultSeverity: 'error',
    reads: reads(READS.workloads),
  },
  create(context) {
    const model = context.model;
    return {
      Service(s) {
        const pods = model.servicePods(s).filter((w) => !w.knative);
        if (pods.length === 0) return;
        for (const p of s.ports) {
          const name = p.targetPort;
          if (typeof name !== 'string' || name === '' || /^\d+$/.test(name)) continue;
          const missing = pods.filter((w) => !w.ports.some((c) => c.name === name));
          if (missing.length === 0) continue;
          const serving = pods.filter((w) => !missing.includes(w));
          context.report({
            at: { resource: s.resource, path: ['spec', 'ports', p.index, 'targetPort'] },
            messageId: serving.length === 0 ? 'noPodNamesPort' : 'somePodsLackPort',
            data: {
              service: `${s.namespace}/${s.name}`,
              port: p.port,
              name,
              workloads: describe(missing),
              missing: describe(missing),
              serving: describe(serving),
              serve: serving.length === 1 ? 'serves' : 'serve',
              // Closed world only where we know it: other pods of the namespace may name the port.
              consequence: model.knowsWorkloadsOf(s.namespace) ? ', so its requests find no backend' : '',
            },
            related: missing.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: 'key' as const }, message: `pods of ${w.kind} ${w.namespace}/${w.name}: container ports ${w.ports.map((c) => c.name ?? String(c.port)).join(', ') || 'none'}` })),
          });
        }
      },
    };
  },
});
