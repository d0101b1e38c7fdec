// What a VirtualService names must exist where its routes apply: istio
// pilot/pkg/networking/core/route/route.go (a destination becomes a cluster name; a host or subset
// without a cluster gets 503), pilot/pkg/model/push_context.go (exportTo of Services,
// ServiceEntries, VirtualServices; DestinationRule lookup), pilot/pkg/model/virtualservice.go
// (gateway names resolved against the VirtualService's namespace). See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import type { Model } from '../../src/mesh/model.js';
import { gatewayHostsFor, hostsOverlap, resolveHost, serviceHostNamespace, type HostEntry } from '../../src/model/hosts.js';
import { arr, isRecord, str } from '../../src/model/resource.js';
import { exportedTo, exportsOverlap, exportToText, type RouteDestination, type VirtualService } from '../../src/model/traffic.js';
import { destinationRuleIndex } from '../../src/mtls/destination-rule.js';
import { listText } from '../../src/util/text.js';

type MessageId = 'unknownHost' | 'hostNotExported' | 'unknownPort' | 'unknownSubset' | 'unknownGateway' | 'hostNotInGateway';
type Context = MeshRuleContext<MessageId, []>;

const CONSEQUENCE: Record<RouteDestination['role'], string> = {
  route: 'Envoy has no cluster for it, so requests this route sends there fail with 503 (NC, cluster not found)',
  mirror: 'Envoy has no cluster for it, so no request is mirrored',
};



/** The client namespaces whose DestinationRule lookup decides the subsets: those the VirtualService applies in, its own for `*`. */
function clientNamespaces(vs: VirtualService): string[] {
  if (vs.exportTo.has('*') || vs.exportTo.has(vs.namespace)) return [vs.namespace];
  return [...vs.exportTo].filter((n) => n !== '~');
}

/**
 * Whether the VirtualService's clients see a host entry. An exact host: when some namespace sees
 * both (a VirtualService exported everywhere works where the host is exported). A wildcard entry
 * (`*.example.com`) stands in for hosts it does not name: only when its clients' own namespaces see it.
 */
function visibleFrom(vs: VirtualService, e: HostEntry): boolean {
  if (e.host.startsWith('*')) return clientNamespaces(vs).some((ns) => exportedTo(e.exportTo, ns));
  return exportsOverlap(vs.exportTo, e.exportTo);
}

function checkSubset(context: Context, vs: VirtualService, d: RouteDestination, fqdn: string, entries: HostEntry[]): void {
  const model: Model = context.model;
  const clients = clientNamespaces(vs);
  const owners = entries.length > 0 ? [...new Set(entries.map((e) => e.namespace))] : [serviceHostNamespace(fqdn) ?? vs.namespace];
  const known = (ns: string) => model.mesh.complete || model.declaresNamespace(ns);
  const index = destinationRuleIndex(model);
  const seen = new Set<string>();
  for (const client of clients) {
    for (const owner of owners) {
      const found = index.lookup(client, fqdn, owner);
      for (const r of found.rule?.from ?? []) {
        if (r.dr.subsets.some((s) => s.name === d.subset)) return;
        seen.add(`${r.dr.namespace}/${r.dr.name}`);
      }
      // Rules of one host and namespace merge their subsets, and the lookup stops at the first step
      // that matches: every namespace up to that step must be known, or an unseen rule may define it.
      const steps = found.step === 'client-namespace' ? [client] : found.step === 'service-namespace' ? [client, owner] : [client, owner, model.rootNamespace];
      if (!steps.every(known)) return;
    }
  }
  const rules = [...seen].sort();
  context.report({
    at: { resource: vs.resource, path: [...d.path, 'subset'] },
    messageId: 'unknownSubset',
    data: {
      name: vs.name,
      subset: d.subset,
      host: d.host,
      rules: rules.length === 0 ? `no DestinationRule for "${fqdn}" applies here` : `DestinationRule ${listText(rules)}, which applies here, does not define it`,
      consequence: CONSEQUENCE[d.role],
    },
  });
}

function checkDestination(context: Context, vs: VirtualService, d: RouteDestination): void {
  const model = context.model;
  const fqdn = resolveHost(d.host, vs.namespace);
  const entries = model.hosts.lookup(fqdn);
  if (entries.length === 0) {
    if (!model.knowsHost(fqdn)) return;
    context.report({
      at: { resource: vs.resource, path: [...d.path, 'host'] },
      messageId: 'unknownHost',
      data: { name: vs.name, host: d.host, resolved: fqdn === d.host ? '' : ` (${fqdn})`, role: d.role === 'route' ? 'routes' : 'mirrors', consequence: CONSEQUENCE[d.role] },
    });
    // The subset is a mistake of its own: say so too.
    if (d.subset) checkSubset(context, vs, d, fqdn, entries);
    return;
  }
  const visible = entries.filter((e) => visibleFrom(vs, e));
  if (visible.length === 0) {
    const e = entries[0]!;
    context.report({
      at: { resource: vs.resource, path: [...d.path, 'host'] },
      messageId: 'hostNotExported',
      data: { name: vs.name, role: d.role === 'route' ? 'routes' : 'mirrors', host: d.host, declarer: `${e.kind} ${e.namespace}/${e.name}`, hostExport: exportToText(e.exportTo), vsExport: exportToText(vs.exportTo), consequence: CONSEQUENCE[d.role] },
      related: [{ at: { resource: e.resource, path: e.kind === 'Service' ? ['metadata', 'annotations', 'networking.istio.io/exportTo'] : ['spec', 'exportTo'] }, message: `${e.kind} ${e.namespace}/${e.name} is exported to ${exportToText(e.exportTo)}` }],
    });
    return;
  }
  const exact = visible.filter((e) => !e.host.startsWith('*') && e.ports.length > 0);
  if (d.port !== undefined && exact.length > 0 && !exact.some((e) => e.ports.includes(d.port!))) {
    const e = exact[0]!;
    context.report({
      at: { resource: vs.resource, path: [...d.path, 'port', 'number'] },
      messageId: 'unknownPort',
      data: { name: vs.name, host: d.host, port: d.port, declarer: `${e.kind} ${e.namespace}/${e.name}`, ports: listText(e.ports.map(String)), consequence: CONSEQUENCE[d.role] },
    });
  }
  if (d.subset) checkSubset(context, vs, d, fqdn, visible);
}

/** Hostnames of a Gateway API Gateway's listeners; `*` for a listener without one. */
function listenerHostnames(spec: unknown): string[] {
  if (!isRecord(spec)) return [];
  return arr(spec.listeners).flatMap((l) => (isRecord(l) ? [str(l.hostname) || '*'] : []));
}

function checkGateways(context: Context, vs: VirtualService): void {
  const model = context.model;
  for (const g of vs.gateways) {
    if (g.name === 'mesh') continue;
    const slash = g.name.indexOf('/');
    const [ns, name] = slash >= 0 ? [g.name.slice(0, slash), g.name.slice(slash + 1)] : [vs.namespace, g.name];
    const istio = model.istioGateway(ns, name);
    const k8s = istio ? undefined : model.gateway(ns, name);
    if (istio || k8s) {
      // A VirtualService without hosts is a delegate: its parent's hosts decide.
      if (vs.hosts.length === 0) continue;
      // A server (listener) accepts the hosts it names; a listener without hostname accepts any.
      const accepted = istio ? gatewayHostsFor(istio.hosts, ns, vs.namespace) : listenerHostnames(k8s!.resource.raw.spec);
      const hosts = vs.hosts.map((h) => resolveHost(h, vs.namespace));
      if (accepted.some((a) => hosts.some((h) => hostsOverlap(a, h)))) continue;
      context.report({
        at: { resource: vs.resource, path: g.path },
        messageId: 'hostNotInGateway',
        data: { name: vs.name, gateway: g.name, hosts: listText(vs.hosts.map((h) => `"${h}"`)), accepted: accepted.length > 0 ? listText([...new Set(accepted)].map((h) => `"${h}"`)) : 'no host' },
      });
      continue;
    }
    if (!model.mesh.complete && !model.declaresNamespace(ns)) continue;
    context.report({
      at: { resource: vs.resource, path: g.path },
      messageId: 'unknownGateway',
      data: { name: vs.name, gateway: g.name, namespace: ns, gatewayName: name },
    });
  }
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A VirtualService routes to a host, subset or gateway that does not exist where it applies.',
      url: docsUrl('virtualservice-references'),
      recommended: true,
      aliases: ['IST0101', 'IST0132', 'KIA1101', 'KIA1102', 'KIA1107'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      unknownHost:
        'VirtualService "{{name}}" {{role}} to host "{{host}}"{{resolved}}, which no Service or ServiceEntry declares: {{consequence}}. Fix the host, or add the Service or ServiceEntry.',
      hostNotExported:
        'VirtualService "{{name}}" {{role}} to host "{{host}}", but {{declarer}} is exported only to {{hostExport}} and this VirtualService applies in {{vsExport}}: no proxy that uses the route sees the host, so {{consequence}}. Export the host to the namespaces of the route\'s clients.',
      unknownPort:
        'VirtualService "{{name}}" routes to port {{port}} of host "{{host}}", but {{declarer}} has only port {{ports}}: {{consequence}}. Use one of its ports.',
      unknownSubset:
        'VirtualService "{{name}}" routes to subset "{{subset}}" of host "{{host}}", but {{rules}}: {{consequence}}. Define the subset in the host\'s DestinationRule, or fix the name.',
      hostNotInGateway:
        'VirtualService "{{name}}" is bound to gateway "{{gateway}}", which accepts {{accepted}} for this namespace, none of its hosts {{hosts}}: the gateway does not use these routes. Add the host to a server of the Gateway (namespace/host for a namespace-scoped one), or fix the VirtualService\'s hosts.',
      unknownGateway:
        'VirtualService "{{name}}" is bound to gateway "{{gateway}}", but namespace {{namespace}} has no Gateway "{{gatewayName}}": its routes are configured at no gateway. Fix the name (namespace/name for another namespace), or add the Gateway.',
    },
    schema: [],
    defaultSeverity: 'error',
  },
  create(context) {
    return {
      VirtualService(r) {
        const vs = context.model.virtualServiceOf(r);
        if (!vs) return;
        for (const d of vs.destinations) checkDestination(context, vs, d);
        checkGateways(context, vs);
      },
    };
  },
});
