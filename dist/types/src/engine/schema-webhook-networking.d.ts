import type { Path } from '../types.js';
import { type SchemaProblem } from './schema-problem.js';
import { type Add, type Spec } from './schema-webhook-util.js';
/**
 * istiod's validating webhook for DestinationRule and for exportTo (istio
 * pkg/config/validation/validation.go: ValidateDestinationRule, validateTrafficPolicy,
 * validatePortTrafficPolicies, validateSubset, validateExportTo, validateOutlierDetection,
 * validateConnectionPool, validateLoadBalancer, validateTunnelSettings; agent/validation.go:
 * ValidateWildcardDomain, ValidateTLS, ValidateLocalityLbSetting). Only what the CRD does not
 * already reject (durations, for one, are its CEL rules').
 */
/** `namespace` is the resource's own, or undefined when the manifest does not say it. */
export declare function destinationRuleProblems(spec: Spec, namespace: string | undefined): SchemaProblem[];
/** validateConnectionPool: http or tcp settings, no negative limits, keepalive with interval and timeout. */
export declare function connectionPoolProblems(pool: unknown, path: Path, add: Add): void;
/**
 * validateExportTo: each entry is ".", "*" or a namespace, without duplicates ("." is the
 * resource's own namespace); "*" alone; "~" (nobody) only for a ServiceEntry, and alone.
 */
export declare function exportToProblems(exportTo: unknown, namespace: string | undefined, opts: {
    serviceEntry: boolean;
    withSelector: boolean;
}): SchemaProblem[];
