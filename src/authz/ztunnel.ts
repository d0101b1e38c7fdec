import type { AuthorizationPolicy } from '../model/kinds.js';
import { arr, isRecord } from '../model/resource.js';
import type { Path } from '../types.js';

/**
 * How istiod turns an AuthorizationPolicy into what ztunnel enforces
 * (istio pilot/pkg/serviceregistry/ambient/authorization.go, convertAuthorizationPolicy and
 * handleRule; ztunnel src/rbac.rs). Each rule becomes a group of clauses that are ANDed: one for
 * `to` (its entries ORed), one for `from`, one per `when` condition. Only layer-4 attributes
 * survive the conversion; a match left with no attribute is skipped by ztunnel (match-none), so a
 * clause whose matches are all empty never matches, while a rule with no clauses at all (`{}`)
 * matches everything.
 */

/** `to.operation` fields ztunnel cannot see (httpOperations). */
export const L7_OPERATION_FIELDS = ['hosts', 'notHosts', 'methods', 'notMethods', 'paths', 'notPaths'] as const;
/** `from.source` fields ztunnel cannot see (httpSources). */
export const L7_SOURCE_FIELDS = ['requestPrincipals', 'notRequestPrincipals', 'remoteIpBlocks', 'notRemoteIpBlocks'] as const;
/**
 * `from.source` fields istiod silently leaves out of what it sends ztunnel: handleRule builds no
 * match for them and httpSources does not list them, so the rule is kept (even in an ALLOW) and
 * only the field is lost; an entry left with nothing becomes an empty match, which never matches.
 */
export const ZTUNNEL_IGNORED_SOURCE_FIELDS = ['trustDomains', 'notTrustDomains'] as const;
const L4_OPERATION_FIELDS = ['ports', 'notPorts'];
const L4_SOURCE_FIELDS = [
  'ipBlocks',
  'notIpBlocks',
  'namespaces',
  'notNamespaces',
  'serviceAccounts',
  'notServiceAccounts',
  'principals',
  'notPrincipals',
];
/** `when` keys ztunnel enforces (l4WhenAttributes). */
export const L4_WHEN_KEYS = new Set(['source.ip', 'source.namespace', 'source.principal', 'destination.ip', 'destination.port']);

export interface L7Use {
  /** The field name (`methods`) or the `when` key (`request.headers[x]`). */
  field: string;
  /** Path of the offending key inside the resource. */
  path: Path;
  part: 'key' | 'value';
  /** `http`: a layer-7 attribute; `ignored`: a field istiod does not send to ztunnel (trustDomains). */
  kind: 'http' | 'ignored';
  /** For a `to`/`from` entry: whether the entry keeps a layer-4 attribute ztunnel enforces. */
  entryKeepsL4?: boolean;
}

export type ZtunnelRuleFate =
  /** No layer-7 attribute: enforced as written. */
  | 'as-written'
  /** ALLOW rule with a layer-7 attribute: dropped whole, it admits nothing. */
  | 'dropped'
  /** Enforced without the attributes ztunnel lacks, on the layer-4 rest alone. */
  | 'partial'
  /** Nothing enforceable left in one of its parts: it never matches. */
  | 'never-matches';

export interface ZtunnelRule {
  index: number;
  l7: L7Use[];
  fate: ZtunnelRuleFate;
}

export interface ZtunnelPolicy {
  /** False for CUSTOM and AUDIT (not enforced by ztunnel) and dry-run policies. */
  enforced: boolean;
  rules: ZtunnelRule[];
  /** For ALLOW: no rule can match at ztunnel (dropped, or left empty), so the policy applies and matches nothing. */
  allowsNothing: boolean;
  /** For DENY: no rule can ever match, the policy has no effect. */
  deniesNothing: boolean;
}

function nonEmpty(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0;
}

function hasAny(obj: Record<string, unknown>, fields: readonly string[]): boolean {
  return fields.some((f) => nonEmpty(obj[f]));
}

/** Layer-7 attributes used by one rule, with where they are. */
export function l7Uses(rule: unknown, base: Path): L7Use[] {
  if (!isRecord(rule)) return [];
  const out: L7Use[] = [];
  arr(rule.to).forEach((to, i) => {
    const op = isRecord(to) && isRecord(to.operation) ? to.operation : undefined;
    if (!op) return;
    const entryKeepsL4 = hasAny(op, L4_OPERATION_FIELDS);
    for (const f of L7_OPERATION_FIELDS) if (nonEmpty(op[f])) out.push({ field: f, path: [...base, 'to', i, 'operation', f], part: 'key', kind: 'http', entryKeepsL4 });
  });
  arr(rule.from).forEach((from, i) => {
    const src = isRecord(from) && isRecord(from.source) ? from.source : undefined;
    if (!src) return;
    const entryKeepsL4 = hasAny(src, L4_SOURCE_FIELDS);
    for (const f of L7_SOURCE_FIELDS) if (nonEmpty(src[f])) out.push({ field: f, path: [...base, 'from', i, 'source', f], part: 'key', kind: 'http', entryKeepsL4 });
    for (const f of ZTUNNEL_IGNORED_SOURCE_FIELDS) {
      if (nonEmpty(src[f])) out.push({ field: f, path: [...base, 'from', i, 'source', f], part: 'key', kind: 'ignored', entryKeepsL4 });
    }
  });
  arr(rule.when).forEach((when, i) => {
    if (!isRecord(when) || typeof when.key !== 'string') return;
    if (!L4_WHEN_KEYS.has(when.key)) out.push({ field: when.key, path: [...base, 'when', i, 'key'], part: 'value', kind: 'http' });
  });
  return out;
}

/**
 * Whether a rule still matches anything at ztunnel once layer-7 attributes are removed
 * (hasEffectiveRules): every clause needs at least one entry with a layer-4 attribute left.
 */
export function ruleEnforceableAtL4(rule: unknown): boolean {
  if (!isRecord(rule)) return false;
  const to = arr(rule.to);
  if (to.length > 0 && !to.some((t) => isRecord(t) && isRecord(t.operation) && hasAny(t.operation, L4_OPERATION_FIELDS))) return false;
  const from = arr(rule.from);
  if (from.length > 0 && !from.some((f) => isRecord(f) && isRecord(f.source) && hasAny(f.source, L4_SOURCE_FIELDS))) return false;
  for (const w of arr(rule.when)) {
    if (!isRecord(w) || typeof w.key !== 'string' || !L4_WHEN_KEYS.has(w.key)) return false;
    if (!nonEmpty(w.values) && !nonEmpty(w.notValues)) return false;
  }
  return true;
}

/** What ztunnel makes of a policy enforced on an ambient workload without a waypoint. */
export function ztunnelPolicy(p: AuthorizationPolicy): ZtunnelPolicy {
  const enforced = (p.action === 'ALLOW' || p.action === 'DENY') && !p.dryRun && p.targetRefs.length === 0;
  const rules: ZtunnelRule[] = (p.rules ?? []).map((rule, index) => {
    const l7 = l7Uses(rule, ['spec', 'rules', index]);
    let fate: ZtunnelRuleFate = 'as-written';
    if (p.action === 'ALLOW' && l7.some((u) => u.kind === 'http')) fate = 'dropped';
    else if (l7.length > 0) fate = ruleEnforceableAtL4(rule) ? 'partial' : 'never-matches';
    return { index, l7, fate };
  });
  const allowsNothing = p.action === 'ALLOW' && rules.length > 0 && rules.every((r) => r.fate === 'dropped' || r.fate === 'never-matches');
  const deniesNothing = p.action === 'DENY' && rules.length > 0 && rules.every((r) => r.fate === 'never-matches');
  return { enforced, rules, allowsNothing, deniesNothing };
}
