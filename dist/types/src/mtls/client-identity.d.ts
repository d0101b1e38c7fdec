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
import type { IndexedRule } from './destination-rule.js';
import { type ClientView } from './traffic.js';
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
/**
 * For each Service port that reaches `w` on a port that is not STRICT (a STRICT pod refuses those
 * clients outright: tls-mode-conflict's finding) nor DISABLE (no client has an identity there),
 * the clients that send no identity, grouped by the rule that makes them do so. `ports` limits
 * the target ports looked at.
 */
export declare function clientsWithoutIdentity(model: ModelIndex, w: Workload, ports?: readonly number[]): ClientsWithoutIdentity[];
