/**
 * Who talks to a Service port through Envoy, and what the pods behind it accept: the two sides
 * the mTLS rules compare.
 */
import type { Service, ServicePort } from '../model/kinds.js';
import { namespaceMode, type DataplaneAssumption } from '../model/dataplane.js';
import type { ModelIndex } from '../model/model.js';
import type { Labels } from '../model/resource.js';
import type { Workload } from '../model/workloads.js';
import { effectiveMtls, type EffectiveMtls } from './peer-authentication.js';
import { destinationRuleIndex, type ClientTls } from './destination-rule.js';

/** The container port a Service port sends to on a workload (named `targetPort` looked up in its containers). */
export function targetPortOf(p: ServicePort, w: Workload): number | undefined {
  if (typeof p.targetPort === 'number') return p.targetPort;
  const named = w.ports.find((c) => c.name === p.targetPort);
  if (named) return named.port;
  // A numeric string is a number to Kubernetes.
  return /^\d+$/.test(p.targetPort) ? Number(p.targetPort) : undefined;
}

/** Whether the pod runs an Istio sidecar: by injection labels, or injected already (istioctl kube-inject output). */
export function hasSidecar(w: Workload): boolean {
  if (w.dataplane.mode === 'sidecar') return true;
  if (w.dataplane.mode === 'ambient') return false;
  if (w.podAnnotations['sidecar.istio.io/status'] !== undefined) return true;
  return false;
}

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
export function sidecarBackends(model: ModelIndex, s: Service, p: ServicePort): Backend[] {
  const out: Backend[] = [];
  for (const w of model.servicePods(s)) {
    if (!hasSidecar(w)) continue;
    const targetPort = targetPortOf(p, w);
    const mtls = effectiveMtls(model, w, targetPort);
    if (targetPort === undefined && mtls.decidedBy && mtls.decidedBy.selector && mtls.decidedBy.portLevel.size > 0) continue;
    out.push({ workload: w, targetPort, mtls });
  }
  return out;
}

/**
 * Pods behind a Service port that are outside the mesh: no sidecar and not ambient, in a namespace
 * the input describes (so that "no sidecar" is known, not guessed).
 */
export function plainBackends(model: ModelIndex, s: Service): Workload[] {
  return model.servicePods(s).filter((w) => w.dataplane.mode === 'none' && !w.dataplane.assumption && !hasSidecar(w));
}

/** The namespace's labels give its pods sidecars (dataplane.ts, the injector's webhooks). */
function injectsSidecars(ns: string, labels: Labels): boolean {
  return namespaceMode(ns, labels) === 'sidecar';
}

const clientCache = new WeakMap<ModelIndex, ReadonlyMap<string, ClientEvidence>>();

/** Why a namespace counts as having Envoy clients: seen in the input, or assumed from its DestinationRules. */
export type ClientEvidence = 'known' | 'assumed';

/**
 * Namespaces whose pods send through Envoy and so use DestinationRules: known — a sidecar pod in
 * the input, a namespace label asking for injection, an Istio gateway — or assumed — the namespace
 * holds a DestinationRule (outside the root namespace) and the input does not show that its pods
 * are not sidecars (see mayHaveEnvoyClients).
 * ztunnel (ambient) and waypoints never read DestinationRule TLS: they always use HBONE.
 */
export function envoyClientNamespaces(model: ModelIndex): ReadonlyMap<string, ClientEvidence> {
  const cached = clientCache.get(model);
  if (cached) return cached;
  const out = new Map<string, ClientEvidence>();
  for (const w of model.workloads) if (hasSidecar(w)) out.set(w.namespace, 'known');
  // Only labels ask for injection: a namespace without labels that comes or goes changes nothing here.
  for (const info of model.labelledNamespaces()) if (injectsSidecars(info.name, info.labels)) out.set(info.name, 'known');
  for (const g of model.gateways) if (!g.isWaypoint && g.className.startsWith('istio')) out.set(g.namespace, 'known');
  for (const dr of model.destinationRules) {
    if (dr.namespace !== model.rootNamespace && !out.has(dr.namespace) && mayHaveEnvoyClients(model, dr.namespace)) out.set(dr.namespace, 'assumed');
  }
  clientCache.set(model, out);
  return out;
}

/**
 * Unless the input shows otherwise — its pods are listed and none has a sidecar, or it is enrolled
 * in ambient — a namespace may hold Envoy clients.
 */
export function mayHaveEnvoyClients(model: ModelIndex, ns: string): boolean {
  let byNs = mayHaveCache.get(model);
  if (!byNs) mayHaveCache.set(model, (byNs = new Map()));
  let answer = byNs.get(ns);
  if (answer === undefined) byNs.set(ns, (answer = readMayHaveEnvoyClients(model, ns)));
  return answer;
}

/** Asked once per Service by several rules: answered once per namespace. */
const mayHaveCache = new WeakMap<ModelIndex, Map<string, boolean>>();

function readMayHaveEnvoyClients(model: ModelIndex, ns: string): boolean {
  if (hasKnownEnvoyClients(model, ns)) return true;
  if (model.dataplaneFor(ns).mode === 'ambient') return false;
  return model.workloadsIn(ns).length === 0;
}

function hasKnownEnvoyClients(model: ModelIndex, ns: string): boolean {
  return injectsSidecars(ns, model.namespaceLabels(ns)) || model.workloadsIn(ns).some(hasSidecar);
}

const assumedClientsCache = new WeakMap<ModelIndex, ReadonlyMap<string, DataplaneAssumption>>();

/**
 * Client namespaces of envoyClientNamespaces known only by assumption: the input does not declare
 * them and every sidecar pod of theirs has its sidecar by evidence or by `mesh.assumeDataPlane`.
 */
function assumedClientNamespaces(model: ModelIndex): ReadonlyMap<string, DataplaneAssumption> {
  const cached = assumedClientsCache.get(model);
  if (cached) return cached;
  const out = new Map<string, DataplaneAssumption>();
  for (const [ns, evidence] of envoyClientNamespaces(model)) {
    if (evidence !== 'known' || model.declaresNamespace(ns)) continue;
    const sidecars = model.workloadsIn(ns).filter(hasSidecar);
    const assumption = sidecars[0]?.dataplane.assumption;
    if (assumption && sidecars.every((w) => w.dataplane.assumption)) out.set(ns, assumption);
  }
  assumedClientsCache.set(model, out);
  return out;
}

const groupMembers = new WeakMap<ReadonlyArray<[string, ClientEvidence]>, ReadonlySet<string>>();

/** The assumptions behind the clients these views stand for (groups are not expanded). */
export function clientAssumptions(model: ModelIndex, views: readonly ClientView[]): DataplaneAssumption[] {
  const assumed = assumedClientNamespaces(model);
  const out: DataplaneAssumption[] = [];
  for (const v of views) {
    if (v.workload) {
      if (v.workload.dataplane.assumption) out.push(v.workload.dataplane.assumption);
    } else if (v.group && assumed.size > 0) {
      let members = groupMembers.get(v.group.all);
      if (!members) groupMembers.set(v.group.all, (members = new Set(v.group.all.map(([ns]) => ns))));
      for (const [ns, a] of assumed) if (members.has(ns) && !v.group.except.has(ns)) out.push(a);
    } else {
      const a = assumed.get(v.namespace);
      if (a) out.push(a);
    }
  }
  return out;
}

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
  group?: { all: ReadonlyArray<[string, ClientEvidence]>; except: ReadonlySet<string> };
  tls: ClientTls;
}

/** A key that tells views apart: per workload, per namespace, or per group. */
export function viewKey(v: ClientView): string {
  if (v.workload) return `${v.namespace}/${v.workload.name}`;
  if (v.group) return `*${[...v.group.except].sort().join(',')}`;
  return v.namespace;
}

interface ClientNamespaces {
  /** Every client namespace, sorted, with its evidence. */
  all: Array<[string, ClientEvidence]>;
  /** The root namespace and namespaces named in some rule's `exportTo`: their lookup is their own. */
  always: ReadonlySet<string>;
  /** Namespaces holding a rule for each exact host, and for each wildcard suffix (`.ns.svc.cluster.local`; `` for `*`). */
  exact: ReadonlyMap<string, ReadonlySet<string>>;
  wildcard: ReadonlyMap<string, ReadonlySet<string>>;
  /** specialFor's answers by host: several rules ask for every port of every Service. */
  special: Map<string, ReadonlySet<string>>;
}

const namespacesCache = new WeakMap<ModelIndex, ClientNamespaces>();

function addTo(map: Map<string, Set<string>>, key: string, ns: string): void {
  const set = map.get(key);
  if (set) set.add(ns);
  else map.set(key, new Set([ns]));
}

function clientNamespaces(model: ModelIndex): ClientNamespaces {
  const cached = namespacesCache.get(model);
  if (cached) return cached;
  const all = [...envoyClientNamespaces(model)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const always = new Set<string>([model.rootNamespace]);
  const exact = new Map<string, Set<string>>();
  const wildcard = new Map<string, Set<string>>();
  for (const r of destinationRuleIndex(model).rules) {
    for (const ns of r.exportTo) if (ns !== '*' && ns !== '~' && ns !== '.') always.add(ns);
    if (r.host.startsWith('*')) addTo(wildcard, r.host.slice(1), r.dr.namespace);
    else addTo(exact, r.host, r.dr.namespace);
  }
  const out = { all, always, exact, wildcard, special: new Map<string, ReadonlySet<string>>() };
  namespacesCache.set(model, out);
  return out;
}

/**
 * Client namespaces whose DestinationRule lookup for `host` can differ from another's: those with
 * a rule of their own covering the host, the root namespace, and those named in an `exportTo`.
 * For every other client namespace the lookup is the same (push_context.go: only these inputs
 * depend on the client's namespace), so it is done once, not once per namespace.
 */
function specialFor(cn: ClientNamespaces, host: string): ReadonlySet<string> {
  let out = cn.special.get(host);
  if (!out) cn.special.set(host, (out = readSpecialFor(cn, host)));
  return out;
}

function readSpecialFor(cn: ClientNamespaces, host: string): Set<string> {
  const out = new Set(cn.always);
  for (const ns of cn.exact.get(host) ?? []) out.add(ns);
  for (let i = host.indexOf('.'); ; i = host.indexOf('.', i + 1)) {
    for (const ns of cn.wildcard.get(i === -1 ? '' : host.slice(i)) ?? []) out.add(ns);
    if (i === -1) break;
  }
  return out;
}

/**
 * The TLS each Envoy client sends to a Service port: one view per client namespace (those of
 * envoyClientNamespaces, and the Service's own unless it is known to hold none), or per
 * sidecar workload in namespaces where a workload-selector DestinationRule may pick them apart;
 * sorted by namespace. `want` keeps only the views a rule is interested in: namespaces that share
 * one lookup are skipped together when it does not want theirs, so a large mesh costs a lookup per
 * Service port and special namespace, not per namespace.
 */
export function clientViews(model: ModelIndex, s: Service, p: ServicePort, want: (tls: ClientTls) => boolean = () => true): ClientView[] {
  let byPort = viewsCache.get(model)?.get(s);
  if (!byPort) {
    let byService = viewsCache.get(model);
    if (!byService) viewsCache.set(model, (byService = new WeakMap()));
    byService.set(s, (byPort = new Map()));
  }
  let all = byPort.get(p);
  if (!all) byPort.set(p, (all = readClientViews(model, s, p)));
  return all.filter((v) => want(v.tls));
}

/**
 * Several rules ask for the views of the same Service port, each keeping a different part: they
 * are read once per model, all of them, and filtered per caller (filtering the sorted list keeps
 * the order a filtered read would give).
 */
const viewsCache = new WeakMap<ModelIndex, WeakMap<Service, Map<ServicePort, readonly ClientView[]>>>();

function readClientViews(model: ModelIndex, s: Service, p: ServicePort): ClientView[] {
  const idx = destinationRuleIndex(model);
  const host = model.hostOf(s);
  const cn = clientNamespaces(model);
  const specialNames = specialFor(cn, host);
  const clients = envoyClientNamespaces(model);
  const special: Array<[string, ClientEvidence]> = [];
  for (const ns of specialNames) {
    const evidence = clients.get(ns);
    if (evidence) special.push([ns, evidence]);
  }
  // The Service's own namespace may hold clients that the input does not show.
  const ownAssumed = !clients.has(s.namespace) && mayHaveEnvoyClients(model, s.namespace);
  if (ownAssumed && specialNames.has(s.namespace)) special.push([s.namespace, 'assumed']);
  const out: ClientView[] = [];
  // Every other namespace gets the same answer: one lookup, made for a representative.
  const representative = cn.all.find(([ns]) => !specialNames.has(ns))?.[0] ?? (ownAssumed && !specialNames.has(s.namespace) ? s.namespace : undefined);
  if (representative !== undefined) {
    const shared = idx.clientTls(representative, host, s.namespace, p.port);
    const first = cn.all.find(([ns]) => !specialNames.has(ns));
    if (first) out.push({ namespace: first[0], evidence: first[1], group: { all: cn.all, except: specialNames }, tls: shared });
    if (ownAssumed && !specialNames.has(s.namespace)) out.push({ namespace: s.namespace, evidence: 'assumed', tls: shared });
  }
  for (const [ns, evidence] of special) {
    const selectorRules = model.policiesIn<{ workloadSelector?: Labels }>('DestinationRule', ns).some((d) => d.workloadSelector !== undefined);
    const sidecars = selectorRules ? model.workloadsIn(ns).filter(hasSidecar) : [];
    if (sidecars.length === 0) {
      out.push({ namespace: ns, evidence, tls: idx.clientTls(ns, host, s.namespace, p.port) });
      continue;
    }
    const perWorkload = sidecars.map((w) => ({ namespace: ns, evidence, workload: w, tls: idx.clientTls(ns, host, s.namespace, p.port, w.podLabels) }));
    // Where every workload ends up with the same rule, the namespace speaks for them.
    const same = perWorkload.every((v) => v.tls.lookup.rule === perWorkload[0]!.tls.lookup.rule && v.tls.mode === perWorkload[0]!.tls.mode);
    if (same) out.push({ namespace: ns, evidence, tls: perWorkload[0]!.tls });
    else out.push(...perWorkload);
  }
  // Stable: a namespace's per-workload views keep their order.
  return out.sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}

/** "a, b, c and 4 more" */
export function listNames(names: readonly string[], max = 4): string {
  const uniq = [...new Set(names)];
  if (uniq.length <= max) {
    return uniq.length <= 1 ? (uniq[0] ?? '') : `${uniq.slice(0, -1).join(', ')} and ${uniq[uniq.length - 1]}`;
  }
  return `${uniq.slice(0, max).join(', ')} and ${uniq.length - max} more`;
}

/** How to name a group of clients in a one-line message: "sidecars and gateways in namespaces bar and foo", "Deployment foo/sleep". */
export function describeClients(views: readonly ClientView[]): string {
  // Groups stand for every client namespace but a few: counted and named without expanding them.
  let all: ReadonlyArray<[string, ClientEvidence]> | undefined;
  let excluded: Set<string> | undefined;
  const singles = new Map<string, ClientEvidence>();
  for (const v of views) {
    if (v.workload) continue;
    if (v.group) {
      all = v.group.all;
      excluded = excluded ? new Set([...excluded].filter((ns) => v.group!.except.has(ns))) : new Set(v.group.except);
    } else if (singles.get(v.namespace) !== 'known') {
      singles.set(v.namespace, v.evidence);
    }
  }
  const classes = all ? evidenceClasses(all) : undefined;
  const covered = (ns: string) => classes !== undefined && classes.evidence.has(ns) && !excluded!.has(ns);
  const names = (evidence: ClientEvidence): string => {
    const extra = [...singles].filter(([ns, e]) => e === evidence && !covered(ns)).map(([ns]) => ns);
    let count = extra.length;
    const first: string[] = [...extra];
    if (classes) {
      const members = classes[evidence];
      count += members.length - [...excluded!].filter((ns) => classes.evidence.get(ns) === evidence).length;
      for (const ns of members) {
        if (first.length >= extra.length + 5) break;
        if (!excluded!.has(ns)) first.push(ns);
      }
    }
    const sorted = [...new Set(first)].sort().slice(0, 5);
    if (count <= 4) return count === 0 ? '' : listNames(sorted);
    return `${sorted.slice(0, 4).join(', ')} and ${count - 4} more`;
  };
  const known = names('known');
  const assumed = names('assumed');
  const single = views.filter((v) => v.workload).map((v) => `${v.workload!.kind} ${v.namespace}/${v.workload!.name}`);
  const parts: string[] = [];
  const plural = (text: string) => (text.includes(',') || text.includes(' and ') ? 's' : '');
  if (known) parts.push(`sidecars and gateways in namespace${plural(known)} ${known}`);
  if (assumed) parts.push(`any Envoy clients in namespace${plural(assumed)} ${assumed} (pods not in the input)`);
  if (single.length > 0) parts.push(listNames(single));
  return parts.join(' and ');
}

interface EvidenceClasses {
  known: string[];
  assumed: string[];
  evidence: ReadonlyMap<string, ClientEvidence>;
}

const classesCache = new WeakMap<ReadonlyArray<[string, ClientEvidence]>, EvidenceClasses>();

function evidenceClasses(all: ReadonlyArray<[string, ClientEvidence]>): EvidenceClasses {
  let c = classesCache.get(all);
  if (!c) {
    c = { known: all.filter(([, e]) => e === 'known').map(([ns]) => ns), assumed: all.filter(([, e]) => e === 'assumed').map(([ns]) => ns), evidence: new Map(all) };
    classesCache.set(all, c);
  }
  return c;
}

export function describeWorkloads(ws: readonly Workload[]): string {
  return listNames(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3);
}

/** "Service port 8000 (http)" */
export function portLabel(p: ServicePort): string {
  return p.name ? `${p.port} (${p.name})` : `${p.port}`;
}

/** The node of a PeerAuthentication that sets the effective mode. */
export function mtlsPath(m: EffectiveMtls, port: number | undefined): (string | number)[] {
  if (m.portLevel && port !== undefined) return ['spec', 'portLevelMtls', String(port), 'mode'];
  return ['spec', 'mtls', 'mode'];
}

/** "PeerAuthentication istio-system/default (mesh-wide)" */
export function describePa(model: ModelIndex, m: EffectiveMtls): string {
  const pa = m.decidedBy;
  if (!pa) return 'no PeerAuthentication (Istio default)';
  const scope = pa.selector && Object.keys(pa.selector).length > 0 ? (m.portLevel ? 'port-level' : 'workload') : pa.namespace === model.rootNamespace ? 'mesh-wide' : 'namespace-wide';
  return `PeerAuthentication ${pa.namespace}/${pa.name} (${scope})`;
}
