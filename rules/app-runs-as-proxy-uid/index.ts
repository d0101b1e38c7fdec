// The sidecar's iptables rules let the proxy's own traffic (UID and GID 1337) leave unredirected:
// istio tools/istio-iptables/pkg/capture/run.go (ISTIO_OUTPUT: `-m owner --uid-owner <proxy uid>
// -j RETURN`, and the same for `--gid-owner`); pkg/kube/inject/inject.go (GetProxyIDs: 1337, or
// an OpenShift namespace's preallocated range). istioctl's check:
// pkg/config/analysis/analyzers/deployment/pod.go. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { podSpecOf, type PodContainer } from '../../src/model/pod-spec.js';
import type { Path } from '../../src/types.js';
import { listText } from '../../src/util/text.js';

type MessageId = 'proxyUid' | 'proxyGid';

const PROXY_ID = 1337;
/** Containers of Istio itself, which run as the proxy's user on purpose. */
const ISTIO_CONTAINERS = new Set(['istio-proxy', 'istio-operator']);
/** Namespace annotations from which the injector takes the proxy's UID and GID instead (OpenShift). */
const PREALLOCATED_IDS = ['openshift.io/sa.scc.uid-range', 'openshift.io/sa.scc.supplemental-groups'];

const FIELD = { proxyUid: 'runAsUser', proxyGid: 'runAsGroup' } as const;

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: "An application container of a sidecar pod runs as UID or GID 1337, the proxy's, so its outbound traffic bypasses the sidecar.",
      url: docsUrl('app-runs-as-proxy-uid'),
      recommended: true,
      aliases: ['IST0144'],
      tags: ['security', 'dataplane'],
    },
    messages: {
      proxyUid:
        '{{kind}} "{{name}}" runs {{containers}} as UID 1337, the sidecar proxy\'s user: the pod\'s iptables rules let that user\'s traffic out unredirected, so its outbound connections bypass the sidecar (no mTLS, routing or egress policy). Run it as another UID.',
      proxyGid:
        '{{kind}} "{{name}}" runs {{containers}} with GID 1337, the sidecar proxy\'s group: the pod\'s iptables rules let that group\'s traffic out unredirected, so its outbound connections bypass the sidecar (no mTLS, routing or egress policy). Run it with another group.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    const model = context.model;
    return {
      Workload(w) {
        // Ambient capture (istio-cni) marks ztunnel's packets instead of matching a user.
        if (w.dataplane.mode !== 'sidecar') return;
        const labels = w.resource.labels;
        if (labels.istio !== undefined || labels.release === 'istio') return;
        const nsAnnotations = model.namespaces.get(w.namespace)?.resource?.annotations ?? {};
        if (PREALLOCATED_IDS.some((a) => nsAnnotations[a] !== undefined)) return;
        const spec = podSpecOf(w);
        for (const messageId of ['proxyUid', 'proxyGid'] as const) {
          const field = FIELD[messageId];
          // Report where the id is set: a container's own field, else the pod's, which it inherits.
          const byNode = new Map<string, { path: Path; containers: string[] }>();
          for (const c of spec.containers) {
            if (ISTIO_CONTAINERS.has(c.name)) continue;
            const own = c[field as keyof PodContainer] as number | undefined;
            if ((own ?? spec[field]) !== PROXY_ID) continue;
            const path = own !== undefined ? [...c.path, 'securityContext', field] : [...spec.path, 'securityContext', field];
            const key = path.join('/');
            const entry = byNode.get(key) ?? { path, containers: [] };
            entry.containers.push(`"${c.name}"`);
            byNode.set(key, entry);
          }
          for (const { path, containers } of byNode.values()) {
            context.report({
              at: { resource: w.resource, path },
              messageId,
              data: { kind: w.kind, name: w.name, containers: `container${containers.length > 1 ? 's' : ''} ${listText(containers)}` },
              assumptions: model.assumptionsOf([w]),
            });
          }
        }
      },
    };
  },
});
