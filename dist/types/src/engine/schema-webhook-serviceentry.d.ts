import type { Path } from '../types.js';
import { type SchemaProblem } from './schema-problem.js';
import { type Add, type Spec } from './schema-webhook-util.js';
/**
 * istiod's validating webhook for ServiceEntry, WorkloadEntry and WorkloadGroup (istio
 * pkg/config/validation/validation.go: ValidateServiceEntry, validateWorkloadEntry,
 * ValidateWorkloadGroup, validateReadinessProbe). What the CRD's CEL rules already reject (a
 * "*" host, CIDRs outside NONE/STATIC, endpoints with NONE, several with DNS_ROUND_ROBIN,
 * duplicate port numbers, unix socket forms) is not repeated.
 */
export declare function serviceEntryProblems(spec: Spec, namespace: string | undefined, labels: Record<string, unknown>): SchemaProblem[];
/**
 * validateWorkloadEntry: an address (an IP; a host name too outside a STATIC ServiceEntry), or a
 * network; a unix socket without ports; within a ServiceEntry, ports it declares.
 */
export declare function workloadEntryProblems(we: unknown, path: Path, add: Add, opts: {
    ports?: Set<string>;
    fqdn: boolean;
}): void;
export declare function workloadEntrySpecProblems(spec: Spec): SchemaProblem[];
export declare function workloadGroupProblems(spec: Spec): SchemaProblem[];
