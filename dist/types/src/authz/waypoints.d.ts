import type { AuthorizationPolicy, Service } from '../model/kinds.js';
import type { ModelIndex } from '../model/model.js';
import type { Path } from '../types.js';
import type { Workload } from '../model/workloads.js';
import { type WaypointBinding } from './waypoint-binding.js';
/** Name prefix of istiod's synthetic allow-from-waypoint policies (`_` is illegal in Kubernetes names). */
export declare const IMPLICIT_WAYPOINT_POLICY_PREFIX = "istio_allow_waypoint_";
/** The service accounts a waypoint runs as. */
export declare function waypointServiceAccounts(model: ModelIndex, wp: WaypointBinding): string[];
/** `<trustDomain>/ns/<ns>/sa/<sa>` of each identity the waypoint runs as. */
export declare function waypointPrincipals(model: ModelIndex, wp: WaypointBinding): string[];
/** The waypoints that serve a workload: its own (workload traffic) and its Services'. */
export declare function waypointsServing(model: ModelIndex, w: Workload): Array<{
    binding: WaypointBinding;
    service?: Service;
}>;
/**
 * With `PILOT_AUTO_ALLOW_WAYPOINT_POLICY=true`, istiod adds to every workload served by a waypoint
 * an ALLOW policy whose only rule admits the waypoint's identity (policies.go,
 * `implicitWaypointPolicy`; workloads.go, `implicitWaypointPolicies`: the workload's own waypoint
 * and its Services' waypoints). It only allows: another ALLOW policy that admits other clients
 * still admits them. Off by default (pilot/pkg/features/ambient.go).
 */
export declare function implicitWaypointPolicies(model: ModelIndex, w: Workload): AuthorizationPolicy[];
export declare function isImplicitWaypointPolicy(p: AuthorizationPolicy): boolean;
/** Every policy ztunnel enforces on an ambient workload: the input's and istiod's implicit ones. */
export declare function ztunnelPoliciesFor(model: ModelIndex, w: Workload): AuthorizationPolicy[];
/**
 * Whether ingress gateways send a Service's traffic through its waypoint:
 * `istio.io/ingress-use-waypoint` on the Service, else its namespace, read like Go's
 * strconv.ParseBool (pilot/pkg/serviceregistry/ambient/services.go, ingressUseWaypointFromLabels).
 * Without it a gateway sends to the pods directly (pilot/pkg/xds/endpoints/endpoint_builder.go,
 * findServiceWaypoint: "They need to explicitly opt-in on the service to send from ingress ->
 * waypoint").
 */
export declare function ingressUsesWaypoint(model: ModelIndex, s: Service): boolean;
export declare function waypointLabel(wp: WaypointBinding): string;
/** The service account named by a principal (`<td>/ns/<ns>/sa/<sa>`), if it has that shape. */
export declare function parsePrincipal(principal: string): {
    trustDomain: string;
    namespace: string;
    serviceAccount: string;
} | undefined;
/**
 * Whether an identity looks like a waypoint's: its service account is called `waypoint` (or contains
 * it), or is the name or service account of some waypoint Gateway of the input.
 */
export declare function looksLikeWaypointAccount(model: ModelIndex, serviceAccount: string): boolean;
export declare function looksLikeWaypointPrincipal(model: ModelIndex, principal: string): boolean;
/** An entry of a policy that names an identity. */
export interface WaypointLikeEntry {
    value: string;
    /** The principal it stands for (`serviceAccounts` entries are expanded). */
    principal: string;
    field: string;
    path: Path;
}
/**
 * Identity entries of a policy that look like a waypoint's (principals, serviceAccounts and
 * source.principal values, with their `not` forms): the entries waypoint-principal-mismatch
 * judges, and that ztunnel-policy-behind-waypoint leaves to it.
 */
export declare function waypointLikeEntries(model: ModelIndex, p: AuthorizationPolicy): WaypointLikeEntry[];
