/**
 * Matching one AuthorizationPolicy rule against a request, as Envoy's RBAC filter does with the
 * config istiod generates (istio pilot/pkg/security/authz/model/model.go, generator.go), and as
 * ztunnel does with the layer-4 subset (pilot/pkg/serviceregistry/ambient/authorization.go,
 * ztunnel src/rbac.rs).
 */
/** What the enforcement point knows about a request. Absent values are unknown or absent. */
export interface RequestAttributes {
    /** The peer's mTLS identity (`<td>/ns/<ns>/sa/<sa>`); undefined for plaintext. */
    principal?: string;
    sourceIp?: string;
    destinationIp?: string;
    port: number;
    /** Whether the enforcement point parses this traffic as HTTP (Envoy on an HTTP port). */
    http: boolean;
    method?: string;
    path?: string;
    host?: string;
    /** Lower-cased header names. */
    headers?: Readonly<Record<string, string>>;
    /** The JWT principal (`<iss>/<sub>`) when a RequestAuthentication validated one. */
    requestPrincipal?: string;
    /**
     * The mesh's trust domain. At Envoy, policy principals written with `cluster.local`, the trust
     * domain or one of its aliases stand for all of them (pilot/pkg/security/trustdomain/bundle.go,
     * ReplaceTrustDomainAliases, applied by authz/model/model.go); ztunnel gets the values as written.
     */
    trustDomain?: string;
    /** `meshConfig.trustDomainAliases`. */
    trustDomainAliases?: readonly string[];
    /**
     * The SNI of the peer's TLS connection (`connection.sni`): a sidecar client calling a Service
     * sends `outbound_.<port>_.<subset>_.<host>`; undefined when there is none or it is unknown.
     */
    sni?: string;
}
export type Enforcer = 'envoy' | 'ztunnel';
export type RuleOutcome = 'match' | 'no-match' | 'skipped';
/**
 * Whether a rule matches. For ALLOW, a rule using an attribute the enforcer cannot see is skipped
 * (it never matches); for DENY (and AUDIT) such attributes are ignored and the rest is evaluated.
 * At ztunnel, a part (`to`, `from`, a `when`) left with no attribute never matches.
 */
export declare function matchRule(rule: unknown, req: RequestAttributes, ctx: {
    action: 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
    enforcer: Enforcer;
    policyNamespace: string;
}): RuleOutcome;
