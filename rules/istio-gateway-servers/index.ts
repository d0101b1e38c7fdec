// Istio Gateways (networking.istio.io) as istiod merges them for one gateway proxy: the servers
// of every Gateway selecting the proxy (src/model/gateway-merge.ts). The gateway's Service must
// expose the server port (istioctl pkg/config/analysis/analyzers/gateway/gateway.go). See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import type { Model } from '../../src/mesh/model.js';
import { serverClashes, type PlacedServer, type ServerClash } from '../../src/model/gateway-merge.js';
import type { GatewayServer, IstioGateway } from '../../src/model/traffic.js';
import type { Workload } from '../../src/model/workloads.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

type MessageId = 'duplicateTlsHost' | 'protocolConflict' | 'selectsNoPod' | 'portNotOnService';
type Context = MeshRuleContext<MessageId, []>;

type Placed = PlacedServer<IstioGateway>;

const selectorText = (g: IstioGateway) => Object.entries(g.selector).map(([k, v]) => `${k}=${v}`).sort().join(',');

/** The pods a Gateway configures: its selector matches pods of every namespace (PILOT_SCOPE_GATEWAY_TO_NAMESPACE off, the default). */
function gatewayPods(model: Model, g: IstioGateway): Workload[] {
  if (Object.keys(g.selector).length === 0) return [];
  return [...model.workloadNamespaces()].flatMap((ns) => model.selectWorkloads(ns, g.selector));
}

function reportClash(context: Context, c: ServerClash<IstioGateway>): void {
  const { owner: gateway, server } = c.at;
  const others = [...c.others.values()];
  const hosts = new Set(others.flatMap((o) => [...o.hosts]));
  context.report({
    at: { resource: gateway.resource, path: [...server.path, 'port', 'number'] },
    messageId: c.kind,
    data: {
      name: gateway.name,
      port: server.port,
      protocol: server.protocol || 'no protocol',
      others: listText(others.map((o) => `"${o.placed.owner.namespace}/${o.placed.owner.name}"${c.kind === 'protocolConflict' ? ` (${o.placed.server.protocol || 'no protocol'})` : ''}`), 5),
      hosts: listText([...hosts].sort()),
      selector: selectorText(gateway),
    },
    related: others.slice(0, 5).map((o) => ({
      at: { resource: o.placed.owner.resource, path: [...o.placed.server.path, 'port', 'number'] },
      message: `Gateway ${o.placed.owner.namespace}/${o.placed.owner.name} also listens on port ${o.placed.server.port} of the same gateway pods`,
    })),
  });
}

/** Ports a gateway's Services reach it on: target ports (named ones through the pods' container ports), and the Service ports istiod translates. */
function servicePorts(model: Model, pods: readonly Workload[]): Set<number> {
  const out = new Set<number>();
  for (const w of pods) {
    for (const s of model.servicesOf(w)) {
      for (const p of s.ports) {
        if (p.protocol !== 'TCP') continue;
        out.add(p.port);
        if (typeof p.targetPort === 'number') out.add(p.targetPort);
        else for (const c of w.ports) if (c.name === p.targetPort) out.add(c.port);
      }
    }
  }
  return out;
}

function reportPods(context: Context, g: IstioGateway, pods: readonly Workload[]): void {
  const model = context.model;
  if (Object.keys(g.selector).length === 0) return;
  if (pods.length === 0) {
    if (model.mesh.complete) context.report({ at: { resource: g.resource, path: ['spec', 'selector'], part: 'key' }, messageId: 'selectsNoPod', data: { name: g.name, selector: selectorText(g) } });
    return;
  }
  const ports = servicePorts(model, pods);
  // No Service of the pods in a partial input: the gateway's Service is installed with it elsewhere (a Helm chart), unknown here.
  if (!model.mesh.complete && !pods.some((w) => model.servicesOf(w).length > 0)) return;
  for (const s of g.servers) {
    if (ports.has(s.port)) continue;
    context.report({
      at: { resource: g.resource, path: [...s.path, 'port', 'number'] },
      messageId: 'portNotOnService',
      data: { name: g.name, port: s.port, pods: listText(pods.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3) },
    });
  }
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: "An Istio Gateway's servers do not work as written: they clash with another Gateway's on the same proxy, select no pod, or listen on a port the gateway's Service does not expose.",
      url: docsUrl('istio-gateway-servers'),
      recommended: true,
      aliases: ['IST0101', 'IST0145', 'IST0162', 'KIA0301', 'KIA0302'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      duplicateTlsHost:
        'Gateway "{{name}}" serves {{hosts}} with TLS on port {{port}}, as Gateway {{others}} does on the same gateway pods ({{selector}}): istiod skips the whole server of the Gateway it merges second, all its hosts included. Serve each host once per port, or give the servers different ports or binds.',
      protocolConflict:
        'Gateway "{{name}}" listens on port {{port}} with {{protocol}}, and Gateway {{others}} on the same port of the same gateway pods ({{selector}}): istiod merges plaintext servers of one port only when both speak HTTP, so it skips one of them. Use different ports, or the same HTTP protocol.',
      selectsNoPod:
        'Gateway "{{name}}" selects pods labelled {{selector}}, and no pod of the input has these labels: no gateway proxy takes its servers. Fix the selector to match the gateway deployment\'s labels.',
      portNotOnService:
        'Gateway "{{name}}" listens on port {{port}}, which no Service of its gateway pods ({{pods}}) exposes as a port or target port: the proxy opens the listener, but traffic through the gateway\'s Service cannot reach it. Add the port to the gateway Service, or use a port it exposes.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.services, READS.workloads),
  },
  create(context) {
    const groups = new Map<unknown, Placed[]>();
    // Gateways mostly share a few selectors (istio: ingressgateway): look their pods up once.
    const podsBySelector = new Map<string, Workload[]>();
    const place = (key: unknown, p: Placed) => {
      const list = groups.get(key);
      if (list) list.push(p);
      else groups.set(key, [p]);
    };
    return {
      IstioGateway(r) {
        const g = context.model.istioGatewayOf(r);
        if (!g) return;
        const key = selectorText(g);
        let pods = podsBySelector.get(key);
        if (!pods) podsBySelector.set(key, (pods = gatewayPods(context.model, g)));
        for (const server of g.servers) {
          place(`selector:${key}`, { owner: g, server });
          for (const w of pods) place(w, { owner: g, server });
        }
        reportPods(context, g, pods);
      },
      'Mesh:exit'() {
        const clashes = new Map<GatewayServer, ServerClash<IstioGateway>>();
        for (const group of groups.values()) serverClashes(group, clashes);
        for (const c of clashes.values()) reportClash(context, c);
      },
    };
  },
});
