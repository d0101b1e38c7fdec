// `image: auto` is a placeholder the sidecar injector replaces with the proxy image: istio
// pkg/kube/inject/webhook.go (AutoImage; the injected istio-proxy container is merged over the
// one the pod declares). Who gets injected: src/model/dataplane.ts. istioctl's check:
// pkg/config/analysis/analyzers/injection/image-auto.go. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { podSpecOf } from '../../src/model/pod-spec.js';

type MessageId = 'imageAutoNotInjected' | 'podImageAutoNotInjected';

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An istio-proxy container with `image: auto` in a pod the sidecar injector does not inject: the image "auto" cannot be pulled.',
      url: docsUrl('image-auto-not-injected'),
      recommended: true,
      aliases: ['IST0146', 'IST0147'],
      tags: ['correctness', 'dataplane'],
    },
    messages: {
      imageAutoNotInjected:
        '{{kind}} "{{name}}" declares an istio-proxy container with `image: auto`, which only the sidecar injector replaces, but its pods get {{dataplane}}: the image "auto" cannot be pulled and the pods never start. Enable injection for them (namespace label istio-injection=enabled, or pod label sidecar.istio.io/inject="true"), or name the proxy image.',
      podImageAutoNotInjected:
        'Pod "{{name}}" declares an istio-proxy container with `image: auto`, which only the sidecar injector replaces, but it gets {{dataplane}}: the image "auto" cannot be pulled and the pod never starts. Enable injection for it (namespace label istio-injection=enabled, or pod label sidecar.istio.io/inject="true"), or name the proxy image.',
    },
    schema: [],
    defaultSeverity: 'error',
    reads: [],
  },
  create(context) {
    return {
      Workload(w) {
        if (w.dataplane.mode === 'sidecar') return;
        const proxy = podSpecOf(w).containers.find((c) => c.name === 'istio-proxy' && c.image === 'auto');
        if (!proxy) return;
        const dataplane = w.dataplane.reason ? `${w.dataplane.mode === 'ambient' ? 'ambient mode' : 'no sidecar'} (${w.dataplane.reason})` : 'no sidecar';
        context.report({
          at: { resource: w.resource, path: [...proxy.path, 'image'] },
          messageId: w.kind === 'Pod' ? 'podImageAutoNotInjected' : 'imageAutoNotInjected',
          data: { kind: w.kind, name: w.name, dataplane },
          assumptions: context.model.assumptionsOf([w]),
        });
      },
    };
  },
});
