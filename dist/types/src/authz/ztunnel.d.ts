import type { AuthorizationPolicy } from '../model/kinds.js';
import type { Path } from '../types.js';
/**
 * How istiod turns an AuthorizationPolicy into what ztunnel enforces
 * (istio pilot/pkg/serviceregistry/ambient/authorization.go, convertAuthorizationPolicy and
 * handleRule; ztunnel src/rbac.rs). Each rule becomes a group of clauses that are ANDed: one for
 * `to` (its entries ORed), one for `from`, one per `when` condition. Only layer-4 attributes
 * survive the conversion; a match left with no attribute is skipped by ztunnel (match-none), so a
 * clause whose matches are all empty never matches, while a rule with no clauses at all (`{}`)
 * matches everything.
 */
/** `to.operation` fields ztunnel cannot see (httpOperations). */
export declare const L7_OPERATION_FIELDS: readonly ["hosts", "notHosts", "methods", "notMethods", "paths", "notPaths"];
/** `from.source` fields ztunnel cannot see (httpSources). */
export declare const L7_SOURCE_FIELDS: readonly ["requestPrincipals", "notRequestPrincipals", "remoteIpBlocks", "notRemoteIpBlocks"];
/**
 * `from.source` fields istiod silently leaves out of what it sends ztunnel: handleRule builds no
 * match for them and httpSources does not list them, so the rule is kept (even in an ALLOW) and
 * only the field is lost; an entry left with nothing becomes an empty match, which never matches.
 */
export declare const ZTUNNEL_IGNORED_SOURCE_FIELDS: readonly ["trustDomains", "notTrustDomains"];
/** `when` keys ztunnel enforces (l4WhenAttributes). */
export declare const L4_WHEN_KEYS: Set<string>;
export interface L7Use {
    /** The field name (`methods`) or the `when` key (`request.headers[x]`). */
    field: string;
    /** Path of the offending key inside the resource. */
    path: Path;
    part: 'key' | 'value';
    /** `http`: a layer-7 attribute; `ignored`: a field istiod does not send to ztunnel (trustDomains). */
    kind: 'http' | 'ignored';
    /** For a `to`/`from` entry: whether the entry keeps a layer-4 attribute ztunnel enforces. */
    entryKeepsL4?: boolean;
}
export type ZtunnelRuleFate = 
/** No layer-7 attribute: enforced as written. */
'as-written'
/** ALLOW rule with a layer-7 attribute: dropped whole, it admits nothing. */
 | 'dropped'
/** Enforced without the attributes ztunnel lacks, on the layer-4 rest alone. */
 | 'partial'
/** Nothing enforceable left in one of its parts: it never matches. */
 | 'never-matches';
export interface ZtunnelRule {
    index: number;
    l7: L7Use[];
    fate: ZtunnelRuleFate;
}
export interface ZtunnelPolicy {
    /** False for CUSTOM and AUDIT (not enforced by ztunnel) and dry-run policies. */
    enforced: boolean;
    rules: ZtunnelRule[];
    /** For ALLOW: no rule can match at ztunnel (dropped, or left empty), so the policy applies and matches nothing. */
    allowsNothing: boolean;
    /** For DENY: no rule can ever match, the policy has no effect. */
    deniesNothing: boolean;
}
/** Layer-7 attributes used by one rule, with where they are. */
export declare function l7Uses(rule: unknown, base: Path): L7Use[];
/**
 * Whether a rule still matches anything at ztunnel once layer-7 attributes are removed
 * (hasEffectiveRules): every clause needs at least one entry with a layer-4 attribute left.
 */
export declare function ruleEnforceableAtL4(rule: unknown): boolean;
/** What ztunnel makes of a policy enforced on an ambient workload without a waypoint. */
export declare function ztunnelPolicy(p: AuthorizationPolicy): ZtunnelPolicy;
