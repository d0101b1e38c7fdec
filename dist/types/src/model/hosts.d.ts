/**
 * The service registry as istiod builds it from manifests: Kubernetes Services
 * (`<name>.<namespace>.svc.cluster.local`, visible where the `networking.istio.io/exportTo`
 * annotation says, default everywhere) and ServiceEntry hosts (visible where `exportTo` says),
 * wildcard hosts included (istio pilot/pkg/model/push_context.go, `initServiceRegistry`;
 * pilot/pkg/serviceregistry/kube/conversion.go; pkg/config/host/name.go, `Matches`).
 */
import type { Path } from '../types.js';
import type { Service } from './kinds.js';
import type { Resource } from './resource.js';
import { type ServiceEntry } from './traffic.js';
/** Kubernetes service domain suffix Istio appends to short hosts (istiod `--domain`, default cluster.local). */
export declare const DOMAIN_SUFFIX = "cluster.local";
/** istio pilot/pkg/model/config.go, ResolveShortnameToFQDN: a host without a dot is a Service of `namespace`. */
export declare function resolveHost(host: string, namespace: string): string;
/** The namespace of a Kubernetes Service host (`name.ns.svc.cluster.local`), if it is one. */
export declare function serviceHostNamespace(fqdn: string): string | undefined;
/** One host of the registry and who declares it. */
export interface HostEntry {
    /** The host as istiod keys it: a FQDN, or a wildcard (`*.example.com`, `*`). */
    readonly host: string;
    readonly kind: 'Service' | 'ServiceEntry';
    readonly namespace: string;
    readonly name: string;
    readonly exportTo: ReadonlySet<string>;
    readonly ports: readonly number[];
    readonly resource: Resource;
}
/** The registry, indexed by host and by wildcard suffix: a lookup costs the labels of the host. */
export declare class HostRegistry {
    private readonly exact;
    /** Wildcard entries by the text after `*` (`.example.com`; `` for `*`). */
    private readonly wildcards;
    /** Exact entries by every dot suffix of their host (`.example.com`, `.com`), for `under`; built on first use. */
    private suffixes;
    constructor(services: readonly Service[], serviceEntries: readonly ServiceEntry[]);
    private add;
    /**
     * Entries whose host is `fqdn` or covers it: a wildcard entry `*.example.com` covers
     * `a.example.com` and `*.a.example.com`. A wildcard `fqdn` matches entries with the same or a
     * wider wildcard (istio pkg/config/host/name.go, `SubsetOf`).
     */
    lookup(fqdn: string): HostEntry[];
    /** Entries a wildcard host (`*.example.com`, `*`) covers or equals: what a wildcard DestinationRule applies to. */
    under(wildcard: string): HostEntry[];
}
/** istio pkg/config/host/name.go, `Matches`: whether two hosts (either may be a wildcard) overlap. */
export declare function hostsOverlap(a: string, b: string): boolean;
/**
 * The hosts of an Istio Gateway's servers that a VirtualService of `namespace` may bind
 * (pkg/config/host/names.go, `NamesForNamespace`): `ns/host` only for that namespace (`.` is the
 * Gateway's own); with namespace `*`, or none, for any.
 */
export declare function gatewayHostsFor(serverHosts: readonly string[], gatewayNamespace: string, namespace: string): string[];
/** One object's claim on a host (or `host:port`) key: the field that makes it, and the port protocol where one applies. */
export interface HostClaim<T> {
    readonly item: T;
    readonly key: string;
    readonly path: Path;
    readonly protocol?: string;
}
/** Groups the claims of `items` by key, in input order; an item claims a key once. */
export declare function claimsByKey<T>(items: readonly T[], claims: (item: T) => Array<Omit<HostClaim<T>, 'item'>>): Map<string, HostClaim<T>[]>;
/**
 * For claims on one key by objects with `exportTo`, the other claims some namespace sees together
 * with each one: indexed by namespace, so claims exported to one namespace each cost no pairing.
 */
export declare function claimsSeenWith<T extends {
    readonly exportTo: ReadonlySet<string>;
}>(claims: readonly HostClaim<T>[]): (c: HostClaim<T>) => HostClaim<T>[];
