// How istiod decides a Service port's protocol: istio pkg/config/kube/conversion.go
// (ConvertProtocol), pkg/config/protocol/instance.go (Parse); unknown protocols are sniffed
// (pilot/pkg/networking/core/listener.go, protocol detection). See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { portProtocol } from '../../src/model/traffic.js';

type MessageId = 'protocolNotDeclared';

/** Kubernetes' own namespaces: their Services are the cluster's, not the mesh user's to rename. */
const KUBERNETES_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** Labels of the Istio control plane's and managed gateways' Services, which users do not write. */
function isIstioManaged(labels: Record<string, string>): boolean {
  return labels.istio !== undefined || labels.release === 'istio' || labels['gateway.istio.io/managed'] !== undefined;
}

export default defineRule<MessageId>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'A Service port declares no protocol Istio knows (a name such as http-web or tcp-db, or appProtocol), so Istio sniffs it.',
      url: docsUrl('service-port-protocol'),
      recommended: true,
      aliases: ['IST0118', 'KIA0601', 'KIA0602'],
      tags: ['traffic'],
    },
    messages: {
      protocolNotDeclared:
        'Service "{{name}}" port {{port}}{{portName}} declares no protocol Istio knows{{appProtocol}}: Istio detects it from the first bytes the client sends, so a protocol where the server speaks first (MySQL, SMTP, …) can hang, and HTTP routing and policy apply only when detection recognises HTTP. Name the port <protocol>[-suffix] (http-web, grpc, tcp-db) or set appProtocol.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    return {
      Service(s) {
        if (isIstioManaged(s.resource.labels) || KUBERNETES_NAMESPACES.has(s.namespace)) return;
        const spec = s.resource.raw.spec as Record<string, unknown> | undefined;
        // ExternalName Services have no endpoints of their own to sniff for; istioctl's IST0150 covers their naming.
        if (spec?.type === 'ExternalName') return;
        for (const p of s.ports) {
          if (portProtocol(p) !== undefined) continue;
          context.report({
            at: { resource: s.resource, path: ['spec', 'ports', p.index, p.appProtocol !== undefined ? 'appProtocol' : p.name !== undefined ? 'name' : 'port'] },
            messageId: 'protocolNotDeclared',
            data: { name: s.name, port: p.port, portName: p.name ? ` ("${p.name}")` : '', appProtocol: p.appProtocol !== undefined ? ` (appProtocol "${p.appProtocol}")` : '' },
          });
        }
      },
    };
  },
});
