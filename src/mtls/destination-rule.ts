/**
 * Which DestinationRule an Envoy client (sidecar or gateway) uses for a Service, and what TLS it
 * then originates on a port — the lookup istiod does, reproduced so rules can reason about it:
 *
 * - index (istio pilot/pkg/model/push_context.go, `setDestinationRules`; destination_rule.go,
 *   `mergeDestinationRule`): rules sorted workload-selector first, then by creation time, name,
 *   namespace; short hosts resolved against the rule's namespace (pilot/pkg/model/config.go,
 *   `ResolveShortnameToFQDN`); rules for the same host in the same namespace merged, the first
 *   one's `trafficPolicy` winning; a rule is "namespace-local" unless `exportTo` leaves out its
 *   own namespace, "exported" unless `exportTo` is only its own namespace.
 * - lookup (push_context.go, `destinationRule`): (1) the client's namespace (a client in the root
 *   namespace looks only at the root namespace's private rules here), (2) rules exported from the
 *   Service's namespace, (3) rules exported from the root namespace. Each step takes the most
 *   specific host match (config.go, `MostSpecificHostMatch`: exact, then the longest wildcard)
 *   and the first step that matches decides, even when its match is less specific than a later
 *   one. In steps 2 and 3 `exportTo` is checked after the match: a most specific rule not exported
 *   to the client hides the less specific ones of that namespace.
 * - per client (pilot/pkg/model/sidecar.go, `SidecarScope.DestinationRule`): a rule with a
 *   `workloadSelector` applies only to matching clients of its own namespace; otherwise the last
 *   rule without selector; when the matched host has only selector rules that do not match, the
 *   client has no DestinationRule at all.
 * - TLS for a port (pilot/pkg/networking/util/util.go, `GetPortLevelTrafficPolicy`;
 *   pilot/pkg/networking/core/cluster_tls.go, `buildUpstreamTLSSettings`): a `portLevelSettings`
 *   entry for the Service port replaces the top-level policy whole — its TLS is not inherited; a
 *   `tls` block without `mode` is DISABLE (the enum's zero value); no `tls` at all leaves the
 *   choice to auto mTLS.
 */
import type { DestinationRule } from '../model/kinds.js';
import type { ModelIndex } from '../model/model.js';
import { arr, isRecord, str, stringMap, type Labels } from '../model/resource.js';
import type { Path } from '../types.js';

import { DOMAIN_SUFFIX, resolveHost } from '../model/hosts.js';

export { DOMAIN_SUFFIX, resolveHost };

/** `tls.mode` values of DestinationRule (istio/api networking/v1alpha3/destination_rule.proto). */
export type TlsMode = 'DISABLE' | 'SIMPLE' | 'MUTUAL' | 'ISTIO_MUTUAL';

/** A DestinationRule as istiod indexes it. */
export interface IndexedRule {
  readonly dr: DestinationRule;
  /** `spec.host` resolved to a FQDN (short names against the rule's namespace). */
  readonly host: string;
  /** `exportTo` as written (`.` kept); empty means the mesh default (every namespace). */
  readonly exportTo: ReadonlySet<string>;
  readonly selector: Labels | undefined;
  readonly trafficPolicy: Record<string, unknown> | undefined;
}

/** One entry of istiod's index: rules for one host merged together. */
export interface ConsolidatedRule {
  /** The rules merged into this entry, the first one giving its name and selector. */
  readonly from: IndexedRule[];
  /** The rule whose `trafficPolicy` is in effect: the first of `from` that has one. */
  policyFrom: IndexedRule | undefined;
  readonly exportTo: ReadonlySet<string>;
  readonly selector: Labels | undefined;
  readonly namespace: string;
  readonly host: string;
}

interface Buckets {
  specific: Map<string, ConsolidatedRule[]>;
  wildcard: Map<string, ConsolidatedRule[]>;
}

export type LookupStep = 'client-namespace' | 'service-namespace' | 'root-namespace';

export interface RuleLookup {
  /** The entry the client uses; undefined when no rule applies to it. */
  rule: ConsolidatedRule | undefined;
  /** Which step of the lookup matched (undefined: none did). */
  step: LookupStep | undefined;
  /** The host pattern that matched. */
  matchedHost: string | undefined;
  /**
   * Set when the matching step found only workload-selector rules that do not select this client:
   * the lookup stops there and the client has no DestinationRule (sidecar.go).
   */
  selectorOnly: ConsolidatedRule[] | undefined;
}

/** What TLS a client originates toward one Service port, and the node that decides it. */
export interface ClientTls {
  /** undefined: the rule (if any) sets no TLS for this port, so auto mTLS decides. */
  mode: TlsMode | string | undefined;
  lookup: RuleLookup;
  /** The rule and the node in it that decides: `tls.mode`, `tls`, or a `portLevelSettings` entry. */
  decidedAt: { rule: IndexedRule; path: Path } | undefined;
  /** Index of the `portLevelSettings` entry for the port, when one exists (it replaces the top level). */
  portLevelIndex: number | undefined;
}

/** istio pkg/config/host/names.go, MoreSpecific: non-wildcards first, then longer, then alphabetical. */
export function moreSpecific(a: string, b: string): boolean {
  const aw = a.startsWith('*');
  const bw = b.startsWith('*');
  if (aw && !bw) return false;
  if (!aw && bw) return true;
  if (a.length === b.length) return a < b;
  return a.length > b.length;
}

/** istio pilot/pkg/model/config.go, MostSpecificHostMatch, for a non-wildcard needle. */
export function mostSpecificHostMatch<V>(needle: string, specific: ReadonlyMap<string, V>, wildcard: ReadonlyMap<string, V>): [string, V] | undefined {
  const exact = specific.get(needle);
  if (exact !== undefined) return [needle, exact];
  let best: [string, V] | undefined;
  for (const [h, v] of wildcard) {
    if (!needle.endsWith(h.slice(1))) continue;
    if (!best || moreSpecific(h, best[0])) best = [h, v];
  }
  return best;
}

function setsEqual(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function isSuperset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of b) if (!a.has(x)) return false;
  return true;
}

function labelsEqual(a: Labels | undefined, b: Labels | undefined): boolean {
  const ak = Object.keys(a ?? {});
  const bk = Object.keys(b ?? {});
  return ak.length === bk.length && ak.every((k) => (a ?? {})[k] === (b ?? {})[k]);
}

function labelsSubset(selector: Labels, labels: Labels): boolean {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

function indexRule(dr: DestinationRule): IndexedRule | undefined {
  const spec = isRecord(dr.resource.raw.spec) ? dr.resource.raw.spec : {};
  const rawHost = str(spec.host);
  if (!rawHost) return undefined;
  const hasSelector = isRecord(spec.workloadSelector);
  const selector = hasSelector ? stringMap((spec.workloadSelector as Record<string, unknown>).matchLabels) : undefined;
  // Rules with a workload selector are never exported (push_context.go, setDestinationRules).
  const exportTo = hasSelector ? new Set(['.']) : new Set(arr(spec.exportTo).filter((x): x is string => typeof x === 'string'));
  return {
    dr,
    host: resolveHost(rawHost, dr.namespace),
    exportTo,
    selector,
    trafficPolicy: isRecord(spec.trafficPolicy) ? spec.trafficPolicy : undefined,
  };
}

/** sortConfigBySelectorAndCreationTime: selector first, then creation time, name, namespace. */
function compareRules(a: IndexedRule, b: IndexedRule): number {
  if (a.selector && !b.selector) return -1;
  if (!a.selector && b.selector) return 1;
  const ta = creationTime(a);
  const tb = creationTime(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.dr.name !== b.dr.name) return a.dr.name < b.dr.name ? -1 : 1;
  if (a.dr.namespace !== b.dr.namespace) return a.dr.namespace < b.dr.namespace ? -1 : 1;
  return 0;
}

/** Epoch milliseconds of `metadata.creationTimestamp`; absent (manifests) is Go's zero time, the earliest. */
function creationTime(r: IndexedRule): number {
  const meta = isRecord(r.dr.resource.raw.metadata) ? r.dr.resource.raw.metadata : {};
  const t = typeof meta.creationTimestamp === 'string' ? Date.parse(meta.creationTimestamp) : NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

function newBuckets(): Buckets {
  return { specific: new Map(), wildcard: new Map() };
}

/**
 * destination_rule.go, mergeDestinationRule, with ENABLE_ENHANCED_DESTINATIONRULE_MERGE (default
 * on): a rule joins an entry with the same `exportTo` (or a subset of its own) and a compatible
 * selector; the entry keeps the first `trafficPolicy` it got.
 */
function merge(b: Buckets, r: IndexedRule): void {
  const map = r.host.startsWith('*') ? b.wildcard : b.specific;
  const list = map.get(r.host);
  const fresh = (): ConsolidatedRule => ({
    from: [r],
    policyFrom: r.trafficPolicy ? r : undefined,
    exportTo: r.exportTo,
    selector: r.selector,
    namespace: r.dr.namespace,
    host: r.host,
  });
  if (!list) {
    map.set(r.host, [fresh()]);
    return;
  }
  let appendSeparately = true;
  for (const mdr of list) {
    if (setsEqual(r.exportTo, mdr.exportTo)) {
      appendSeparately = false;
    } else if (mdr.exportTo.size > 0 && isSuperset(r.exportTo, mdr.exportTo)) {
      appendSeparately = true;
    } else {
      appendSeparately = true;
      continue;
    }
    const bothWithout = !r.selector && !mdr.selector;
    const bothWith = !!r.selector && !!mdr.selector;
    if (bothWith && !labelsEqual(r.selector, mdr.selector)) {
      appendSeparately = true;
      continue;
    }
    if (bothWithout || bothWith) appendSeparately = false;
    mdr.from.push(r);
    if (!mdr.policyFrom && r.trafficPolicy) mdr.policyFrom = r;
  }
  if (appendSeparately) list.push(fresh());
}

/** The DestinationRule index of a model, built once and shared by every rule that asks. */
export class DestinationRuleIndex {
  private readonly namespaceLocal = new Map<string, Buckets>();
  private readonly exportedByNamespace = new Map<string, Buckets>();
  private readonly rootNamespaceLocal = newBuckets();
  private readonly rootNamespace: string;
  /** Rules in the order istiod processes them. */
  readonly rules: readonly IndexedRule[];

  constructor(model: ModelIndex) {
    this.rootNamespace = model.rootNamespace;
    const rules: IndexedRule[] = [];
    for (const dr of model.destinationRules) {
      const r = indexRule(dr);
      if (r) rules.push(r);
    }
    rules.sort(compareRules);
    this.rules = rules;
    for (const r of rules) {
      const ns = r.dr.namespace;
      const e = r.exportTo;
      if (e.size === 0 || e.has('*') || e.has('.') || e.has(ns)) {
        let b = this.namespaceLocal.get(ns);
        if (!b) this.namespaceLocal.set(ns, (b = newBuckets()));
        merge(b, r);
      }
      // Assumes meshConfig.defaultDestinationRuleExportTo is unset (every namespace).
      const privateOnly = e.size === 1 && (e.has('.') || e.has(ns));
      if (!privateOnly) {
        let b = this.exportedByNamespace.get(ns);
        if (!b) this.exportedByNamespace.set(ns, (b = newBuckets()));
        merge(b, r);
      } else if (ns === this.rootNamespace) {
        merge(this.rootNamespaceLocal, r);
      }
    }
  }

  /**
   * The entries istiod's `destinationRule(proxyNamespace, service)` returns for a host, and the
   * step that found them.
   */
  candidates(clientNs: string, hostname: string, serviceNs: string): { list: ConsolidatedRule[]; step: LookupStep; host: string } | undefined {
    const local = clientNs !== this.rootNamespace ? this.namespaceLocal.get(clientNs) : this.rootNamespaceLocal;
    if (local) {
      const m = mostSpecificHostMatch(hostname, local.specific, local.wildcard);
      if (m) return { list: m[1], step: 'client-namespace', host: m[0] };
    }
    const exported = (owner: string, step: LookupStep) => {
      const b = this.exportedByNamespace.get(owner);
      if (!b) return undefined;
      const m = mostSpecificHostMatch(hostname, b.specific, b.wildcard);
      if (!m) return undefined;
      const out = m[1].filter((c) => c.exportTo.size === 0 || c.exportTo.has('*') || c.exportTo.has(clientNs));
      return out.length > 0 ? { list: out, step, host: m[0] } : undefined;
    };
    return exported(serviceNs, 'service-namespace') ?? exported(this.rootNamespace, 'root-namespace');
  }

  /** The DestinationRule a client in `clientNs` with pod labels `clientLabels` uses for `hostname`. */
  lookup(clientNs: string, hostname: string, serviceNs: string, clientLabels: Labels = {}): RuleLookup {
    const c = this.candidates(clientNs, hostname, serviceNs);
    if (!c) return { rule: undefined, step: undefined, matchedHost: undefined, selectorOnly: undefined };
    let catchAll: ConsolidatedRule | undefined;
    for (const entry of c.list) {
      if (!entry.selector) catchAll = entry;
      if (clientNs === entry.namespace && entry.selector && labelsSubset(entry.selector, clientLabels)) {
        return { rule: entry, step: c.step, matchedHost: c.host, selectorOnly: undefined };
      }
    }
    if (catchAll) return { rule: catchAll, step: c.step, matchedHost: c.host, selectorOnly: undefined };
    return { rule: undefined, step: c.step, matchedHost: c.host, selectorOnly: c.list };
  }

  /** Rules, other than those of `except`, whose host covers `hostname` and that set `mode` on `port`. */
  coveringWithMode(hostname: string, port: number, mode: TlsMode, clientNs: string, except?: ConsolidatedRule): IndexedRule[] {
    return this.rules.filter(
      (r) => !except?.from.includes(r) && visibleTo(r, clientNs) && hostCovers(r.host, hostname) && ruleTlsForPort(r, port) === mode,
    );
  }

  /** The TLS a client originates toward `hostname` on Service port `port`. */
  clientTls(clientNs: string, hostname: string, serviceNs: string, port: number, clientLabels: Labels = {}): ClientTls {
    const lookup = this.lookup(clientNs, hostname, serviceNs, clientLabels);
    const r = lookup.rule?.policyFrom;
    if (!r || !r.trafficPolicy) return { mode: undefined, lookup, decidedAt: undefined, portLevelIndex: undefined };
    const tp = r.trafficPolicy;
    const base: Path = ['spec', 'trafficPolicy'];
    const settings = arr(tp.portLevelSettings);
    for (let i = 0; i < settings.length; i++) {
      const s = settings[i];
      if (!isRecord(s) || !isRecord(s.port) || s.port.number !== port) continue;
      const at: Path = [...base, 'portLevelSettings', i];
      return { ...tlsOf(s.tls, at, r), lookup, portLevelIndex: i };
    }
    return { ...tlsOf(tp.tls, base, r), lookup, portLevelIndex: undefined };
  }
}

/** The TLS mode one rule (on its own, before any lookup) sets for a Service port. */
export function ruleTlsForPort(r: IndexedRule, port: number): TlsMode | string | undefined {
  const tp = r.trafficPolicy;
  if (!tp) return undefined;
  for (const s of arr(tp.portLevelSettings)) {
    if (isRecord(s) && isRecord(s.port) && s.port.number === port) return tlsOf(s.tls, [], r).mode;
  }
  return tlsOf(tp.tls, [], r).mode;
}

/** Whether clients of a namespace can see a rule at all (its own namespace, or exported to theirs). */
export function visibleTo(r: IndexedRule, clientNs: string): boolean {
  const e = r.exportTo;
  if (e.size === 0 || e.has('*') || e.has(clientNs)) return true;
  return r.dr.namespace === clientNs && e.has('.');
}

/** Whether a rule's (resolved) host covers a hostname: equal, or a wildcard suffix of it. */
export function hostCovers(ruleHost: string, hostname: string): boolean {
  return ruleHost === hostname || (ruleHost.startsWith('*') && hostname.endsWith(ruleHost.slice(1)));
}

function tlsOf(tls: unknown, at: Path, rule: IndexedRule): Pick<ClientTls, 'mode' | 'decidedAt'> {
  if (!isRecord(tls)) return { mode: undefined, decidedAt: { rule, path: at } };
  const mode = str(tls.mode);
  // An absent mode is DISABLE, the zero value of ClientTLSSettings.TLSmode.
  if (mode === undefined) return { mode: 'DISABLE', decidedAt: { rule, path: [...at, 'tls'] } };
  return { mode, decidedAt: { rule, path: [...at, 'tls', 'mode'] } };
}

const cache = new WeakMap<ModelIndex, DestinationRuleIndex>();

/** The index for a model, built on first use. */
export function destinationRuleIndex(model: ModelIndex): DestinationRuleIndex {
  let idx = cache.get(model);
  if (!idx) cache.set(model, (idx = new DestinationRuleIndex(model)));
  return idx;
}

/** "<namespace>/<name>" of the rules merged into an entry. */
export function ruleNames(c: ConsolidatedRule): string {
  return c.from.map((r) => `${r.dr.namespace}/${r.dr.name}`).join(', ');
}
