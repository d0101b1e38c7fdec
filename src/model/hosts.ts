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
import { exportToOf, type ServiceEntry } from './traffic.js';

/** Kubernetes service domain suffix Istio appends to short hosts (istiod `--domain`, default cluster.local). */
export const DOMAIN_SUFFIX = 'cluster.local';

const EXPORT_TO_ANNOTATION = 'networking.istio.io/exportTo';

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/** istio pilot/pkg/model/config.go, ResolveShortnameToFQDN: a host without a dot is a Service of `namespace`. */
export function resolveHost(host: string, namespace: string): string {
  if (host === '' || host === '*' || isIp(host) || host.includes('.')) return host;
  return `${host}.${namespace}.svc.${DOMAIN_SUFFIX}`;
}

/** The namespace of a Kubernetes Service host (`name.ns.svc.cluster.local`), if it is one. */
export function serviceHostNamespace(fqdn: string): string | undefined {
  const m = /^[^.*]+\.([^.]+)\.svc\.cluster\.local$/.exec(fqdn);
  return m?.[1];
}

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
export class HostRegistry {
  private readonly exact = new Map<string, HostEntry[]>();
  /** Wildcard entries by the text after `*` (`.example.com`; `` for `*`). */
  private readonly wildcards = new Map<string, HostEntry[]>();
  /** Exact entries by every dot suffix of their host (`.example.com`, `.com`), for `under`; built on first use. */
  private suffixes: Map<string, HostEntry[]> | undefined;

  constructor(services: readonly Service[], serviceEntries: readonly ServiceEntry[]) {
    for (const s of services) {
      const anno = s.resource.annotations[EXPORT_TO_ANNOTATION];
      const exportTo = anno === undefined ? new Set(['*']) : exportToOf(anno.split(',').map((x) => x.trim()).filter(Boolean), s.namespace);
      this.add({ host: resolveHost(s.name, s.namespace), kind: 'Service', namespace: s.namespace, name: s.name, exportTo, ports: s.ports.map((p) => p.port), resource: s.resource });
    }
    for (const se of serviceEntries) {
      for (const h of se.hosts) {
        this.add({ host: resolveHost(h, se.namespace), kind: 'ServiceEntry', namespace: se.namespace, name: se.name, exportTo: se.exportTo, ports: se.ports, resource: se.resource });
      }
    }
  }

  private add(e: HostEntry): void {
    const [map, key] = e.host.startsWith('*') ? [this.wildcards, e.host.slice(1)] : [this.exact, e.host];
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  }

  /**
   * Entries whose host is `fqdn` or covers it: a wildcard entry `*.example.com` covers
   * `a.example.com` and `*.a.example.com`. A wildcard `fqdn` matches entries with the same or a
   * wider wildcard (istio pkg/config/host/name.go, `SubsetOf`).
   */
  lookup(fqdn: string): HostEntry[] {
    const out: HostEntry[] = [];
    if (!fqdn.startsWith('*')) out.push(...(this.exact.get(fqdn) ?? []));
    const bare = fqdn.startsWith('*') ? fqdn.slice(1) : fqdn;
    out.push(...(this.wildcards.get(bare) ?? []));
    for (let i = bare.indexOf('.', 1); i >= 0; i = bare.indexOf('.', i + 1)) out.push(...(this.wildcards.get(bare.slice(i)) ?? []));
    if (bare !== '') out.push(...(this.wildcards.get('') ?? []));
    return out;
  }

  /** Entries a wildcard host (`*.example.com`, `*`) covers or equals: what a wildcard DestinationRule applies to. */
  under(wildcard: string): HostEntry[] {
    const suffix = wildcard.slice(1);
    if (!this.suffixes) {
      this.suffixes = new Map();
      for (const list of this.exact.values()) {
        for (const e of list) {
          for (let i = e.host.indexOf('.'); i >= 0; i = e.host.indexOf('.', i + 1)) {
            const key = e.host.slice(i);
            const l = this.suffixes.get(key);
            if (l) l.push(e);
            else this.suffixes.set(key, [e]);
          }
        }
      }
    }
    if (suffix === '') return [...this.exact.values()].flat().concat(...this.wildcards.values());
    return [...(this.suffixes.get(suffix) ?? []), ...this.lookup(wildcard)];
  }
}

/** istio pkg/config/host/name.go, `Matches`: whether two hosts (either may be a wildcard) overlap. */
export function hostsOverlap(a: string, b: string): boolean {
  const aw = a.startsWith('*');
  const bw = b.startsWith('*');
  if (aw && bw) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (aw) return b.endsWith(a.slice(1));
  if (bw) return a.endsWith(b.slice(1));
  return a === b;
}

/**
 * The hosts of an Istio Gateway's servers that a VirtualService of `namespace` may bind
 * (pkg/config/host/names.go, `NamesForNamespace`): `ns/host` only for that namespace (`.` is the
 * Gateway's own); with namespace `*`, or none, for any.
 */
export function gatewayHostsFor(serverHosts: readonly string[], gatewayNamespace: string, namespace: string): string[] {
  const out: string[] = [];
  for (const h of serverHosts) {
    const slash = h.indexOf('/');
    if (slash < 0) {
      out.push(h);
      continue;
    }
    const ns = h.slice(0, slash) === '.' ? gatewayNamespace : h.slice(0, slash);
    if (ns === namespace || ns === '*') out.push(h.slice(slash + 1));
  }
  return out;
}

/** One object's claim on a host (or `host:port`) key: the field that makes it, and the port protocol where one applies. */
export interface HostClaim<T> {
  readonly item: T;
  readonly key: string;
  readonly path: Path;
  readonly protocol?: string;
}

/** Groups the claims of `items` by key, in input order; an item claims a key once. */
export function claimsByKey<T>(items: readonly T[], claims: (item: T) => Array<Omit<HostClaim<T>, 'item'>>): Map<string, HostClaim<T>[]> {
  const out = new Map<string, HostClaim<T>[]>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const c of claims(item)) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      const list = out.get(c.key);
      const claim = { ...c, item };
      if (list) list.push(claim);
      else out.set(c.key, [claim]);
    }
  }
  return out;
}

/**
 * For claims on one key by objects with `exportTo`, the other claims some namespace sees together
 * with each one: indexed by namespace, so claims exported to one namespace each cost no pairing.
 */
export function claimsSeenWith<T extends { readonly exportTo: ReadonlySet<string> }>(claims: readonly HostClaim<T>[]): (c: HostClaim<T>) => HostClaim<T>[] {
  const everywhere: HostClaim<T>[] = [];
  const byNamespace = new Map<string, HostClaim<T>[]>();
  for (const c of claims) {
    if (c.item.exportTo.has('*')) everywhere.push(c);
    else {
      for (const ns of c.item.exportTo) {
        if (ns === '~') continue;
        const list = byNamespace.get(ns);
        if (list) list.push(c);
        else byNamespace.set(ns, [c]);
      }
    }
  }
  return (c) => {
    if (c.item.exportTo.has('*')) return claims.filter((o) => o.item !== c.item && [...o.item.exportTo].some((n) => n !== '~'));
    const seen = new Set<HostClaim<T>>(everywhere);
    for (const ns of c.item.exportTo) for (const o of byNamespace.get(ns) ?? []) seen.add(o);
    return [...seen].filter((o) => o.item !== c.item);
  };
}
