import { relative, sep } from 'node:path';
import { checkAccess, type AccessDecision, type AccessRequest, type DecidedBy, type Peer } from '../authz/access.js';
import { waypointPolicies } from '../authz/attachment.js';
import { ztunnelPoliciesFor } from '../authz/waypoints.js';
import { resolveHost } from '../mtls/destination-rule.js';
import type { DataplaneAssumption, DataplaneMode } from '../model/dataplane.js';
import type { AuthorizationPolicy, Service } from '../model/kinds.js';
import { isIstioGatewayWorkload, type Model } from '../mesh/model.js';
import type { Workload } from '../model/workloads.js';

/**
 * Who may call whom: every caller (each workload of the input, and `external`) against every
 * target (each Service port, and each Knative Service no Service object selects), decided by
 * `checkAccess` — the evaluator of `meshlint check-access`, never a copy of it.
 *
 * Evaluating every pair is out of reach on a large mesh (10^4 callers × 10^4 targets), and not
 * needed: the evaluator reads of a caller only its identity, namespace, data plane and whether it
 * is an ingress gateway (and, for a sidecar's DestinationRule lookup, its namespace and labels).
 * So callers are grouped into classes on exactly those, and for each target only the classes the
 * target's policies can tell apart are evaluated one by one: those a principal or namespace
 * written in a policy rule matches, those whose namespace holds a DestinationRule for the
 * target's host, gateways, and the target's own and the root namespace. Every other caller of
 * the same data plane gets the same answer, so one of them is asked and the answer stands for
 * all (the `others` of a target). test/graph.test.ts checks every pair against checkAccess.
 */

export type EdgeDecision = 'allow' | 'allow-some' | 'deny' | 'not-enforced';

/** An L7 condition under which a request is allowed (`allow`) or refused (`deny`). */
export interface Condition {
  effect: 'allow' | 'deny';
  /** namespace/name of the AuthorizationPolicy. */
  policy: string;
  rule: number;
  /** Where the policy is (relative to the working directory). */
  file: string;
  line: number;
  methods?: string[];
  paths?: string[];
  hosts?: string[];
  ports?: string[];
  notMethods?: string[];
  notPaths?: string[];
  notHosts?: string[];
  notPorts?: string[];
}

/** What the mesh decides for one caller (class) and one target. */
export interface Verdict {
  decision: EdgeDecision;
  conditions: Condition[];
  enforcement: string[];
  decidedBy?: DecidedBy;
  reason: string;
  /** The data planes the decision takes without the input showing them (caller and target). */
  assumptions: DataplaneAssumption[];
  /** Equal keys: equal decisions (what collapsing compares). */
  key: string;
}

export interface Caller {
  /** `external`, or NAMESPACE/KIND/NAME as check-access takes it. */
  id: string;
  workload?: Workload;
  namespace?: string;
  identity?: string;
  mode?: DataplaneMode;
  gateway: boolean;
  classIndex: number;
}

export interface Target {
  /** NAMESPACE/service/NAME, or NAMESPACE/ksvc/NAME for a Knative Service no Service selects. */
  id: string;
  namespace: string;
  name: string;
  service?: Service;
  workload?: Workload;
  /** The Service port; for a Knative workload target the port traffic enters at (8012). */
  port: number;
  /** undefined: checkAccess picks the port (Knative workload targets). */
  requestPort?: number;
  backends: readonly Workload[];
}

export interface TargetResult {
  target: Target;
  /** Callers evaluated one by one, by caller index. */
  explicit: Map<number, Verdict>;
  /** The answer for every other caller of that data plane, and how many callers that is. */
  others: Map<DataplaneMode, { verdict: Verdict; count: number }>;
  /** Assumptions of the target side alone (for `others` edges). */
  targetAssumptions: DataplaneAssumption[];
}

export interface AccessMatrix {
  callers: Caller[];
  targets: TargetResult[];
}

export interface MatrixOptions {
  /** Evaluate every caller one by one (small inputs, tests). */
  expand?: boolean;
  /** Only these callers matter: evaluate them one by one and no others. */
  callers?: (c: Caller) => boolean;
  /** Only these targets. */
  targets?: (t: Target) => boolean;
  /** These callers are evaluated one by one too (and the others as usual). */
  explicit?: (c: Caller) => boolean;
}

const MODES: readonly DataplaneMode[] = ['sidecar', 'ambient', 'none'];

/** NAMESPACE/KIND/NAME, as check-access takes a workload (`ksvc` for a Knative Service). */
export function workloadId(w: Workload): string {
  const kind = w.resource.group === 'serving.knative.dev' && w.kind === 'Service' ? 'ksvc' : w.kind.toLowerCase();
  return `${w.namespace}/${kind}/${w.name}`;
}

export function callersOf(model: Model): Caller[] {
  const out: Caller[] = [{ id: 'external', gateway: false, classIndex: 0 }];
  const classes = new Map<string, number>(); // class key → index
  const nsWithSelectorRules = new Set(model.destinationRules.filter((d) => d.workloadSelector).map((d) => d.namespace));
  const sorted = [...model.workloads].sort((a, b) => cmp(workloadId(a), workloadId(b)));
  for (const w of sorted) {
    const identity = model.identityOf(w);
    const gateway = isIstioGatewayWorkload(w);
    // What checkAccess reads of a workload caller (src/authz/access.ts: peerIdentity, sendsToWaypoint, clientTlsMode).
    const labels = nsWithSelectorRules.has(w.namespace) ? JSON.stringify(Object.entries(w.podLabels).sort()) : '';
    const key = `${identity}\u0000${w.dataplane.mode}\u0000${gateway}\u0000${labels}`;
    let classIndex = classes.get(key);
    if (classIndex === undefined) {
      classIndex = classes.size + 1;
      classes.set(key, classIndex);
    }
    out.push({ id: workloadId(w), workload: w, namespace: w.namespace, identity, mode: w.dataplane.mode, gateway, classIndex });
  }
  // Two workloads of the input may share an id (the same object twice): keep the first.
  const seen = new Set<string>();
  return out.filter((c) => !seen.has(c.id) && seen.add(c.id));
}

export function targetsOf(model: Model): Target[] {
  const out: Target[] = [];
  const selected = new Set<Workload>();
  for (const s of model.services) {
    const backends = model.servicePods(s);
    for (const w of backends) selected.add(w);
    // A Service that selects no workload of the input has no pod to decide at.
    if (backends.length === 0) continue;
    for (const sp of s.ports) {
      out.push({ id: `${s.namespace}/service/${s.name}`, namespace: s.namespace, name: s.name, service: s, port: sp.port, requestPort: sp.port, backends });
    }
  }
  for (const w of model.workloads) {
    if (!w.knative || selected.has(w)) continue;
    // Traffic enters a Knative revision pod at the queue-proxy (checkAccess's default port for it).
    out.push({ id: workloadId(w), namespace: w.namespace, name: w.name, workload: w, port: 8012, backends: [w] });
  }
  const seen = new Set<string>();
  return out
    .sort((a, b) => cmp(a.id, b.id) || a.port - b.port)
    .filter((t) => {
      const k = `${t.id}:${t.port}`;
      return !seen.has(k) && seen.add(k);
    });
}

export function peerOf(c: Caller): Peer {
  return c.workload ? { kind: 'workload', workload: c.workload } : { kind: 'external' };
}

export function requestOf(c: Caller, t: Target, extra: Partial<AccessRequest> = {}): AccessRequest {
  const to = t.service ? { service: t.service } : { workload: t.workload! };
  return { from: peerOf(c), to, port: t.requestPort, ...extra };
}

/** Every policy that may be evaluated for a request to the target, at any enforcement point. */
function policiesAt(model: Model, t: Target): AuthorizationPolicy[] {
  const out = new Set<AuthorizationPolicy>();
  for (const w of t.backends) {
    for (const p of model.authorizationPoliciesFor(w)) out.add(p);
    for (const p of ztunnelPoliciesFor(model, w)) out.add(p);
    const wp = (t.service ? model.waypointOfService(t.service) : undefined) ?? model.waypointOfWorkload(w);
    if (wp) for (const p of waypointPolicies(model, { service: t.service, waypoint: wp })) out.add(p);
  }
  return [...out];
}

const patternsCache = new WeakMap<AuthorizationPolicy, string[]>();

/** Every string under the rules' `from` and `when`: the principals and namespaces a policy can tell apart. */
function sourcePatterns(p: AuthorizationPolicy): string[] {
  let out = patternsCache.get(p);
  if (out) return out;
  const acc = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') acc.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const r of p.rules ?? []) {
    if (r && typeof r === 'object') {
      walk((r as Record<string, unknown>).from);
      walk((r as Record<string, unknown>).when);
    }
  }
  out = [...acc];
  patternsCache.set(p, out);
  return out;
}

/** Istio's string match (exact, `prefix*`, `*suffix`, `*`), here only to find who a pattern may name. */
function glob(pattern: string, value: string): boolean {
  if (pattern === '*') return value !== '';
  if (pattern.startsWith('*')) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

/** Caller classes indexed by what a policy can name of them. */
class CallerIndex {
  readonly byPrincipal = new Map<string, number[]>();
  readonly byNamespace = new Map<string, number[]>();
  readonly byNsSa = new Map<string, number[]>();
  /** class index → its members (caller indexes), in id order. */
  readonly members = new Map<number, number[]>();
  readonly classMode = new Map<number, DataplaneMode | undefined>();
  /** Classes of each data plane, in order of their first member's id. */
  readonly classesByMode = new Map<DataplaneMode, number[]>();
  readonly gatewayClasses: number[] = [];
  /** How many callers have each data plane. */
  readonly modeMembers = new Map<DataplaneMode, number>();
  private readonly wildcards = new Map<string, number[] | 'all'>();
  private readonly classInfo: { k: number; principal: string; ns: string; tail: string }[] = [];

  constructor(readonly callers: Caller[]) {
    callers.forEach((c, i) => {
      if (c.mode) this.modeMembers.set(c.mode, (this.modeMembers.get(c.mode) ?? 0) + 1);
      const list = this.members.get(c.classIndex);
      if (list) {
        list.push(i);
        return;
      }
      this.members.set(c.classIndex, [i]);
      this.classMode.set(c.classIndex, c.mode);
      if (!c.workload) return;
      if (c.gateway) this.gatewayClasses.push(c.classIndex);
      push(this.classesByMode, c.mode!, c.classIndex);
      const sa = c.workload.serviceAccount;
      push(this.byPrincipal, c.identity!, c.classIndex);
      push(this.byNamespace, c.namespace!, c.classIndex);
      push(this.byNsSa, `${c.namespace}/${sa}`, c.classIndex);
      this.classInfo.push({ k: c.classIndex, principal: c.identity!, ns: c.namespace!, tail: `/ns/${c.namespace}/sa/${sa}` });
    });
  }

  /** The classes a pattern may match (by principal, by namespace, or by ns/sa whatever the trust domain); `all` when it cannot tell any apart. */
  matching(raw: string): readonly number[] | 'all' {
    const p = raw.startsWith('spiffe://') ? raw.slice('spiffe://'.length) : raw;
    if (!p.includes('*')) {
      const m = /\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(p);
      return [...(this.byPrincipal.get(p) ?? []), ...(this.byNamespace.get(p) ?? []), ...(m ? (this.byNsSa.get(`${m[1]}/${m[2]}`) ?? []) : [])];
    }
    let hit = this.wildcards.get(p);
    if (hit) return hit;
    const tailAt = p.indexOf('/ns/');
    const tail = tailAt >= 0 ? p.slice(tailAt) : undefined;
    const classes: number[] = [];
    for (const info of this.classInfo) {
      if (glob(p, info.principal) || glob(p, info.ns) || (tail !== undefined && glob(tail, info.tail))) classes.push(info.k);
    }
    hit = classes.length === this.classInfo.length ? 'all' : classes;
    this.wildcards.set(p, hit);
    return hit;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Client namespaces whose DestinationRule lookup for a host may differ from the rest: those holding
 * a rule for the host (the client-namespace step), and those a rule for the host names in its
 * `exportTo` (the exported steps check it per client; src/mtls/destination-rule.ts).
 */
class DestinationRuleNamespaces {
  private readonly exact = new Map<string, Set<string>>();
  private readonly wild: { host: string; namespaces: string[] }[] = [];
  constructor(model: Model) {
    for (const d of model.destinationRules) {
      const host = resolveHost(d.host, d.namespace);
      const namespaces = [d.namespace, ...d.exportTo.filter((x) => x !== '*' && x !== '.' && x !== '~')];
      if (host.includes('*')) this.wild.push({ host, namespaces });
      else {
        const set = this.exact.get(host) ?? new Set();
        for (const ns of namespaces) set.add(ns);
        this.exact.set(host, set);
      }
    }
  }
  for(host: string): string[] {
    const out = new Set(this.exact.get(host) ?? []);
    for (const w of this.wild) if (glob(w.host, host)) for (const ns of w.namespaces) out.add(ns);
    return [...out];
  }
}

/**
 * The verdict of checkAccess for one caller and target: its decision, and whether L7 conditions
 * split it (an ALLOW rule that needs a method or path, a DENY rule on some paths). The split is
 * found by asking checkAccess again with a request made from the rule's operation.
 */
export function verdictOf(model: Model, c: Caller, t: Target, policyByName: Map<string, AuthorizationPolicy>, cwd: string): Verdict {
  const d = checkAccess(model, requestOf(c, t));
  let decision: EdgeDecision = d.decision === 'ALLOW' ? (d.enforcement.includes('none') ? 'not-enforced' : 'allow') : 'deny';
  const conditions: Condition[] = [];
  if (decision !== 'not-enforced') {
    const want = decision === 'allow' ? 'DENY' : 'ALLOW';
    for (const { policy, rule, op } of operations(d, policyByName, want)) {
      if (conditions.length >= 8) break;
      const probe = checkAccess(model, requestOf(c, t, probeOf(op)));
      if (probe.decision === want) conditions.push(conditionOf(want === 'ALLOW' ? 'allow' : 'deny', policy, rule, op, cwd));
    }
    if (conditions.length > 0) decision = 'allow-some';
  }
  return finish(decision, conditions, d, cwd);
}

function finish(decision: EdgeDecision, conditions: Condition[], d: AccessDecision, cwd: string): Verdict {
  const decidedBy = d.decidedBy ? { ...d.decidedBy, file: relativePath(cwd, d.decidedBy.file) } : undefined;
  const key = JSON.stringify([decision, conditions, d.enforcement, decidedBy ? [decidedBy.kind, decidedBy.namespace, decidedBy.name, decidedBy.rule] : null]);
  return { decision, conditions, enforcement: d.enforcement, decidedBy, reason: d.reason, assumptions: d.assumptions, key };
}

/** Paths relative to the working directory, `/`-separated: the same output on every machine. */
export function relativePath(cwd: string, file: string): string {
  if (!cwd) return file;
  return (relative(cwd, file) || file).split(sep).join('/');
}

type Operation = Record<string, unknown>;

/** The operations of the rules of `action` policies the decision passed on its way. */
function* operations(d: AccessDecision, policyByName: Map<string, AuthorizationPolicy>, action: 'ALLOW' | 'DENY'): Generator<{ policy: AuthorizationPolicy; rule: number; op: Operation }> {
  const seen = new Set<string>();
  for (const step of d.trace) {
    if (!step.policy || !step.policy.endsWith(`(${action})`)) continue;
    const name = step.policy.slice(0, step.policy.lastIndexOf(' ('));
    if (seen.has(name)) continue;
    seen.add(name);
    const p = policyByName.get(name);
    if (!p?.rules) continue;
    for (let rule = 0; rule < p.rules.length; rule++) {
      const r = p.rules[rule];
      if (!r || typeof r !== 'object') continue;
      const to = (r as Record<string, unknown>).to;
      if (!Array.isArray(to)) continue;
      for (const item of to) {
        const op = item && typeof item === 'object' ? (item as Record<string, unknown>).operation : undefined;
        if (op && typeof op === 'object' && ['methods', 'paths', 'hosts'].some((k) => Array.isArray((op as Operation)[k]))) yield { policy: p, rule, op: op as Operation };
      }
    }
  }
}

function strings(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string => typeof x === 'string');
  return out.length > 0 ? out : undefined;
}

/** A request the operation matches: its first method, path and host, wildcards filled in. */
function probeOf(op: Operation): Partial<AccessRequest> {
  const fill = (s: string | undefined, root: string) => (s === undefined ? undefined : s === '*' ? root : s.startsWith('*') ? `${root.replace(/\/$/, '')}x${s.slice(1)}` : s.endsWith('*') ? `${s.slice(0, -1)}x` : s);
  let path = fill(strings(op.paths)?.[0], '/');
  if (path !== undefined && !path.startsWith('/')) path = `/${path}`;
  return { method: strings(op.methods)?.[0] ?? 'GET', path: path ?? '/', host: fill(strings(op.hosts)?.[0], 'x') };
}

function conditionOf(effect: 'allow' | 'deny', p: AuthorizationPolicy, rule: number, op: Operation, cwd: string): Condition {
  const r = p.resource;
  const c: Condition = { effect, policy: `${p.namespace}/${p.name}`, rule, file: relativePath(cwd, r.doc.file.path), line: r.doc.locate(r.base).start.line };
  for (const k of ['methods', 'paths', 'hosts', 'ports', 'notMethods', 'notPaths', 'notHosts', 'notPorts'] as const) {
    const v = strings(op[k]);
    if (v) c[k] = v;
  }
  return c;
}

/** Decide every caller against every target, evaluating one caller per class that the target can tell apart. */
export function accessMatrix(model: Model, cwd: string, opts: MatrixOptions = {}): AccessMatrix {
  const callers = callersOf(model);
  const index = new CallerIndex(callers);
  const drNamespaces = new DestinationRuleNamespaces(model);
  const policyByName = new Map(model.authorizationPolicies.map((p) => [`${p.namespace}/${p.name}`, p] as const));
  const focus = opts.callers ? new Set(callers.map((c, i) => (opts.callers!(c) ? c.classIndex : -1)).filter((k) => k >= 0)) : undefined;
  const alwaysExplicit = new Set(opts.explicit ? callers.filter((c) => opts.explicit!(c)).map((c) => c.classIndex) : []);
  // Targets with the same policy set share the classes those policies name.
  const namedByPolicySet = new Map<string, Set<number>>();
  const results: TargetResult[] = [];
  for (const t of targetsOf(model)) {
    if (opts.targets && !opts.targets(t)) continue;
    // External is always asked on its own (unless --from leaves it out).
    const special = new Set<number>(focus ? [] : [0]);
    if (focus) for (const k of focus) special.add(k);
    else if (opts.expand) for (const k of index.members.keys()) special.add(k);
    else {
      const policies = policiesAt(model, t);
      const setKey = policies.map((p) => `${p.namespace}/${p.name}`).sort().join('\n');
      let named = namedByPolicySet.get(setKey);
      if (!named) {
        named = new Set();
        for (const p of policies) {
          for (const s of sourcePatterns(p)) {
            const m = index.matching(s);
            if (m !== 'all') for (const k of m) named.add(k);
          }
        }
        namedByPolicySet.set(setKey, named);
      }
      for (const k of named) special.add(k);
      for (const k of index.gatewayClasses) special.add(k);
      for (const k of alwaysExplicit) special.add(k);
      const host = t.service ? model.hostOf(t.service) : undefined;
      const namespaces = new Set([t.namespace, model.rootNamespace, ...(host ? drNamespaces.for(host) : [])]);
      for (const ns of namespaces) for (const k of index.byNamespace.get(ns) ?? []) special.add(k);
    }
    const explicit = new Map<number, Verdict>();
    for (const k of [...special].sort((a, b) => a - b)) {
      const members = index.members.get(k);
      if (!members) continue;
      const v = verdictOf(model, callers[members[0]!]!, t, policyByName, cwd);
      for (const i of members) explicit.set(i, v);
    }
    const others = new Map<DataplaneMode, { verdict: Verdict; count: number }>();
    if (!focus && !opts.expand) {
      for (const mode of MODES) {
        const classes = index.classesByMode.get(mode) ?? [];
        // The first class of this data plane the target does not tell apart (the special ones are few).
        const first = classes.find((k) => !special.has(k));
        if (first === undefined) continue;
        let count = index.modeMembers.get(mode) ?? 0;
        for (const k of special) if (index.classMode.get(k) === mode) count -= index.members.get(k)?.length ?? 0;
        others.set(mode, { verdict: verdictOf(model, callers[index.members.get(first)![0]!]!, t, policyByName, cwd), count });
      }
    }
    results.push({ target: t, explicit, others, targetAssumptions: model.assumptionsOf(t.backends) });
  }
  return { callers, targets: results };
}

/** The verdict of the matrix for one caller and target (its own, or that of the others of its data plane). */
export function lookup(r: TargetResult, callerIndex: number, c: Caller): Verdict | undefined {
  return r.explicit.get(callerIndex) ?? (c.mode ? r.others.get(c.mode)?.verdict : undefined);
}
