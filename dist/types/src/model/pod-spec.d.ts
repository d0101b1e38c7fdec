/** The containers of a workload's pod template, with their paths, for rules that judge a container's settings. */
import type { Path } from '../types.js';
import type { Workload } from './workloads.js';
export interface PodContainer {
    name: string;
    image: string | undefined;
    /** `securityContext.runAsUser` and `runAsGroup` when they are numbers. */
    runAsUser: number | undefined;
    runAsGroup: number | undefined;
    path: Path;
}
export interface PodSpec {
    path: Path;
    /** The pod-level `securityContext.runAsUser` and `runAsGroup` when they are numbers. */
    runAsUser: number | undefined;
    runAsGroup: number | undefined;
    containers: PodContainer[];
}
/** The pod spec beside the workload's pod metadata (`spec.template.spec`, or a Pod's `spec`). */
export declare function podSpecOf(w: Workload): PodSpec;
