import type { Path } from '../types.js';
import type { DataplaneResolution, PodSettings } from './dataplane.js';
import { type Labels, type Resource } from './resource.js';
export interface ContainerPort {
    name?: string;
    port: number;
    protocol: string;
}
export interface KnativeInfo {
    /** Knative Service name, when the workload is (or belongs to) a Knative Service. */
    service?: string;
    configuration: string;
    revision?: string;
}
/** Anything that runs pods: the pods' labels, identity and data plane. */
export interface Workload {
    readonly resource: Resource;
    readonly kind: string;
    readonly name: string;
    readonly namespace: string;
    readonly podLabels: Labels;
    readonly podAnnotations: Labels;
    readonly serviceAccount: string;
    /** Path of `serviceAccountName` when set, else of the pod spec. */
    readonly serviceAccountPath: Path;
    /** Path of the pod template's `metadata` (or the Pod's own). */
    readonly podMetadataPath: Path;
    readonly ports: readonly ContainerPort[];
    readonly dataplane: DataplaneResolution;
    readonly knative?: KnativeInfo;
}
/** Queue-proxy ports of every Knative revision pod (knative/serving pkg/networking/constants.go). */
export declare const KNATIVE_QUEUE_PORTS: readonly ContainerPort[];
export declare function workloadKey(r: Resource): string | undefined;
/** The data plane of a pod with these settings, in the workload's namespace (ModelIndex.dataplaneFor). */
export type DataplaneOf = (pod: Omit<PodSettings, 'namespaceLabels'>) => DataplaneResolution;
export declare function toWorkload(r: Resource, dataplaneOf: DataplaneOf): Workload | undefined;
