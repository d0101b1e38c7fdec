import type { Path } from '../types.js';
import { type Resource } from './resource.js';
import type { Workload } from './workloads.js';
/**
 * Otterize's ClientIntents (`k8s.otterize.com`), read the way the intents operator reads them
 * (otterize/intents-operator src/operator/api/*): every served version is converted to one form,
 * v2's `targets`, as the conversion webhooks do (api/v1beta1/webhooks.go `ConvertTo`,
 * api/v1alpha2/clientintents_webhook.go).
 */
export declare const OTTERIZE_GROUP = "k8s.otterize.com";
/** The kind the operator gives a target written without one (serviceidentity.KindOtterizeLegacy). */
export declare const LEGACY_KIND = "OttrLegacy";
export interface HttpResource {
    path: string;
    methods: string[];
}
export type IntentTargetType = 'kubernetes' | 'service' | 'kafka' | 'sql' | 'other';
/** One entry of `spec.targets` (or `spec.calls`), as the operator's v2 `Target`. */
export interface IntentTarget {
    type: IntentTargetType;
    /** The server's name, without `.namespace` (and without `svc:`). */
    name: string;
    /** The server's namespace: the `name.namespace` suffix, else the ClientIntents' namespace. */
    namespace: string;
    /** `Service` for Service targets (`service:`, `svc:`, `kind: Service`), the owner kind written, else LEGACY_KIND. */
    kind: string;
    /** HTTP resources: v2 `http`; in v1 only with `type: http`. */
    http: HttpResource[];
    /** The entry inside the ClientIntents, e.g. `['spec', 'calls', 2]`. */
    path: Path;
    /** Its name node, e.g. `['spec', 'targets', 0, 'kubernetes', 'name']`. */
    namePath: Path;
    /** The entry as the docs name it: `calls[2]`, `targets[0]`. */
    entry: string;
}
export interface ClientIntents {
    readonly resource: Resource;
    readonly name: string;
    readonly namespace: string;
    /** The client: `spec.workload` (v2) or `spec.service` (v1). */
    readonly client: {
        name: string;
        kind: string;
        path: Path;
    };
    readonly targets: readonly IntentTarget[];
}
/**
 * The Kubernetes API server's Service, `kubernetes.default` (v2alpha1 KubernetesAPIServerName,
 * KubernetesAPIServerNamespace): in every cluster, in no manifest, and without a selector.
 */
export declare function isKubernetesApiServer(t: IntentTarget): boolean;
export declare function isClientIntents(r: Resource): boolean;
export declare function toClientIntents(r: Resource): ClientIntents | undefined;
/** A ProtectedService: enforcement for the server it names when the default is off. */
export interface ProtectedService {
    readonly resource: Resource;
    readonly namespace: string;
    readonly name: string;
    /** `spec.kind`, empty when not written. */
    readonly kind: string;
}
export declare function toProtectedService(r: Resource): ProtectedService | undefined;
/**
 * Whether a ProtectedService protects a server of this kind: one without a kind protects every
 * kind, one with a kind only servers written with that kind — a target written without a kind
 * has the legacy kind (protected_services/should_protect.go).
 */
export declare function protectsKind(ps: ProtectedService, serverKind: string): boolean;
/** A workload's identity as the operator assigns it (shared/serviceidresolver/podownerresolver). */
export interface OtterizeIdentity {
    name: string;
    namespace: string;
    /** The top owner's kind; empty when the name comes from the override annotation. */
    kind: string;
}
/**
 * The pod's override annotation (default `intents.otterize.com/workload-name`, then the deprecated
 * `intents.otterize.com/service-name`), else the top owner's name with `.` turned into `_` and its
 * kind. A Knative revision's pods are owned, up the chain, by the Knative Service (or the
 * Configuration when it stands alone).
 */
export declare function otterizeIdentity(w: Workload, annotation: string): OtterizeIdentity;
/**
 * The value of the operator's `intents.otterize.com/service` pod label: name and namespace cut to
 * 20 characters and a 6-hex md5 of `name-namespace` (serviceidentity.go, getFormattedOtterizeIdentity).
 */
export declare function formattedIdentity(name: string, namespace: string): string;
export declare const SERVICE_LABEL = "intents.otterize.com/service";
export declare const OWNER_KIND_LABEL = "intents.otterize.com/owner-kind";
/** The labels the operator's pod watcher puts on every pod (pod_reconcilers/pods.go, addOtterizePodLabels). */
export declare function otterizePodLabels(id: OtterizeIdentity): Record<string, string>;
/** `name` plus `-kind` for a kind other than the legacy one, `_` as `.` (serviceidentity.go, GetRFC1123NameWithKind). */
export declare function rfc1123NameWithKind(name: string, kind: string): string;
/** The operator's settings that decide which policies it generates. */
export interface OtterizeSettings {
    /** `enforcement-default-state` (default true): off, only protected servers get policies. */
    enforcementDefault: boolean;
    /** `enable-istio-policy-creation` (default true). */
    istioPolicyCreation: boolean;
    /** `active-enforcement-namespaces`: servers there are enforced although the default is off. */
    activeEnforcementNamespaces: readonly string[];
    /** `watched-namespaces`: when set, policies only for servers in these namespaces. */
    watchedNamespaces: readonly string[];
    /** `workload-name-override-annotation` (default `intents.otterize.com/workload-name`). */
    workloadNameAnnotation: string;
}
export declare const OTTERIZE_DEFAULTS: OtterizeSettings;
/** Where a setting came from: the operator's Deployment, at this node. */
export interface OtterizeSource {
    resource: Resource;
    path: Path;
}
export interface OtterizeConfig extends OtterizeSettings {
    sources: Partial<Record<keyof OtterizeSettings, OtterizeSource>>;
}
/**
 * The operator's settings: its own Deployment in the input first, then the configuration's
 * `otterize` key, then the operator's defaults.
 */
export declare function resolveOtterize(resources: Iterable<Resource>, configured?: Partial<OtterizeSettings>): OtterizeConfig;
/**
 * Whether an injected pod runs Istio's proxy as a native sidecar (an init container), which the
 * operator does not see: the pod's `sidecar.istio.io/nativeSidecar` annotation over istiod's
 * ENABLE_NATIVE_SIDECARS (`meshDefault`; istio pkg/kube/inject/inject.go), or a pod read back from a
 * cluster that shows istio-proxy among its init containers.
 */
export declare function nativeSidecar(w: Workload, meshDefault: boolean): boolean;
/** The `intents.otterize.com/service` value of generated policies, kind included (getFormattedOtterizeIdentityWithKind). */
export declare function formattedIdentityWithKind(name: string, namespace: string, kind: string): string;
