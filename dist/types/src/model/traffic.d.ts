/**
 * Typed views of Istio's traffic objects (istio/api networking/v1alpha3): VirtualService,
 * ServiceEntry and Istio's own Gateway, with the path of every field a rule may point at. Short
 * hosts stay as written; `hosts.ts` resolves them.
 */
import type { Path } from '../types.js';
import { type Labels, type Resource } from './resource.js';
/** `exportTo` as istiod reads it: `.` is the object's own namespace; absent means every namespace (`*`). */
export declare function exportToOf(v: unknown, namespace: string): ReadonlySet<string>;
/** Whether an object exported to `exportTo` is visible from namespace `ns` (`~`: nowhere). */
export declare function exportedTo(exportTo: ReadonlySet<string>, ns: string): boolean;
/** Whether some namespace sees both of two objects, by their `exportTo` sets. */
export declare function exportsOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean;
/** An `exportTo` set in words: "every namespace", "namespaces a and b", "no namespace". */
export declare function exportToText(set: ReadonlySet<string>): string;
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
    readonly gateways: ReadonlyArray<{
        name: string;
        path: Path;
    }>;
    /** Whether sidecars use it: `gateways` absent (istiod's default is `mesh`) or naming `mesh`. */
    readonly meshBound: boolean;
    readonly exportTo: ReadonlySet<string>;
    readonly destinations: readonly RouteDestination[];
}
export declare function toVirtualService(r: Resource): VirtualService;
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
export declare function toServiceEntry(r: Resource): ServiceEntry;
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
export declare function toIstioGateway(r: Resource): IstioGateway;
/**
 * The protocol istiod gives a Service port (istio pkg/config/kube/conversion.go, `ConvertProtocol`):
 * UDP for UDP ports; else `appProtocol`, else the port name, up to its first `-` (`grpc-web` whole);
 * undefined when neither names one and the port is not well known, so istiod sniffs the protocol.
 */
export declare function portProtocol(p: {
    name?: string;
    port: number;
    protocol: string;
    appProtocol?: string;
}): string | undefined;
