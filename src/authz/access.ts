import type { AuthorizationPolicy, GeneratedBy, PeerAuthentication, Service, ServicePort } from '../model/kinds.js';
import type { IntentOutcome } from '../model/intents-policies.js';
import type { Labels, Resource } from '../model/resource.js';
import { destinationRuleIndex } from '../mtls/destination-rule.js';
import { effectiveMtls, ztunnelMtls } from '../mtls/peer-authentication.js';
import type { DataplaneAssumption, DataplaneResolution } from '../model/dataplane.js';
import type { Workload } from '../model/workloads.js';
import type { ModelIndex } from '../model/model.js';
import { authorizationPoliciesFor, isIstioGatewayWorkload, waypointPolicies } from './attachment.js';
import { evaluatePolicies, isHttpPort, type Decision, type EvaluationOptions, type PolicyDecision } from './evaluator.js';
import { envoyAcceptsTrustDomain } from './match.js';
import type { RequestAttributes } from './rules.js';
import { waypointOfService, waypointOfWorkload } from './waypoint-binding.js';
import { ingressUsesWaypoint, looksLikeWaypointAccount, parsePrincipal, waypointPrincipals, ztunnelPoliciesFor } from './waypoints.js';

/** Who sends the request. */
export type Peer =
  | { kind: 'workload'; workload: Workload }
  /**
   * A pod the input does not hold, known by its namespace, service account and data plane
   * (ModelIndex.dataplaneFor): it sends mTLS exactly as a workload of that mode would.
   */
  | { kind: 'pod'; namespace: string; serviceAccount: string; dataplane: DataplaneResolution; label: string }
  | { kind: 'principal'; principal: string }
  | { kind: 'external' };

export interface AccessRequest {
  from: Peer;
  to: { workload: Workload } | { service: Service };
  /** A Service port for Service targets, a container port for workloads; default: the first port. */
  port?: number;
  method?: string;
  path?: string;
  host?: string;
  headers?: Record<string, string>;
}

export interface DecidedBy {
  kind: 'AuthorizationPolicy' | 'PeerAuthentication';
  namespace: string;
  name: string;
  file: string;
  line: number;
  rule?: number;
  /** For a policy the Otterize operator generates: the ClientIntents entry it comes from (its file and line). */
  generatedBy?: GeneratedBy;
}

export interface TraceStep {
  /** `sidecar`, `ztunnel`, `waypoint` or `none`, and where. */
  enforcement: string;
  workload: string;
  policy?: string;
  /** For a policy the Otterize operator generates: the ClientIntents entry it comes from. */
  generatedBy?: GeneratedBy;
  outcome: string;
  rule?: number;
  note?: string;
}

export interface AccessDecision {
  decision: Decision;
  /** The enforcement points the request passes, in order. */
  enforcement: string[];
  decidedBy?: DecidedBy;
  reason: string;
  trace: TraceStep[];
  /** The data planes the decision takes without the input showing them (source and destination). */
  assumptions: DataplaneAssumption[];
  /**
   * The policy evaluation that decided (its policies as model objects, for rules that report on
   * them) and where it ran; absent when no AuthorizationPolicy decided (no mesh, STRICT mTLS).
   */
  policyDecision?: PolicyDecision & { enforcement: string };
}

function place(r: Resource): { file: string; line: number } {
  const range = r.doc.locate(r.base);
  return { file: r.doc.file.path, line: range.start.line };
}

function policyRef(p: AuthorizationPolicy, rule?: number): DecidedBy {
  return { kind: 'AuthorizationPolicy', namespace: p.namespace, name: p.name, ...place(p.resource), rule, ...(p.generatedBy ? { generatedBy: p.generatedBy } : {}) };
}

function paRef(p: PeerAuthentication): DecidedBy {
  return { kind: 'PeerAuthentication', namespace: p.namespace, name: p.name, ...place(p.resource) };
}

/** The container port a Service port sends to on a workload (numeric or named targetPort). */
export function targetPortOn(w: Workload, sp: ServicePort): number | undefined {
  if (typeof sp.targetPort === 'number') return sp.targetPort;
  const named = w.ports.find((p) => p.name === sp.targetPort);
  if (named) return named.port;
  return /^\d+$/.test(sp.targetPort) ? Number(sp.targetPort) : undefined;
}

/**
 * The SNI a sidecar client sends with Istio mTLS to a Service port: the outbound cluster's name,
 * `outbound_.<port>_.<subset>_.<host>` (pilot/pkg/networking/core/cluster_builder.go, istioMtlsSni;
 * pilot/pkg/model/service.go, BuildDNSSrvSubsetKey). Subsets are chosen by routes meshlint does not
 * follow, so the subset is empty.
 */
function sidecarSni(model: ModelIndex, service: Service | undefined, servicePort: ServicePort | undefined): string | undefined {
  if (!service || !servicePort) return undefined;
  return `outbound_.${servicePort.port}_._.${model.hostOf(service)}`;
}

/** The peer's identity as the destination sees it, or undefined when the request arrives in plaintext. */
function peerIdentity(model: ModelIndex, from: Peer, dst: Workload, port: number, service?: Service, servicePort?: ServicePort): { principal?: string; note: string; sni?: string } {
  if (from.kind === 'external') return { note: 'an external client presents no mesh identity' };
  if (from.kind === 'principal') {
    // The workloads of the input that run as it tell how it connects: sidecars send the outbound SNI.
    const owners = model.ownersOf(from.principal).filter((o) => o.workload);
    const sidecar = owners.length > 0 && owners.every((o) => o.workload!.dataplane.mode === 'sidecar') && dst.dataplane.mode === 'sidecar';
    return { principal: from.principal, sni: sidecar ? sidecarSni(model, service, servicePort) : undefined, note: `peer identity ${from.principal} (given)` };
  }
  const src =
    from.kind === 'workload'
      ? { mode: from.workload.dataplane.mode, label: label(from.workload), id: model.identityOf(from.workload) }
      : { mode: from.dataplane.mode, label: from.label, id: `${model.mesh.trustDomain}/ns/${from.namespace}/sa/${from.serviceAccount}` };
  if (src.mode === 'none') return { note: `${src.label} has no sidecar and is not ambient, so it sends plaintext` };
  const id = src.id;
  if (src.mode === 'ambient') return { principal: id, note: `ztunnel sends HBONE mTLS as ${id}` };
  // A sidecar tunnels to ambient pods over HBONE whatever PeerAuthentication, DestinationRule or auto
  // mTLS say (pilot/pkg/xds/endpoints/endpoint_builder.go, supportTunnel).
  if (dst.dataplane.mode === 'ambient') return { principal: id, note: `the sidecar tunnels HBONE mTLS to the ambient pod as ${id}` };
  // The DestinationRule's TLS mode decides before auto mTLS (pilot/pkg/xds/endpoints/mtls_checker.go).
  const clientNs = from.kind === 'workload' ? from.workload.namespace : from.namespace;
  const clientLabels = from.kind === 'workload' ? from.workload.podLabels : {};
  const dr = service ? clientTlsMode(model, clientNs, clientLabels, service, servicePort?.port ?? port) : undefined;
  if (dr && dr.mode !== undefined) {
    if (dr.mode === 'ISTIO_MUTUAL') {
      return { principal: id, sni: sidecarSni(model, service, servicePort), note: `DestinationRule "${dr.namespace}/${dr.name}" sets tls.mode ISTIO_MUTUAL, so the sidecar sends mTLS as ${id}` };
    }
    return { note: `DestinationRule "${dr.namespace}/${dr.name}" sets tls.mode ${dr.mode}, so the sidecar does not send Istio mTLS and the destination sees no peer identity` };
  }
  if (effectiveMtls(model, dst, port).mode === 'DISABLE') return { note: 'mTLS is DISABLEd at the destination, so the sidecar sends plaintext' };
  if (!model.mesh.enableAutoMtls) {
    return { note: 'enableAutoMtls is false and no DestinationRule with tls.mode ISTIO_MUTUAL covers the destination, so the sidecar sends plaintext' };
  }
  return { principal: id, sni: sidecarSni(model, service, servicePort), note: `the sidecar sends mTLS as ${id}` };
}

/**
 * Why the destination's proxy refuses the peer's certificate for its trust domain, if it does.
 * Sidecars and waypoints accept the mesh's trust domain and its aliases
 * (pilot/pkg/networking/plugin/authn/util.go, TrustDomainsForValidation; listener_waypoint.go,
 * buildCommonConnectTLSContext); ztunnel only its own certificate's trust domain, aliases ignored
 * (ztunnel src/tls/workload.rs, TrustDomainVerifier).
 */
function trustDomainRefusal(model: ModelIndex, principal: string, proxy: string, ztunnel: boolean): string | undefined {
  const td = principal.split('/')[0]!;
  const { trustDomain, trustDomainAliases } = model.mesh;
  if (ztunnel ? td === trustDomain : envoyAcceptsTrustDomain(td, trustDomain, trustDomainAliases)) return undefined;
  const accepted = ztunnel
    ? `the mesh's trust domain "${trustDomain}" (ztunnel ignores trustDomainAliases)`
    : `neither the mesh's trust domain "${trustDomain}" nor one of its trustDomainAliases${trustDomainAliases.length > 0 ? ` (${trustDomainAliases.map((a) => `"${a}"`).join(', ')})` : ''}`;
  return `the peer's trust domain "${td}" is ${ztunnel ? 'not ' : ''}${accepted}: ${proxy} refuses the mTLS handshake, whatever the policies say`;
}

function evaluationOptions(model: ModelIndex): EvaluationOptions {
  return { pathNormalization: model.mesh.pathNormalization, multipleCustomAuthzProviders: model.mesh.multipleCustomAuthzProviders };
}

/** The trace line saying which path Envoy's policies saw, when normalization changed it. */
function pathStep(point: string, w: Workload, d: PolicyDecision): TraceStep[] {
  if (!d.path) return [];
  const note = d.path.rejected
    ? `pathNormalization ${d.path.mode}: Envoy rejects "${d.path.given}" (${d.path.rejected}) with HTTP 400`
    : `pathNormalization ${d.path.mode}: policies match "${d.path.matched}" (the request gave "${d.path.given}")`;
  return [{ enforcement: point, workload: label(w), outcome: 'path', note }];
}

/**
 * The TLS mode the client's sidecar uses toward a Service port, from the DestinationRule it picks
 * (src/mtls/destination-rule.ts: the lookup istiod does in pilot/pkg/model/push_context.go).
 */
function clientTlsMode(model: ModelIndex, clientNs: string, clientLabels: Labels, service: Service, port: number): { mode?: string; name: string; namespace: string } | undefined {
  const tls = destinationRuleIndex(model).clientTls(clientNs, model.hostOf(service), service.namespace, port, clientLabels);
  const rule = tls.decidedAt?.rule;
  if (!rule || tls.mode === undefined) return undefined;
  return { mode: tls.mode, name: rule.dr.name, namespace: rule.dr.namespace };
}

function label(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

function traceOf(point: string, w: Workload, d: PolicyDecision): TraceStep[] {
  return d.trace.map((t) => ({
    enforcement: point,
    workload: label(w),
    policy: `${t.policy.namespace}/${t.policy.name} (${t.policy.action})`,
    ...(t.policy.generatedBy ? { generatedBy: t.policy.generatedBy } : {}),
    outcome: t.outcome,
    rule: t.rule,
    note: t.note,
  }));
}

/**
 * Decide whether `req` is allowed, at every enforcement point on its way to each backend pod. The
 * decision lists the data planes it assumed (README, "When the input does not say").
 */
export function checkAccess(model: ModelIndex, req: AccessRequest): AccessDecision {
  const backends = backendsOf(model, req);
  const source = req.from.kind === 'workload' ? req.from.workload.dataplane : req.from.kind === 'pod' ? req.from.dataplane : undefined;
  const undecided = 'nowhere' in backends ? backends.nowhere : decideOverBackends(model, req, backends);
  const decision = 'nowhere' in backends ? undecided : withIntents(model, req, backends, undecided);
  const assumptions = model.assumptionsOf([source, ...('nowhere' in backends ? [] : backends.map((b) => b.workload))]);
  return { ...decision, assumptions };
}

type Undecided = Omit<AccessDecision, 'assumptions'>;

/**
 * The Otterize intents of the source toward these backends, in the trace: the policy the operator
 * generates, or why it generates none (model/intents-policies.ts).
 */
function withIntents(model: ModelIndex, req: AccessRequest, backends: Backend[], d: Undecided): Undecided {
  if (req.from.kind !== 'workload') return d;
  const client = req.from.workload;
  const targets = new Set(backends.map((b) => b.workload));
  const service = 'service' in req.to ? req.to.service : undefined;
  const reaches = (o: IntentOutcome) => o.servers.some((w) => targets.has(w)) || (service !== undefined && o.service === service);
  const relevant = [...model.intentOutcomesOf(client), ...model.clientlessIntentsIn(client.namespace)].filter(reaches);
  if (relevant.length === 0) return d;
  const steps: TraceStep[] = relevant.map((o) => ({
    enforcement: 'otterize',
    workload: label(client),
    outcome: o.policy ? 'generated' : 'not-generated',
    note: `ClientIntents ${o.intents.namespace}/${o.intents.name} ${o.target.entry}: ${o.policy ? `the operator generates ALLOW policy "${o.policy.namespace}/${o.policy.name}"` : (o.nothing ?? `its client ${o.intents.client.name} runs no pod of the input`)}`,
  }));
  return { ...d, trace: [...steps, ...d.trace] };
}

interface Backend {
  workload: Workload;
  port: number;
  service?: Service;
  servicePort?: ServicePort;
}

/** The pods the request may land on, or the reason it has nowhere to go. */
function backendsOf(model: ModelIndex, req: AccessRequest): Backend[] | { nowhere: Undecided } {
  const backends: Backend[] = [];
  if ('service' in req.to) {
    const s = req.to.service;
    const sp = req.port !== undefined ? s.ports.find((p) => p.port === req.port) : s.ports[0];
    if (req.port !== undefined && !sp && s.ports.length > 0) {
      return {
        nowhere: {
          decision: 'DENY',
          enforcement: [],
          reason: `Service ${s.namespace}/${s.name} has no port ${req.port} (its ports: ${s.ports.map((p) => p.port).join(', ')}), so the request has nowhere to go`,
          trace: [],
        },
      };
    }
    for (const w of model.servicePods(s)) {
      const port = sp ? targetPortOn(w, sp) : req.port;
      if (port !== undefined) backends.push({ workload: w, port, service: s, servicePort: sp });
    }
    if (backends.length === 0) {
      return { nowhere: { decision: 'DENY', enforcement: [], reason: `Service ${s.namespace}/${s.name} selects no workload of the input on that port, so the request has nowhere to go`, trace: [] } };
    }
  } else {
    const w = req.to.workload;
    // Traffic enters a Knative revision pod at the queue-proxy (knative/serving pkg/networking/constants.go).
    const defaultPort = w.knative ? 8012 : (w.ports[0]?.port ?? 80);
    backends.push({ workload: w, port: req.port ?? defaultPort });
  }
  return backends;
}

function decideOverBackends(model: ModelIndex, req: AccessRequest, backends: Backend[]): Undecided {
  const decisions = backends.map((b) => decideForBackend(model, req, b));
  const denied = decisions.findIndex((d) => d.decision === 'DENY');
  if (denied === -1) return decisions[0]!;
  const d = decisions[denied]!;
  const allowedBy = backends.filter((_, i) => decisions[i]!.decision === 'ALLOW').map((b) => label(b.workload));
  if (allowedBy.length === 0) return d;
  // Pods behind one Service differ: the request is refused whenever it lands on the denying one.
  return { ...d, reason: `${label(backends[denied]!.workload)} refuses it: ${d.reason} (${[...new Set(allowedBy)].join(', ')} would admit it)` };
}

function decideForBackend(model: ModelIndex, req: AccessRequest, b: Backend): Undecided {
  const dst = b.workload;
  const trace: TraceStep[] = [];
  const enforcement: string[] = [];
  const hasHttp = req.method !== undefined || req.path !== undefined || req.host !== undefined || req.headers !== undefined;
  // The sidecar's inbound protocol comes from the Service ports that target this port, not from
  // container port names; a port no Service names is sniffed.
  const svcPort = b.servicePort ?? servicePortFor(model, dst, b.port);
  const httpPort = isHttpPort(svcPort, hasHttp);
  if (dst.dataplane.mode === 'none') {
    return {
      decision: 'ALLOW',
      enforcement: ['none'],
      reason: `${label(dst)} has no sidecar and is not ambient (${dst.dataplane.reason}): no AuthorizationPolicy is enforced on it`,
      trace: [{ enforcement: 'none', workload: label(dst), outcome: 'not-enforced' }],
    };
  }
  // A workload target is reached through the Service that sends to that port, when there is one.
  const viaService = b.service ?? model.servicesOf(dst).find((x) => x.ports.some((p) => targetPortOn(dst, p) === b.port));
  const identity = peerIdentity(model, req.from, dst, b.port, viaService, b.servicePort ?? svcPort);
  trace.push({ enforcement: 'mtls', workload: label(dst), outcome: identity.principal ? 'mtls' : 'plaintext', note: identity.note });
  const attrs: RequestAttributes = {
    principal: identity.principal,
    port: b.port,
    http: httpPort,
    method: req.method,
    path: req.path,
    host: req.host,
    headers: req.headers ? Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v])) : undefined,
    trustDomain: model.mesh.trustDomain,
    trustDomainAliases: model.mesh.trustDomainAliases,
    sni: identity.sni,
  };
  const refuse = (point: string, proxy: string, ztunnel: boolean): Undecided | undefined => {
    const why = identity.principal ? trustDomainRefusal(model, identity.principal, proxy, ztunnel) : undefined;
    if (!why) return undefined;
    trace.push({ enforcement: point, workload: label(dst), outcome: 'handshake-refused', note: why });
    return { decision: 'DENY', enforcement: [...enforcement, point], reason: why, trace };
  };
  // ztunnel enforces what istiod sends it, slip included (ztunnelMtls in mtls/peer-authentication.ts; README, check-access).
  const zt = dst.dataplane.mode === 'ambient' ? ztunnelMtls(model, dst, b.port) : undefined;
  const mtls = zt ?? effectiveMtls(model, dst, b.port);
  if (zt?.istiodSlip) {
    const { workload: wpa, mesh } = zt.istiodSlip;
    trace.push({
      enforcement: 'ztunnel',
      workload: label(dst),
      outcome: 'plaintext-admitted',
      note: `PeerAuthentication "${wpa.namespace}/${wpa.name}" (${wpa.mode}) sets port ${b.port} STRICT under the mesh-wide STRICT "${mesh.namespace}/${mesh.name}", but istiod's convertPeerAuthentication sends ztunnel no policy for it (an operator-precedence slip in pilot/pkg/serviceregistry/ambient/authorization.go): ztunnel accepts plaintext on this port, and meshlint follows the code`,
    });
  }
  if (!identity.principal && mtls.mode === 'STRICT') {
    return {
      decision: 'DENY',
      enforcement: [dst.dataplane.mode === 'ambient' ? 'ztunnel' : 'sidecar'],
      decidedBy: mtls.decidedBy ? paRef(mtls.decidedBy) : undefined,
      reason: `${label(dst)} requires mTLS (STRICT${mtls.decidedBy ? ` from PeerAuthentication "${mtls.decidedBy.namespace}/${mtls.decidedBy.name}"` : ''}) and the request arrives in plaintext`,
      trace,
    };
  }
  if (dst.dataplane.mode === 'ambient') {
    const wp = b.service ? waypointOfService(model, b.service) : waypointOfWorkload(model, dst);
    const via = wp ? sendsToWaypoint(model, req.from, b.service) : undefined;
    if (wp && via && !via.yes) {
      trace.push({ enforcement: 'ztunnel', workload: label(dst), outcome: 'bypass', note: `${via.why}, so the request skips waypoint ${wp.namespace}/${wp.name} and its policies` });
    }
    if (wp && via?.yes) {
      const point = `waypoint ${wp.namespace}/${wp.name}`;
      if (via.why) trace.push({ enforcement: point, workload: label(dst), outcome: 'assumed', note: via.why });
      const refused = refuse(point, `waypoint ${wp.namespace}/${wp.name}`, false);
      if (refused) return refused;
      enforcement.push(point);
      // Service traffic: the waypoint's chains are keyed by the Service port
      // (pilot/pkg/networking/core/listener_waypoint.go), so `ports` match it there.
      const policies = waypointPolicies(model, { service: b.service, waypoint: wp });
      const d = evaluatePolicies(policies, { ...attrs, port: b.servicePort?.port ?? b.port, http: isHttpPort(b.servicePort, hasHttp) }, 'envoy', evaluationOptions(model));
      trace.push(...pathStep(point, dst, d), ...traceOf(point, dst, d));
      if (d.decision === 'DENY') return result(d, enforcement, trace, point);
      attrs.principal = waypointPrincipals(model, wp)[0];
      trace.push({ enforcement: 'ztunnel', workload: label(dst), outcome: 'identity', note: `ztunnel sees the waypoint's identity ${attrs.principal}` });
    } else {
      const refused = refuse('ztunnel', `ztunnel at ${label(dst)}`, true);
      if (refused) return refused;
    }
    enforcement.push('ztunnel');
    const d = evaluatePolicies(ztunnelPoliciesFor(model, dst), attrs, 'ztunnel');
    trace.push(...traceOf('ztunnel', dst, d));
    return result(d, enforcement, trace, 'ztunnel');
  }
  const refused = refuse('sidecar', `the sidecar of ${label(dst)}`, false);
  if (refused) return refused;
  enforcement.push('sidecar');
  const d = evaluatePolicies(authorizationPoliciesFor(model, dst), attrs, 'envoy', evaluationOptions(model));
  trace.push(...pathStep('sidecar', dst, d), ...traceOf('sidecar', dst, d));
  return result(d, enforcement, trace, 'sidecar');
}

/**
 * Whether the client sends Service (or workload) traffic through the destination's waypoint. Only
 * ztunnel does (ambient clients). Sidecars treat it as workload traffic and tunnel to the pod
 * (pilot/pkg/xds/endpoints/endpoint_builder.go: "we consider this to workload traffic"); ingress
 * gateways call the waypoint only for Services labelled istio.io/ingress-use-waypoint
 * (findServiceWaypoint, ingressUsesWaypoint), never for traffic addressed to a pod; plaintext from
 * outside the mesh is checked at the pod by ztunnel (ztunnel src/proxy/inbound_passthrough.rs).
 */
export function sendsToWaypoint(model: ModelIndex, from: Peer, service: Service | undefined): { yes: boolean; why: string } {
  if (from.kind === 'external') return { yes: false, why: 'an external client is not captured by ztunnel' };
  const viaGateway = (who: string) =>
    service && ingressUsesWaypoint(model, service)
      ? { yes: true, why: `${who} is an ingress gateway and Service ${service.namespace}/${service.name} is labelled istio.io/ingress-use-waypoint` }
      : { yes: false, why: `${who} is an ingress gateway, which sends straight to the pod${service ? ` (Service ${service.namespace}/${service.name} has no istio.io/ingress-use-waypoint label)` : ''}` };
  if (from.kind === 'workload' && isIstioGatewayWorkload(from.workload)) return viaGateway(label(from.workload));
  if (from.kind === 'workload' || from.kind === 'pod') {
    const mode = from.kind === 'workload' ? from.workload.dataplane.mode : from.dataplane.mode;
    const who = from.kind === 'workload' ? label(from.workload) : from.label;
    if (mode === 'ambient') return { yes: true, why: '' };
    return { yes: false, why: mode === 'sidecar' ? `${who} has a sidecar, which sends straight to the pod` : `${who} is outside the mesh and sends straight to the pod` };
  }
  // A principal: follow the workloads (or Istio gateways) of the input that run as it, if any.
  const owners = model.ownersOf(from.principal).filter((o) => o.workload || o.kind === 'gateway');
  const isGateway = (o: (typeof owners)[number]) => o.kind === 'gateway' || (o.workload !== undefined && isIstioGatewayWorkload(o.workload));
  if (owners.length > 0 && owners.every(isGateway)) return viaGateway(from.principal);
  if (owners.length > 0 && owners.every((o) => !isGateway(o) && o.workload!.dataplane.mode === 'sidecar')) {
    return { yes: false, why: `${from.principal} is the identity of sidecar workloads, which send straight to the pod` };
  }
  if (owners.length > 0 && owners.every((o) => !isGateway(o) && o.workload!.dataplane.mode === 'ambient')) return { yes: true, why: '' };
  // Nobody of the input runs as it: a service account named like a gateway's (istio-ingressgateway,
  // <name>-istio of a Gateway API gateway) is taken for an ingress gateway.
  const sa = parsePrincipal(from.principal)?.serviceAccount;
  if (owners.length === 0 && sa && /gateway|-istio$/i.test(sa) && !looksLikeWaypointAccount(model, sa)) {
    const g = viaGateway(from.principal);
    return { yes: g.yes, why: `${g.why.replace(' is an ingress gateway', ' is assumed to be an ingress gateway (by its name)')}` };
  }
  // Else the data plane its namespace's labels give every pod, when the input shows them.
  const ns = parsePrincipal(from.principal)?.namespace;
  const pods = owners.length === 0 && ns !== undefined ? model.dataplaneFor(ns) : undefined;
  if (pods && !pods.assumption) {
    if (pods.mode === 'ambient') return { yes: true, why: '' };
    return { yes: false, why: `pods of namespace ${ns} ${pods.mode === 'sidecar' ? 'have sidecars, which send' : 'are outside the mesh and send'} straight to the pod` };
  }
  return { yes: true, why: `${from.principal} is assumed to be an ambient client, which ztunnel sends through the waypoint` };
}

/** The Service port (of the Services selecting `w`) that sends to container port `port`. */
function servicePortFor(model: ModelIndex, w: Workload, port: number): ServicePort | undefined {
  for (const s of model.servicesOf(w)) {
    const sp = s.ports.find((p) => targetPortOn(w, p) === port);
    if (sp) return sp;
  }
  return undefined;
}

function result(d: PolicyDecision, enforcement: string[], trace: TraceStep[], point: string): Undecided {
  return {
    decision: d.decision,
    enforcement,
    decidedBy: d.decidedBy ? policyRef(d.decidedBy.policy, d.decidedBy.rule) : undefined,
    reason: d.reason,
    trace,
    policyDecision: { ...d, enforcement: point },
  };
}
