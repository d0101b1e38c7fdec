import { toAuthorizationPolicy, type AuthorizationPolicy, type GeneratedBy, type Service } from './kinds.js';
import { toResource, type Labels, type Resource } from './resource.js';
import type { Workload } from './workloads.js';
import {
  formattedIdentity,
  formattedIdentityWithKind,
  isKubernetesApiServer,
  LEGACY_KIND,
  nativeSidecar,
  otterizeIdentity,
  OWNER_KIND_LABEL,
  protectsKind,
  rfc1123NameWithKind,
  SERVICE_LABEL,
  type ClientIntents,
  type IntentTarget,
  type OtterizeSettings,
  type ProtectedService,
} from './intents.js';

/**
 * The AuthorizationPolicies the Otterize intents operator generates for ClientIntents, and why it
 * generates none where it does not (src/operator/controllers/intents_reconcilers/istio_policy.go,
 * controllers/istiopolicy/policy_manager.go `createOrUpdatePolicies`, `generateAuthorizationPolicy`).
 */

/** What meshlint needs of the index to resolve identities (the ModelIndex). */
export interface IntentsIndex {
  readonly otterize: OtterizeSettings;
  readonly mesh: { nativeSidecars: boolean };
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

/** The ClientIntents entry behind each generated policy's resource, for the runner's messages. */
const origins = new WeakMap<Resource, GeneratedBy>();

/** Where a generated policy's resource comes from; undefined for a resource of the input. */
export function generatedOrigin(r: Resource): GeneratedBy | undefined {
  return origins.get(r);
}

/** The operator's trust domain: hard-coded (policy_manager.go, `cluster.local/ns/%s/sa/%s`). */
const OPERATOR_TRUST_DOMAIN = 'cluster.local';

/** The labels the operator selects a server's pods by (otterize_labels.go, ServiceIdentityToLabelsForWorkloadSelection). */
function selectorFor(name: string, namespace: string, kind: string): Labels {
  const service = formattedIdentity(name, namespace);
  return kind === '' || kind === LEGACY_KIND ? { [SERVICE_LABEL]: service } : { [OWNER_KIND_LABEL]: kind, [SERVICE_LABEL]: service };
}

/**
 * Workloads of an identity, as the operator's label selector finds them
 * (ServiceIdentityToLabelsForWorkloadSelection): by name and, for a kind other than the legacy
 * one, owner kind; the pods behind the Service for kind Service. Identities are read once per namespace.
 */
class Identities {
  private readonly byNs = new Map<string, Map<string, Array<{ w: Workload; kind: string }>>>();
  constructor(private readonly index: IntentsIndex) {}

  find(name: string, namespace: string, kind: string): { workloads: readonly Workload[]; service?: Service } {
    if (kind === 'Service') {
      const service = this.index.service(namespace, name);
      return { workloads: service ? this.index.servicePods(service) : [], service };
    }
    const all = this.named(namespace).get(name) ?? [];
    return { workloads: all.filter((x) => kind === LEGACY_KIND || x.kind === kind).map((x) => x.w) };
  }

  private named(ns: string): Map<string, Array<{ w: Workload; kind: string }>> {
    let map = this.byNs.get(ns);
    if (map) return map;
    map = new Map();
    for (const w of this.index.workloadsIn(ns)) {
      const id = otterizeIdentity(w, this.index.otterize.workloadNameAnnotation);
      const list = map.get(id.name) ?? [];
      list.push({ w, kind: id.kind });
      map.set(id.name, list);
    }
    this.byNs.set(ns, map);
    return map;
  }
}

/** Why the operator's client check fails (istio_policy.go: ResolveClientIntentToPod, IsPodPartOfIstioMesh), if it does. */
function clientProblem(index: IntentsIndex, intents: ClientIntents, clients: readonly Workload[]): string | undefined {
  const c = intents.client;
  if (clients.length === 0) {
    return index.knowsWorkloadsOf(intents.namespace) ? `no pod of the client ${c.name} in namespace ${intents.namespace} is in the input, so the operator generates nothing for it` : undefined;
  }
  // The operator looks at one pod of the client (the first it lists): meshlint at the first in the input.
  const w = clients[0]!;
  const who = `${w.kind} ${w.namespace}/${w.name}`;
  if (w.dataplane.mode === 'ambient') return `the client ${who} is ambient (${w.dataplane.reason}): it has no istio-proxy container, so the operator generates nothing for it`;
  if (w.dataplane.mode === 'none') return `the client ${who} has no sidecar (${w.dataplane.reason}), so the operator generates nothing for it`;
  if (nativeSidecar(w, index.mesh.nativeSidecars)) return `the client ${who} runs istio-proxy as a native sidecar (an init container), which the operator does not look for, so it generates nothing for it`;
  return undefined;
}

/** Whether enforcement applies to the server (protected_services/should_protect.go). */
function enforced(index: IntentsIndex, t: IntentTarget): boolean {
  const s = index.otterize;
  if (s.enforcementDefault) return true;
  if (s.activeEnforcementNamespaces.includes(t.namespace)) return true;
  return index.protectedServicesIn(t.namespace).some((ps) => ps.name === t.name && protectsKind(ps, t.kind));
}

function generate(intents: ClientIntents, t: IntentTarget, selector: Labels, principal: string): AuthorizationPolicy {
  const clientName = `${rfc1123NameWithKind(intents.client.name, intents.client.kind)}.${intents.namespace}`;
  const rule: Record<string, unknown> = { from: [{ source: { principals: [principal] } }] };
  if (t.http.length > 0) rule.to = t.http.map((h) => ({ operation: { methods: [...h.methods], paths: [h.path] } }));
  const raw = {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: {
      name: `authorization-policy-to-${rfc1123NameWithKind(t.name, t.kind)}-from-${clientName}`,
      namespace: t.namespace,
      labels: { [SERVICE_LABEL]: formattedIdentityWithKind(t.name, t.namespace, t.kind) },
    },
    spec: { selector: { matchLabels: { ...selector } }, action: 'ALLOW', rules: [rule] },
  };
  // The policy's positions are the entry's: whatever a rule points at lands on the ClientIntents.
  const resource = toResource(raw, intents.resource.doc, [...intents.resource.base, ...t.path]);
  const generatedBy: GeneratedBy = { kind: 'ClientIntents', namespace: intents.namespace, name: intents.name, entry: t.entry };
  origins.set(resource, generatedBy);
  return { ...toAuthorizationPolicy(resource), generatedBy };
}

function outcomeOf(index: IntentsIndex, ids: Identities, intents: ClientIntents, t: IntentTarget, clients: readonly Workload[], clientWhy: string | undefined): IntentOutcome {
  const base = { intents, target: t, clients };
  if (t.type !== 'kubernetes' && t.type !== 'service') {
    const what = t.type === 'kafka' ? 'a Kafka target' : t.type === 'sql' ? 'an SQL target' : 'a target outside the cluster';
    return { ...base, servers: [], nothing: `${t.entry} is ${what}, for which the operator generates no Istio policy` };
  }
  const { workloads: servers, service } = ids.find(t.name, t.namespace, t.kind);
  const known = { ...base, servers, service };
  const s = index.otterize;
  if (!s.istioPolicyCreation) return { ...known, nothing: 'Istio policy creation is off in the operator: enable-istio-policy-creation=false' };
  // The operator's cache holds only its watched namespaces (operator main.go): it never sees ClientIntents elsewhere.
  if (s.watchedNamespaces.length > 0 && !s.watchedNamespaces.includes(intents.namespace)) {
    return { ...known, nothing: `namespace ${intents.namespace} is not one of the operator's watched-namespaces, so it never reads this ClientIntents` };
  }
  if (clientWhy) return { ...known, nothing: clientWhy };
  if (clients.length === 0) return known;
  if (!enforced(index, t)) {
    const written = t.kind === LEGACY_KIND ? 'without a kind' : `with kind ${t.kind}`;
    const other = index.protectedServicesIn(t.namespace).find((ps) => ps.name === t.name);
    const why = other
      ? `ProtectedService ${other.namespace}/${other.resource.name} protects only kind ${other.kind}, and ${t.entry} names ${t.name} ${written}`
      : `no ProtectedService in namespace ${t.namespace} protects ${t.name}`;
    return { ...known, nothing: `enforcement is off by default (enforcement-default-state=false) and ${why}, so the operator generates nothing for it` };
  }
  if (s.watchedNamespaces.length > 0 && !s.watchedNamespaces.includes(t.namespace)) {
    return { ...known, nothing: `namespace ${t.namespace} is not one of the operator's watched-namespaces, so it ignores the intent` };
  }
  let selector: Labels;
  if (t.kind === 'Service') {
    if (isKubernetesApiServer(t)) return { ...known, nothing: 'the Kubernetes API server\'s Service kubernetes.default has no selector, so the operator generates no Istio policy for it' };
    if (!service) return index.hasNamespace(t.namespace) ? { ...known, nothing: `Service ${t.namespace}/${t.name} is not in the input, so the operator generates nothing for it` } : known;
    if (!service.selector) return { ...known, nothing: `Service ${t.namespace}/${t.name} has no selector, so the operator fails to generate a policy for it` };
    selector = service.selector;
  } else {
    selector = selectorFor(t.name, t.namespace, t.kind);
  }
  const principal = `${OPERATOR_TRUST_DOMAIN}/ns/${intents.namespace}/sa/${clients[0]!.serviceAccount}`;
  return { ...known, policy: generate(intents, t, selector, principal), principal };
}

/**
 * Every entry's outcome, and the generated policies (one per policy name: when two entries name
 * the same server, the later one's update wins).
 */
export function intentOutcomes(index: IntentsIndex, all: readonly ClientIntents[]): IntentOutcome[] {
  const out: IntentOutcome[] = [];
  const ids = new Identities(index);
  for (const intents of all) {
    const c = intents.client;
    const clients = ids.find(c.name, intents.namespace, c.kind).workloads;
    const clientWhy = clientProblem(index, intents, clients);
    for (const t of intents.targets) out.push(outcomeOf(index, ids, intents, t, clients, clientWhy));
  }
  return out;
}
