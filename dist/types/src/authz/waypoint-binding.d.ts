import type { K8sGateway, Service } from '../model/kinds.js';
import type { ModelIndex } from '../model/model.js';
import type { Workload } from '../model/workloads.js';
/** The waypoint some traffic is sent to, as `istio.io/use-waypoint` binds it. */
export interface WaypointBinding {
    /** The waypoint's name and namespace as the label says. */
    name: string;
    namespace: string;
    /** The Gateway object, when it is part of the input. */
    gateway?: K8sGateway;
    /** Whether the label sits on the object itself or on its namespace. */
    via: 'object' | 'namespace';
}
/**
 * The waypoint a Service's traffic is sent to (pilot/pkg/serviceregistry/ambient/waypoints.go):
 * `istio.io/use-waypoint` on the Service, else on its namespace; `none` opts out;
 * `istio.io/use-waypoint-namespace` names the waypoint's namespace. Services bind only to
 * waypoints for `service` or `all` traffic.
 */
export declare function waypointOfService(model: ModelIndex, s: Service): WaypointBinding | undefined;
/** The waypoint for traffic addressed to a workload's pods directly (`workload` or `all` waypoints). */
export declare function waypointOfWorkload(model: ModelIndex, w: Workload): WaypointBinding | undefined;
