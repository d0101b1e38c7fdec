/**
 * Envoy clients that reach a sidecar workload without presenting their Istio identity: their
 * DestinationRule sets tls.mode DISABLE, SIMPLE or MUTUAL, or no rule sets a mode while auto mTLS
 * is off (istio pilot/pkg/networking/core/cluster_tls.go, buildUpstreamTLSSettings). The pods then
 * see no peer certificate of the mesh, so identity fields of an AuthorizationPolicy never match
 * those clients.
 */
import type { Service, ServicePort } from '../model/kinds.js';
import type { ModelIndex } from '../model/model.js';
import type { Workload } from '../model/workloads.js';
import type { ClientTls, IndexedRule } from './destination-rule.js';
import { effectiveMtls } from './peer-authentication.js';
import { clientViews, targetPortOf, type ClientView } from './traffic.js';

/** Clients of one Service port that send no Istio identity, for one reason. */
export interface ClientsWithoutIdentity {
  service: Service;
  port: ServicePort;
  /** The rule that sets the mode; undefined when auto mTLS is off and no rule sets one. */
  rule: IndexedRule | undefined;
  /** The node that decides (`tls.mode`, `tls`, or a `portLevelSettings` entry). */
  path: ReadonlyArray<string | number> | undefined;
  mode: string;
  views: ClientView[];
}

/** The mode a client originates, when it carries no Istio identity; undefined when it does. */
function modeWithoutIdentity(tls: ClientTls, autoMtls: boolean): string | undefined {
  if (tls.mode === undefined) return autoMtls ? undefined : 'DISABLE';
  return tls.mode === 'ISTIO_MUTUAL' ? undefined : tls.mode;
}

/**
 * For each Service port that reaches `w` on a port that is not STRICT (a STRICT pod refuses those
 * clients outright: tls-mode-conflict's finding) nor DISABLE (no client has an identity there),
 * the clients that send no identity, grouped by the rule that makes them do so. `ports` limits
 * the target ports looked at.
 */
export function clientsWithoutIdentity(model: ModelIndex, w: Workload, ports?: readonly number[]): ClientsWithoutIdentity[] {
  const autoMtls = model.mesh.enableAutoMtls;
  const out: ClientsWithoutIdentity[] = [];
  for (const s of model.servicesOf(w)) {
    for (const p of s.ports) {
      const target = targetPortOf(p, w);
      if (ports && (target === undefined || !ports.includes(target))) continue;
      const mode = effectiveMtls(model, w, target).mode;
      if (mode === 'STRICT' || mode === 'DISABLE') continue;
      const groups = new Map<string, ClientsWithoutIdentity>();
      for (const v of clientViews(model, s, p, (tls) => modeWithoutIdentity(tls, autoMtls) !== undefined)) {
        // A rule that sets no mode leaves it to auto mTLS, which is off: the reason is not the rule.
        const rule = v.tls.mode === undefined ? undefined : v.tls.decidedAt?.rule;
        const sent = modeWithoutIdentity(v.tls, autoMtls)!;
        const key = rule ? `${rule.dr.namespace}/${rule.dr.name}/${sent}` : sent;
        const g = groups.get(key);
        if (g) g.views.push(v);
        else groups.set(key, { service: s, port: p, rule, path: rule ? v.tls.decidedAt?.path : undefined, mode: sent, views: [v] });
      }
      out.push(...groups.values());
    }
  }
  return out;
}
