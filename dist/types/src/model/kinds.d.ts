import { type Labels, type Resource } from './resource.js';
export interface ServicePort {
    name?: string;
    port: number;
    targetPort: number | string;
    protocol: string;
    appProtocol?: string;
    index: number;
}
export interface Service {
    readonly resource: Resource;
    readonly name: string;
    readonly namespace: string;
    /** undefined: no selector (endpoints managed elsewhere). */
    readonly selector: Labels | undefined;
    readonly ports: readonly ServicePort[];
}
export declare function toService(r: Resource): Service;
export interface TargetRef {
    group: string;
    kind: string;
    name: string;
    namespace?: string;
    /** Path of this reference inside the resource. */
    path: (string | number)[];
}
/** `targetRef` and `targetRefs` of Istio policies (v1 API). */
export declare function targetRefs(spec: Record<string, unknown>): TargetRef[];
/** The common shape of Istio policies that select workloads. */
export interface SelectingPolicy {
    readonly resource: Resource;
    readonly name: string;
    readonly namespace: string;
    readonly spec: Record<string, unknown>;
    /** undefined: no selector (namespace-wide, or mesh-wide in the root namespace). */
    readonly selector: Labels | undefined;
    readonly targetRefs: readonly TargetRef[];
}
/**
 * `selector.matchLabels` for most kinds; a Sidecar's `workloadSelector` holds `labels` instead
 * (istio/api networking/v1alpha3/sidecar.proto, WorkloadSelector).
 */
export declare function toSelectingPolicy(r: Resource, selectorKey?: string, labelsKey?: string): SelectingPolicy;
export type AuthzAction = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
export interface AuthorizationPolicy extends SelectingPolicy {
    readonly action: AuthzAction;
    /** undefined when `rules` is absent (the policy matches nothing). */
    readonly rules: readonly unknown[] | undefined;
    readonly dryRun: boolean;
    /** `spec.provider.name` of a CUSTOM policy. */
    readonly provider?: string;
    /** Set on the policies the Otterize operator generates from a ClientIntents entry (model/intents-policies.ts). */
    readonly generatedBy?: GeneratedBy;
}
/** The ClientIntents entry a generated policy comes from; the policy's resource points at it. */
export interface GeneratedBy {
    kind: 'ClientIntents';
    namespace: string;
    name: string;
    /** The entry as the operator's docs name it: `calls[2]`, `targets[0]`. */
    entry: string;
}
/** `"ns/name"`, and for a generated policy where it comes from: for messages and traces. */
export declare function policyText(p: {
    namespace: string;
    name: string;
    generatedBy?: GeneratedBy;
}): string;
export declare function toAuthorizationPolicy(r: Resource): AuthorizationPolicy;
export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET';
export interface PeerAuthentication extends SelectingPolicy {
    readonly mode: MtlsMode;
    readonly portLevel: ReadonlyMap<number, MtlsMode>;
}
export declare function toPeerAuthentication(r: Resource): PeerAuthentication;
export interface DestinationRule {
    readonly resource: Resource;
    readonly name: string;
    readonly namespace: string;
    readonly host: string;
    /** Namespaces this rule is visible to: `*` (default), `.` already turned into its own namespace. */
    readonly exportTo: readonly string[];
    readonly tlsMode: string | undefined;
    readonly portTlsModes: ReadonlyMap<number, {
        mode: string | undefined;
        index: number;
    }>;
    readonly workloadSelector: Labels | undefined;
    /** `subsets[]`: name, `labels` and index of each entry that has a name. */
    readonly subsets: ReadonlyArray<{
        name: string;
        labels: Labels;
        index: number;
    }>;
}
export declare function toDestinationRule(r: Resource): DestinationRule;
export type WaypointFor = 'service' | 'workload' | 'all' | 'none';
/** A Gateway API Gateway; those of class `istio-waypoint` are waypoints. */
export interface K8sGateway {
    readonly resource: Resource;
    readonly name: string;
    readonly namespace: string;
    readonly className: string;
    readonly isWaypoint: boolean;
    readonly waypointFor: WaypointFor;
    /** The service account of the deployment Istio creates for it. */
    readonly serviceAccount: string;
}
export declare const WAYPOINT_CLASS = "istio-waypoint";
/**
 * `classLabels`: labels of the Gateway's GatewayClass, when the input has it. The traffic type is
 * the Gateway's `istio.io/waypoint-for` label, else its class's, else `service`
 * (pilot/pkg/serviceregistry/ambient/waypoints.go). A value Istio does not know binds nothing,
 * like `none`.
 */
export declare function toK8sGateway(r: Resource, classLabels?: Labels): K8sGateway;
