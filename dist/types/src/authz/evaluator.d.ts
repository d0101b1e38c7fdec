import { type AuthorizationPolicy } from '../model/kinds.js';
import type { PathNormalization } from '../model/mesh.js';
import { type Enforcer, type RequestAttributes } from './rules.js';
/**
 * Offline authorization decisions, following the enforcement point the destination really has:
 * Envoy (sidecar or waypoint: CUSTOM, then DENY, then ALLOW; AUDIT never decides — istio
 * pilot/pkg/security/authz/builder/builder.go, istio/api security/v1beta1/authorization_policy.proto)
 * or ztunnel (DENY, then ALLOW; layer 4 only — ztunnel src/rbac.rs).
 */
export type Decision = 'ALLOW' | 'DENY';
export interface PolicyVerdict {
    policy: AuthorizationPolicy;
    outcome: 'match' | 'no-match' | 'skipped' | 'not-enforced';
    /** Index of the first matching rule. */
    rule?: number;
    note?: string;
}
export interface PolicyDecision {
    decision: Decision;
    /** The policy (and rule) that decided; none when the default decided. */
    decidedBy?: {
        policy: AuthorizationPolicy;
        rule?: number;
    };
    reason: string;
    trace: PolicyVerdict[];
    /** At Envoy, when normalization changed (or refused) the request path: what the policies were matched against. */
    path?: {
        given: string;
        matched: string;
        mode: PathNormalization;
        rejected?: string;
    };
}
/** What the mesh config changes about an evaluation at Envoy. */
export interface EvaluationOptions {
    /** `meshConfig.pathNormalization` (default BASE, as in Istio). */
    pathNormalization?: PathNormalization;
    /** PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS (default false, as in Istio). */
    multipleCustomAuthzProviders?: boolean;
}
/**
 * The CUSTOM providers of the policies at one Envoy, when istiod refuses them: more than one
 * provider (dry-run policies count) with PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off
 * (pilot/pkg/security/authz/builder/builder.go, buildHTTP and buildTCP: getBadCustomDenyRules).
 */
export declare function conflictingCustomProviders(policies: readonly AuthorizationPolicy[], multipleAllowed?: boolean): string[] | undefined;
/** Decide a request against the policies attached at one enforcement point. */
export declare function evaluatePolicies(policies: readonly AuthorizationPolicy[], given: RequestAttributes, enforcer: Enforcer, opts?: EvaluationOptions): PolicyDecision;
/**
 * Whether traffic to this port is parsed as HTTP by Envoy, from the Service port as istio reads it
 * (pkg/config/kube/conversion.go ConvertProtocol; pkg/config/protocol/instance.go): UDP is not;
 * `appProtocol` wins over the name (`kubernetes.io/h2c` and `kubernetes.io/ws` are HTTP,
 * `kubernetes.io/wss` is not); `grpc-web`, else the name up to its first `-`; http, http2,
 * http_proxy, grpc, grpc-web are HTTP; tcp, tls, https, mongo, mysql, redis are not; an unknown or
 * missing protocol is sniffed (HTTP when the request is HTTP) except on the well-known ports 25, 53,
 * 3306 and 27017, which are TCP.
 */
export declare function isHttpPort(port: {
    name?: string;
    appProtocol?: string;
    port?: number;
    protocol?: string;
} | undefined, requestHasHttp: boolean): boolean;
