// The sidecar's iptables rules let the proxy's own traffic (UID 1337) leave unredirected: istio
// tools/istio-iptables/pkg/capture/run.go (ISTIO_OUTPUT: `-m owner --uid-owner <proxy uid> -j
// RETURN`; the injected proxy runs as 1337). istioctl's check:
// pkg/config/analysis/analyzers/deployment/pod.go. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { podSpecOf } from '../../src/model/pod-spec.js';
import type { Path } from '../../src/types.js';
import { listText } from '../../src/util/text.js';

type MessageId = 'proxyUid';

const PROXY_UID = 1337;
/** Containers of Istio itself, which run as the proxy's user on purpose. */
const ISTIO_CONTAINERS = new Set(['istio-proxy', 'istio-operator']);

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An application container of a sidecar pod runs as UID 1337, the proxy\'s user, so its outbound traffic bypasses the sidecar.',
      url: docsUrl('app-runs-as-proxy-uid'),
      recommended: true,
      aliases: ['IST0144'],
      tags: ['security', 'dataplane'],
    },
    messages: {
      proxyUid:
        '{{kind}} "{{name}}" runs {{containers}} as UID 1337, the sidecar proxy\'s user: the pod\'s iptables rules let that user\'s traffic out unredirected, so its outbound connections bypass the sidecar (no mTLS, routing or egress policy). Run it as another UID.',
    },
    schema: [],
    defaultSeverity: 'warn',
  },
  create(context) {
    return {
      Workload(w) {
        // Ambient capture (istio-cni) marks ztunnel's packets instead of matching a user.
        if (w.dataplane.mode !== 'sidecar') return;
        const labels = w.resource.labels;
        if (labels.istio !== undefined || labels.release === 'istio') return;
        const spec = podSpecOf(w);
        // Report where the UID is set: a container's own runAsUser, else the pod's, which it inherits.
        const byNode = new Map<string, { path: Path; containers: string[] }>();
        for (const c of spec.containers) {
          if (ISTIO_CONTAINERS.has(c.name)) continue;
          const uid = c.runAsUser ?? spec.runAsUser;
          if (uid !== PROXY_UID) continue;
          const path = c.runAsUser !== undefined ? [...c.path, 'securityContext', 'runAsUser'] : [...spec.path, 'securityContext', 'runAsUser'];
          const key = path.join('/');
          const entry = byNode.get(key) ?? { path, containers: [] };
          entry.containers.push(`"${c.name}"`);
          byNode.set(key, entry);
        }
        for (const { path, containers } of byNode.values()) {
          context.report({
            at: { resource: w.resource, path },
            messageId: 'proxyUid',
            data: { kind: w.kind, name: w.name, containers: `container${containers.length > 1 ? 's' : ''} ${listText(containers)}` },
            assumptions: context.model.assumptionsOf([w]),
          });
        }
      },
    };
  },
});
