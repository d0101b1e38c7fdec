import {
  toAuthorizationPolicy,
  toDestinationRule,
  toK8sGateway,
  toPeerAuthentication,
  toSelectingPolicy,
  toService,
  type AuthorizationPolicy,
  type DestinationRule,
  type K8sGateway,
  type PeerAuthentication,
  type SelectingPolicy,
  type Service,
} from './kinds.js';
import { NamespaceEvidence } from './assumptions.js';
import { isClientIntents, otterizeIdentity, otterizePodLabels, resolveOtterize, toClientIntents, toProtectedService, type ClientIntents, type OtterizeConfig, type ProtectedService } from './intents.js';
import { intentOutcomes, type IntentOutcome } from './intents-policies.js';
import { namespaceLabelsFor, namespaceMode, podDecidesDataplane, resolveDataplane, type DataplaneAssumption, type DataplaneResolution, type PodSettings } from './dataplane.js';
import { resolveMesh, type MeshConfig, type MeshSettings } from './mesh.js';
import { claimsByKey, HostRegistry, resolveHost, serviceHostNamespace, type HostClaim } from './hosts.js';
import { matchesLabels, type Labels, type Resource } from './resource.js';
import { toIstioGateway, toServiceEntry, toVirtualService, type IstioGateway, type ServiceEntry, type VirtualService } from './traffic.js';
import { toWorkload, workloadKey, type Workload } from './workloads.js';

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

const EMPTY_SET: ReadonlySet<string> = new Set();
const EMPTY_MAP: ReadonlyMap<string, unknown> = new Map();

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Namespaces that several separately released components fill (Knative Serving's core and its
 * networking layer such as net-istio, each with its own manifests; Knative Eventing's parts; the
 * cluster's add-ons): a tree that declares one rarely holds all of its workloads, so no rule
 * judges what is missing there.
 */
const SHARED_SYSTEM_NAMESPACES = new Set(['kube-system', 'knative-serving', 'knative-eventing']);

const ISTIO_GROUPS = new Set(['security.istio.io', 'networking.istio.io', 'telemetry.istio.io', 'extensions.istio.io']);

/**
 * API groups none of whose kinds makes pods. Any other namespaced object that is not a modelled
 * workload — a ReplicationController, an operator's custom resource (a Kafka cluster, a Prometheus,
 * an Argo Workflow, an IstioOperator) — may run pods the input does not show.
 */
const NO_POD_GROUPS = new Set([
  'security.istio.io',
  'networking.istio.io',
  'telemetry.istio.io',
  'extensions.istio.io',
  'gateway.networking.k8s.io',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'policy',
  'autoscaling',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
  'cert-manager.io',
  'external-secrets.io',
  'bitnami.com',
  'k8s.otterize.com',
]);
/** Kinds that make no pods in groups that also hold pod-making kinds (`group/kind`). */
const NO_POD_KINDS = new Set([
  '/ConfigMap',
  '/Secret',
  '/Service',
  '/ServiceAccount',
  '/Endpoints',
  '/PersistentVolumeClaim',
  '/LimitRange',
  '/ResourceQuota',
  '/Event',
  'apps/ControllerRevision',
  'serving.knative.dev/Route',
  'serving.knative.dev/DomainMapping',
  'monitoring.coreos.com/ServiceMonitor',
  'monitoring.coreos.com/PodMonitor',
  'monitoring.coreos.com/PrometheusRule',
  'monitoring.coreos.com/Probe',
  'keda.sh/ScaledObject',
  'keda.sh/TriggerAuthentication',
  'argoproj.io/AnalysisTemplate',
]);

/**
 * The views read from one resource alone, kept with it: a model built again over the same
 * resources (the language server after an edit, where every file but one is unchanged) does not
 * read them again. Views are never changed once read.
 */
const views = new WeakMap<Resource, unknown>();

/** The namespaces a rule asked about while it ran, by name, or all of them (engine/rule-cache.ts). */
export interface NamespaceReads {
  names: Set<string>;
  all: boolean;
}

let reading: NamespaceReads | undefined;

/** Record the namespaces asked about from now on into `into` (none: stop). */
export function recordNamespaceReads(into: NamespaceReads | undefined): void {
  reading = into;
}

/**
 * The model's namespaces, recording what a rule asks of them: a namespace by name (`get`, `has`,
 * and so `hasNamespace`, `declaresNamespace`, `namespaceLabels`, `dataplaneFor`…), or the whole
 * set (iterating it, its size). Nothing is recorded while no rule runs (building the model).
 */
class NamespaceMap extends Map<string, NamespaceInfo> {
  override get(ns: string): NamespaceInfo | undefined {
    reading?.names.add(ns);
    return super.get(ns);
  }
  override has(ns: string): boolean {
    reading?.names.add(ns);
    return super.has(ns);
  }
  override get size(): number {
    if (reading) reading.all = true;
    return super.size;
  }
  override keys(): MapIterator<string> {
    if (reading) reading.all = true;
    return super.keys();
  }
  override values(): MapIterator<NamespaceInfo> {
    if (reading) reading.all = true;
    return super.values();
  }
  override entries(): MapIterator<[string, NamespaceInfo]> {
    if (reading) reading.all = true;
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, NamespaceInfo]> {
    if (reading) reading.all = true;
    return super[Symbol.iterator]();
  }
  override forEach(fn: (value: NamespaceInfo, key: string, map: Map<string, NamespaceInfo>) => void, thisArg?: unknown): void {
    if (reading) reading.all = true;
    super.forEach(fn, thisArg);
  }
}

/** What the rules read of one namespace, as text, and whether it has labels. */
export interface NamespaceState {
  key: string;
  labelled: boolean;
}

/**
 * Workloads read in an earlier model, with the state of their namespace their data plane was
 * resolved in: a model built again reads a workload again only when that state changed.
 */
const workloadViews = new WeakMap<Resource, { workload: Workload | undefined; namespaceState: string }>();

function viewOf<T>(r: Resource, read: (r: Resource) => T): T {
  let view = views.get(r) as T | undefined;
  if (view === undefined) views.set(r, (view = read(r)));
  return view;
}

/**
 * The read-only, indexed view of everything in the input: objects by kind, namespace, name and
 * label, identities, and the data plane of every namespace. It knows Kubernetes' own selection
 * (a Service's pods) but no Istio semantics: policy attachment and waypoint binding live in
 * `authz/`, effective mTLS in `mtls/`, as functions of the index; rules see all of it through the
 * `Model` facade (`mesh/model.ts`). Every lookup made per object goes through an index.
 */
export class ModelIndex {
  readonly mesh: MeshConfig;
  readonly resources: readonly Resource[];
  readonly namespaces: Map<string, NamespaceInfo> = new NamespaceMap();
  readonly workloads: Workload[] = [];
  readonly services: Service[] = [];
  readonly gateways: K8sGateway[] = [];
  readonly authorizationPolicies: AuthorizationPolicy[] = [];
  readonly peerAuthentications: PeerAuthentication[] = [];
  readonly requestAuthentications: SelectingPolicy[] = [];
  readonly destinationRules: DestinationRule[] = [];
  readonly sidecars: SelectingPolicy[] = [];
  readonly telemetries: SelectingPolicy[] = [];
  /** Istio kinds rules visit as the resource (VirtualService, Gateway, ServiceEntry, WorkloadEntry, …). */
  readonly istioOther: Resource[] = [];
  /** Otterize ClientIntents of every served version, in one form (model/intents.ts). */
  readonly clientIntents: ClientIntents[] = [];
  /** The Otterize operator's settings: its Deployment in the input, then the configuration. */
  readonly otterize: OtterizeConfig;
  /** What the operator makes of each ClientIntents entry: a generated policy, or why none (model/intents-policies.ts). */
  readonly intentOutcomes: readonly IntentOutcome[];
  /** Typed views of traffic objects (traffic.ts); their visitors still get the resource (`virtualServiceOf` gives the view). */
  readonly virtualServices: VirtualService[] = [];
  readonly serviceEntries: ServiceEntry[] = [];
  readonly istioGateways: IstioGateway[] = [];

  private readonly workloadsByNs = new Map<string, Workload[]>();
  private readonly labelIndex = new Map<string, Map<string, Workload[]>>();
  private readonly servicesByKey = new Map<string, Service>();
  private readonly serviceAccountsByKey = new Map<string, Resource>();
  private readonly gatewaysByKey = new Map<string, K8sGateway>();
  private readonly identities = new Map<string, IdentityOwner[]>();
  private readonly identitiesByNs = new Map<string, IdentityOwner[]>();
  private readonly serviceAccountsByNs = new Map<string, Resource[]>();
  private readonly labelValuesIndex = new Map<string, Map<string, Set<string>>>();
  /** Namespaces holding objects that may run pods the model does not see. */
  private readonly unseenPodSources = new Set<string>();
  private readonly byKindNs = new Map<string, Map<string, unknown[]>>();
  private servicesByWorkload: Map<Workload, Service[]> | undefined;
  private readonly trafficViews = new Map<Resource, VirtualService | ServiceEntry | IstioGateway>();
  private readonly istioGatewaysByKey = new Map<string, IstioGateway>();
  private hostRegistry: HostRegistry | undefined;
  private meshRoutesByHost: Map<string, HostClaim<VirtualService>[]> | undefined;
  private serviceEntryPortsByHost: Map<string, HostClaim<ServiceEntry>[]> | undefined;
  private readonly gatewayClassLabels = new Map<string, Labels>();
  private readonly protectedServicesByNs = new Map<string, ProtectedService[]>();
  private readonly outcomesByClient = new Map<Workload, IntentOutcome[]>();
  private readonly clientlessOutcomes = new Map<string, IntentOutcome[]>();
  /** Whether the input holds ClientIntents: only then does the operator label pods. */
  private readonly usesIntents: boolean;
  private readonly evidence: NamespaceEvidence;
  private readonly dataplaneStates = new Map<string, string>();
  private labelled: NamespaceInfo[] | undefined;
  /** Every model object under the kind rules visit it by, in input order. */
  private readonly order: Array<{ kind: string; node: unknown; resource: Resource }> = [];

  constructor(resources: readonly Resource[], explicitMesh: Partial<MeshSettings> = {}) {
    this.resources = resources;
    this.mesh = resolveMesh(resources, explicitMesh);
    this.otterize = resolveOtterize(resources, explicitMesh.otterize);
    this.evidence = new NamespaceEvidence(this.mesh.assumeDataPlane);
    let usesIntents = false;
    for (const r of resources) {
      if (isClientIntents(r)) usesIntents = true;
      if (r.kind === 'Namespace' && r.group === '') {
        this.namespaces.set(r.name, { name: r.name, labels: r.labels, resource: r });
        this.evidence.declare(r);
      } else if (r.kind === 'GatewayClass' && r.group === 'gateway.networking.k8s.io') {
        this.gatewayClassLabels.set(r.name, r.labels);
      }
    }
    for (const r of resources) {
      this.evidence.seeMeshInstall(r);
      if (!r.namespace) continue;
      const known = this.namespaces.get(r.namespace);
      if (!known) this.namespaces.set(r.namespace, { name: r.namespace, labels: {} });
      if (!known?.resource) this.evidence.see(r);
    }
    this.usesIntents = usesIntents;
    for (const r of resources) this.add(r);
    this.indexIdentities();
    this.intentOutcomes = intentOutcomes(this, this.clientIntents);
    this.addGeneratedPolicies();
  }

  /** The policies the Otterize operator generates take part like hand-written ones, visited after the input. */
  private addGeneratedPolicies(): void {
    const byName = new Map<string, AuthorizationPolicy>();
    for (const o of this.intentOutcomes) {
      for (const w of o.clients) pushTo(this.outcomesByClient, w, o);
      if (o.clients.length === 0) pushTo(this.clientlessOutcomes, o.intents.namespace, o);
      if (o.policy) byName.set(`${o.policy.namespace}/${o.policy.name}`, o.policy);
    }
    for (const p of byName.values()) {
      this.authorizationPolicies.push(p);
      this.order.push({ kind: 'AuthorizationPolicy', node: p, resource: p.resource });
      let byNs = this.byKindNs.get('AuthorizationPolicy');
      if (!byNs) this.byKindNs.set('AuthorizationPolicy', (byNs = new Map()));
      pushTo(byNs, p.namespace, p);
    }
  }

  /**
   * The pod labels the Otterize operator adds (`intents.otterize.com/service`, `…/owner-kind`):
   * on pods of its watched namespaces, when the input uses intents at all.
   */
  private withOtterizeLabels(w: Workload): Workload {
    const watched = this.otterize.watchedNamespaces;
    if (!this.usesIntents || (watched.length > 0 && !watched.includes(w.namespace))) return w;
    return { ...w, podLabels: { ...w.podLabels, ...otterizePodLabels(otterizeIdentity(w, this.otterize.workloadNameAnnotation)) } };
  }

  private add(r: Resource): void {
    const isWorkload = workloadKey(r) !== undefined;
    if (r.namespace && !isWorkload && !NO_POD_GROUPS.has(r.group) && !NO_POD_KINDS.has(`${r.group}/${r.kind}`)) {
      this.unseenPodSources.add(r.namespace);
    }
    if (isWorkload) {
      // A Knative Revision is owned by a Configuration in a real cluster; in manifests it stands alone.
      const read = this.workloadOf(r);
      const w = read && this.withOtterizeLabels(read);
      if (w) {
        this.order.push({ kind: 'Workload', node: w, resource: r });
        this.workloads.push(w);
        pushTo(this.workloadsByNs, w.namespace, w);
        let idx = this.labelIndex.get(w.namespace);
        if (!idx) this.labelIndex.set(w.namespace, (idx = new Map()));
        let values = this.labelValuesIndex.get(w.namespace);
        if (!values) this.labelValuesIndex.set(w.namespace, (values = new Map()));
        for (const k in w.podLabels) {
          pushTo(idx, `${k}\u0000${w.podLabels[k]}`, w);
          let set = values.get(k);
          if (!set) values.set(k, (set = new Set()));
          set.add(w.podLabels[k]!);
        }
      }
      return;
    }
    const kind = r.kind;
    if (r.group === '') {
      if (kind === 'Namespace') {
        const ns = this.namespaces.get(r.name);
        if (ns?.resource === r) this.order.push({ kind: 'Namespace', node: ns, resource: r });
      } else if (kind === 'Service') {
        const s = viewOf(r, toService);
        this.order.push({ kind: 'Service', node: s, resource: r });
        this.services.push(s);
        this.servicesByKey.set(`${s.namespace}/${s.name}`, s);
      } else if (kind === 'ServiceAccount') {
        this.serviceAccountsByKey.set(`${r.namespace}/${r.name}`, r);
        pushTo(this.serviceAccountsByNs, r.namespace, r);
      }
      return;
    }
    if (isClientIntents(r)) {
      const intents = toClientIntents(r);
      if (intents) {
        this.clientIntents.push(intents);
        this.order.push({ kind: 'ClientIntents', node: intents, resource: r });
      }
      return;
    }
    const ps = toProtectedService(r);
    if (ps) {
      pushTo(this.protectedServicesByNs, ps.namespace, ps);
      return;
    }
    if (r.group === 'gateway.networking.k8s.io' && kind === 'Gateway') {
      const spec = r.raw.spec as Record<string, unknown> | undefined;
      const cls = typeof spec?.gatewayClassName === 'string' ? this.gatewayClassLabels.get(spec.gatewayClassName) : undefined;
      const g = toK8sGateway(r, cls);
      this.order.push({ kind: 'Gateway', node: g, resource: r });
      this.gateways.push(g);
      this.gatewaysByKey.set(`${g.namespace}/${g.name}`, g);
      return;
    }
    if (!ISTIO_GROUPS.has(r.group)) return;
    let view: unknown;
    switch (kind) {
      case 'AuthorizationPolicy':
        view = viewOf(r, toAuthorizationPolicy);
        this.authorizationPolicies.push(view as AuthorizationPolicy);
        break;
      case 'PeerAuthentication':
        view = viewOf(r, toPeerAuthentication);
        this.peerAuthentications.push(view as PeerAuthentication);
        break;
      case 'RequestAuthentication':
        view = viewOf(r, toSelectingPolicy);
        this.requestAuthentications.push(view as SelectingPolicy);
        break;
      case 'DestinationRule':
        view = viewOf(r, toDestinationRule);
        this.destinationRules.push(view as DestinationRule);
        break;
      case 'Sidecar':
        view = viewOf(r, (x) => toSelectingPolicy(x, 'workloadSelector', 'labels'));
        this.sidecars.push(view as SelectingPolicy);
        break;
      case 'Telemetry':
        view = viewOf(r, toSelectingPolicy);
        this.telemetries.push(view as SelectingPolicy);
        break;
      default:
        view = r;
        this.istioOther.push(r);
        this.addTrafficView(r);
    }
    // Istio's own Gateway is not the Gateway API's: it gets a visitor of its own.
    this.order.push({ kind: kind === 'Gateway' ? 'IstioGateway' : kind, node: view, resource: r });
    let byNs = this.byKindNs.get(kind);
    if (!byNs) this.byKindNs.set(kind, (byNs = new Map()));
    pushTo(byNs, r.namespace, view);
  }

  private workloadOf(r: Resource): Workload | undefined {
    const namespaceState = this.dataplaneState(r.namespace);
    const cached = workloadViews.get(r);
    if (cached?.namespaceState === namespaceState) return cached.workload;
    const workload = toWorkload(r, (pod) => this.dataplaneFor(r.namespace, pod));
    workloadViews.set(r, { workload, namespaceState });
    return workload;
  }

  /** What `dataplaneFor(ns, pod)` reads besides the pod, as text. */
  private dataplaneState(ns: string): string {
    let state = this.dataplaneStates.get(ns);
    if (state === undefined) {
      const info = this.namespaces.get(ns);
      const declared = info?.resource !== undefined;
      state = JSON.stringify([this.mesh.complete, info?.labels ?? {}, declared, this.evidence.assumptionFor(ns, declared)]);
      this.dataplaneStates.set(ns, state);
    }
    return state;
  }

  private addTrafficView(r: Resource): void {
    if (r.group !== 'networking.istio.io') return;
    if (r.kind === 'VirtualService') {
      const v = toVirtualService(r);
      this.virtualServices.push(v);
      this.trafficViews.set(r, v);
    } else if (r.kind === 'ServiceEntry') {
      const v = toServiceEntry(r);
      this.serviceEntries.push(v);
      this.trafficViews.set(r, v);
    } else if (r.kind === 'Gateway') {
      const v = toIstioGateway(r);
      this.istioGateways.push(v);
      this.trafficViews.set(r, v);
      this.istioGatewaysByKey.set(`${v.namespace}/${v.name}`, v);
    }
  }

  private indexIdentities(): void {
    const td = this.mesh.trustDomain;
    const add = (owner: IdentityOwner) => {
      pushTo(this.identities, `${td}/ns/${owner.namespace}/sa/${owner.serviceAccount}`, owner);
      pushTo(this.identitiesByNs, owner.namespace, owner);
    };
    for (const w of this.workloads) {
      add({ kind: 'workload', namespace: w.namespace, serviceAccount: w.serviceAccount, workload: w });
    }
    for (const g of this.gateways) {
      if (!g.isWaypoint && !g.className.startsWith('istio')) continue;
      add({ kind: g.isWaypoint ? 'waypoint' : 'gateway', namespace: g.namespace, serviceAccount: g.serviceAccount, gateway: g });
    }
  }

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
  sharedState(resourceId: (r: Resource) => number): { global: string; namespaces: Map<string, NamespaceState> } {
    const replacer = (_key: string, value: unknown) => (isResourceLike(value) ? `#${resourceId(value)}` : value);
    const global = JSON.stringify([this.mesh, this.otterize, this.evidence.globalKey(resourceId), [...this.gatewayClassLabels], this.usesIntents], replacer);
    const namespaces = new Map<string, NamespaceState>();
    for (const n of this.unrecordedNamespaces()) {
      const declared = n.resource !== undefined;
      const key = JSON.stringify([n.labels, declared ? resourceId(n.resource!) : 0, this.unseenPodSources.has(n.name), this.evidence.assumptionFor(n.name, false), this.evidence.assumptionFor(n.name, true)]);
      namespaces.set(n.name, { key, labelled: Object.keys(n.labels).length > 0 });
    }
    return { global, namespaces };
  }

  /** Every namespace, without recording that a rule asked about them all. */
  private unrecordedNamespaces(): IterableIterator<NamespaceInfo> {
    return Map.prototype.values.call(this.namespaces) as IterableIterator<NamespaceInfo>;
  }

  /** The namespaces with labels: what a rule that looks only for labels iterates, without depending on the unlabelled ones. */
  labelledNamespaces(): readonly NamespaceInfo[] {
    return (this.labelled ??= [...this.unrecordedNamespaces()].filter((n) => Object.keys(n.labels).length > 0));
  }

  /** Every model object, with the kind rules visit it by (`Workload`, `Service`, `AuthorizationPolicy`…), in input order. */
  inputOrder(): ReadonlyArray<{ kind: string; node: unknown; resource: Resource }> {
    return this.order;
  }

  /**
   * Whether the input holds this namespace: only then may a rule say that something in it does
   * not exist. A partial tree must not produce "no such workload" findings about the rest.
   */
  hasNamespace(ns: string): boolean {
    return this.mesh.complete || this.namespaces.has(ns);
  }

  /**
   * Whether the input shows the workloads of `ns`: it declares the Namespace object and holds at
   * least one workload there. Only then may a rule say that no workload of `ns` has some label or
   * runs as some account — a namespace shared with components deployed from elsewhere (say
   * `knative-serving`, filled by Knative Serving and net-istio) is known only where its owner's
   * tree, which declares it, is part of the input. A namespace that also holds objects which may
   * run pods of their own (an operator's custom resource, a ReplicationController) is not known.
   * A complete input (`mesh.complete`) knows every namespace.
   */
  knowsWorkloadsOf(ns: string): boolean {
    if (this.mesh.complete) return true;
    if (SHARED_SYSTEM_NAMESPACES.has(ns)) return false;
    return this.namespaces.get(ns)?.resource !== undefined && this.workloadsIn(ns).length > 0 && !this.unseenPodSources.has(ns);
  }

  namespaceLabels(ns: string): Labels {
    return this.namespaces.get(ns)?.labels ?? {};
  }

  /** Whether the input declares the `Namespace` object, so its labels are known. */
  declaresNamespace(ns: string): boolean {
    return this.namespaces.get(ns)?.resource !== undefined;
  }

  /**
   * The data plane of pods of `ns`. For pods the input holds (`pod` given): the namespace's labels
   * when the input declares it; else the pod's own settings when they decide; else the data plane
   * taken for the namespace by evidence or `mesh.assumeDataPlane`, carried as `assumption`. For
   * pods it does not hold (Knative's activator, a gateway, pods a controller will create), whose
   * own labels are unknown: the namespace's labels when they choose a data plane, else the same
   * evidence and assumption — a bare Namespace object does not show that its pods opt out.
   * A complete input (`mesh.complete`) assumes nothing: the labels decide, and no label is none.
   */
  dataplaneFor(ns: string, pod?: Omit<PodSettings, 'namespaceLabels'>): DataplaneResolution {
    const info = this.namespaces.get(ns);
    const settings = pod ?? { podLabels: {}, podAnnotations: {} };
    // A complete input shows every label there is: what they do not choose is no data plane.
    if (this.mesh.complete) return resolveDataplane({ ...settings, namespaceLabels: info?.labels ?? {} }, ns);
    if (info?.resource && (pod || namespaceMode(ns, info.labels) !== undefined)) return resolveDataplane({ ...settings, namespaceLabels: info.labels }, ns);
    const decided = pod && podDecidesDataplane(pod, ns);
    if (decided) return decided;
    const assumption = this.evidence.assumptionFor(ns, info?.resource !== undefined);
    return { ...resolveDataplane({ ...settings, namespaceLabels: namespaceLabelsFor(assumption.dataPlane) }, ns), assumption };
  }

  /**
   * The assumptions behind these data planes (of workloads, resolutions, or assumptions already
   * picked out), once per namespace, in namespace order.
   */
  assumptionsOf(items: Iterable<{ dataplane: DataplaneResolution } | DataplaneResolution | DataplaneAssumption | undefined>): DataplaneAssumption[] {
    const out = new Map<string, DataplaneAssumption>();
    for (const item of items) {
      if (!item) continue;
      const a = 'dataplane' in item ? item.dataplane.assumption : 'basis' in item ? item : item.assumption;
      if (a) out.set(a.namespace, a);
    }
    return [...out.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
  }

  get rootNamespace(): string {
    return this.mesh.rootNamespace;
  }

  workloadsIn(ns: string): readonly Workload[] {
    return this.workloadsByNs.get(ns) ?? [];
  }

  /** Namespaces that hold at least one workload of the input. */
  workloadNamespaces(): IterableIterator<string> {
    return this.workloadsByNs.keys();
  }

  /** The values a pod label `key` takes among the workloads of `ns`. */
  labelValues(ns: string, key: string): ReadonlySet<string> {
    return this.labelValuesIndex.get(ns)?.get(key) ?? EMPTY_SET;
  }

  /** Every pod label key used by the workloads of `ns`. */
  labelKeys(ns: string): IterableIterator<string> {
    return (this.labelValuesIndex.get(ns) ?? EMPTY_MAP).keys();
  }

  /** Workloads of `ns` whose pod labels match `selector` (an empty selector matches all). */
  selectWorkloads(ns: string, selector: Labels | undefined): readonly Workload[] {
    const all = this.workloadsIn(ns);
    if (!selector) return all;
    const keys = Object.keys(selector);
    if (keys.length === 0) return all;
    const idx = this.labelIndex.get(ns);
    if (!idx) return [];
    let smallest: Workload[] | undefined;
    for (const k of keys) {
      const list = idx.get(`${k}\u0000${selector[k]}`);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return keys.length === 1 ? smallest! : smallest!.filter((w) => matchesLabels(selector, w.podLabels));
  }

  /** ProtectedService objects of namespace `ns`. */
  protectedServicesIn(ns: string): readonly ProtectedService[] {
    return this.protectedServicesByNs.get(ns) ?? [];
  }

  /** What the Otterize operator makes of the ClientIntents entries of this client workload. */
  intentOutcomesOf(client: Workload): readonly IntentOutcome[] {
    return this.outcomesByClient.get(client) ?? [];
  }

  /** The ClientIntents entries of namespace `ns` whose client runs no pod of the input. */
  clientlessIntentsIn(ns: string): readonly IntentOutcome[] {
    return this.clientlessOutcomes.get(ns) ?? [];
  }

  /** Policies of a kind in a namespace, in input order. */
  policiesIn<T = Resource>(kind: string, ns: string): readonly T[] {
    return (this.byKindNs.get(kind)?.get(ns) ?? []) as T[];
  }

  service(ns: string, name: string): Service | undefined {
    return this.servicesByKey.get(`${ns}/${name}`);
  }

  serviceAccount(ns: string, name: string): Resource | undefined {
    return this.serviceAccountsByKey.get(`${ns}/${name}`);
  }

  gateway(ns: string, name: string): K8sGateway | undefined {
    return this.gatewaysByKey.get(`${ns}/${name}`);
  }

  /** Istio's own Gateway `ns/name` (networking.istio.io). */
  istioGateway(ns: string, name: string): IstioGateway | undefined {
    return this.istioGatewaysByKey.get(`${ns}/${name}`);
  }

  /** The typed view of a VirtualService resource (the `VirtualService` visitor gets the resource). */
  virtualServiceOf(r: Resource): VirtualService | undefined {
    const v = this.trafficViews.get(r);
    return v && r.kind === 'VirtualService' ? (v as VirtualService) : undefined;
  }

  /** The typed view of an Istio Gateway resource (the `IstioGateway` visitor gets the resource). */
  istioGatewayOf(r: Resource): IstioGateway | undefined {
    const v = this.trafficViews.get(r);
    return v && r.kind === 'Gateway' ? (v as IstioGateway) : undefined;
  }

  /** The typed view of a ServiceEntry resource. */
  serviceEntryOf(r: Resource): ServiceEntry | undefined {
    const v = this.trafficViews.get(r);
    return v && r.kind === 'ServiceEntry' ? (v as ServiceEntry) : undefined;
  }

  /** The service registry (Services and ServiceEntry hosts, with exportTo), built on first use (hosts.ts). */
  get hosts(): HostRegistry {
    return (this.hostRegistry ??= new HostRegistry(this.services, this.serviceEntries));
  }

  /**
   * The hosts of VirtualServices bound to the mesh gateway (sidecars), resolved as istiod does
   * (short names in the VirtualService's namespace), each with the VirtualServices claiming it.
   */
  meshVirtualServicesByHost(): ReadonlyMap<string, readonly HostClaim<VirtualService>[]> {
    return (this.meshRoutesByHost ??= claimsByKey(this.virtualServices.filter((v) => v.meshBound), (v) =>
      v.hosts.map((h, i) => ({ key: resolveHost(h, v.namespace), path: ['spec', 'hosts', i] })),
    ));
  }

  /** ServiceEntry ports by `host:port` (hosts resolved in the ServiceEntry's namespace). */
  serviceEntryPortsByHostPort(): ReadonlyMap<string, readonly HostClaim<ServiceEntry>[]> {
    return (this.serviceEntryPortsByHost ??= claimsByKey(this.serviceEntries, (se) =>
      se.hosts.flatMap((h) => se.portEntries.map((p) => ({ key: `${resolveHost(h, se.namespace)}:${p.number}`, path: p.path, protocol: p.protocol }))),
    ));
  }

  /**
   * Whether a host the registry lacks is known not to exist: in a complete input, any host; else
   * a Kubernetes Service host (`name.ns.svc.cluster.local`) of a namespace whose Namespace object
   * the input declares. Any other host may come from a ServiceEntry in a namespace the input does
   * not hold.
   */
  knowsHost(fqdn: string): boolean {
    if (this.mesh.complete) return true;
    const ns = serviceHostNamespace(fqdn);
    return ns !== undefined && this.declaresNamespace(ns);
  }

  /**
   * The namespace of a Service host (`name.ns.svc.cluster.local`, no wildcard) that no Service or
   * ServiceEntry provides and that the input shows does not exist (`knowsHost`); else undefined.
   */
  missingServiceHostNamespace(fqdn: string): string | undefined {
    const ns = serviceHostNamespace(fqdn);
    if (!ns || fqdn.includes('*') || this.hosts.lookup(fqdn).length > 0 || !this.knowsHost(fqdn)) return undefined;
    return ns;
  }

  /** Pods behind a Service (none for a Service without selector). */
  servicePods(s: Service): readonly Workload[] {
    if (!s.selector || Object.keys(s.selector).length === 0) return [];
    return this.selectWorkloads(s.namespace, s.selector);
  }

  /** Services whose selector matches the workload's pods. */
  servicesOf(w: Workload): readonly Service[] {
    if (!this.servicesByWorkload) {
      const map = new Map<Workload, Service[]>();
      for (const s of this.services) for (const pod of this.servicePods(s)) pushTo(map, pod, s);
      this.servicesByWorkload = map;
    }
    return this.servicesByWorkload.get(w) ?? [];
  }

  /** `<trustDomain>/ns/<ns>/sa/<sa>` of a workload. */
  identityOf(w: Workload): string {
    return `${this.mesh.trustDomain}/ns/${w.namespace}/sa/${w.serviceAccount}`;
  }

  /** Who in the input runs as this principal (exact match). */
  ownersOf(principal: string): readonly IdentityOwner[] {
    return this.identities.get(principal) ?? [];
  }

  /** Who runs in namespace `ns` (workloads, waypoints, Istio gateways), whatever their identity. */
  identitiesIn(ns: string): readonly IdentityOwner[] {
    return this.identitiesByNs.get(ns) ?? [];
  }

  /** ServiceAccount objects of namespace `ns`. */
  serviceAccountsIn(ns: string): readonly Resource[] {
    return this.serviceAccountsByNs.get(ns) ?? [];
  }

  /** Every identity that some pod of the input runs as. */
  allIdentities(): IterableIterator<string> {
    return this.identities.keys();
  }

  /** `<fqdn>` of a Service, as Istio's hosts name it. */
  hostOf(s: Service): string {
    return `${s.name}.${s.namespace}.svc.cluster.local`;
  }
}

function isResourceLike(v: unknown): v is Resource {
  return typeof v === 'object' && v !== null && 'doc' in v && 'raw' in v && 'base' in v;
}
