import type { DecidedBy } from '../authz/access.js';
import type { DataplaneMode } from '../model/dataplane.js';
import { type AccessMatrix, type Condition, type EdgeDecision, type Verdict } from './access.js';
import { conditionText, DECISION_WORDS } from './graph.js';

/**
 * `meshlint diff-access`: the edges whose decision differs between two versions of a mesh. Each
 * side is an access matrix (src/graph/access.ts), reduced to what the comparison needs so that the
 * first model can be freed before the second is loaded.
 */

interface Side {
  callers: Map<string, DataplaneMode | undefined>;
  targets: Map<string, { id: string; port: number; explicit: Map<string, Verdict>; others: Map<DataplaneMode, Verdict> }>;
}

/** What the diff keeps of a matrix: no model objects. */
export function sideOf(m: AccessMatrix): Side {
  const callers = new Map(m.callers.map((c) => [c.id, c.mode] as const));
  const targets: Side['targets'] = new Map();
  for (const r of m.targets) {
    const explicit = new Map<string, Verdict>();
    for (const [i, v] of r.explicit) {
      const c = m.callers[i]!;
      // A caller that decides as the others of its data plane needs no entry of its own.
      if (c.mode && r.others.get(c.mode)?.verdict.key === v.key) continue;
      explicit.set(c.id, v);
    }
    const others = new Map([...r.others].map(([mode, o]) => [mode, o.verdict] as const));
    targets.set(`${r.target.id}:${r.target.port}`, { id: r.target.id, port: r.target.port, explicit, others });
  }
  return { callers, targets };
}

export type ChangeKind = 'opens' | 'closes' | 'changes';

export interface EdgeState {
  decision: EdgeDecision;
  conditions?: Condition[];
  enforcement: string[];
  decidedBy?: DecidedBy;
  reason: string;
}

export interface AccessChange {
  change: ChangeKind;
  /** A caller id, or `*`: every caller with no change of its own, of these data planes. */
  from: string;
  fromDataPlanes?: DataplaneMode[];
  to: string;
  port: number;
  /** null: the caller or target is not in that version. */
  before: EdgeState | null;
  after: EdgeState | null;
}

export interface AccessDiff {
  version: 1;
  opens: number;
  closes: number;
  changes: number;
  edges: AccessChange[];
}

const RANK: Record<EdgeDecision, number> = { deny: 0, 'allow-some': 1, allow: 2, 'not-enforced': 2 };

function stateOf(v: Verdict | undefined): EdgeState | null {
  if (!v) return null;
  return {
    decision: v.decision,
    ...(v.conditions.length > 0 ? { conditions: v.conditions } : {}),
    enforcement: v.enforcement,
    ...(v.decidedBy ? { decidedBy: v.decidedBy } : {}),
    reason: v.reason,
  };
}

/** How an edge changed, if it did: more allowed, less, or other conditions. */
function kindOf(before: Verdict | undefined, after: Verdict | undefined): ChangeKind | undefined {
  const a = before ? RANK[before.decision] : 0;
  const b = after ? RANK[after.decision] : 0;
  if (b > a) return 'opens';
  if (b < a) return 'closes';
  if (!before || !after || b === 0) return undefined;
  const cond = (v: Verdict) => JSON.stringify(v.conditions.map((c) => [c.effect, c.methods, c.paths, c.hosts, c.ports, c.notMethods, c.notPaths, c.notHosts, c.notPorts]));
  return cond(before) !== cond(after) ? 'changes' : undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function diffSides(base: Side, head: Side): AccessDiff {
  const out: AccessChange[] = [];
  const keys = [...new Set([...base.targets.keys(), ...head.targets.keys()])];
  for (const key of keys) {
    const bt = base.targets.get(key);
    const ht = head.targets.get(key);
    const t = (ht ?? bt)!;
    const at = (side: Side, st: typeof bt, id: string): Verdict | undefined => {
      if (!st || !side.callers.has(id)) return undefined;
      const mode = side.callers.get(id);
      return st.explicit.get(id) ?? (mode ? st.others.get(mode) : undefined);
    };
    // The others of each data plane, on both sides.
    const star = new Map<DataplaneMode, { before?: Verdict; after?: Verdict }>();
    for (const mode of new Set([...(bt?.others.keys() ?? []), ...(ht?.others.keys() ?? [])])) star.set(mode, { before: bt?.others.get(mode), after: ht?.others.get(mode) });
    const starChanges = new Map<string, { kind: ChangeKind; before?: Verdict; after?: Verdict; modes: DataplaneMode[] }>();
    for (const [mode, s] of star) {
      // A data plane whose callers are all decided one by one on one side: they are compared one by one.
      if (!s.before && bt) continue;
      if (!s.after && ht) continue;
      const kind = kindOf(s.before, s.after);
      if (!kind) continue;
      const k = `${kind}\u0000${s.before?.key ?? ''}\u0000${s.after?.key ?? ''}`;
      const e = starChanges.get(k);
      if (e) e.modes.push(mode);
      else starChanges.set(k, { kind, before: s.before, after: s.after, modes: [mode] });
    }
    const reported = new Set<DataplaneMode>();
    for (const s of starChanges.values()) {
      for (const m of s.modes) reported.add(m);
      out.push({ change: s.kind, from: '*', fromDataPlanes: s.modes.sort(), to: t.id, port: t.port, before: stateOf(s.before), after: stateOf(s.after) });
    }
    const ids = new Set([...(bt?.explicit.keys() ?? []), ...(ht?.explicit.keys() ?? [])]);
    for (const id of ids) {
      const before = at(base, bt, id);
      const after = at(head, ht, id);
      const kind = kindOf(before, after);
      if (!kind) continue;
      // Said already by the `*` change of its data plane.
      const mode = head.callers.get(id) ?? base.callers.get(id);
      const s = mode && reported.has(mode) ? star.get(mode) : undefined;
      if (s && s.before?.key === before?.key && s.after?.key === after?.key) continue;
      out.push({ change: kind, from: id, to: t.id, port: t.port, before: stateOf(before), after: stateOf(after) });
    }
  }
  out.sort((a, b) => cmp(a.to, b.to) || a.port - b.port || cmp(a.from, b.from) || cmp(a.fromDataPlanes?.join() ?? '', b.fromDataPlanes?.join() ?? ''));
  return {
    version: 1,
    opens: out.filter((c) => c.change === 'opens').length,
    closes: out.filter((c) => c.change === 'closes').length,
    changes: out.filter((c) => c.change === 'changes').length,
    edges: out,
  };
}

function who(c: AccessChange): string {
  if (c.from !== '*') return c.from;
  return `any other workload${c.fromDataPlanes && c.fromDataPlanes.length < 3 ? ` (${c.fromDataPlanes.join(', ')})` : ''}`;
}

function policy(d: DecidedBy | undefined): string {
  return d ? `${d.kind} ${d.namespace}/${d.name}${d.rule !== undefined ? ` rule ${d.rule}` : ''} (${d.file}:${d.line})` : '';
}

function conditions(s: EdgeState | null): string {
  return s?.conditions ? ` (${s.conditions.map(conditionText).join('; ')})` : '';
}

function state(s: EdgeState | null): string {
  return s ? DECISION_WORDS[s.decision] : 'absent';
}

/** The policy that makes the new state: the rule that admits (allowed for some), else the deciding one. */
function via(s: EdgeState | null): string {
  const allow = s?.decision === 'allow-some' ? s.conditions?.find((c) => c.effect === 'allow') : undefined;
  if (allow) return `AuthorizationPolicy ${allow.policy} rule ${allow.rule} (${allow.file}:${allow.line})`;
  return s?.decidedBy ? policy(s.decidedBy) : '';
}

/** "opens frontend → payments:8080 (POST /refund) via AuthorizationPolicy payments/refund (file:line)". */
export function changeText(c: AccessChange): string {
  const edge = `${who(c)} → ${c.to}:${c.port}`;
  const now = c.after ?? c.before;
  const p = via(c.after);
  const why = p ? ` via ${p}` : c.after ? ` (${c.after.reason})` : ' (the caller or the target is gone)';
  if (c.change === 'opens') return `opens ${edge}${conditions(c.after)}${why}; was ${state(c.before)}`;
  if (c.change === 'closes') return `closes ${edge}${conditions(c.before)}${c.after ? `: now ${state(c.after)}${conditions(c.after)}` : ''}${why}`;
  return `changes ${edge}: ${state(c.before)}${conditions(c.before)} → ${state(now)}${conditions(c.after)}${why}`;
}

export function formatDiffText(d: AccessDiff): string {
  if (d.edges.length === 0) return 'no access changes\n';
  return `${d.edges.map(changeText).join('\n')}\n\n${d.opens} opened, ${d.closes} closed, ${d.changes} changed\n`;
}

function md(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\*/g, '\\*').replace(/</g, '&lt;');
}

/** For a pull request comment or a GitHub step summary. */
export function formatDiffMarkdown(d: AccessDiff): string {
  const lines = ['## Access changes', ''];
  if (d.edges.length === 0) return `${lines.join('\n')}No edge changes its decision.\n`;
  lines.push(`**${d.opens} opened**, ${d.closes} closed, ${d.changes} changed.`, '', '| | from | to | before | after | via |', '| --- | --- | --- | --- | --- | --- |');
  for (const c of d.edges) {
    const icon = c.change === 'opens' ? '🟢 opens' : c.change === 'closes' ? '🔴 closes' : '🟡 changes';
    const why = via(c.after) || (c.after?.reason ?? '');
    lines.push(`| ${icon} | \`${md(who(c))}\` | \`${md(`${c.to}:${c.port}`)}\` | ${md(state(c.before) + conditions(c.before))} | ${md(state(c.after) + conditions(c.after))} | ${md(why)} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatDiffJson(d: AccessDiff): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}
