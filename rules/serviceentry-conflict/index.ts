// ServiceEntries declaring one host and port: a sidecar keeps one Service per host name — its own
// namespace's, else the first imported (pilot/pkg/model/sidecar.go, appendSidecarServices and the
// "same hostname imported from multiple namespaces" selection); ServiceEntries of one namespace
// merge their endpoints but keep the oldest's ports (pilot/pkg/serviceregistry/serviceentry/
// conversion.go, mergeServicesInstancesByNamespaceHost; push_context.go, initServiceRegistry).
// See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import { claimsSeenWith, type HostClaim } from '../../src/model/hosts.js';
import { exportToText, type ServiceEntry } from '../../src/model/traffic.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

type MessageId = 'conflictingProtocols' | 'duplicateHostPort';
type Context = MeshRuleContext<MessageId, []>;

const protocolText = (p: string | undefined) => (p ? p : 'no protocol (sniffed)');

/** The namespaces that see both of two exportTo sets. */
function sharedScope(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  if (a.has('*')) return [...b];
  if (b.has('*')) return [...a];
  return [...a].filter((n) => b.has(n));
}

function reportHostPort(context: Context, hostPort: string, claims: readonly HostClaim<ServiceEntry>[]): void {
  const [host, port] = [hostPort.slice(0, hostPort.lastIndexOf(':')), hostPort.slice(hostPort.lastIndexOf(':') + 1)];
  const seenWith = claimsSeenWith(claims);
  for (const c of claims) {
    const others = seenWith(c);
    const conflicting = others.filter((o) => o.protocol !== c.protocol);
    // ServiceEntries of one namespace with one protocol merge their endpoints: nothing is lost.
    const duplicates = others.filter((o) => o.protocol === c.protocol && o.item.namespace !== c.item.namespace);
    const reported = conflicting.length > 0 ? conflicting : duplicates;
    if (reported.length === 0) continue;
    context.report({
      at: { resource: c.item.resource, path: c.path },
      messageId: conflicting.length > 0 ? 'conflictingProtocols' : 'duplicateHostPort',
      data: {
        name: c.item.name,
        host,
        port,
        protocol: protocolText(c.protocol),
        others: listText(reported.map((o) => `"${o.item.namespace}/${o.item.name}"`), 5),
        otherProtocols: listText([...new Set(reported.map((o) => protocolText(o.protocol)))]),
        scope: exportToText(new Set(reported.flatMap((o) => sharedScope(c.item.exportTo, o.item.exportTo)))),
      },
      related: reported.slice(0, 5).map((o) => ({ at: { resource: o.item.resource, path: o.path }, message: `ServiceEntry ${o.item.namespace}/${o.item.name} declares ${host} port ${port} as ${protocolText(o.protocol)}` })),
    });
  }
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Several ServiceEntries declare the same host and port: with different protocols, or from different namespaces that a client sees together.',
      url: docsUrl('serviceentry-conflict'),
      recommended: true,
      aliases: ['IST0177', 'KIA1211', 'KIA1212'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      conflictingProtocols:
        'ServiceEntry "{{name}}" declares {{host}} port {{port}} as {{protocol}}, and ServiceEntry {{others}} declares it as {{otherProtocols}} (both seen in {{scope}}): a client\'s proxy keeps one protocol for the port, from its own namespace\'s ServiceEntry, else from the one istiod picks, and handles the traffic meant for the other as that protocol. Declare the port with one protocol.',
      duplicateHostPort:
        'ServiceEntry "{{name}}" declares {{host}} port {{port}}, as ServiceEntry {{others}} does from another namespace (both seen in {{scope}}): a client\'s proxy uses one of them for the host, its own namespace\'s, else the one istiod picks, and ignores the other\'s endpoints, resolution and location. Keep one ServiceEntry for the host, or export them to different namespaces.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.hosts),
  },
  create(context) {
    return {
      'Mesh:exit'() {
        for (const [hostPort, claims] of context.model.serviceEntryPortsByHostPort()) {
          if (claims.length > 1) reportHostPort(context, hostPort, claims);
        }
      },
    };
  },
});
