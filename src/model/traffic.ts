/**
 * Typed views of Istio's traffic objects (istio/api networking/v1alpha3): VirtualService,
 * ServiceEntry and Istio's own Gateway, with the path of every field a rule may point at. Short
 * hosts stay as written; `hosts.ts` resolves them.
 */
import type { Path } from '../types.js';
import { listText } from '../util/text.js';
import { arr, isRecord, str, stringMap, type Labels, type Resource } from './resource.js';

/** `exportTo` as istiod reads it: `.` is the object's own namespace; absent means every namespace (`*`). */
export function exportToOf(v: unknown, namespace: string): ReadonlySet<string> {
  if (!Array.isArray(v) || v.length === 0) return new Set(['*']);
  return new Set(v.filter((x): x is string => typeof x === 'string').map((x) => (x === '.' ? namespace : x)));
}

/** Whether an object exported to `exportTo` is visible from namespace `ns` (`~`: nowhere). */
export function exportedTo(exportTo: ReadonlySet<string>, ns: string): boolean {
  return exportTo.has('*') || exportTo.has(ns);
}

/** Whether some namespace sees both of two objects, by their `exportTo` sets. */
export function exportsOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.has('*')) return [...b].some((n) => n !== '~');
  return [...a].some((n) => n !== '~' && exportedTo(b, n));
}

/** An `exportTo` set in words: "every namespace", "namespaces a and b", "no namespace". */
export function exportToText(set: ReadonlySet<string>): string {
  if (set.has('*')) return 'every namespace';
  const names = [...set].filter((n) => n !== '~').sort();
  if (names.length === 0) return 'no namespace';
  return `namespace${names.length > 1 ? 's' : ''} ${listText(names)}`;
}

/** A `destination` of a VirtualService route or mirror. */
export interface RouteDestination {
  host: string;
  subset: string | undefined;
  port: number | undefined;
  /** Path of the `destination` (or `mirror`) object. */
  path: Path;
  /** `route` (http, tcp, tls routes) or `mirror` (http `mirror`, `mirrors`). */
  role: 'route' | 'mirror';
}

export interface VirtualService {
  readonly resource: Resource;
  readonly name: string;
  readonly namespace: string;
  readonly hosts: readonly string[];
  /** `gateways` entries with their paths; `mesh` included as written. */
  readonly gateways: ReadonlyArray<{ name: string; path: Path }>;
  /** Whether sidecars use it: `gateways` absent (istiod's default is `mesh`) or naming `mesh`. */
  readonly meshBound: boolean;
  readonly exportTo: ReadonlySet<string>;
  readonly destinations: readonly RouteDestination[];
}

function destinationOf(v: unknown, path: Path, role: RouteDestination['role']): RouteDestination | undefined {
  if (!isRecord(v)) return undefined;
  const host = str(v.host);
  if (!host) return undefined;
  const port = isRecord(v.port) && typeof v.port.number === 'number' ? v.port.number : undefined;
  return { host, subset: str(v.subset) || undefined, port, path, role };
}

export function toVirtualService(r: Resource): VirtualService {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const destinations: RouteDestination[] = [];
  const push = (d: RouteDestination | undefined) => d && destinations.push(d);
  for (const kind of ['http', 'tcp', 'tls'] as const) {
    arr(spec[kind]).forEach((rule, i) => {
      if (!isRecord(rule)) return;
      arr(rule.route).forEach((route, j) => {
        if (isRecord(route)) push(destinationOf(route.destination, ['spec', kind, i, 'route', j, 'destination'], 'route'));
      });
      if (kind !== 'http') return;
      push(destinationOf(rule.mirror, ['spec', kind, i, 'mirror'], 'mirror'));
      arr(rule.mirrors).forEach((m, j) => {
        if (isRecord(m)) push(destinationOf(m.destination, ['spec', kind, i, 'mirrors', j, 'destination'], 'mirror'));
      });
    });
  }
  const gateways: Array<{ name: string; path: Path }> = [];
  arr(spec.gateways).forEach((g, i) => {
    if (typeof g === 'string' && g) gateways.push({ name: g, path: ['spec', 'gateways', i] });
  });
  return {
    resource: r,
    name: r.name,
    namespace: r.namespace,
    hosts: arr(spec.hosts).filter((h): h is string => typeof h === 'string'),
    gateways,
    meshBound: gateways.length === 0 || gateways.some((g) => g.name === 'mesh'),
    exportTo: exportToOf(spec.exportTo, r.namespace),
    destinations,
  };
}

/** A `ports` entry of a ServiceEntry. */
export interface ServiceEntryPort {
  readonly number: number;
  /** `protocol` upper-cased as istiod parses it; `''` when unset (istiod sniffs it). */
  readonly protocol: string;
  readonly path: Path;
}

export interface ServiceEntry {
  readonly resource: Resource;
  readonly name: string;
  readonly namespace: string;
  readonly hosts: readonly string[];
  readonly exportTo: ReadonlySet<string>;
  readonly ports: readonly number[];
  readonly portEntries: readonly ServiceEntryPort[];
  readonly workloadSelector: Labels | undefined;
}

export function toServiceEntry(r: Resource): ServiceEntry {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const portEntries = arr(spec.ports).flatMap((p, i): ServiceEntryPort[] =>
    isRecord(p) && typeof p.number === 'number' ? [{ number: p.number, protocol: (str(p.protocol) ?? '').toUpperCase(), path: ['spec', 'ports', i] }] : [],
  );
  return {
    resource: r,
    name: r.name,
    namespace: r.namespace,
    hosts: arr(spec.hosts).filter((h): h is string => typeof h === 'string' && h !== ''),
    exportTo: exportToOf(spec.exportTo, r.namespace),
    ports: portEntries.map((p) => p.number),
    portEntries,
    workloadSelector: isRecord(spec.workloadSelector) ? stringMap(spec.workloadSelector.labels) : undefined,
  };
}

/** Istio's own `networking.istio.io` Gateway. */
export interface IstioGateway {
  readonly resource: Resource;
  readonly name: string;
  readonly namespace: string;
  /** `spec.selector`: the gateway pods' labels (istiod matches them in every namespace unless PILOT_SCOPE_GATEWAY_TO_NAMESPACE). */
  readonly selector: Labels;
  /** `servers[].hosts`, each `[namespace/]host`. */
  readonly hosts: readonly string[];
  readonly servers: readonly GatewayServer[];
}

/** A `servers` entry of an Istio Gateway. */
export interface GatewayServer {
  readonly port: number;
  /** `port.protocol` upper-cased. */
  readonly protocol: string;
  readonly bind: string;
  readonly hosts: readonly string[];
  /** Whether `tls` is set: istiod then matches the server by SNI host (pilot/pkg/model/gateway.go). */
  readonly tls: boolean;
  /** Path of the `servers` entry. */
  readonly path: Path;
}

function serverOf(s: unknown, i: number): GatewayServer[] {
  if (!isRecord(s) || !isRecord(s.port) || typeof s.port.number !== 'number') return [];
  return [{
    port: s.port.number,
    protocol: (str(s.port.protocol) ?? '').toUpperCase(),
    bind: str(s.bind) ?? '',
    hosts: arr(s.hosts).filter((h): h is string => typeof h === 'string'),
    tls: isRecord(s.tls),
    path: ['spec', 'servers', i],
  }];
}

export function toIstioGateway(r: Resource): IstioGateway {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  return {
    resource: r,
    name: r.name,
    namespace: r.namespace,
    selector: stringMap(spec.selector),
    hosts: arr(spec.servers).flatMap((s) => (isRecord(s) ? arr(s.hosts).filter((h): h is string => typeof h === 'string') : [])),
    servers: arr(spec.servers).flatMap(serverOf),
  };
}

/** Protocols a Service port name prefix or appProtocol selects (istio pkg/config/protocol/instance.go, `Parse`). */
const PROTOCOLS = new Set(['tcp', 'udp', 'grpc', 'grpc-web', 'http', 'http_proxy', 'http2', 'https', 'tls', 'mongo', 'redis', 'mysql']);
/** appProtocol values Kubernetes defines (pkg/config/kube/conversion.go). */
const K8S_APP_PROTOCOLS = new Set(['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss']);
/** Ports istiod treats as TCP without a protocol (conversion.go, `wellKnownPorts`: SMTP, DNS, MySQL, MongoDB). */
const WELL_KNOWN_TCP_PORTS = new Set([25, 53, 3306, 27017]);

/**
 * The protocol istiod gives a Service port (istio pkg/config/kube/conversion.go, `ConvertProtocol`):
 * UDP for UDP ports; else `appProtocol`, else the port name, up to its first `-` (`grpc-web` whole);
 * undefined when neither names one and the port is not well known, so istiod sniffs the protocol.
 */
export function portProtocol(p: { name?: string; port: number; protocol: string; appProtocol?: string }): string | undefined {
  if (p.protocol === 'UDP') return 'udp';
  const name = p.appProtocol ?? p.name ?? '';
  if (p.appProtocol !== undefined && K8S_APP_PROTOCOLS.has(name)) return name;
  const lower = name.toLowerCase();
  const prefix = lower.startsWith('grpc-web') ? 'grpc-web' : lower.split('-')[0]!;
  if (PROTOCOLS.has(prefix)) return prefix;
  return WELL_KNOWN_TCP_PORTS.has(p.port) ? 'tcp' : undefined;
}
