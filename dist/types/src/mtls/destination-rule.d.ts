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
import { type Labels } from '../model/resource.js';
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
    decidedAt: {
        rule: IndexedRule;
        path: Path;
    } | undefined;
    /** Index of the `portLevelSettings` entry for the port, when one exists (it replaces the top level). */
    portLevelIndex: number | undefined;
}
/** istio pkg/config/host/names.go, MoreSpecific: non-wildcards first, then longer, then alphabetical. */
export declare function moreSpecific(a: string, b: string): boolean;
/** istio pilot/pkg/model/config.go, MostSpecificHostMatch, for a non-wildcard needle. */
export declare function mostSpecificHostMatch<V>(needle: string, specific: ReadonlyMap<string, V>, wildcard: ReadonlyMap<string, V>): [string, V] | undefined;
/** The DestinationRule index of a model, built once and shared by every rule that asks. */
export declare class DestinationRuleIndex {
    private readonly namespaceLocal;
    private readonly exportedByNamespace;
    private readonly rootNamespaceLocal;
    private readonly rootNamespace;
    /** Rules in the order istiod processes them. */
    readonly rules: readonly IndexedRule[];
    constructor(model: ModelIndex);
    /**
     * The entries istiod's `destinationRule(proxyNamespace, service)` returns for a host, and the
     * step that found them.
     */
    candidates(clientNs: string, hostname: string, serviceNs: string): {
        list: ConsolidatedRule[];
        step: LookupStep;
        host: string;
    } | undefined;
    /** The DestinationRule a client in `clientNs` with pod labels `clientLabels` uses for `hostname`. */
    lookup(clientNs: string, hostname: string, serviceNs: string, clientLabels?: Labels): RuleLookup;
    /** Rules, other than those of `except`, whose host covers `hostname` and that set `mode` on `port`. */
    coveringWithMode(hostname: string, port: number, mode: TlsMode, clientNs: string, except?: ConsolidatedRule): IndexedRule[];
    /** The TLS a client originates toward `hostname` on Service port `port`. */
    clientTls(clientNs: string, hostname: string, serviceNs: string, port: number, clientLabels?: Labels): ClientTls;
}
/** The TLS mode one rule (on its own, before any lookup) sets for a Service port. */
export declare function ruleTlsForPort(r: IndexedRule, port: number): TlsMode | string | undefined;
/** Whether clients of a namespace can see a rule at all (its own namespace, or exported to theirs). */
export declare function visibleTo(r: IndexedRule, clientNs: string): boolean;
/** Whether a rule's (resolved) host covers a hostname: equal, or a wildcard suffix of it. */
export declare function hostCovers(ruleHost: string, hostname: string): boolean;
/** The index for a model, built on first use. */
export declare function destinationRuleIndex(model: ModelIndex): DestinationRuleIndex;
/** "<namespace>/<name>" of the rules merged into an entry. */
export declare function ruleNames(c: ConsolidatedRule): string;
