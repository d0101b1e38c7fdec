import { type AuthorizationPolicy, type SelectingPolicy, type Service, type TargetRef } from '../model/kinds.js';
import type { ModelIndex } from '../model/model.js';
import { type Resource } from '../model/resource.js';
import type { Workload } from '../model/workloads.js';
import { type WaypointBinding } from './waypoint-binding.js';
/**
 * Where policies attach, in one place for the evaluator (check-access) and the rules.
 *
 * By selector (or namespace): the workloads a sidecar, gateway or ztunnel enforces them on.
 */
/**
 * Workloads a selecting policy applies to. In the root namespace a selector matches workloads of
 * every namespace (AuthorizationPolicy, istio pilot/pkg/model/authorization.go); `rootSpansMesh`
 * false keeps it to the root namespace itself.
 */
export declare function policyWorkloads(model: ModelIndex, p: SelectingPolicy, rootSpansMesh?: boolean): readonly Workload[];
/**
 * AuthorizationPolicies attached to a workload by selector or namespace (not targetRefs): those of
 * its namespace and of the root namespace. These are what a sidecar or ztunnel enforces.
 */
export declare function authorizationPoliciesFor(model: ModelIndex, w: Workload): AuthorizationPolicy[];
/**
 * Whether a workload is an Istio gateway (an Envoy that enforces policies although it has no
 * sidecar): the `gateway` injection template (manifests/charts/gateway), the `istio: *gateway`
 * label of istioctl-installed gateways, or the labels Istio puts on Gateway API deployments
 * (pilot/pkg/config/kube/gateway/templates/deployment.yaml).
 */
export declare function isIstioGatewayWorkload(w: Workload): boolean;
/** The traffic a waypoint carries: for a Service (or ServiceEntry), or addressed to a workload. */
export interface WaypointTraffic {
    /** The Service or ServiceEntry (seen as a Service) the traffic is for; undefined for workload traffic. */
    service?: Service;
    waypoint: {
        namespace: string;
        name: string;
    };
}
/** Whether one targetRef of `p` attaches it to this waypoint traffic. */
export declare function targetRefAttaches(model: ModelIndex, p: AuthorizationPolicy, t: TargetRef, traffic: WaypointTraffic): boolean;
/**
 * The policies a waypoint applies to some traffic: to traffic for a Service, those attached to the
 * Service, to the waypoint's Gateway or to the istio-waypoint GatewayClass (root namespace); to
 * traffic addressed to a workload (`service` undefined), only the last two.
 */
export declare function waypointPolicies(model: ModelIndex, traffic: WaypointTraffic): AuthorizationPolicy[];
/** A ServiceEntry with a workloadSelector, seen as a Service over the pods it selects. */
export declare function serviceEntryAsService(r: Resource): Service | undefined;
/** A Service or ServiceEntry bound to a waypoint, with how to name it (`Service productpage`). */
export interface BoundTarget {
    service: Service;
    binding: WaypointBinding;
    label: string;
}
/**
 * The Services and ServiceEntries (with their waypoints) whose waypoint traffic one targetRef of
 * `p` reaches. Candidates are read off the reference, then kept only when targetRefAttaches agrees.
 */
export declare function targetRefTargets(model: ModelIndex, p: AuthorizationPolicy, t: TargetRef): BoundTarget[];
