/**
 * How istiod merges the servers of every gateway object that configures one gateway proxy
 * (istio pilot/pkg/model/gateway.go, `mergeGateways`): by port and bind address, a TLS server
 * repeating a host of another is skipped (`CheckDuplicates`), and plaintext servers of one port
 * merge only when both speak HTTP (`canMergeProtocols`; pkg/config/protocol/instance.go, `IsHTTP`).
 * Gateway API listeners become such servers too (pilot/pkg/config/kube/gateway/conversion.go).
 */
import type { GatewayServer } from './traffic.js';

const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-WEB']);

/** A server of some gateway object (`owner`) on a proxy. */
export interface PlacedServer<O> {
  readonly owner: O;
  readonly server: GatewayServer;
}

/** Servers that istiod may skip for `at`, by the owners they clash with (and the hosts, for TLS). */
export interface ServerClash<O> {
  readonly at: PlacedServer<O>;
  readonly kind: 'duplicateTlsHost' | 'protocolConflict';
  readonly others: Map<O, { placed: PlacedServer<O>; hosts: Set<string> }>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The clashes among the servers of one proxy between different owners, added to `clashes` by
 * server. A server is TLS or plaintext, so it clashes in one way only.
 */
export function serverClashes<O>(proxy: readonly PlacedServer<O>[], clashes: Map<GatewayServer, ServerClash<O>>): void {
  const note = (p: PlacedServer<O>, o: PlacedServer<O>, kind: ServerClash<O>['kind'], host?: string) => {
    if (o.owner === p.owner) return;
    let c = clashes.get(p.server);
    if (!c) clashes.set(p.server, (c = { at: p, kind, others: new Map() }));
    let entry = c.others.get(o.owner);
    if (!entry) c.others.set(o.owner, (entry = { placed: o, hosts: new Set() }));
    if (host !== undefined) entry.hosts.add(host);
  };
  const buckets = new Map<string, PlacedServer<O>[]>();
  for (const p of proxy) push(buckets, `${p.server.port}|${p.server.bind}`, p);
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    const tlsByHost = new Map<string, PlacedServer<O>[]>();
    for (const p of bucket) if (p.server.tls) for (const h of new Set(p.server.hosts)) push(tlsByHost, h, p);
    for (const [host, list] of tlsByHost) for (const p of list) for (const o of list) note(p, o, 'duplicateTlsHost', host);
    const plain = bucket.filter((p) => !p.server.tls);
    if (plain.every((p) => HTTP_PROTOCOLS.has(p.server.protocol))) continue;
    for (const p of plain) {
      for (const o of plain) if (!(HTTP_PROTOCOLS.has(p.server.protocol) && HTTP_PROTOCOLS.has(o.server.protocol))) note(p, o, 'protocolConflict');
    }
  }
}
