import type { GeneratedBy, Service, ServicePort } from '../model/kinds.js';
import type { DataplaneAssumption, DataplaneResolution } from '../model/dataplane.js';
import type { Workload } from '../model/workloads.js';
import type { ModelIndex } from '../model/model.js';
import { type Decision, type PolicyDecision } from './evaluator.js';
/** Who sends the request. */
export type Peer = {
    kind: 'workload';
    workload: Workload;
}
/**
 * A pod the input does not hold, known by its namespace, service account and data plane
 * (ModelIndex.dataplaneFor): it sends mTLS exactly as a workload of that mode would.
 */
 | {
    kind: 'pod';
    namespace: string;
    serviceAccount: string;
    dataplane: DataplaneResolution;
    label: string;
} | {
    kind: 'principal';
    principal: string;
} | {
    kind: 'external';
};
export interface AccessRequest {
    from: Peer;
    to: {
        workload: Workload;
    } | {
        service: Service;
    };
    /** A Service port for Service targets, a container port for workloads; default: the first port. */
    port?: number;
    method?: string;
    path?: string;
    host?: string;
    headers?: Record<string, string>;
}
export interface DecidedBy {
    kind: 'AuthorizationPolicy' | 'PeerAuthentication';
    namespace: string;
    name: string;
    file: string;
    line: number;
    rule?: number;
    /** For a policy the Otterize operator generates: the ClientIntents entry it comes from (its file and line). */
    generatedBy?: GeneratedBy;
}
export interface TraceStep {
    /** `sidecar`, `ztunnel`, `waypoint` or `none`, and where. */
    enforcement: string;
    workload: string;
    policy?: string;
    /** For a policy the Otterize operator generates: the ClientIntents entry it comes from. */
    generatedBy?: GeneratedBy;
    outcome: string;
    rule?: number;
    note?: string;
}
export interface AccessDecision {
    decision: Decision;
    /** The enforcement points the request passes, in order. */
    enforcement: string[];
    decidedBy?: DecidedBy;
    reason: string;
    trace: TraceStep[];
    /** The data planes the decision takes without the input showing them (source and destination). */
    assumptions: DataplaneAssumption[];
    /**
     * The policy evaluation that decided (its policies as model objects, for rules that report on
     * them) and where it ran; absent when no AuthorizationPolicy decided (no mesh, STRICT mTLS).
     */
    policyDecision?: PolicyDecision & {
        enforcement: string;
    };
}
/** The container port a Service port sends to on a workload (numeric or named targetPort). */
export declare function targetPortOn(w: Workload, sp: ServicePort): number | undefined;
/**
 * Decide whether `req` is allowed, at every enforcement point on its way to each backend pod. The
 * decision lists the data planes it assumed (README, "When the input does not say").
 */
export declare function checkAccess(model: ModelIndex, req: AccessRequest): AccessDecision;
/**
 * Whether the client sends Service (or workload) traffic through the destination's waypoint. Only
 * ztunnel does (ambient clients). Sidecars treat it as workload traffic and tunnel to the pod
 * (pilot/pkg/xds/endpoints/endpoint_builder.go: "we consider this to workload traffic"); ingress
 * gateways call the waypoint only for Services labelled istio.io/ingress-use-waypoint
 * (findServiceWaypoint, ingressUsesWaypoint), never for traffic addressed to a pod; plaintext from
 * outside the mesh is checked at the pod by ztunnel (ztunnel src/proxy/inbound_passthrough.rs).
 */
export declare function sendsToWaypoint(model: ModelIndex, from: Peer, service: Service | undefined): {
    yes: boolean;
    why: string;
};
