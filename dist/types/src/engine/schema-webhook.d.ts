import { type Resource } from '../model/resource.js';
import { type SchemaProblem } from './schema-problem.js';
/**
 * What istiod's validating webhook rejects (errors) or warns of (warnings) beyond the CRD, for a
 * resource whose CRD checks passed. `spec` is the resource's spec with nulls pruned.
 */
export declare function webhookProblems(r: Resource, specValue: unknown): SchemaProblem[];
