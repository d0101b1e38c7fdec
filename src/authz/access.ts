import type { AuthorizationPolicy, PeerAuthentication, Service, ServicePort } from '../model/kinds.js';
import type { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import type { DataplaneMode } from '../model/dataplane.js';
import type { Workload } from '../model/workloads.js';
import { evaluatePolicies, isHttpPort, waypointPolicies, type Decision, type PolicyDecision } from './evaluator.js';
import type { RequestAttributes } from './rules.js';
import { waypointPrincipals, ztunnelPoliciesFor } from './waypoints.js';

/** Who sends the request. */
export type Peer =
  | { kind: 'workload'; workload: Workload }
  /**
   * A pod the input does not hold, known by its namespace, service account and data plane (e.g.
   * resolved from its namespace's labels): it sends mTLS exactly as a workload of that mode would.
   */
  | { kind: 'pod'; namespace: string; serviceAccount: string; dataplane: DataplaneMode; label: string }
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
}

export interface TraceStep {
  /** `sidecar`, `ztunnel`, `waypoint` or `none`, and where. */
  enforcement: string;
  workload: string;
  policy?: string;
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
  return { kind: 'AuthorizationPolicy', namespace: p.namespace, name: p.name, ...place(p.resource), rule };
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

/** The peer's identity as the destination sees it, or undefined when the request arrives in plaintext. */
function peerIdentity(model: Model, from: Peer, dst: Workload, port: number): { principal?: string; note: string } {
  if (from.kind === 'external') return { note: 'an external client presents no mesh identity' };
  if (from.kind === 'principal') return { principal: from.principal, note: `peer identity ${from.principal} (given)` };
  const src =
    from.kind === 'workload'
      ? { mode: from.workload.dataplane.mode, label: label(from.workload), id: model.identityOf(from.workload) }
      : { mode: from.dataplane, label: from.label, id: `${model.mesh.trustDomain}/ns/${from.namespace}/sa/${from.serviceAccount}` };
  if (src.mode === 'none') return { note: `${src.label} has no sidecar and is not ambient, so it sends plaintext` };
  const id = src.id;
  if (src.mode === 'ambient') return { principal: id, note: `ztunnel sends HBONE mTLS as ${id}` };
  if (model.effectiveMtls(dst, port).mode === 'DISABLE') return { note: 'mTLS is DISABLEd at the destination, so the sidecar sends plaintext' };
  if (!model.mesh.enableAutoMtls && !hasIstioMutualDr(model, dst)) {
    return { note: 'enableAutoMtls is false and no DestinationRule with tls.mode ISTIO_MUTUAL covers the destination, so the sidecar sends plaintext' };
  }
  return { principal: id, note: `the sidecar sends mTLS as ${id}` };
}

function hasIstioMutualDr(model: Model, dst: Workload): boolean {
  const hosts = new Set(model.servicesOf(dst).map((s) => model.hostOf(s)));
  return model.destinationRules.some((dr) => {
    if (dr.tlsMode !== 'ISTIO_MUTUAL' && ![...dr.portTlsModes.values()].some((m) => m.mode === 'ISTIO_MUTUAL')) return false;
    const host = dr.host.includes('.') || dr.host === '*' ? dr.host : `${dr.host}.${dr.namespace}.svc.cluster.local`;
    if (host === '*') return true;
    for (const h of hosts) if (host === h || (host.startsWith('*') && h.endsWith(host.slice(1)))) return true;
    return false;
  });
}

function label(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

function traceOf(point: string, w: Workload, d: PolicyDecision): TraceStep[] {
  return d.trace.map((t) => ({
    enforcement: point,
    workload: label(w),
    policy: `${t.policy.namespace}/${t.policy.name} (${t.policy.action})`,
    outcome: t.outcome,
    rule: t.rule,
    note: t.note,
  }));
}

/** Decide whether `req` is allowed, at every enforcement point on its way to each backend pod. */
export function checkAccess(model: Model, req: AccessRequest): AccessDecision {
  const backends: Array<{ workload: Workload; port: number; service?: Service; servicePort?: ServicePort }> = [];
  if ('service' in req.to) {
    const s = req.to.service;
    const sp = req.port !== undefined ? s.ports.find((p) => p.port === req.port) : s.ports[0];
    for (const w of model.servicePods(s)) {
      const port = sp ? targetPortOn(w, sp) : req.port;
      if (port !== undefined) backends.push({ workload: w, port, service: s, servicePort: sp });
    }
    if (backends.length === 0) {
      return { decision: 'DENY', enforcement: [], reason: `Service ${s.namespace}/${s.name} selects no workload of the input on that port, so the request has nowhere to go`, trace: [] };
    }
  } else {
    const w = req.to.workload;
    backends.push({ workload: w, port: req.port ?? w.ports[0]?.port ?? 80 });
  }
  const decisions = backends.map((b) => decideForBackend(model, req, b));
  return decisions.find((d) => d.decision === 'DENY') ?? decisions[0]!;
}

function decideForBackend(
  model: Model,
  req: AccessRequest,
  b: { workload: Workload; port: number; service?: Service; servicePort?: ServicePort },
): AccessDecision {
  const dst = b.workload;
  const trace: TraceStep[] = [];
  const enforcement: string[] = [];
  const hasHttp = req.method !== undefined || req.path !== undefined || req.host !== undefined || req.headers !== undefined;
  const httpPort = isHttpPort(b.servicePort ?? dst.ports.find((p) => p.port === b.port), hasHttp);
  if (dst.dataplane.mode === 'none') {
    return {
      decision: 'ALLOW',
      enforcement: ['none'],
      reason: `${label(dst)} has no sidecar and is not ambient (${dst.dataplane.reason}): no AuthorizationPolicy is enforced on it`,
      trace: [{ enforcement: 'none', workload: label(dst), outcome: 'not-enforced' }],
    };
  }
  const identity = peerIdentity(model, req.from, dst, b.port);
  trace.push({ enforcement: 'mtls', workload: label(dst), outcome: identity.principal ? 'mtls' : 'plaintext', note: identity.note });
  const attrs: RequestAttributes = {
    principal: identity.principal,
    port: b.port,
    http: httpPort,
    method: req.method,
    path: req.path,
    host: req.host,
    headers: req.headers ? Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v])) : undefined,
  };
  const mtls = model.effectiveMtls(dst, b.port);
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
    const wp = b.service ? model.waypointOfService(b.service) : model.waypointOfWorkload(dst);
    if (wp) {
      const point = `waypoint ${wp.namespace}/${wp.name}`;
      enforcement.push(point);
      const policies = b.service ? waypointPolicies(model, b.service, wp.namespace, wp.name) : [];
      const d = evaluatePolicies(policies, { ...attrs, http: isHttpPort(b.servicePort, hasHttp) }, 'envoy');
      trace.push(...traceOf(point, dst, d));
      if (d.decision === 'DENY') return result(d, enforcement, trace, point);
      attrs.principal = waypointPrincipals(model, wp)[0];
      trace.push({ enforcement: 'ztunnel', workload: label(dst), outcome: 'identity', note: `ztunnel sees the waypoint's identity ${attrs.principal}` });
    }
    enforcement.push('ztunnel');
    const d = evaluatePolicies(ztunnelPoliciesFor(model, dst), attrs, 'ztunnel');
    trace.push(...traceOf('ztunnel', dst, d));
    return result(d, enforcement, trace, 'ztunnel');
  }
  enforcement.push('sidecar');
  const d = evaluatePolicies(model.authorizationPoliciesFor(dst), attrs, 'envoy');
  trace.push(...traceOf('sidecar', dst, d));
  return result(d, enforcement, trace, 'sidecar');
}

function result(d: PolicyDecision, enforcement: string[], trace: TraceStep[], point: string): AccessDecision {
  return {
    decision: d.decision,
    enforcement,
    decidedBy: d.decidedBy ? policyRef(d.decidedBy.policy, d.decidedBy.rule) : undefined,
    reason: d.reason,
    trace,
    policyDecision: { ...d, enforcement: point },
  };
}
