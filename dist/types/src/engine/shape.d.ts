import { type Resource } from '../model/resource.js';
import type { Path } from '../types.js';
/**
 * The types of the Kubernetes fields the model reads, for resources that have no CRD schema
 * (Namespace, Service, Pod, Deployment and the other workloads). Without this a `labels: 5` or a
 * `selector: "x"` would be read as "no labels" or "no selector" without a word, and every rule
 * would reason from that. The API server rejects such objects, so these are `schema` errors.
 * Only what the model reads is checked; this is not a full Kubernetes schema.
 */
export interface ShapeProblem {
    path: Path;
    message: string;
}
export declare function checkShape(r: Resource): ShapeProblem[];
