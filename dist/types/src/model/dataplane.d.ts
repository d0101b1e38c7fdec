import type { Labels } from './resource.js';
export type DataplaneMode = 'ambient' | 'sidecar' | 'none';
export declare const DATAPLANE_MODES: readonly DataplaneMode[];
/**
 * How a data plane the input does not decide was settled: by evidence in the input, or by the
 * configured assumption (`mesh.assumeDataPlane`). Findings that rest on one carry it.
 */
export interface DataplaneAssumption {
    /** The namespace whose labels the input does not show. */
    namespace: string;
    /** The data plane taken for that namespace's pods. */
    dataPlane: DataplaneMode;
    basis: 'evidence' | 'setting';
    /** What the input lacks: the Namespace object, or (declared without data-plane labels) the pods' own labels. */
    missing: 'namespace' | 'pod-labels';
    /** What the input lacks: "namespace shop is not in the input". */
    why: string;
    /** The evidence that decided (basis `evidence`): "Gateway shop/waypoint is a waypoint there". */
    evidence?: string;
}
export interface DataplaneResolution {
    mode: DataplaneMode;
    /** Why the mode is what it is, for messages. */
    reason: string;
    /** Settings that ask for something other than what wins, e.g. ambient and injection together. */
    conflicts: string[];
    /** Set when the input does not decide: the mode rests on this. */
    assumption?: DataplaneAssumption;
}
export declare const MODE_WORDS: Record<DataplaneMode, string>;
/**
 * The sentence a finding that rests on assumptions ends with: "Assuming sidecar injection in
 * namespaces bar and foo, which are not in the input (set mesh.assumeDataPlane, or declare them
 * with their labels)." Assumptions of the setting are grouped; evidence is named for each.
 */
export declare function assumptionClause(list: readonly DataplaneAssumption[]): string;
export interface PodSettings {
    namespaceLabels: Labels;
    podLabels: Labels;
    podAnnotations: Labels;
    hostNetwork?: boolean;
}
/**
 * Namespaces the injector never injects into (istio pkg/kube/inject/initializer.go,
 * `IgnoredNamespaces`, checked first thing in injectRequired).
 */
export declare const INJECTION_IGNORED_NAMESPACES: ReadonlySet<string>;
/** Namespaces istio-cni never enrols in ambient (manifests/charts/istio-cni/values.yaml, `excludeNamespaces`). */
export declare const AMBIENT_EXCLUDED_NAMESPACES: ReadonlySet<string>;
export interface InjectionResult {
    injected: boolean;
    /** Why the pod gets a sidecar, or which setting would have given it one. */
    reason: string;
    /** Set when a namespace or pod setting asks for a sidecar but something stops the injection. */
    skipped?: string;
}
/**
 * Whether Istio's sidecar injector adds a proxy to this pod. A pod that already carries
 * `sidecar.istio.io/status` (a pod read back from a cluster, or `istioctl kube-inject` output) has
 * one. Otherwise a webhook must select the pod by labels (webhookSelects), and then
 * pkg/kube/inject/inject.go `injectRequired` decides: `hostNetwork` and the ignored system
 * namespaces never get a sidecar; the pod's `sidecar.istio.io/inject` label, else the deprecated
 * annotation of that name, says `true` or `false`; any other value (or none) follows the default
 * policy, which injects.
 */
export declare function sidecarInjected(s: PodSettings, namespace?: string): InjectionResult;
/**
 * The data plane a pod ends up in.
 *
 * Sidecar first: the injector knows nothing of ambient, so a pod it injects keeps its sidecar, and
 * istio-cni never captures a pod with `sidecar.istio.io/status` (cni/pkg/util/enablement_selector.go,
 * `Matches`, podHasSidecar).
 *
 * Ambient (istio-cni chart values `ambient.enablementSelectors`): the pod label
 * `istio.io/dataplane-mode=ambient` in any namespace, or the namespace label
 * `istio.io/dataplane-mode=ambient` unless the pod label is `none`. Host-network pods are never
 * captured (`Matches`), nor pods of `excludeNamespaces` (default: kube-system).
 */
export declare function resolveDataplane(s: PodSettings, namespace: string): DataplaneResolution;
/** A namespace label that loses to another (istioctl analyze's NamespaceMultipleInjectionLabels). */
export interface IgnoredNamespaceLabel {
    label: string;
    /** Phrased as resolveDataplane's conflicts, so a pod's conflict made by these labels reads the same. */
    conflict: string;
}
/**
 * The namespace's data-plane labels that ask for more than one data plane, and the one ignored
 * (webhookSelects, resolveDataplane): `istio.io/rev` beside `istio-injection=enabled`, whose
 * namespace webhook injects the default revision (the revision webhooks require no
 * `istio-injection` label); `istio.io/dataplane-mode=ambient` beside either, as the injected
 * sidecar wins. `istio-injection` with another value turns injection off, and a dataplane-mode
 * other than `ambient` asks for nothing: neither conflicts.
 */
export declare function ignoredNamespaceLabels(namespaceLabels: Labels): IgnoredNamespaceLabel[];
/**
 * The data plane a pod ends up in when its namespace's labels are not known, if its own settings
 * decide it whatever the namespace says: an injected sidecar (`sidecar.istio.io/status`); a pod
 * label asking for one (`sidecar.istio.io/inject=true`, `istio.io/rev`), which the object webhooks
 * honour and the namespace webhooks do not refuse; the pod label `istio.io/dataplane-mode=ambient`;
 * `hostNetwork` or an excluded namespace, which neither the injector nor istio-cni touches; or both
 * opt-outs (`sidecar.istio.io/inject=false` and `istio.io/dataplane-mode=none`). Otherwise
 * undefined: the namespace's labels decide, and they are unknown.
 */
export declare function podDecidesDataplane(s: Omit<PodSettings, 'namespaceLabels'>, namespace: string): DataplaneResolution | undefined;
/** The namespace labels that stand for a data plane when the real ones are not known. */
export declare function namespaceLabelsFor(mode: DataplaneMode): Labels;
/**
 * The data plane a namespace's labels give a pod with no settings of its own, or undefined when
 * the namespace carries none of the labels that choose one.
 */
export declare function namespaceMode(name: string, labels: Labels): DataplaneMode | undefined;
