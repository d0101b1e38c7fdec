/**
 * How istiod merges the servers of every gateway object that configures one gateway proxy
 * (istio pilot/pkg/model/gateway.go, `mergeGateways`): by port and bind address, a TLS server
 * repeating a host of another is skipped (`CheckDuplicates`), and plaintext servers of one port
 * merge only when both speak HTTP (`canMergeProtocols`; pkg/config/protocol/instance.go, `IsHTTP`).
 * Gateway API listeners become such servers too (pilot/pkg/config/kube/gateway/conversion.go).
 */
import type { GatewayServer } from './traffic.js';
/** A server of some gateway object (`owner`) on a proxy. */
export interface PlacedServer<O> {
    readonly owner: O;
    readonly server: GatewayServer;
}
/** Servers that istiod may skip for `at`, by the owners they clash with (and the hosts, for TLS). */
export interface ServerClash<O> {
    readonly at: PlacedServer<O>;
    readonly kind: 'duplicateTlsHost' | 'protocolConflict';
    readonly others: Map<O, {
        placed: PlacedServer<O>;
        hosts: Set<string>;
    }>;
}
/**
 * The clashes among the servers of one proxy between different owners, added to `clashes` by
 * server. A server is TLS or plaintext, so it clashes in one way only.
 */
export declare function serverClashes<O>(proxy: readonly PlacedServer<O>[], clashes: Map<GatewayServer, ServerClash<O>>): void;
