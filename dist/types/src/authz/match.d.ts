/**
 * Istio's string and value matching for AuthorizationPolicy fields
 * (istio pilot/pkg/security/authz/matcher/string.go, pilot/pkg/security/authz/model/generator.go):
 * `*` matches any non-empty value (presence), `prefix*` and `*suffix` match by prefix and suffix,
 * anything else matches exactly.
 */
export declare function matchString(pattern: string, value: string): boolean;
export declare function matchAny(patterns: readonly string[], value: string | undefined): boolean;
/**
 * Principal patterns as Istio builds them (generator.go, srcPrincipalGenerator): the values of
 * `principals` are matched against `<trustDomain>/ns/<ns>/sa/<sa>` (Envoy compares against the
 * SPIFFE URI with the `spiffe://` prefix added to exact and prefix forms).
 */
export declare function matchPrincipal(pattern: string, principal: string): boolean;
/**
 * `serviceAccounts` entries are `<ns>/<sa>` or `<sa>` (the policy's namespace), matched exactly
 * (istio pilot/pkg/serviceregistry/ambient/authorization.go, stringToServiceAccountMatch).
 */
export declare function matchServiceAccount(entry: string, policyNamespace: string, ns: string, sa: string): boolean;
/** Whether `ip` is inside `cidr` (an address alone means the single address). */
export declare function ipInCidr(ip: string, cidr: string): boolean;
export declare function isValidCidr(cidr: string): boolean;
/**
 * Path matching (pilot/pkg/security/authz/model/generator.go pathGenerator, matcher/template.go):
 * exact, `prefix*`, `*suffix`, `*`; and path templates, which Envoy turns into a regex
 * (envoy source/extensions/path/uri_template_lib/uri_template_internal.cc): `{*}` is one or more
 * path characters without `/`, `{**}` zero or more with `/`, everything else literal. Envoy's
 * PathMatcher and the URI template matcher both ignore the query string and fragment.
 */
export declare function matchPath(pattern: string, path: string): boolean;
/**
 * `namespaces` and `source.namespace` at Envoy (generator.go, srcNamespaceGenerator): every `*` of
 * the value becomes `.*` in a regex on the peer's namespace, so a `*` in the middle is a wildcard
 * too. ztunnel gets only exact, prefix, suffix and presence (ambient/authorization.go,
 * stringToMatch): use matchString there.
 */
export declare function matchNamespace(pattern: string, namespace: string): boolean;
/**
 * Namespace patterns of `namespaces`/`notNamespaces` and `when: source.namespace` as Envoy matches
 * them (generator.go, srcNamespaceGenerator): every `*` becomes `.*` in a regex over the namespace
 * segment of the peer identity. ztunnel only knows exact, `prefix*`, `*suffix` and `*`
 * (ambient/authorization.go, stringToMatch); this is the wider of the two, so a pattern that
 * matches no name here matches none at either enforcement point.
 */
export declare function matchNamespacePattern(pattern: string, ns: string): boolean;
/** The Istio trust domain every mesh recognises as "this mesh" (pkg/config/constants, DefaultClusterLocalDomain). */
export declare const CLUSTER_LOCAL_TRUST_DOMAIN = "cluster.local";
export interface PrincipalPattern {
    /** How Envoy and ztunnel compare it (matcher/string.go StringMatcherWithPrefix; ambient stringToMatch). */
    kind: 'any' | 'exact' | 'prefix' | 'suffix';
    /** The pattern with its trust domain rewritten to the mesh's, as istiod does for `cluster.local`. */
    pattern: string;
    /** The literal part compared (without the `*`). */
    literal: string;
    /** The namespace every identity it matches lives in, when the pattern pins one. */
    namespace?: string;
    /** The service account, for exact principals. */
    serviceAccount?: string;
    /**
     * Whether the pattern can match identities of this mesh's trust domain only ('local'), of any
     * trust domain ('any'), or only of another trust domain or of no SPIFFE identity ('foreign').
     */
    scope: 'local' | 'any' | 'foreign';
    /** Why it can never match any identity at all. */
    impossible?: 'spiffe-scheme' | 'inner-wildcard';
}
/**
 * How istiod reads a `principals` entry (or a `source.principal` value):
 *  - matching (pilot/pkg/security/authz/matcher/string.go, StringMatcherWithPrefix): `*` is presence,
 *    a leading `*` a suffix match, else a trailing `*` a prefix match, else exact; Envoy prepends
 *    `spiffe://` to exact and prefix values, so a value that already carries it never matches, and a
 *    `*` anywhere else is compared literally;
 *  - trust domain (pilot/pkg/security/trustdomain/bundle.go, ReplaceTrustDomainAliases): a principal
 *    of five `/`-separated parts whose trust domain is `cluster.local`, the mesh's or one of its
 *    `aliases` is rewritten to the mesh's trust domain (and its aliases); a first part of `*`
 *    enforces no trust domain.
 */
export declare function parsePrincipalPattern(value: string, trustDomain: string, aliases?: readonly string[]): PrincipalPattern;
/** Whether a parsed principal pattern matches the identity `<trustDomain>/ns/<ns>/sa/<sa>`. */
export declare function principalPatternMatches(p: PrincipalPattern, identity: string): boolean;
/**
 * A `serviceAccounts` entry (or `source.serviceAccount` value): `<ns>/<sa>`, or `<sa>` in the
 * policy's namespace (generator.go, serviceAccountRegex; ambient stringToServiceAccountMatch).
 */
export declare function parseServiceAccountEntry(entry: string, policyNamespace: string): {
    namespace: string;
    serviceAccount: string;
};
/**
 * The path Envoy's RBAC filter (and the backend) sees under `meshConfig.pathNormalization`
 * (istio pilot/pkg/networking/core/listener_builder.go sets the HTTP connection manager's
 * `normalize_path`, `merge_slashes` and `path_with_escaped_slashes_action`; istio.io
 * docs/reference/config/security/normalization; envoy http/conn_manager_utility.cc
 * maybeNormalizePath: escaped slashes first, then RFC 3986 normalization, then slash merging):
 *  - NONE: nothing;
 *  - BASE: percent-escapes of unreserved characters (`%2E`, `%41`, `%7E`…) decoded once,
 *    backslashes turned into `/`, dot segments removed (RFC 3986 5.2.4);
 *  - MERGE_SLASHES: BASE, then `//` merged;
 *  - DECODE_AND_MERGE_SLASHES: `%2F` and `%5C` decoded first, then as MERGE_SLASHES.
 * The fragment is dropped in every mode (Envoy strips it; istio tests/integration/security/
 * normalization_test.go: `/app#foo` is `/app` even with NONE); the query string is left as it is
 * (matchPath ignores it). `rejected` is set when Envoy refuses the path outright (`%00`: HTTP 400).
 */
export declare function normalizePath(path: string, mode: 'NONE' | 'BASE' | 'MERGE_SLASHES' | 'DECODE_AND_MERGE_SLASHES'): {
    path: string;
    rejected?: string;
};
/**
 * The principals istiod writes into Envoy's RBAC config for one policy principal
 * (pilot/pkg/security/trustdomain/bundle.go, ReplaceTrustDomainAliases, with the bundle
 * `[trustDomain, ...trustDomainAliases]` of pilot/pkg/networking/plugin/authz/authorization.go):
 *  - not five `/`-separated parts, or a trust domain of exactly `*`: kept as written;
 *  - a trust domain that is `cluster.local`, or that matches one of the bundle's (exactly, or
 *    either side being a `prefix*`/`*suffix` pattern, trustdomain/util.go stringMatch): one principal
 *    per trust domain of the bundle, the principal as written where its `*suffix` trust domain
 *    matches that one, else with the trust domain replaced; duplicates dropped;
 *  - any other trust domain: kept as written.
 * So with trust domain `td1` and no alias, `cluster.local/ns/a/sa/b` becomes `td1/ns/a/sa/b` only.
 */
export declare function replaceTrustDomainAliases(principal: string, trustDomains: readonly string[]): string[];
/**
 * `trustDomains` and `source.trustDomain` values at Envoy (bundle.go, ExpandTrustDomainAliases): a
 * value equal to one of the bundle's trust domains stands for all of them.
 */
export declare function expandTrustDomainAliases(values: readonly string[], trustDomains: readonly string[]): string[];
/**
 * Whether a sidecar or waypoint accepts an mTLS peer of this trust domain: the mesh's trust domain
 * or one of its aliases (pilot/pkg/networking/plugin/authn/util.go, TrustDomainsForValidation;
 * the peer's SPIFFE URI SAN must start with `spiffe://<td>/`).
 */
export declare function envoyAcceptsTrustDomain(td: string, trustDomain: string, aliases: readonly string[]): boolean;
