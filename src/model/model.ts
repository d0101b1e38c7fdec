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
  type MtlsMode,
  type PeerAuthentication,
  type SelectingPolicy,
  type Service,
} from './kinds.js';
import { NamespaceEvidence } from './assumptions.js';
import { namespaceLabelsFor, namespaceMode, podDecidesDataplane, resolveDataplane, type DataplaneAssumption, type DataplaneResolution, type PodSettings } from './dataplane.js';
import { resolveMesh, type MeshConfig, type MeshSettings } from './mesh.js';
import { arr, isRecord, str, stringMap, type Labels, type Resource } from './resource.js';
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

export interface WaypointBinding {
  /** The waypoint's name and namespace as the label says. */
  name: string;
  namespace: string;
  /** The Gateway object, when it is part of the input. */
  gateway?: K8sGateway;
  /** Whether the label sits on the object itself or on its namespace. */
  via: 'object' | 'namespace';
}

export interface EffectiveMtls {
  mode: Exclude<MtlsMode, 'UNSET'>;
  /** The PeerAuthentication that decided, if any (none: Istio's default, PERMISSIVE). */
  decidedBy?: PeerAuthentication;
  /** True when the mode comes from a port-level setting. */
  portLevel: boolean;
}

/** A Kubernetes LabelSelector (matchLabels and matchExpressions); a malformed one matches nothing. */
function matchesLabelSelector(sel: unknown, labels: Labels): boolean {
  if (!isRecord(sel)) return false;
  if (!matchesLabels(stringMap(sel.matchLabels), labels)) return false;
  for (const e of arr(sel.matchExpressions)) {
    if (!isRecord(e) || typeof e.key !== 'string') return false;
    const values = arr(e.values).filter((v): v is string => typeof v === 'string');
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const v = labels[e.key];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(v!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(v!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
const EMPTY_MAP: ReadonlyMap<string, unknown> = new Map();

/**
 * Whether a workload is an Istio gateway (an Envoy that enforces policies although it has no
 * sidecar): the `gateway` injection template (manifests/charts/gateway), the `istio: *gateway`
 * label of istioctl-installed gateways, or the labels Istio puts on Gateway API deployments
 * (pilot/pkg/config/kube/gateway/templates/deployment.yaml).
 */
export function isIstioGatewayWorkload(w: Workload): boolean {
  const istio = w.podLabels.istio;
  return (
    (w.podAnnotations['inject.istio.io/templates'] ?? '').split(',').includes('gateway') ||
    (istio !== undefined && istio.endsWith('gateway')) ||
    w.podLabels['gateway.networking.k8s.io/gateway-name'] !== undefined ||
    w.podLabels['istio.io/gateway-name'] !== undefined
  );
}

function matchesLabels(selector: Labels, labels: Labels): boolean {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

/** The policy Istio prefers among several of one level: the oldest, else the first in the input. */
function oldest<T extends { resource: Resource }>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestTime = Infinity;
  for (const p of list) {
    const meta = p.resource.raw.metadata as Record<string, unknown> | undefined;
    const ts = typeof meta?.creationTimestamp === 'string' ? Date.parse(meta.creationTimestamp) : NaN;
    const t = Number.isNaN(ts) ? Infinity : ts;
    if (!best || t < bestTime) {
      best = p;
      bestTime = t;
    }
  }
  return best;
}

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

const ISTIO_GROUPS = new Set(['security.istio.io', 'networking.istio.io', 'telemetry.istio.io']);

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
 * The read-only, indexed view of everything in the input. Rules ask it questions; they never
 * scan raw documents, and every lookup that a rule makes per object goes through an index.
 */
export class Model {
  readonly mesh: MeshConfig;
  readonly resources: readonly Resource[];
  readonly namespaces = new Map<string, NamespaceInfo>();
  readonly workloads: Workload[] = [];
  readonly services: Service[] = [];
  readonly gateways: K8sGateway[] = [];
  readonly authorizationPolicies: AuthorizationPolicy[] = [];
  readonly peerAuthentications: PeerAuthentication[] = [];
  readonly requestAuthentications: SelectingPolicy[] = [];
  readonly destinationRules: DestinationRule[] = [];
  readonly sidecars: SelectingPolicy[] = [];
  readonly telemetries: SelectingPolicy[] = [];
  /** Istio kinds without a dedicated view (VirtualService, Gateway, ServiceEntry, WorkloadEntry, …). */
  readonly istioOther: Resource[] = [];

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
  private readonly gatewayClassLabels = new Map<string, Labels>();
  private readonly evidence: NamespaceEvidence;
  /** Every model object under the kind rules visit it by, in input order. */
  private readonly order: Array<{ kind: string; node: { resource: Resource } }> = [];

  constructor(resources: readonly Resource[], explicitMesh: Partial<MeshSettings> = {}) {
    this.resources = resources;
    this.mesh = resolveMesh(resources, explicitMesh);
    this.evidence = new NamespaceEvidence(this.mesh.assumeDataPlane);
    for (const r of resources) {
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
    for (const r of resources) this.add(r);
    this.indexIdentities();
  }

  private add(r: Resource): void {
    if (r.namespace && !workloadKey(r) && !NO_POD_GROUPS.has(r.group) && !NO_POD_KINDS.has(`${r.group}/${r.kind}`)) {
      this.unseenPodSources.add(r.namespace);
    }
    if (workloadKey(r)) {
      // A Knative Revision is owned by a Configuration in a real cluster; in manifests it stands alone.
      const w = toWorkload(r, (pod) => this.dataplaneFor(r.namespace, pod));
      if (w) {
        this.order.push({ kind: 'Workload', node: w });
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
        if (ns?.resource === r) this.order.push({ kind: 'Namespace', node: ns as { resource: Resource } });
      } else if (kind === 'Service') {
        const s = toService(r);
        this.order.push({ kind: 'Service', node: s });
        this.services.push(s);
        this.servicesByKey.set(`${s.namespace}/${s.name}`, s);
      } else if (kind === 'ServiceAccount') {
        this.serviceAccountsByKey.set(`${r.namespace}/${r.name}`, r);
        pushTo(this.serviceAccountsByNs, r.namespace, r);
      }
      return;
    }
    if (r.group === 'gateway.networking.k8s.io' && kind === 'Gateway') {
      const spec = r.raw.spec as Record<string, unknown> | undefined;
      const cls = typeof spec?.gatewayClassName === 'string' ? this.gatewayClassLabels.get(spec.gatewayClassName) : undefined;
      const g = toK8sGateway(r, cls);
      this.order.push({ kind: 'Gateway', node: g });
      this.gateways.push(g);
      this.gatewaysByKey.set(`${g.namespace}/${g.name}`, g);
      return;
    }
    if (!ISTIO_GROUPS.has(r.group)) return;
    let view: unknown;
    switch (kind) {
      case 'AuthorizationPolicy':
        view = toAuthorizationPolicy(r);
        this.authorizationPolicies.push(view as AuthorizationPolicy);
        break;
      case 'PeerAuthentication':
        view = toPeerAuthentication(r);
        this.peerAuthentications.push(view as PeerAuthentication);
        break;
      case 'RequestAuthentication':
        view = toSelectingPolicy(r);
        this.requestAuthentications.push(view as SelectingPolicy);
        break;
      case 'DestinationRule':
        view = toDestinationRule(r);
        this.destinationRules.push(view as DestinationRule);
        break;
      case 'Sidecar':
        view = toSelectingPolicy(r, 'workloadSelector', 'labels');
        this.sidecars.push(view as SelectingPolicy);
        break;
      case 'Telemetry':
        view = toSelectingPolicy(r);
        this.telemetries.push(view as SelectingPolicy);
        break;
      default:
        view = r;
        this.istioOther.push(r);
    }
    this.order.push({ kind, node: view as { resource: Resource } });
    let byNs = this.byKindNs.get(kind);
    if (!byNs) this.byKindNs.set(kind, (byNs = new Map()));
    pushTo(byNs, r.namespace, view);
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

  /** Every model object, with the kind rules visit it by (`Workload`, `Service`, `AuthorizationPolicy`…), in input order. */
  inputOrder(): ReadonlyArray<{ kind: string; node: { resource: Resource } }> {
    return this.order;
  }

  /**
   * Whether the input holds this namespace: only then may a rule say that something in it does
   * not exist. A partial tree must not produce "no such workload" findings about the rest.
   */
  hasNamespace(ns: string): boolean {
    return this.namespaces.has(ns);
  }

  /**
   * Whether the input shows the workloads of `ns`: it declares the Namespace object and holds at
   * least one workload there. Only then may a rule say that no workload of `ns` has some label or
   * runs as some account — a namespace shared with components deployed from elsewhere (say
   * `knative-serving`, filled by Knative Serving and net-istio) is known only where its owner's
   * tree, which declares it, is part of the input. A namespace that also holds objects which may
   * run pods of their own (an operator's custom resource, a ReplicationController) is not known.
   */
  knowsWorkloadsOf(ns: string): boolean {
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
   */
  dataplaneFor(ns: string, pod?: Omit<PodSettings, 'namespaceLabels'>): DataplaneResolution {
    const info = this.namespaces.get(ns);
    const settings = pod ?? { podLabels: {}, podAnnotations: {} };
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

  /**
   * Workloads a selecting policy applies to. In the root namespace a selector matches workloads of
   * every namespace (AuthorizationPolicy, istio pilot/pkg/model/authorization.go); `rootSpansMesh`
   * false keeps it to the root namespace itself.
   */
  policyWorkloads(p: SelectingPolicy, rootSpansMesh = true): readonly Workload[] {
    if (p.targetRefs.length > 0) return [];
    if (rootSpansMesh && p.namespace === this.rootNamespace) {
      if (!p.selector || Object.keys(p.selector).length === 0) return this.workloads;
      const out: Workload[] = [];
      for (const ns of this.workloadsByNs.keys()) out.push(...this.selectWorkloads(ns, p.selector));
      return out;
    }
    return this.selectWorkloads(p.namespace, p.selector);
  }

  /** Policies of a kind in a namespace, in input order. */
  policiesIn<T = Resource>(kind: string, ns: string): readonly T[] {
    return (this.byKindNs.get(kind)?.get(ns) ?? []) as T[];
  }

  /**
   * AuthorizationPolicies attached to a workload by selector or namespace (not targetRefs): those of
   * its namespace and of the root namespace. These are what a sidecar or ztunnel enforces.
   */
  authorizationPoliciesFor(w: Workload): AuthorizationPolicy[] {
    const out: AuthorizationPolicy[] = [];
    const consider = (ns: string) => {
      for (const p of this.policiesIn<AuthorizationPolicy>('AuthorizationPolicy', ns)) {
        if (p.targetRefs.length > 0) continue;
        if (!p.selector || matchesLabels(p.selector, w.podLabels)) out.push(p);
      }
    };
    consider(w.namespace);
    if (w.namespace !== this.rootNamespace) consider(this.rootNamespace);
    return out;
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

  /**
   * The waypoint a Service's traffic is sent to (pilot/pkg/serviceregistry/ambient/waypoints.go):
   * `istio.io/use-waypoint` on the Service, else on its namespace; `none` opts out;
   * `istio.io/use-waypoint-namespace` names the waypoint's namespace. Services bind only to
   * waypoints for `service` or `all` traffic.
   */
  waypointOfService(s: Service): WaypointBinding | undefined {
    return this.bindWaypoint(s.resource.labels, s.namespace, ['service', 'all']);
  }

  /** The waypoint for traffic addressed to a workload's pods directly (`workload` or `all` waypoints). */
  waypointOfWorkload(w: Workload): WaypointBinding | undefined {
    return this.bindWaypoint(w.podLabels, w.namespace, ['workload', 'all']);
  }

  private bindWaypoint(labels: Labels, ns: string, accepted: string[]): WaypointBinding | undefined {
    const nsLabels = this.namespaceLabels(ns);
    let via: WaypointBinding['via'];
    let name: string | undefined;
    let wpNs: string | undefined;
    if (labels['istio.io/use-waypoint'] !== undefined) {
      via = 'object';
      name = labels['istio.io/use-waypoint'];
      wpNs = labels['istio.io/use-waypoint-namespace'];
    } else {
      via = 'namespace';
      name = nsLabels['istio.io/use-waypoint'];
      wpNs = nsLabels['istio.io/use-waypoint-namespace'];
    }
    if (!name || name === 'none') return undefined;
    const namespace = wpNs ?? ns;
    const gateway = this.gateway(namespace, name);
    if (gateway && !accepted.includes(gateway.waypointFor)) return undefined;
    if (gateway && !this.waypointAdmits(gateway, ns)) return undefined;
    return { name, namespace, gateway, via };
  }

  /**
   * Whether a waypoint accepts objects of namespace `ns` (pilot/pkg/serviceregistry/ambient/
   * waypoints.go, AllowsAttachmentFromNamespace): its HBONE listener's (port 15008)
   * `allowedRoutes.namespaces.from` — `Same` by default, `All`, or `Selector` on the namespace's
   * labels. Istio binds nothing when it refuses. A namespace absent from the input has unknown
   * labels: a selector is then given the benefit of the doubt.
   */
  private waypointAdmits(g: K8sGateway, ns: string): boolean {
    if (g.namespace === ns) return true;
    const spec = isRecord(g.resource.raw.spec) ? g.resource.raw.spec : {};
    const hbone = arr(spec.listeners).find((l) => isRecord(l) && l.protocol === 'HBONE' && l.port === 15008);
    const allowed = isRecord(hbone) && isRecord(hbone.allowedRoutes) ? hbone.allowedRoutes : {};
    const namespaces = isRecord(allowed.namespaces) ? allowed.namespaces : {};
    const from = str(namespaces.from) ?? 'Same';
    if (from === 'All') return true;
    // A Selector without a selector selects nothing (LabelSelectorAsSelector(nil)).
    if (from !== 'Selector' || !isRecord(namespaces.selector)) return false;
    if (!this.hasNamespace(ns) || !this.namespaces.get(ns)!.resource) return true;
    return matchesLabelSelector(namespaces.selector, { ...this.namespaceLabels(ns), 'kubernetes.io/metadata.name': ns });
  }

  /**
   * The mTLS mode a workload accepts on a port (pilot/pkg/security/authn/policy_applier.go,
   * ComposePeerAuthentication; the ambient conversion in pilot/pkg/serviceregistry/ambient/
   * authorization.go picks the same three policies): the workload's own PeerAuthentication
   * (port-level first), then the namespace's, then the mesh's (root namespace, no selector);
   * UNSET inherits from the next level; with none at all, PERMISSIVE. A PeerAuthentication with a
   * selector in the root namespace is not a workload policy and is ignored. When a level has
   * several candidates the oldest wins (`metadata.creationTimestamp`, else input order).
   */
  effectiveMtls(w: Workload, port?: number): EffectiveMtls {
    return this.effectiveMtlsFor(w.namespace, w.podLabels, port);
  }

  /**
   * effectiveMtls for pods known only by namespace and labels (e.g. pods a controller will create
   * that the input does not list).
   */
  effectiveMtlsFor(namespace: string, podLabels: Labels, port?: number): EffectiveMtls {
    const { workloadPa, nsPa, meshPa } = this.peerAuthenticationsFor(namespace, podLabels);
    if (workloadPa && port !== undefined) {
      const m = workloadPa.portLevel.get(port);
      if (m && m !== 'UNSET') return { mode: m, decidedBy: workloadPa, portLevel: true };
    }
    for (const pa of [workloadPa, nsPa, meshPa]) {
      if (pa && pa.mode !== 'UNSET') return { mode: pa.mode, decidedBy: pa, portLevel: false };
    }
    return { mode: 'PERMISSIVE', portLevel: false };
  }

  /** The three PeerAuthentications that decide for pods of `namespace` with `podLabels`. */
  private peerAuthenticationsFor(namespace: string, podLabels: Labels): { workloadPa?: PeerAuthentication; nsPa?: PeerAuthentication; meshPa?: PeerAuthentication } {
    const root = this.rootNamespace;
    const nsWide = (p: PeerAuthentication) => !p.selector || Object.keys(p.selector).length === 0;
    const inNs = namespace === root ? [] : this.policiesIn<PeerAuthentication>('PeerAuthentication', namespace);
    const workloadPa = oldest(inNs.filter((p) => !nsWide(p) && matchesLabels(p.selector!, podLabels)));
    const nsPa = oldest(inNs.filter(nsWide));
    const meshPa = oldest(this.policiesIn<PeerAuthentication>('PeerAuthentication', root).filter(nsWide));
    return { workloadPa, nsPa, meshPa };
  }

  /**
   * The mTLS mode ztunnel enforces for an ambient workload on a port: what istiod sends it
   * (pilot/pkg/serviceregistry/ambient/authorization.go, convertedSelectorPeerAuthentications and
   * convertPeerAuthentication), which is effectiveMtls except for one case where istiod's code and
   * its comments differ. convertPeerAuthentication skips a port-level STRICT as "enforced by the
   * parent policy" when `isStrict(workload) || (isUnset(workload) && nsStrict) || (nsNilOrUnset &&
   * rootStrict)` — Go's `&&` binds tighter than `||`, so the third case does not require the
   * workload's own mode to be unset. Under a STRICT mesh-wide PeerAuthentication with no (or an
   * UNSET) namespace one, a workload PeerAuthentication PERMISSIVE or DISABLE with a port-level
   * STRICT therefore yields no policy at all, and since that workload's mode also keeps the static
   * STRICT policy away, ztunnel admits plaintext on the port the user made STRICT. meshlint follows
   * the code here (it is what runs) and marks the result `istiodSlip`.
   */
  ztunnelMtls(w: Workload, port?: number): EffectiveMtls & { istiodSlip?: { workload: PeerAuthentication; mesh: PeerAuthentication } } {
    const em = this.effectiveMtlsFor(w.namespace, w.podLabels, port);
    if (em.mode !== 'STRICT' || !em.portLevel) return em;
    const { workloadPa, nsPa, meshPa } = this.peerAuthenticationsFor(w.namespace, w.podLabels);
    if (!workloadPa || em.decidedBy !== workloadPa || (workloadPa.mode !== 'PERMISSIVE' && workloadPa.mode !== 'DISABLE')) return em;
    if (nsPa && nsPa.mode !== 'UNSET') return em;
    if (!meshPa || meshPa.mode !== 'STRICT') return em;
    return { mode: 'PERMISSIVE', decidedBy: workloadPa, portLevel: true, istiodSlip: { workload: workloadPa, mesh: meshPa } };
  }
}
