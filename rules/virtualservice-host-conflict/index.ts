// Several VirtualServices for one host on sidecars: istiod builds one virtual host per host name and
// drops the later VirtualService's (pilot/pkg/networking/core/httproute.go, BuildSidecarOutboundVirtualHosts:
// "duplicate domain from virtual service"), in the order of push_context.go VirtualServicesForGateway.
// Gateway-bound VirtualServices are merged instead (pilot/pkg/networking/core/gateway.go,
// buildGatewayRoutes). See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import { claimsSeenWith, type HostClaim } from '../../src/model/hosts.js';
import { exportToText, type VirtualService } from '../../src/model/traffic.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

type MessageId = 'sameMeshHost';
type Context = MeshRuleContext<MessageId, []>;

/** The namespaces that see both of two exportTo sets. */
function sharedScope(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a.has('*')) return b;
  if (b.has('*')) return a;
  return new Set([...a].filter((n) => b.has(n)));
}

function reportHost(context: Context, host: string, claims: readonly HostClaim<VirtualService>[]): void {
  const seenWith = claimsSeenWith(claims);
  for (const c of claims) {
    const others = seenWith(c);
    if (others.length === 0) continue;
    const scope = new Set(others.flatMap((o) => [...sharedScope(c.item.exportTo, o.item.exportTo)]));
    context.report({
      at: { resource: c.item.resource, path: c.path },
      messageId: 'sameMeshHost',
      data: {
        name: c.item.name,
        host,
        others: listText(others.map((o) => `"${o.item.namespace}/${o.item.name}"`), 5),
        scope: exportToText(scope),
      },
      related: others.slice(0, 5).map((o) => ({ at: { resource: o.item.resource, path: o.path }, message: `VirtualService ${o.item.namespace}/${o.item.name} also routes ${host} for sidecars` })),
    });
  }
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Several VirtualServices bound to the mesh gateway route the same host: sidecars use one and ignore the others.',
      url: docsUrl('virtualservice-host-conflict'),
      recommended: true,
      aliases: ['IST0109', 'KIA1106'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      sameMeshHost:
        'VirtualService "{{name}}" routes host {{host}} for sidecars, and so does VirtualService {{others}} (both seen in {{scope}}): a sidecar takes the routes of one of them for that host (istiod\'s order, not the file\'s) and ignores the others. Merge them into one VirtualService, or export them to different namespaces.',
    },
    schema: [],
    defaultSeverity: 'error',
    reads: reads(READS.virtualServices),
  },
  create(context) {
    return {
      'Mesh:exit'() {
        for (const [host, claims] of context.model.meshVirtualServicesByHost()) {
          if (claims.length > 1) reportHost(context, host, claims);
        }
      },
    };
  },
});
