/**
 * Who talks to a Service port through Envoy, and what the pods behind it accept: the two sides
 * the mTLS rules compare.
 */
import type { Service, ServicePort } from '../model/kinds.js';
import { type DataplaneAssumption } from '../model/dataplane.js';
import type { ModelIndex } from '../model/model.js';
import type { Workload } from '../model/workloads.js';
import { type EffectiveMtls } from './peer-authentication.js';
import { type ClientTls } from './destination-rule.js';
/** The container port a Service port sends to on a workload (named `targetPort` looked up in its containers). */
export declare function targetPortOf(p: ServicePort, w: Workload): number | undefined;
/** Whether the pod runs an Istio sidecar: by injection labels, or injected already (istioctl kube-inject output). */
export declare function hasSidecar(w: Workload): boolean;
export interface Backend {
    workload: Workload;
    /** The container port, when it can be told. */
    targetPort: number | undefined;
    mtls: EffectiveMtls;
}
/**
 * What the sidecar pods behind a Service port accept (PeerAuthentication, port-level included).
 * Pods whose named target port cannot be resolved are judged by their port-independent mode only
 * when their PeerAuthentication has no port-level setting that might apply.
 */
export declare function sidecarBackends(model: ModelIndex, s: Service, p: ServicePort): Backend[];
/**
 * Pods behind a Service port that are outside the mesh: no sidecar and not ambient, in a namespace
 * the input describes (so that "no sidecar" is known, not guessed).
 */
export declare function plainBackends(model: ModelIndex, s: Service): Workload[];
/** Why a namespace counts as having Envoy clients: seen in the input, or assumed from its DestinationRules. */
export type ClientEvidence = 'known' | 'assumed';
/**
 * Namespaces whose pods send through Envoy and so use DestinationRules: known — a sidecar pod in
 * the input, a namespace label asking for injection, an Istio gateway — or assumed — the namespace
 * holds a DestinationRule (outside the root namespace) and the input does not show that its pods
 * are not sidecars (see mayHaveEnvoyClients).
 * ztunnel (ambient) and waypoints never read DestinationRule TLS: they always use HBONE.
 */
export declare function envoyClientNamespaces(model: ModelIndex): ReadonlyMap<string, ClientEvidence>;
/**
 * Unless the input shows otherwise — its pods are listed and none has a sidecar, or it is enrolled
 * in ambient — a namespace may hold Envoy clients.
 */
export declare function mayHaveEnvoyClients(model: ModelIndex, ns: string): boolean;
/** The assumptions behind the clients these views stand for (groups are not expanded). */
export declare function clientAssumptions(model: ModelIndex, views: readonly ClientView[]): DataplaneAssumption[];
/** One kind of client of a Service port and the TLS it originates. */
export interface ClientView {
    /** The client namespace (for a group, the first of them). */
    namespace: string;
    evidence: ClientEvidence;
    /** Set when the client is a specific workload (its namespace has workload-selector DestinationRules). */
    workload?: Workload;
    /**
     * Set when the view stands for every client namespace that shares one lookup: all of `all` but
     * `except`. Kept unexpanded, so a large mesh costs one view per Service port.
     */
    group?: {
        all: ReadonlyArray<[string, ClientEvidence]>;
        except: ReadonlySet<string>;
    };
    tls: ClientTls;
}
/** A key that tells views apart: per workload, per namespace, or per group. */
export declare function viewKey(v: ClientView): string;
/**
 * The TLS each Envoy client sends to a Service port: one view per client namespace (those of
 * envoyClientNamespaces, and the Service's own unless it is known to hold none), or per
 * sidecar workload in namespaces where a workload-selector DestinationRule may pick them apart;
 * sorted by namespace. `want` keeps only the views a rule is interested in: namespaces that share
 * one lookup are skipped together when it does not want theirs, so a large mesh costs a lookup per
 * Service port and special namespace, not per namespace.
 */
export declare function clientViews(model: ModelIndex, s: Service, p: ServicePort, want?: (tls: ClientTls) => boolean): ClientView[];
/** "a, b, c and 4 more" */
export declare function listNames(names: readonly string[], max?: number): string;
/** How to name a group of clients in a one-line message: "sidecars and gateways in namespaces bar and foo", "Deployment foo/sleep". */
export declare function describeClients(views: readonly ClientView[]): string;
export declare function describeWorkloads(ws: readonly Workload[]): string;
/** "Service port 8000 (http)" */
export declare function portLabel(p: ServicePort): string;
/** The node of a PeerAuthentication that sets the effective mode. */
export declare function mtlsPath(m: EffectiveMtls, port: number | undefined): (string | number)[];
/** "PeerAuthentication istio-system/default (mesh-wide)" */
export declare function describePa(model: ModelIndex, m: EffectiveMtls): string;
