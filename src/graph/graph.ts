import picomatch from 'picomatch';
import type { DecidedBy } from '../authz/access.js';
import type { DataplaneAssumption, DataplaneMode } from '../model/dataplane.js';
import type { Model } from '../mesh/model.js';
import { accessMatrix, type AccessMatrix, type Caller, type Condition, type EdgeDecision, type Target, type Verdict } from './access.js';

export type GroupBy = 'workload' | 'namespace' | 'identity';

export interface GraphNode {
  id: string;
  kind: 'workload' | 'service' | 'external' | 'others' | 'namespace' | 'identity';
  label: string;
  namespace?: string;
  name?: string;
  /** Workload: its data plane; a group: the data planes of its members. */
  dataPlane?: DataplaneMode | DataplaneMode[];
  identity?: string;
  knative?: boolean;
  ports?: number[];
  /** The data plane this node's pods are assumed to have (README, "When the input does not say"). */
  assumption?: DataplaneAssumption;
  /** A group: the workloads in it. */
  members?: string[];
}

export interface GraphEdge {
  /** A node id; `*` is every caller that has no edge of its own to this target and port. */
  from: string;
  to: string;
  port: number;
  decision: EdgeDecision;
  conditions?: Condition[];
  enforcement: string[];
  decidedBy?: DecidedBy;
  reason: string;
  assumptions: DataplaneAssumption[];
  /** On `*` edges: the data planes of the callers it stands for. */
  fromDataPlanes?: DataplaneMode[];
  /** How many workloads the edge stands for (on `*` and group edges). */
  callerCount?: number;
  /** Group edges: the workloads of the group it stands for. */
  callers?: string[];
}

export interface AccessGraph {
  version: 1;
  groupBy: GroupBy;
  /** Callers whose edge decides as `*` does are folded into `*` (false with --expand). */
  collapsed: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Every data plane assumed anywhere in the graph, once per namespace. */
  assumptions: DataplaneAssumption[];
}

export interface GraphOptions {
  groupBy?: GroupBy;
  /** Evaluate and list every caller on edges of its own: no `*` edges (small inputs). */
  expand?: boolean;
  namespaces?: string[];
  from?: string[];
  to?: string[];
}

/** A selector for --from/--to: a node id (globs allowed), a namespace, a name, or `external`. */
export function selector(patterns: string[] | undefined): ((x: { id: string; namespace?: string; name?: string }) => boolean) | undefined {
  if (!patterns || patterns.length === 0) return undefined;
  const globs = patterns.map((p) => picomatch(p, { dot: true }));
  return (x) => patterns.some((p, i) => p === x.id || p === x.namespace || p === x.name || globs[i]!(x.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortAssumptions(list: Iterable<DataplaneAssumption>): DataplaneAssumption[] {
  const m = new Map<string, DataplaneAssumption>();
  for (const a of list) m.set(a.namespace, a);
  return [...m.values()].sort((a, b) => cmp(a.namespace, b.namespace));
}

/** The access graph of a model: nodes, edges, decisions (the `--format json` contract). */
export function buildGraph(model: Model, cwd: string, opts: GraphOptions = {}): AccessGraph {
  const fromSel = selector(opts.from);
  const toSel = selector(opts.to);
  const nsSet = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : undefined;
  const matrix = accessMatrix(model, cwd, {
    callers: fromSel ? (c) => fromSel({ id: c.id, namespace: c.namespace, name: c.workload?.name }) : undefined,
    targets: toSel ? (t) => toSel({ id: t.id, namespace: t.namespace, name: t.name }) : undefined,
    expand: opts.expand,
    explicit: nsSet ? (c) => c.namespace !== undefined && nsSet.has(c.namespace) : undefined,
  });
  return graphOf(model, matrix, opts);
}

interface RawEdge {
  caller?: Caller;
  target: Target;
  verdict: Verdict;
  fromDataPlanes?: DataplaneMode[];
  count?: number;
  assumptions: DataplaneAssumption[];
}

export function graphOf(model: Model, matrix: AccessMatrix, opts: GraphOptions = {}): AccessGraph {
  const groupBy = opts.groupBy ?? 'workload';
  const collapse = !opts.expand;
  const nsSet = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : undefined;
  const raw: RawEdge[] = [];
  for (const r of matrix.targets) {
    for (const [i, v] of r.explicit) {
      const c = matrix.callers[i]!;
      const rest = c.mode ? r.others.get(c.mode) : undefined;
      const keep = nsSet && c.namespace !== undefined && nsSet.has(c.namespace);
      if (collapse && rest && rest.verdict.key === v.key && !keep) continue;
      raw.push({ caller: c, target: r.target, verdict: v, assumptions: v.assumptions });
    }
    // Data planes whose other callers are decided alike share one `*` edge.
    const byKey = new Map<string, { verdict: Verdict; modes: DataplaneMode[]; count: number }>();
    for (const [mode, o] of r.others) {
      const e = byKey.get(o.verdict.key);
      if (e) {
        e.modes.push(mode);
        e.count += o.count;
      } else byKey.set(o.verdict.key, { verdict: o.verdict, modes: [mode], count: o.count });
    }
    for (const e of byKey.values()) raw.push({ target: r.target, verdict: e.verdict, fromDataPlanes: e.modes, count: e.count, assumptions: r.targetAssumptions });
  }
  const kept = nsSet ? raw.filter((e) => nsSet.has(e.target.namespace) || (e.caller?.namespace !== undefined && nsSet.has(e.caller.namespace))) : raw;

  const groupOf = (c: Caller): string => {
    if (!c.workload || groupBy === 'workload') return c.id;
    return groupBy === 'namespace' ? `namespace:${c.namespace}` : `identity:${c.identity}`;
  };
  const merged = new Map<string, GraphEdge & { members: Set<string> }>();
  for (const e of kept) {
    const from = e.caller ? groupOf(e.caller) : '*';
    const key = `${from}\u0000${e.target.id}\u0000${e.target.port}\u0000${e.verdict.key}\u0000${e.fromDataPlanes?.join(',') ?? ''}`;
    const prev = merged.get(key);
    if (prev) {
      if (e.caller) prev.members.add(e.caller.id);
      prev.assumptions = sortAssumptions([...prev.assumptions, ...e.assumptions]);
      continue;
    }
    const v = e.verdict;
    merged.set(key, {
      from,
      to: e.target.id,
      port: e.target.port,
      decision: v.decision,
      ...(v.conditions.length > 0 ? { conditions: v.conditions } : {}),
      enforcement: v.enforcement,
      ...(v.decidedBy ? { decidedBy: v.decidedBy } : {}),
      reason: v.reason,
      assumptions: sortAssumptions(e.assumptions),
      ...(e.fromDataPlanes ? { fromDataPlanes: [...e.fromDataPlanes].sort(), callerCount: e.count } : {}),
      members: new Set(e.caller ? [e.caller.id] : []),
    });
  }
  const edges: GraphEdge[] = [...merged.values()]
    .map(({ members, ...e }) => (groupBy !== 'workload' && e.from !== '*' && e.from !== 'external' ? { ...e, callerCount: members.size, callers: [...members].sort() } : e))
    .sort((a, b) => cmp(a.to, b.to) || a.port - b.port || cmp(a.from, b.from) || cmp(a.decision, b.decision) || cmp(JSON.stringify(a), JSON.stringify(b)));

  // Nodes: every caller (or group) and every target, in the namespaces asked for.
  const nodes = new Map<string, GraphNode>();
  const used = new Set(edges.flatMap((e) => [e.from, e.to]));
  const inScope = (ns: string | undefined, id: string) => !nsSet || (ns !== undefined && nsSet.has(ns)) || used.has(id);
  for (const c of matrix.callers) {
    if (!c.workload) {
      if (used.has('external') || !nsSet) nodes.set('external', { id: 'external', kind: 'external', label: 'external (outside the mesh)' });
      continue;
    }
    const w = c.workload;
    const wid = groupOf(c);
    if (!inScope(c.namespace, wid)) continue;
    if (groupBy === 'workload') {
      nodes.set(c.id, {
        id: c.id,
        kind: 'workload',
        label: w.name,
        namespace: w.namespace,
        name: w.name,
        dataPlane: w.dataplane.mode,
        identity: c.identity,
        ...(w.knative ? { knative: true } : {}),
        ...(w.dataplane.assumption ? { assumption: w.dataplane.assumption } : {}),
      });
      continue;
    }
    const g = nodes.get(wid) ?? {
      id: wid,
      kind: groupBy,
      label: groupBy === 'namespace' ? c.namespace! : c.identity!,
      namespace: c.namespace,
      ...(groupBy === 'identity' ? { identity: c.identity } : {}),
      dataPlane: [] as DataplaneMode[],
      members: [] as string[],
    };
    g.members!.push(c.id);
    if (!(g.dataPlane as DataplaneMode[]).includes(w.dataplane.mode)) (g.dataPlane as DataplaneMode[]).push(w.dataplane.mode);
    if (w.dataplane.assumption) g.assumption = w.dataplane.assumption;
    nodes.set(wid, g);
  }
  for (const g of nodes.values()) if (Array.isArray(g.dataPlane)) g.dataPlane.sort();
  for (const r of matrix.targets) {
    const t = r.target;
    if (!inScope(t.namespace, t.id)) continue;
    if (t.service) {
      const n = nodes.get(t.id) ?? { id: t.id, kind: 'service' as const, label: t.name, namespace: t.namespace, name: t.name, ports: [] };
      if (!n.ports!.includes(t.port)) n.ports!.push(t.port);
      nodes.set(t.id, n);
    } else if (!nodes.has(t.id)) {
      const w = t.workload!;
      nodes.set(t.id, { id: t.id, kind: 'workload', label: w.name, namespace: w.namespace, name: w.name, dataPlane: w.dataplane.mode, knative: true, ...(w.dataplane.assumption ? { assumption: w.dataplane.assumption } : {}) });
    }
  }
  if (used.has('*')) nodes.set('*', { id: '*', kind: 'others', label: 'any other workload' });
  const nodeList = [...nodes.values()].sort((a, b) => cmp(a.namespace ?? '', b.namespace ?? '') || cmp(a.id, b.id));
  const assumptions = sortAssumptions([...nodeList.flatMap((n) => (n.assumption ? [n.assumption] : [])), ...edges.flatMap((e) => e.assumptions)]);
  return { version: 1, groupBy, collapsed: collapse, nodes: nodeList, edges, assumptions };
}

export const DECISION_WORDS: Record<EdgeDecision, string> = {
  allow: 'allowed',
  'allow-some': 'allowed for some requests',
  deny: 'denied',
  'not-enforced': 'not enforced',
};

/** `POST /refund`, `GET,HEAD /api/v1/*`, `not /internal/*`: what a condition admits or refuses. */
export function conditionText(c: Condition): string {
  const parts = [c.methods?.join(','), c.paths?.join(','), c.hosts ? `host ${c.hosts.join(',')}` : undefined, c.ports ? `port ${c.ports.join(',')}` : undefined].filter(Boolean);
  const nots = [c.notMethods?.join(','), c.notPaths?.join(','), c.notHosts ? `host ${c.notHosts.join(',')}` : undefined].filter(Boolean);
  const text = [...parts, ...(nots.length > 0 ? [`not ${nots.join(' ')}`] : [])].join(' ');
  return c.effect === 'deny' ? `except ${text}` : text;
}

export function edgeConditions(e: GraphEdge): string {
  return (e.conditions ?? []).map(conditionText).join('; ');
}

export function formatJson(g: AccessGraph): string {
  return `${JSON.stringify(g, null, 2)}\n`;
}

const COLORS: Record<EdgeDecision, string> = { allow: '#1a7f37', 'allow-some': '#bf8700', deny: '#cf222e', 'not-enforced': '#8c959f' };

function byNamespace(g: AccessGraph): Map<string, GraphNode[]> {
  const out = new Map<string, GraphNode[]>();
  for (const n of g.nodes) {
    const ns = n.kind === 'namespace' ? n.label : (n.namespace ?? '');
    const list = out.get(ns) ?? [];
    list.push(n);
    out.set(ns, list);
  }
  return out;
}

function nodeLabel(n: GraphNode): string {
  if (n.kind === 'service') return `svc ${n.label}`;
  if (n.kind === 'others') return n.label;
  return n.knative ? `ksvc ${n.label}` : n.label;
}

/** ` [intent ns/name]`: the edge is decided by a policy Otterize generates from that ClientIntents. */
function intentText(e: GraphEdge): string {
  const g = e.decidedBy?.generatedBy;
  return g ? ` [intent ${g.namespace}/${g.name}]` : '';
}

function edgeLabel(e: GraphEdge): string {
  const cond = edgeConditions(e);
  const planes = e.fromDataPlanes && e.fromDataPlanes.length < 3 ? ` (${e.fromDataPlanes.join(', ')})` : '';
  return `${e.port} ${e.decision}${intentText(e)}${cond ? `: ${cond}` : ''}${planes}`;
}

/** Mermaid flowchart: pastes into a GitHub comment. */
export function formatMermaid(g: AccessGraph): string {
  const ids = new Map(g.nodes.map((n, i) => [n.id, `n${i}`] as const));
  const esc = (s: string) => s.replace(/"/g, '#quot;');
  const lines = ['flowchart LR'];
  let group = 0;
  for (const [ns, nodes] of byNamespace(g)) {
    const indent = ns ? '    ' : '  ';
    if (ns) lines.push(`  subgraph ns${group++}["${esc(ns)}"]`);
    for (const n of nodes) lines.push(`${indent}${ids.get(n.id)}${n.kind === 'service' ? `(["${esc(nodeLabel(n))}"])` : `["${esc(nodeLabel(n))}"]`}`);
    if (ns) lines.push('  end');
  }
  g.edges.forEach((e, i) => {
    lines.push(`  ${ids.get(e.from)} ${e.decision === 'not-enforced' ? '-.->' : '-->'}|"${esc(edgeLabel(e))}"| ${ids.get(e.to)}`);
    lines.push(`  linkStyle ${i} stroke:${COLORS[e.decision]}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT. */
export function formatDot(g: AccessGraph): string {
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['digraph access {', '  rankdir=LR;', '  node [shape=box, fontname="sans-serif"];', '  edge [fontname="sans-serif", fontsize=10];'];
  let group = 0;
  for (const [ns, nodes] of byNamespace(g)) {
    if (ns) lines.push(`  subgraph cluster_${group++} {`, `    label=${q(ns)};`);
    for (const n of nodes) lines.push(`${ns ? '    ' : '  '}${q(n.id)} [label=${q(nodeLabel(n))}${n.kind === 'service' ? ', shape=ellipse' : ''}];`);
    if (ns) lines.push('  }');
  }
  for (const e of g.edges) {
    const style = e.decision === 'not-enforced' ? ', style=dashed' : '';
    const g = e.decidedBy?.generatedBy;
    const origin = g ? `, generated by Otterize for ClientIntents ${g.namespace}/${g.name} ${g.entry}` : '';
    const tip = e.decidedBy ? `, tooltip=${q(`${e.decidedBy.namespace}/${e.decidedBy.name} (${e.decidedBy.file}:${e.decidedBy.line}${origin})`)}` : '';
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(edgeLabel(e))}, color=${q(COLORS[e.decision])}${style}${tip}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export { COLORS as DECISION_COLORS };
