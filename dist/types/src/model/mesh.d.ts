import type { Path } from '../types.js';
import type { DataplaneMode } from './dataplane.js';
import type { OtterizeSettings } from './intents.js';
import { type Resource } from './resource.js';
/** Mesh-wide settings that change what a policy means. */
export interface MeshSettings {
    rootNamespace: string;
    trustDomain: string;
    enableAutoMtls: boolean;
    /** PILOT_AUTO_ALLOW_WAYPOINT_POLICY: istiod adds a ztunnel policy admitting the waypoint. */
    autoAllowWaypointPolicy: boolean;
    /**
     * `meshConfig.pathNormalization.normalization`: what Envoy does to the path before RBAC and
     * routing (pilot/pkg/networking/core/listener_builder.go, buildHTTPConnectionManager). Unset and
     * `DEFAULT` mean `BASE`.
     */
    pathNormalization: PathNormalization;
    /** `meshConfig.trustDomainAliases`: trust domains treated as this mesh's (pilot/pkg/security/trustdomain/bundle.go). */
    trustDomainAliases: readonly string[];
    /**
     * PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS (pilot/pkg/features/security.go, default false):
     * off, a workload with CUSTOM policies of several providers gets DENY rules instead (builder.go, buildHTTP).
     */
    multipleCustomAuthzProviders: boolean;
    /**
     * ENABLE_NATIVE_SIDECARS (pilot/pkg/features/pilot.go): `true` injects istio-proxy as a native
     * sidecar (an init container) unless the pod's `sidecar.istio.io/nativeSidecar` says otherwise
     * (pkg/kube/inject/inject.go). Its default, `auto`, depends on the nodes' Kubernetes version,
     * which the input does not show: read as false.
     */
    nativeSidecars: boolean;
    /**
     * meshlint's own setting, not istiod's: the data plane of pods whose namespace the input does not
     * declare, when nothing in the input shows it (src/model/assumptions.ts).
     */
    assumeDataPlane: DataplaneMode;
    /**
     * meshlint's configuration of the Otterize operator (`.meshlint.yaml` `otterize:`), under what the
     * operator's own Deployment in the input says (src/model/intents.ts, resolveOtterize).
     */
    otterize?: Partial<OtterizeSettings>;
    /**
     * meshlint's own setting (`--complete`, `complete: true`): the input is the whole cluster (a
     * `kubectl get -A -o yaml` dump, a whole GitOps cluster folder), so what it does not hold does not
     * exist, in every namespace, and pods whose labels choose no data plane have none.
     */
    complete: boolean;
    /**
     * `meshConfig.defaultProviders.accessLogging`, of every mesh config in the input (revisions
     * together); undefined when the input holds none, so the providers are unknown. A Telemetry
     * access-logging entry without providers uses these (pilot/pkg/model/telemetry.go, mergeLogs).
     */
    defaultAccessLogProviders?: readonly string[];
}
export declare const PATH_NORMALIZATIONS: readonly ["NONE", "BASE", "MERGE_SLASHES", "DECODE_AND_MERGE_SLASHES"];
export type PathNormalization = (typeof PATH_NORMALIZATIONS)[number];
/** A `pathNormalization.normalization` value as istiod reads it (`DEFAULT` is `BASE`); undefined when not a mode. */
export declare function parsePathNormalization(v: unknown): PathNormalization | undefined;
export declare const MESH_DEFAULTS: MeshSettings;
/** Where a mesh setting came from, so a rule can point at it. */
export interface MeshSource {
    resource: Resource;
    path: Path;
}
export interface MeshConfig extends MeshSettings {
    sources: Partial<Record<keyof MeshSettings, MeshSource>>;
}
/**
 * Mesh config in precedence order: explicit settings (CLI flags, config file) over the
 * IstioOperator's `spec.meshConfig` or the `istio` ConfigMap's `mesh` key, over Istio's defaults.
 * PILOT_AUTO_ALLOW_WAYPOINT_POLICY (istio pilot/pkg/features/ambient.go) and
 * PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS (pilot/pkg/features/security.go) come from the
 * IstioOperator's `values.pilot.env` or an istiod Deployment's container env.
 */
export declare function resolveMesh(resources: Iterable<Resource>, explicit: Partial<MeshSettings>): MeshConfig;
