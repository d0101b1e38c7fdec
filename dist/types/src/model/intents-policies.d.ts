import { type AuthorizationPolicy, type GeneratedBy, type Service } from './kinds.js';
import { type Resource } from './resource.js';
import type { Workload } from './workloads.js';
import { type ClientIntents, type IntentTarget, type OtterizeSettings, type ProtectedService } from './intents.js';
/**
 * The AuthorizationPolicies the Otterize intents operator generates for ClientIntents, and why it
 * generates none where it does not (src/operator/controllers/intents_reconcilers/istio_policy.go,
 * controllers/istiopolicy/policy_manager.go `createOrUpdatePolicies`, `generateAuthorizationPolicy`).
 */
/** What meshlint needs of the index to resolve identities (the ModelIndex). */
export interface IntentsIndex {
    readonly otterize: OtterizeSettings;
    readonly mesh: {
        nativeSidecars: boolean;
    };
    workloadsIn(ns: string): readonly Workload[];
    service(ns: string, name: string): Service | undefined;
    servicePods(s: Service): readonly Workload[];
    hasNamespace(ns: string): boolean;
    knowsWorkloadsOf(ns: string): boolean;
    protectedServicesIn(ns: string): readonly ProtectedService[];
}
/** What the operator makes of one ClientIntents entry. */
export interface IntentOutcome {
    readonly intents: ClientIntents;
    readonly target: IntentTarget;
    /** The client's workloads of the input. */
    readonly clients: readonly Workload[];
    /** The target's workloads of the input (the pods behind the Service, for Service targets). */
    readonly servers: readonly Workload[];
    /** The target Service, for Service targets that the input holds. */
    readonly service?: Service;
    /** The generated policy, and the identity it admits (`cluster.local/ns/<client ns>/sa/<client SA>`). */
    readonly policy?: AuthorizationPolicy;
    readonly principal?: string;
    /** Why the operator generates nothing for this entry; unset when it does, or when the input cannot tell. */
    readonly nothing?: string;
}
/** Where a generated policy's resource comes from; undefined for a resource of the input. */
export declare function generatedOrigin(r: Resource): GeneratedBy | undefined;
/**
 * Every entry's outcome, and the generated policies (one per policy name: when two entries name
 * the same server, the later one's update wins).
 */
export declare function intentOutcomes(index: IntentsIndex, all: readonly ClientIntents[]): IntentOutcome[];
