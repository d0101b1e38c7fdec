import { type AuthorizationPolicy, type DestinationRule, type K8sGateway, type PeerAuthentication, type SelectingPolicy, type Service } from './kinds.js';
import { type ClientIntents, type OtterizeConfig, type ProtectedService } from './intents.js';
import { type IntentOutcome } from './intents-policies.js';
import { type DataplaneAssumption, type DataplaneResolution, type PodSettings } from './dataplane.js';
import { type MeshConfig, type MeshSettings } from './mesh.js';
import { HostRegistry, type HostClaim } from './hosts.js';
import { type Labels, type Resource } from './resource.js';
import { type IstioGateway, type ServiceEntry, type VirtualService } from './traffic.js';
import { type Workload } from './workloads.js';
export interface NamespaceInfo {
    readonly name: string;
    readonly labels: Labels;
    /** The Namespace object, when the input has one. */
    readonly resource?: Resource;
}
/** An identity some pod in the input runs as, and who runs as it. */
export interface IdentityOwner {
    kind: 'workload' | 'waypoint' | 'gateway';
    namespace: string;
    serviceAccount: string;
    workload?: Workload;
    gateway?: K8sGateway;
}
/** The namespaces a rule asked about while it ran, by name, or all of them (engine/rule-cache.ts). */
export interface NamespaceReads {
    names: Set<string>;
    all: boolean;
}
/** Record the namespaces asked about from now on into `into` (none: stop). */
export declare function recordNamespaceReads(into: NamespaceReads | undefined): void;
/** What the rules read of one namespace, as text, and whether it has labels. */
export interface NamespaceState {
    key: string;
    labelled: boolean;
}
/**
 * The read-only, indexed view of everything in the input: objects by kind, namespace, name and
 * label, identities, and the data plane of every namespace. It knows Kubernetes' own selection
 * (a Service's pods) but no Istio semantics: policy attachment and waypoint binding live in
 * `authz/`, effective mTLS in `mtls/`, as functions of the index; rules see all of it through the
 * `Model` facade (`mesh/model.ts`). Every lookup made per object goes through an index.
 */
export declare class ModelIndex {
    readonly mesh: MeshConfig;
    readonly resources: readonly Resource[];
    readonly namespaces: Map<string, NamespaceInfo>;
    readonly workloads: Workload[];
    readonly services: Service[];
    readonly gateways: K8sGateway[];
    readonly authorizationPolicies: AuthorizationPolicy[];
    readonly peerAuthentications: PeerAuthentication[];
    readonly requestAuthentications: SelectingPolicy[];
    readonly destinationRules: DestinationRule[];
    readonly sidecars: SelectingPolicy[];
    readonly telemetries: SelectingPolicy[];
    /** Istio kinds rules visit as the resource (VirtualService, Gateway, ServiceEntry, WorkloadEntry, …). */
    readonly istioOther: Resource[];
    /** Otterize ClientIntents of every served version, in one form (model/intents.ts). */
    readonly clientIntents: ClientIntents[];
    /** The Otterize operator's settings: its Deployment in the input, then the configuration. */
    readonly otterize: OtterizeConfig;
    /** What the operator makes of each ClientIntents entry: a generated policy, or why none (model/intents-policies.ts). */
    readonly intentOutcomes: readonly IntentOutcome[];
    /** Typed views of traffic objects (traffic.ts); their visitors still get the resource (`virtualServiceOf` gives the view). */
    readonly virtualServices: VirtualService[];
    readonly serviceEntries: ServiceEntry[];
    readonly istioGateways: IstioGateway[];
    private readonly workloadsByNs;
    private readonly labelIndex;
    private readonly servicesByKey;
    private readonly serviceAccountsByKey;
    private readonly gatewaysByKey;
    private readonly identities;
    private readonly identitiesByNs;
    private readonly serviceAccountsByNs;
    private readonly labelValuesIndex;
    /** Namespaces holding objects that may run pods the model does not see. */
    private readonly unseenPodSources;
    private readonly byKindNs;
    private servicesByWorkload;
    private readonly trafficViews;
    private readonly istioGatewaysByKey;
    private hostRegistry;
    private meshRoutesByHost;
    private serviceEntryPortsByHost;
    private readonly gatewayClassLabels;
    private readonly protectedServicesByNs;
    private readonly outcomesByClient;
    private readonly clientlessOutcomes;
    /** Whether the input holds ClientIntents: only then does the operator label pods. */
    private readonly usesIntents;
    private readonly evidence;
    private readonly dataplaneStates;
    private labelled;
    /** Every model object under the kind rules visit it by, in input order. */
    private readonly order;
    constructor(resources: readonly Resource[], explicitMesh?: Partial<MeshSettings>);
    /** The policies the Otterize operator generates take part like hand-written ones, visited after the input. */
    private addGeneratedPolicies;
    /**
     * The pod labels the Otterize operator adds (`intents.otterize.com/service`, `…/owner-kind`):
     * on pods of its watched namespaces, when the input uses intents at all.
     */
    private withOtterizeLabels;
    private add;
    private workloadOf;
    /** What `dataplaneFor(ns, pod)` reads besides the pod, as text. */
    private dataplaneState;
    private addTrafficView;
    private indexIdentities;
    /**
     * What every rule may read whatever the kinds it declares (`meta.reads`), as text: `global`,
     * the mesh and Otterize settings with the resources they come from, GatewayClass labels,
     * whether intents are in use, the data plane assumed where nothing shows one; `namespaces`, for
     * each namespace, its labels and Namespace object, the data plane taken for its pods, whether
     * pods the model does not see may run there. Resources are named by `resourceId`, so a re-read
     * resource counts as changed. Two models with the same state and the same resources of a kind
     * give a rule that reads only such kinds the same findings; a namespace that comes or goes
     * changes only what rules that ask about it find (the language server's incremental runs,
     * engine/rule-cache.ts).
     */
    sharedState(resourceId: (r: Resource) => number): {
        global: string;
        namespaces: Map<string, NamespaceState>;
    };
    /** Every namespace, without recording that a rule asked about them all. */
    private unrecordedNamespaces;
    /** The namespaces with labels: what a rule that looks only for labels iterates, without depending on the unlabelled ones. */
    labelledNamespaces(): readonly NamespaceInfo[];
    /** Every model object, with the kind rules visit it by (`Workload`, `Service`, `AuthorizationPolicy`…), in input order. */
    inputOrder(): ReadonlyArray<{
        kind: string;
        node: unknown;
        resource: Resource;
    }>;
    /**
     * Whether the input holds this namespace: only then may a rule say that something in it does
     * not exist. A partial tree must not produce "no such workload" findings about the rest.
     */
    hasNamespace(ns: string): boolean;
    /**
     * Whether the input shows the workloads of `ns`: it declares the Namespace object and holds at
     * least one workload there. Only then may a rule say that no workload of `ns` has some label or
     * runs as some account — a namespace shared with components deployed from elsewhere (say
     * `knative-serving`, filled by Knative Serving and net-istio) is known only where its owner's
     * tree, which declares it, is part of the input. A namespace that also holds objects which may
     * run pods of their own (an operator's custom resource, a ReplicationController) is not known.
     * A complete input (`mesh.complete`) knows every namespace.
     */
    knowsWorkloadsOf(ns: string): boolean;
    namespaceLabels(ns: string): Labels;
    /** Whether the input declares the `Namespace` object, so its labels are known. */
    declaresNamespace(ns: string): boolean;
    /**
     * The data plane of pods of `ns`. For pods the input holds (`pod` given): the namespace's labels
     * when the input declares it; else the pod's own settings when they decide; else the data plane
     * taken for the namespace by evidence or `mesh.assumeDataPlane`, carried as `assumption`. For
     * pods it does not hold (Knative's activator, a gateway, pods a controller will create), whose
     * own labels are unknown: the namespace's labels when they choose a data plane, else the same
     * evidence and assumption — a bare Namespace object does not show that its pods opt out.
     * A complete input (`mesh.complete`) assumes nothing: the labels decide, and no label is none.
     */
    dataplaneFor(ns: string, pod?: Omit<PodSettings, 'namespaceLabels'>): DataplaneResolution;
    /**
     * The assumptions behind these data planes (of workloads, resolutions, or assumptions already
     * picked out), once per namespace, in namespace order.
     */
    assumptionsOf(items: Iterable<{
        dataplane: DataplaneResolution;
    } | DataplaneResolution | DataplaneAssumption | undefined>): DataplaneAssumption[];
    get rootNamespace(): string;
    workloadsIn(ns: string): readonly Workload[];
    /** Namespaces that hold at least one workload of the input. */
    workloadNamespaces(): IterableIterator<string>;
    /** The values a pod label `key` takes among the workloads of `ns`. */
    labelValues(ns: string, key: string): ReadonlySet<string>;
    /** Every pod label key used by the workloads of `ns`. */
    labelKeys(ns: string): IterableIterator<string>;
    /** Workloads of `ns` whose pod labels match `selector` (an empty selector matches all). */
    selectWorkloads(ns: string, selector: Labels | undefined): readonly Workload[];
    /** ProtectedService objects of namespace `ns`. */
    protectedServicesIn(ns: string): readonly ProtectedService[];
    /** What the Otterize operator makes of the ClientIntents entries of this client workload. */
    intentOutcomesOf(client: Workload): readonly IntentOutcome[];
    /** The ClientIntents entries of namespace `ns` whose client runs no pod of the input. */
    clientlessIntentsIn(ns: string): readonly IntentOutcome[];
    /** Policies of a kind in a namespace, in input order. */
    policiesIn<T = Resource>(kind: string, ns: string): readonly T[];
    service(ns: string, name: string): Service | undefined;
    serviceAccount(ns: string, name: string): Resource | undefined;
    gateway(ns: string, name: string): K8sGateway | undefined;
    /** Istio's own Gateway `ns/name` (networking.istio.io). */
    istioGateway(ns: string, name: string): IstioGateway | undefined;
    /** The typed view of a VirtualService resource (the `VirtualService` visitor gets the resource). */
    virtualServiceOf(r: Resource): VirtualService | undefined;
    /** The typed view of an Istio Gateway resource (the `IstioGateway` visitor gets the resource). */
    istioGatewayOf(r: Resource): IstioGateway | undefined;
    /** The typed view of a ServiceEntry resource. */
    serviceEntryOf(r: Resource): ServiceEntry | undefined;
    /** The service registry (Services and ServiceEntry hosts, with exportTo), built on first use (hosts.ts). */
    get hosts(): HostRegistry;
    /**
     * The hosts of VirtualServices bound to the mesh gateway (sidecars), resolved as istiod does
     * (short names in the VirtualService's namespace), each with the VirtualServices claiming it.
     */
    meshVirtualServicesByHost(): ReadonlyMap<string, readonly HostClaim<VirtualService>[]>;
    /** ServiceEntry ports by `host:port` (hosts resolved in the ServiceEntry's namespace). */
    serviceEntryPortsByHostPort(): ReadonlyMap<string, readonly HostClaim<ServiceEntry>[]>;
    /**
     * Whether a host the registry lacks is known not to exist: in a complete input, any host; else
     * a Kubernetes Service host (`name.ns.svc.cluster.local`) of a namespace whose Namespace object
     * the input declares. Any other host may come from a ServiceEntry in a namespace the input does
     * not hold.
     */
    knowsHost(fqdn: string): boolean;
    /**
     * The namespace of a Service host (`name.ns.svc.cluster.local`, no wildcard) that no Service or
     * ServiceEntry provides and that the input shows does not exist (`knowsHost`); else undefined.
     */
    missingServiceHostNamespace(fqdn: string): string | undefined;
    /** Pods behind a Service (none for a Service without selector). */
    servicePods(s: Service): readonly Workload[];
    /** Services whose selector matches the workload's pods. */
    servicesOf(w: Workload): readonly Service[];
    /** `<trustDomain>/ns/<ns>/sa/<sa>` of a workload. */
    identityOf(w: Workload): string;
    /** Who in the input runs as this principal (exact match). */
    ownersOf(principal: string): readonly IdentityOwner[];
    /** Who runs in namespace `ns` (workloads, waypoints, Istio gateways), whatever their identity. */
    identitiesIn(ns: string): readonly IdentityOwner[];
    /** ServiceAccount objects of namespace `ns`. */
    serviceAccountsIn(ns: string): readonly Resource[];
    /** Every identity that some pod of the input runs as. */
    allIdentities(): IterableIterator<string>;
    /** `<fqdn>` of a Service, as Istio's hosts name it. */
    hostOf(s: Service): string;
}
