// A sidecar builds one inbound chain per container port, from the oldest Service that targets it:
// istio pilot/pkg/networking/core/listener_inbound.go (chainsByPort, reportInboundConflict). The
// protocol of a Service port: pkg/config/kube/conversion.go (src/model/traffic.ts, portProtocol).
// istioctl's checks: pkg/config/analysis/analyzers/deployment/services.go. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { isIstioGatewayWorkload } from '../../src/mesh/model.js';
import type { Service, ServicePort } from '../../src/model/kinds.js';
import { portProtocol } from '../../src/model/traffic.js';
import type { Workload } from '../../src/model/workloads.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

type MessageId = 'conflictingProtocols' | 'conflictingPorts';

interface Exposure {
  service: Service;
  port: ServicePort;
  protocol: string;
}

// Waypoints are proxies istiod deploys itself; their ports are its own.
const MANAGED = 'gateway.istio.io/managed';

/** The container port a Service port reaches: a named targetPort resolves through the pod's ports. */
function containerPort(w: Workload, p: ServicePort): string {
  if (typeof p.targetPort === 'number') return String(p.targetPort);
  const named = w.ports.find((c) => c.name === p.targetPort);
  return named ? String(named.port) : /^\d+$/.test(p.targetPort) ? p.targetPort : `"${p.targetPort}"`;
}

/** The Service ports that reach each container port of a workload; the sidecar captures TCP only. */
function exposuresByPort(w: Workload, services: readonly Service[]): Map<string, Exposure[]> {
  const out = new Map<string, Exposure[]>();
  for (const service of services) {
    for (const port of service.ports) {
      if (port.protocol === 'UDP' || port.protocol === 'SCTP') continue;
      const key = containerPort(w, port);
      const list = out.get(key) ?? [];
      list.push({ service, port, protocol: portProtocol(port) ?? 'detected (no protocol named)' });
      out.set(key, list);
    }
  }
  return out;
}

function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Services that select the same sidecar workload disagree about one of its ports: different protocols, or different Service ports for one target port.',
      url: docsUrl('inbound-port-conflict'),
      recommended: true,
      aliases: ['IST0116', 'IST0137'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      conflictingProtocols:
        '{{kind}} "{{name}}" is selected by Services {{services}}, which give its port {{port}} different protocols ({{protocols}}): its sidecar builds one inbound chain for the port, with the protocol of the oldest of these Services, so the others\' traffic is handled as that protocol. Give the port one protocol in every Service (port name prefix or appProtocol).',
      conflictingPorts:
        '{{kind}} "{{name}}" is selected by Services {{services}}, which expose its port {{port}} as different Service ports ({{ports}}){{protocols}}: its sidecar builds one inbound chain for the port from the oldest of these Services only, which decides the protocol and the Service its metrics name. Use the same port number and protocol in every Service that targets it.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.services),
  },
  create(context) {
    const model = context.model;
    return {
      Workload(w) {
        // A gateway's Envoy serves its Gateway's listeners, not inbound chains per Service.
        if (w.dataplane.mode !== 'sidecar' || w.resource.labels[MANAGED] !== undefined || isIstioGatewayWorkload(w)) return;
        const services = model.servicesOf(w);
        for (const [port, exposures] of exposuresByPort(w, services)) {
          const names = distinct(exposures.map((e) => `"${e.service.name}"`));
          const protocols = distinct(exposures.map((e) => e.protocol));
          const ports = distinct(exposures.map((e) => e.port.port));
          // One Service targeting a port twice with one protocol conflicts with nothing (istioctl reports it).
          if (names.length < 2 && protocols.length < 2) continue;
          if (ports.length < 2 && protocols.length < 2) continue;
          const related = exposures.map((e) => ({
            at: { resource: e.service.resource, path: ['spec', 'ports', e.port.index] },
            message: `Service "${e.service.name}" port ${e.port.port} (${e.protocol}) targets it`,
          }));
          const data = { kind: w.kind, name: w.name, services: listText(names), port };
          const at = { resource: w.resource, path: ['metadata', 'name'] };
          const assumptions = model.assumptionsOf([w]);
          if (ports.length > 1) {
            const differ = protocols.length > 1 ? ` and protocols (${listText(protocols)})` : '';
            context.report({ at, messageId: 'conflictingPorts', data: { ...data, ports: listText(ports.map(String)), protocols: differ }, related, assumptions });
          } else {
            context.report({ at, messageId: 'conflictingProtocols', data: { ...data, protocols: listText(protocols) }, related, assumptions });
          }
        }
      },
    };
  },
});
