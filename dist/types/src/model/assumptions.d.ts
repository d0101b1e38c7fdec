import { type DataplaneAssumption, type DataplaneMode } from './dataplane.js';
import { type Resource } from './resource.js';
/** The evidence NamespaceEvidence looks for, in order, as `--print-config` lists it. */
export declare const UNKNOWN_DATA_PLANE_EVIDENCE: readonly string[];
/**
 * What the input says about the data plane of namespaces it does not declare, and the data plane
 * taken for them (README, "When the input does not say"): evidence first, in this order —
 *  1. a waypoint `Gateway` in the namespace, or an object there labelled `istio.io/use-waypoint`:
 *     waypoints serve ambient pods only, so the namespace is ambient;
 *  2. the `Namespace` objects declared in the same folder (a Helm release's output, an app
 *     directory) that choose a data plane, when they agree; when they disagree, an IstioOperator
 *     with `profile: ambient` breaks the tie toward ambient;
 * then the configured assumption (`mesh.assumeDataPlane`, default sidecar).
 */
export declare class NamespaceEvidence {
    private readonly assume;
    private readonly waypointSigns;
    private readonly foldersOf;
    private readonly declaredIn;
    private ambientProfile;
    private readonly decided;
    constructor(assume: DataplaneMode);
    /** A declared Namespace: its labels may choose a data plane for its folder. */
    declare(ns: Resource): void;
    /** A resource of a namespace the input does not declare. */
    see(r: Resource): void;
    /** Any resource: an IstioOperator's install profile. */
    seeMeshInstall(r: Resource): void;
    /** What the evidence holds for no namespace in particular, as text: the data plane taken where nothing shows one. */
    globalKey(resourceId: (r: Resource) => number): string;
    /**
     * The data plane taken for pods of `ns` whose data plane the input does not show: the namespace
     * is not declared, or (`declared`) it is but its labels choose no data plane and the pods are
     * not in the input, so their own labels are unknown.
     */
    assumptionFor(ns: string, declared?: boolean): DataplaneAssumption;
    private decide;
}
