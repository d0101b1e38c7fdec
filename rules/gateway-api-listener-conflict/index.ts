// Gateway API Gateways (gateway.networking.k8s.io) under Istio. One Gateway's listeners must differ
// in port, protocol or hostname (the Gateway CRD's CEL rule). istiod deploys a proxy and a Service
// per Gateway unless it names existing gateway Services in `addresses` of type Hostname
// (pilot/pkg/config/kube/gatewaycommon/gateway_utils.go, IsManaged; gateway/conversion.go,
// extractGatewayServices); Gateways sharing one are merged like Istio Gateways
// (src/model/gateway-merge.ts). A managed Gateway's IPAddress becomes its LoadBalancer Service's
// loadBalancerIP (manifests/charts/istio-control/istio-discovery/files/kube-gateway.yaml). See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import { serverClashes, type PlacedServer, type ServerClash } from '../../src/model/gateway-merge.js';
import type { K8sGateway } from '../../src/model/kinds.js';
import { arr, isRecord, str } from '../../src/model/resource.js';
import type { GatewayServer } from '../../src/model/traffic.js';
import { DOMAIN_SUFFIX } from '../../src/model/hosts.js';
import { listText } from '../../src/util/text.js';

type MessageId = 'duplicateListener' | 'sameAddress' | 'duplicateTlsHost' | 'protocolConflict';
type Context = MeshRuleContext<MessageId, []>;

interface Listener {
  readonly name: string;
  readonly hostname: string | undefined;
  readonly server: GatewayServer;
}

function listenersOf(g: K8sGateway): Listener[] {
  const spec = g.resource.raw.spec;
  if (!isRecord(spec)) return [];
  return arr(spec.listeners).flatMap((l, i): Listener[] => {
    if (!isRecord(l) || typeof l.port !== 'number') return [];
    const protocol = (str(l.protocol) ?? '').toUpperCase();
    const hostname = str(l.hostname) || undefined;
    // istiod names a listener's hosts `<gateway namespace>/<hostname>` (routes of the Gateway's namespace by default).
    const server = { port: l.port, protocol, bind: '', hosts: [`${g.namespace}/${hostname ?? '*'}`], tls: protocol === 'HTTPS' || protocol === 'TLS', path: ['spec', 'listeners', i] };
    return [{ name: str(l.name) ?? '', hostname, server }];
  });
}

interface Address {
  readonly type: string;
  readonly value: string;
  readonly index: number;
}

function addressesOf(g: K8sGateway): Address[] {
  const spec = g.resource.raw.spec;
  if (!isRecord(spec)) return [];
  return arr(spec.addresses).flatMap((a, index) => (isRecord(a) && str(a.value) ? [{ type: str(a.type) ?? 'IPAddress', value: str(a.value)!, index }] : []));
}

/** The gateway Services of a Gateway bound to existing deployments (Hostname addresses), as FQDNs; none for a Gateway istiod deploys. */
function sharedServices(g: K8sGateway, addresses: readonly Address[]): string[] {
  if (addresses.length === 0 || (addresses.length === 1 && addresses[0]!.type === 'IPAddress')) return [];
  return addresses.filter((a) => a.type === 'Hostname').map((a) => (a.value.includes('.') ? a.value : `${a.value}.${g.namespace}.svc.${DOMAIN_SUFFIX}`));
}

function reportDuplicateListeners(context: Context, g: K8sGateway, listeners: readonly Listener[]): void {
  const first = new Map<string, Listener>();
  for (const l of listeners) {
    const key = `${l.server.port}|${l.server.protocol}|${l.hostname ?? ''}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, l);
      continue;
    }
    context.report({
      at: { resource: g.resource, path: [...l.server.path, 'name'] },
      messageId: 'duplicateListener',
      data: { name: g.name, listener: l.name, other: earlier.name, port: l.server.port, protocol: l.server.protocol, hostname: l.hostname ?? 'no hostname' },
      related: [{ at: { resource: g.resource, path: [...earlier.server.path, 'name'] }, message: `listener "${earlier.name}" has the same port, protocol and hostname` }],
    });
  }
}

function reportClash(context: Context, c: ServerClash<K8sGateway>, service: string): void {
  const { owner: g, server } = c.at;
  const others = [...c.others.values()];
  context.report({
    at: { resource: g.resource, path: [...server.path, 'port'] },
    messageId: c.kind,
    data: {
      name: g.name,
      port: server.port,
      protocol: server.protocol,
      service,
      others: listText(others.map((o) => `"${o.placed.owner.namespace}/${o.placed.owner.name}" (${o.placed.server.protocol})`), 5),
      hosts: listText([...new Set(others.flatMap((o) => [...o.hosts].map((h) => h.slice(h.indexOf('/') + 1))))]),
    },
    related: others.slice(0, 5).map((o) => ({ at: { resource: o.placed.owner.resource, path: [...o.placed.server.path, 'port'] }, message: `Gateway ${o.placed.owner.namespace}/${o.placed.owner.name} also listens on port ${o.placed.server.port} of ${service}` })),
  });
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Gateway API listeners that cannot all work: repeated in one Gateway, clashing on a gateway deployment that Gateways share, or Gateways asking for the same load-balancer IP.',
      url: docsUrl('gateway-api-listener-conflict'),
      recommended: true,
      aliases: ['KIA1501', 'KIA1502', 'KIA1503'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      duplicateListener:
        'Listener "{{listener}}" of Gateway "{{name}}" has the port ({{port}}), protocol ({{protocol}}) and hostname ({{hostname}}) of listener "{{other}}": the Gateway CRD requires the combination to be unique, so the API server rejects the Gateway. Merge the listeners, or change the hostname or port of one.',
      sameAddress:
        'Gateway "{{name}}" asks for address {{address}}, as Gateway {{others}} does: istiod gives each its own LoadBalancer Service with loadBalancerIP {{address}}, and the load balancer assigns an IP to one Service only, so the other Gateway gets no address. Give each Gateway its own address, or bind them to one gateway deployment with a Hostname address.',
      duplicateTlsHost:
        'Gateway "{{name}}" terminates TLS for {{hosts}} on port {{port}} of the shared gateway Service {{service}}, as Gateway {{others}} does: istiod keeps one TLS server per host and port and skips the whole listener it merges second. Serve each hostname once per port on a shared gateway.',
      protocolConflict:
        'Gateway "{{name}}" listens on port {{port}} with {{protocol}} on the shared gateway Service {{service}}, and Gateway {{others}} on the same port: istiod merges plaintext listeners of one port only when both speak HTTP, so it skips one of them. Use different ports.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    const byService = new Map<string, PlacedServer<K8sGateway>[]>();
    const byAddress = new Map<string, Array<{ g: K8sGateway; address: Address }>>();
    return {
      Gateway(g) {
        if (g.isWaypoint) return;
        const listeners = listenersOf(g);
        reportDuplicateListeners(context, g, listeners);
        const addresses = addressesOf(g);
        const services = sharedServices(g, addresses);
        for (const s of services) {
          const list = byService.get(s) ?? [];
          byService.set(s, list);
          for (const l of listeners) list.push({ owner: g, server: l.server });
        }
        const serviceType = g.resource.annotations['networking.istio.io/service-type'] ?? 'LoadBalancer';
        if (services.length === 0 && addresses.length === 1 && g.className === 'istio' && serviceType === 'LoadBalancer') {
          const a = addresses[0]!;
          const list = byAddress.get(a.value) ?? [];
          byAddress.set(a.value, list);
          list.push({ g, address: a });
        }
      },
      'Mesh:exit'() {
        for (const [service, proxy] of byService) {
          const clashes = new Map<GatewayServer, ServerClash<K8sGateway>>();
          serverClashes(proxy, clashes);
          for (const c of clashes.values()) reportClash(context, c, service);
        }
        for (const [value, list] of byAddress) {
          if (list.length < 2) continue;
          for (const { g, address } of list) {
            const others = list.filter((o) => o.g !== g);
            context.report({
              at: { resource: g.resource, path: ['spec', 'addresses', address.index, 'value'] },
              messageId: 'sameAddress',
              data: { name: g.name, address: value, others: listText(others.map((o) => `"${o.g.namespace}/${o.g.name}"`), 5) },
              related: others.slice(0, 5).map((o) => ({ at: { resource: o.g.resource, path: ['spec', 'addresses', o.address.index, 'value'] }, message: `Gateway ${o.g.namespace}/${o.g.name} asks for ${value} too` })),
            });
          }
        }
      },
    };
  },
});
