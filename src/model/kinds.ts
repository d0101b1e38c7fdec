import { parseGoBool } from '../util/text.js';
import { arr, isRecord, str, stringMap, type Labels, type Resource } from './resource.js';

export interface ServicePort {
  name?: string;
  port: number;
  targetPort: number | string;
  protocol: string;
  appProtocol?: string;
  index: number;
}

export interface Service {
  readonly resource: Resource;
  readonly name: string;
  readonly namespace: string;
  /** undefined: no selector (endpoints managed elsewhere). */
  readonly selector: Labels | undefined;
  readonly ports: readonly ServicePort[];
}

export function toService(r: Resource): Service {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const ports: ServicePort[] = [];
  arr(spec.ports).forEach((p, index) => {
    if (!isRecord(p) || typeof p.port !== 'number') return;
    const target = typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : p.port;
    ports.push({ name: str(p.name), port: p.port, targetPort: target, protocol: str(p.protocol) ?? 'TCP', appProtocol: str(p.appProtocol), index });
  });
  const selector = isRecord(spec.selector) ? stringMap(spec.selector) : undefined;
  return { resource: r, name: r.name, namespace: r.namespace, selector, ports };
}

export interface TargetRef {
  group: string;
  kind: string;
  name: string;
  namespace?: string;
  /** Path of this reference inside the resource. */
  path: (string | number)[];
}

/** `targetRef` and `targetRefs` of Istio policies (v1 API). */
export function targetRefs(spec: Record<string, unknown>): TargetRef[] {
  const out: TargetRef[] = [];
  const add = (v: unknown, path: (string | number)[]) => {
    if (!isRecord(v)) return;
    out.push({ group: str(v.group) ?? '', kind: str(v.kind) ?? '', name: str(v.name) ?? '', namespace: str(v.namespace), path });
  };
  add(spec.targetRef, ['spec', 'targetRef']);
  arr(spec.targetRefs).forEach((v, i) => add(v, ['spec', 'targetRefs', i]));
  return out;
}

/** The common shape of Istio policies that select workloads. */
export interface SelectingPolicy {
  readonly resource: Resource;
  readonly name: string;
  readonly namespace: string;
  readonly spec: Record<string, unknown>;
  /** undefined: no selector (namespace-wide, or mesh-wide in the root namespace). */
  readonly selector: Labels | undefined;
  readonly targetRefs: readonly TargetRef[];
}

function selectorOf(spec: Record<string, unknown>, key: string, labelsKey: string): Labels | undefined {
  const sel = spec[key];
  if (!isRecord(sel)) return undefined;
  return stringMap(sel[labelsKey]);
}

/**
 * `selector.matchLabels` for most kinds; a Sidecar's `workloadSelector` holds `labels` instead
 * (istio/api networking/v1alpha3/sidecar.proto, WorkloadSelector).
 */
export function toSelectingPolicy(r: Resource, selectorKey = 'selector', labelsKey = 'matchLabels'): SelectingPolicy {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  return { resource: r, name: r.name, namespace: r.namespace, spec, selector: selectorOf(spec, selectorKey, labelsKey), targetRefs: targetRefs(spec) };
}

export type AuthzAction = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';

export interface AuthorizationPolicy extends SelectingPolicy {
  readonly action: AuthzAction;
  /** undefined when `rules` is absent (the policy matches nothing). */
  readonly rules: readonly unknown[] | undefined;
  readonly dryRun: boolean;
  /** `spec.provider.name` of a CUSTOM policy. */
  readonly provider?: string;
}

export function toAuthorizationPolicy(r: Resource): AuthorizationPolicy {
  const base = toSelectingPolicy(r);
  const action = str(base.spec.action) ?? 'ALLOW';
  return {
    ...base,
    action: (['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'].includes(action) ? action : 'ALLOW') as AuthzAction,
    rules: Array.isArray(base.spec.rules) ? base.spec.rules : undefined,
    // istiod reads it with strconv.ParseBool (authz/builder/builder.go isDryRun; ambient/authorization.go).
    dryRun: parseGoBool(r.annotations['istio.io/dry-run']),
    provider: isRecord(base.spec.provider) ? str(base.spec.provider.name) : undefined,
  };
}

export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET';

export interface PeerAuthentication extends SelectingPolicy {
  readonly mode: MtlsMode;
  readonly portLevel: ReadonlyMap<number, MtlsMode>;
}

function mtlsMode(v: unknown): MtlsMode {
  const mode = isRecord(v) ? str(v.mode) : undefined;
  return mode === 'STRICT' || mode === 'PERMISSIVE' || mode === 'DISABLE' ? mode : 'UNSET';
}

export function toPeerAuthentication(r: Resource): PeerAuthentication {
  const base = toSelectingPolicy(r);
  const portLevel = new Map<number, MtlsMode>();
  if (isRecord(base.spec.portLevelMtls)) {
    for (const [port, v] of Object.entries(base.spec.portLevelMtls)) {
      const n = Number(port);
      if (Number.isInteger(n)) portLevel.set(n, mtlsMode(v));
    }
  }
  return { ...base, mode: mtlsMode(base.spec.mtls), portLevel };
}

export interface DestinationRule {
  readonly resource: Resource;
  readonly name: string;
  readonly namespace: string;
  readonly host: string;
  /** Namespaces this rule is visible to: `*` (default), `.` already turned into its own namespace. */
  readonly exportTo: readonly string[];
  readonly tlsMode: string | undefined;
  readonly portTlsModes: ReadonlyMap<number, { mode: string | undefined; index: number }>;
  readonly workloadSelector: Labels | undefined;
  /** `subsets[]`: name, `labels` and index of each entry that has a name. */
  readonly subsets: ReadonlyArray<{ name: string; labels: Labels; index: number }>;
}

export function toDestinationRule(r: Resource): DestinationRule {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const tp = isRecord(spec.trafficPolicy) ? spec.trafficPolicy : {};
  const tlsMode = isRecord(tp.tls) ? str(tp.tls.mode) : undefined;
  const portTlsModes = new Map<number, { mode: string | undefined; index: number }>();
  arr(tp.portLevelSettings).forEach((s, index) => {
    if (!isRecord(s) || !isRecord(s.port) || typeof s.port.number !== 'number') return;
    if (isRecord(s.tls)) portTlsModes.set(s.port.number, { mode: str(s.tls.mode), index });
  });
  const exportTo = Array.isArray(spec.exportTo)
    ? spec.exportTo.filter((x): x is string => typeof x === 'string').map((x) => (x === '.' ? r.namespace : x))
    : ['*'];
  return {
    resource: r,
    name: r.name,
    namespace: r.namespace,
    host: str(spec.host) ?? '',
    exportTo,
    tlsMode,
    portTlsModes,
    workloadSelector: selectorOfWorkload(spec),
    subsets: arr(spec.subsets).flatMap((s, index) => (isRecord(s) && typeof s.name === 'string' && s.name ? [{ name: s.name, labels: stringMap(s.labels), index }] : [])),
  };
}

function selectorOfWorkload(spec: Record<string, unknown>): Labels | undefined {
  return isRecord(spec.workloadSelector) ? stringMap(spec.workloadSelector.matchLabels) : undefined;
}

export type WaypointFor = 'service' | 'workload' | 'all' | 'none';

/** A Gateway API Gateway; those of class `istio-waypoint` are waypoints. */
export interface K8sGateway {
  readonly resource: Resource;
  readonly name: string;
  readonly namespace: string;
  readonly className: string;
  readonly isWaypoint: boolean;
  readonly waypointFor: WaypointFor;
  /** The service account of the deployment Istio creates for it. */
  readonly serviceAccount: string;
}

export const WAYPOINT_CLASS = 'istio-waypoint';

/**
 * `classLabels`: labels of the Gateway's GatewayClass, when the input has it. The traffic type is
 * the Gateway's `istio.io/waypoint-for` label, else its class's, else `service`
 * (pilot/pkg/serviceregistry/ambient/waypoints.go). A value Istio does not know binds nothing,
 * like `none`.
 */
export function toK8sGateway(r: Resource, classLabels: Labels = {}): K8sGateway {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const className = str(spec.gatewayClassName) ?? '';
  const wf = r.labels['istio.io/waypoint-for'] ?? classLabels['istio.io/waypoint-for'];
  const waypointFor: WaypointFor =
    wf === undefined ? 'service' : wf === 'service' || wf === 'workload' || wf === 'all' ? wf : 'none';
  return {
    resource: r,
    name: r.name,
    namespace: r.namespace,
    className,
    isWaypoint: className === WAYPOINT_CLASS,
    waypointFor,
    // pilot/pkg/config/kube/gateway/deploymentcontroller.go, getDefaultName: waypoints keep the
    // Gateway's name, other Istio-managed gateways get `<name>-<class>`.
    serviceAccount: r.annotations['gateway.istio.io/service-account'] ?? (className === WAYPOINT_CLASS ? r.name : `${r.name}-${className}`),
  };
}
