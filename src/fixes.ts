import type { AuthorizationPolicy } from './model/kinds.js';
import type { Model } from './mesh/model.js';
import type { Suggestion } from './types.js';

/**
 * The YAML that moves a policy from ztunnel to a waypoint: `targetRefs` to the Services of the
 * workloads it selects, and, when those Services are not bound to a waypoint yet, the waypoint
 * Gateway and the label that binds them.
 */
export function waypointFix(model: Model, p: AuthorizationPolicy): Suggestion {
  const services = new Map<string, { name: string; bound: boolean }>();
  for (const w of model.policyWorkloads(p)) {
    for (const s of model.servicesOf(w)) {
      if (s.namespace !== p.namespace) continue;
      services.set(s.name, { name: s.name, bound: model.waypointOfService(s) !== undefined });
    }
  }
  const list = [...services.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const names = list.length > 0 ? list.map((s) => s.name) : ['<service>'];
  const lines = ['spec:', '  targetRefs:'];
  for (const n of names) lines.push('  - kind: Service', '    group: ""', `    name: ${n}`);
  let desc = `Attach AuthorizationPolicy "${p.name}" to the waypoint of ${list.length > 0 ? names.map((n) => `Service "${n}"`).join(', ') : 'the Service in front of these pods'} (and drop its selector)`;
  const unbound = list.filter((s) => !s.bound);
  const existing = model.gateways.find((g) => g.isWaypoint && g.namespace === p.namespace);
  if (existing && unbound.length > 0) {
    desc += `; label the Service${unbound.length > 1 ? 's' : ''} istio.io/use-waypoint=${existing.name} to send ${unbound.length > 1 ? 'their' : 'its'} traffic through waypoint "${existing.name}"`;
  } else if (unbound.length > 0 || list.length === 0) {
    desc += `; deploy a waypoint and label the Service${unbound.length > 1 ? 's' : ''} istio.io/use-waypoint=waypoint`;
    lines.push(
      '---',
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: Gateway',
      'metadata:',
      '  name: waypoint',
      `  namespace: ${p.namespace}`,
      '  labels:',
      '    istio.io/waypoint-for: service',
      'spec:',
      '  gatewayClassName: istio-waypoint',
      '  listeners:',
      '  - name: mesh',
      '    port: 15008',
      '    protocol: HBONE',
    );
  }
  return { desc, fix: `${lines.join('\n')}\n` };
}
