import { type SchemaProblem } from './schema-problem.js';
import { type Spec } from './schema-webhook-util.js';
/**
 * istiod's validating webhook for DestinationRule and for exportTo (istio
 * pkg/config/validation/validation.go: ValidateDestinationRule, validateTrafficPolicy,
 * validatePortTrafficPolicies, validateSubset, validateExportTo; agent/validation.go:
 * ValidateWildcardDomain, ValidateTLS). Only what the CRD does not already reject.
 */
/** `namespace` is the resource's own, or undefined when the manifest does not say it. */
export declare function destinationRuleProblems(spec: Spec, namespace: string | undefined): SchemaProblem[];
/**
 * validateExportTo: each entry is ".", "*" or a namespace, without duplicates ("." is the
 * resource's own namespace); "*" alone; "~" (nobody) only for a ServiceEntry, and alone.
 */
export declare function exportToProblems(exportTo: unknown, namespace: string | undefined, opts: {
    serviceEntry: boolean;
    withSelector: boolean;
}): SchemaProblem[];
