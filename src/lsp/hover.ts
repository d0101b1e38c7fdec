import type { Hover, MarkupContent } from 'vscode-languageserver';
import { parsePrincipalPattern, principalPatternMatches } from '../authz/match.js';
import { BUILTIN, builtinUrl } from '../engine/builtin.js';
import type { Rule } from '../engine/rule.js';
import type { Model } from '../mesh/model.js';
import type { SelectingPolicy } from '../model/kinds.js';
import type { Resource } from '../model/resource.js';
import type { Workload } from '../model/workloads.js';
import { nodeAt, parseDocuments } from '../load/yaml-path.js';

/** At most this many objects are listed in a hover. */
const LIST_MAX = 15;

const PRINCIPAL_KEYS = new Set(['principals', 'notPrincipals']);

function markdown(lines: string[]): Hover {
  const contents: MarkupContent = { kind: 'markdown', value: lines.join('\n') };
  return { contents };
}

function list(items: string[]): string[] {
  const shown = items.slice(0, LIST_MAX).map((i) => `- ${i}`);
  if (items.length > LIST_MAX) shown.push(`- … and ${items.length - LIST_MAX} more`);
  return shown;
}

function workloadLabel(w: Workload): string {
  return `${w.kind} \`${w.namespace}/${w.name}\``;
}

/** The word under the cursor, as rule ids are written (`plugin/rule-id` included). */
function wordAt(text: string, offset: number): string {
  const isWord = (c: string | undefined) => c !== undefined && /[a-z0-9/-]/.test(c);
  let s = offset;
  let e = offset;
  while (isWord(text[s - 1])) s--;
  while (isWord(text[e])) e++;
  return text.slice(s, e);
}

function ruleHover(id: string, rules: readonly Rule[]): Hover | undefined {
  const rule = rules.find((r) => r.id === id);
  if (rule) return markdown([`**${id}** (meshlint rule, default ${rule.meta.severity})`, '', rule.meta.description, '', `[Documentation](${rule.url})`]);
  const builtin = BUILTIN[id];
  if (builtin) return markdown([`**${id}** (meshlint, built in)`, '', builtin.description, '', `[Documentation](${builtinUrl(id)})`]);
  return undefined;
}

/**
 * What the model makes of the node under the cursor: a rule id (its description), a principal
 * (who runs as it), a policy's selector (the workloads it selects), a `targetRefs` entry (the
 * object it names, and a Service's waypoint).
 */
export function hoverAt(model: Model, rules: readonly Rule[], path: string, text: string, offset: number): Hover | undefined {
  const byRule = ruleHover(wordAt(text, offset), rules);
  if (byRule) return byRule;
  const at = nodeAt(parseDocuments(text), offset);
  if (!at) return undefined;
  const resource = model.resources.find((r) => r.doc.file.path === path && r.doc.index === at.document && r.base.every((seg, i) => at.path[i] === seg));
  if (!resource) return undefined;
  const inner = at.path.slice(resource.base.length);
  const value = at.onKey ? undefined : (at.node as { value?: unknown }).value;
  if (typeof value === 'string' && isPrincipal(resource, inner)) return principalHover(model, value);
  const policy = selectingPolicy(model, resource);
  if (policy && inner[0] === 'spec' && (inner[1] === 'selector' || inner[1] === 'workloadSelector')) return selectorHover(model, policy);
  if (policy && inner[0] === 'spec' && (inner[1] === 'targetRef' || inner[1] === 'targetRefs')) {
    const refPath = inner[1] === 'targetRef' ? inner.slice(0, 2) : inner.slice(0, 3);
    const ref = policy.targetRefs.find((t) => t.path.length === refPath.length && t.path.every((seg, i) => seg === refPath[i]));
    if (ref) return targetRefHover(model, policy, ref);
  }
  return undefined;
}

function isPrincipal(r: Resource, path: ReadonlyArray<string | number>): boolean {
  if (r.kind !== 'AuthorizationPolicy') return false;
  const key = path[path.length - 2];
  if (typeof key === 'string' && PRINCIPAL_KEYS.has(key)) return true;
  // `when: [{ key: source.principal, values: [...] }]`
  const whenIndex = path.indexOf('when');
  if (whenIndex < 0 || (key !== 'values' && key !== 'notValues')) return false;
  let cond: unknown = r.raw;
  for (const seg of path.slice(0, whenIndex + 2)) cond = (cond as Record<string | number, unknown> | undefined)?.[seg];
  return (cond as { key?: unknown } | undefined)?.key === 'source.principal';
}

function principalHover(model: Model, value: string): Hover {
  const { trustDomain, trustDomainAliases } = model.mesh;
  const p = parsePrincipalPattern(value, trustDomain, trustDomainAliases);
  const head = `**principal** \`${value}\``;
  if (p.impossible) return markdown([head, '', 'matches no identity (see the finding on it).']);
  const owners =
    p.kind === 'exact'
      ? model.ownersOf(p.pattern).map((o) => ({ id: p.pattern, o }))
      : [...model.allIdentities()].filter((id) => p.kind === 'any' || principalPatternMatches(p, id)).flatMap((id) => model.ownersOf(id).map((o) => ({ id, o })));
  const lines = [head, ''];
  if (p.kind === 'exact') lines.push(`the identity \`${p.pattern}\` (SPIFFE \`spiffe://${p.pattern}\`)`, '');
  if (owners.length > 0) {
    lines.push('Run by, in this workspace:', ...list(owners.map(({ id, o }) => `${o.workload ? workloadLabel(o.workload) : o.gateway ? `Gateway \`${o.gateway.namespace}/${o.gateway.name}\`` : o.kind} as \`${id}\``)));
  } else if (p.namespace !== undefined && model.knowsWorkloadsOf(p.namespace)) {
    lines.push(`No workload of namespace \`${p.namespace}\` runs as it.`);
  } else {
    lines.push('No workload of this workspace runs as it (its namespace may run elsewhere).');
  }
  return markdown(lines);
}

function selectingPolicy(model: Model, r: Resource): SelectingPolicy | undefined {
  const lists: readonly (readonly SelectingPolicy[])[] = [model.authorizationPolicies, model.peerAuthentications, model.requestAuthentications, model.sidecars, model.telemetries];
  for (const l of lists) {
    const found = l.find((p) => p.resource === r);
    if (found) return found;
  }
  return undefined;
}

function selectorHover(model: Model, p: SelectingPolicy): Hover {
  const ws = model.policyWorkloads(p);
  const head = `**${p.resource.kind}** \`${p.namespace}/${p.name}\` selects`;
  if (ws.length === 0) return markdown([head, '', model.knowsWorkloadsOf(p.namespace) ? 'no workload of this workspace.' : `no workload of this workspace (the pods of \`${p.namespace}\` may be deployed elsewhere).`]);
  return markdown([`${head} ${ws.length} workload${ws.length === 1 ? '' : 's'}:`, '', ...list(ws.map((w) => `${workloadLabel(w)} (${w.dataplane.mode}${w.dataplane.assumption ? ', assumed' : ''})`))]);
}

function targetRefHover(model: Model, p: SelectingPolicy, ref: SelectingPolicy['targetRefs'][number]): Hover {
  const ns = ref.namespace ?? p.namespace;
  const head = `**targetRef** ${ref.kind || '?'} \`${ns}/${ref.name}\``;
  if (ref.kind === 'Service' && ref.group === '') {
    const s = model.service(ns, ref.name);
    if (!s) return markdown([head, '', 'No such Service in this workspace.']);
    const w = model.waypointOfService(s);
    if (!w) return markdown([head, '', 'The Service is bound to no waypoint (no `istio.io/use-waypoint` label on it or its namespace in this workspace).']);
    const where = w.via === 'object' ? 'its own label' : 'its namespace\'s label';
    return markdown([head, '', `Bound to waypoint \`${w.namespace}/${w.name}\` by ${where}${w.gateway ? '' : ' (the waypoint Gateway is not in this workspace)'}.`]);
  }
  if (ref.kind === 'Gateway') {
    const g = model.gateway(ns, ref.name);
    if (!g) return markdown([head, '', 'No such Gateway in this workspace.']);
    return markdown([head, '', g.isWaypoint ? `A waypoint (for ${g.waypointFor}).` : 'A Gateway (not a waypoint).']);
  }
  return markdown([head]);
}
