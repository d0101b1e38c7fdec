import type { Resource } from '../model/resource.js';
import { type SchemaProblem } from './schema-problem.js';
/**
 * Validation of Istio resources as `kubectl apply` and istiod would do it: the API server's
 * checks of the CRD (the served versions, the OpenAPI schema, the CEL rules of istio's
 * crd-all.gen.yaml, vendored by scripts/vendor-istio-crds.mjs), then istiod's validating webhook.
 * Each problem names the node it is about, so the diagnostic points at the offending field.
 */
export type { SchemaProblem } from './schema-problem.js';
export { formatPath } from './schema-problem.js';
export declare const ISTIO_KINDS: string[];
/** Whether the resource is in an API group of Istio's CRDs. */
export declare function hasSchema(r: Resource): boolean;
export declare function validateResource(r: Resource): Promise<SchemaProblem[]>;
