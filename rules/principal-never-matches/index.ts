// Principal matching: istio pilot/pkg/security/authz/matcher/string.go (StringMatcherWithPrefix),
// pilot/pkg/security/authz/model/generator.go (srcPrincipalGenerator, serviceAccountRegex),
// pilot/pkg/security/trustdomain/bundle.go (trust domain rewriting). See README.md.
import { fieldLabel, noCallerConsequence, sourceFieldUses, type SourceFieldUse } from '../../src/authz/fields.js';
import {
  CLUSTER_LOCAL_TRUST_DOMAIN,
  envoyAcceptsTrustDomain,
  matchString,
  parsePrincipalPattern,
  parseServiceAccountEntry,
  principalPatternMatches,
  type PrincipalPattern,
} from '../../src/authz/match.js';
import { looksLikeWaypointPrincipal, waypointsServing } from '../../src/authz/waypoints.js';
import { defineRule, docsUrl, type MeshReport, type MeshRuleContext, NAMESPACE_LIST } from '../../src/engine/rule.js';
import { interpolate } from '../../src/engine/run-rules.js';
import { closest } from '../../src/util/text.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import { isIstioGatewayWorkload, type IdentityOwner, type Model } from '../../src/mesh/model.js';
import type { Workload } from '../../src/model/workloads.js';
import type { Suggestion } from '../../src/types.js';
import { READS, reads } from '../../src/model/reads.js';

const PRINCIPAL_FIELDS = {
  source: [
    ['principals', false],
    ['notPrincipals', true],
  ],
  when: ['source.principal'],
} as const;

const SA_FIELDS = {
  source: [
    ['serviceAccounts', false],
    ['notServiceAccounts', true],
  ],
  when: ['source.serviceAccount'],
} as const;

const MESSAGES = {
  // An exact principal of a namespace whose pods are all in the input.
  principalMatchesNoPod:
    'AuthorizationPolicy "{{name}}": principal "{{value}}" matches no pod of namespace "{{namespace}}", so in {{field}} {{consequence}}.{{hint}}',
  // A pattern (or a principal without a service account) pinned to such a namespace.
  principalMatchesNoIdentity:
    'AuthorizationPolicy "{{name}}": principal "{{value}}" matches no identity of namespace "{{namespace}}", so in {{field}} {{consequence}}.{{hint}}',
  serviceAccountMatchesNoPod:
    'AuthorizationPolicy "{{name}}": service account "{{value}}" matches no pod of namespace "{{namespace}}"{{implied}}, so in {{field}} {{consequence}}.{{hint}}',
  callerWithoutIdentity:
    'AuthorizationPolicy "{{name}}": "{{value}}" is the identity of {{callers}}, which has no sidecar and is not in ambient, so it calls in plaintext, with no identity. In {{field}} {{consequence}}. Add it to the mesh or match it by ipBlocks.',
  callersWithoutIdentity:
    'AuthorizationPolicy "{{name}}": "{{value}}" is the identity of {{callers}}, which have no sidecar and are not in ambient, so they call in plaintext, with no identity. In {{field}} {{consequence}}. Add them to the mesh or match them by ipBlocks.',
  spiffePrefix:
    'AuthorizationPolicy "{{name}}": principal "{{value}}" can never match: Istio prepends "spiffe://" itself, so a value that already has it never matches. In {{field}} {{consequence}}. Use "{{fixed}}".',
  innerWildcard:
    'AuthorizationPolicy "{{name}}": principal "{{value}}" can never match: "*" is a wildcard only as the first or last character; elsewhere it is literal, and no identity contains it. In {{field}} {{consequence}}. Use "{{fixed}}".',
  // No suffix form keeps what the value meant (the "*" is inside a segment, or there are several).
  // An exact principal `<td>/ns/<ns>/sa/<sa>` of a trust domain the mesh does not accept.
  foreignTrustDomain:
    'AuthorizationPolicy "{{name}}": principal "{{value}}" is of trust domain "{{trustDomain}}", neither the mesh\'s ("{{meshTrustDomain}}") nor one of its trustDomainAliases: sidecars and waypoints refuse peer certificates of other trust domains, so in {{field}} {{consequence}}. If the mesh does trust "{{trustDomain}}" (meshConfig trustDomainAliases or caCertificates trustDomains), list it in mesh.trustDomainAliases; otherwise use "{{fixed}}".',
  innerWildcardNoFix:
    'AuthorizationPolicy "{{name}}": principal "{{value}}" can never match: "*" is a wildcard only as the first or last character; elsewhere it is literal, and no identity contains it. In {{field}} {{consequence}}. Put "*" only at the start or end.',
} as const;

/** The sentence that ends a "matches no pod" message: what the caller it was meant for runs as. */
const HINTS = {
  runsAs: ' {{workload}} runs as "{{real}}": name that.',
  runsAsDefault: ' {{workload}} runs as "{{real}}" (it sets no serviceAccountName): name that, or give it its own account.',
  didYouMean: ' Did you mean "{{real}}"?',
  runsElsewhere: ' "{{serviceAccount}}" runs in namespace {{namespaces}}: use "{{real}}".',
  namespaceRunsAs: ' Workloads of namespace "{{namespace}}" run as {{accounts}}: name one of those.',
} as const;

type MessageId = keyof typeof MESSAGES;
type Options = [{ knownPrincipals: string[]; ignoreNamespaces: string[] }];
type Context = MeshRuleContext<MessageId, Options>;

function workloadLabel(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

function quoteList(names: readonly string[]): string {
  const shown = names.slice(0, 4).map((n) => `"${n}"`);
  return names.length > 4 ? `${shown.join(', ')} and ${names.length - 4} more` : shown.join(', ');
}

/** The field's list with one entry replaced, as YAML. */
function replacedList(use: SourceFieldUse, index: number, value: string): string {
  const key = use.whenIndex === undefined ? use.field : use.negative ? 'notValues' : 'values';
  return `${key}:\n${use.values.map((v, i) => `- ${JSON.stringify(i === index ? value : v.value)}`).join('\n')}\n`;
}

/** Whether a caller running as this workload can present its identity at all. */
function presentsNoIdentity(w: Workload): boolean {
  // Only "no sidecar, no ambient" as the input shows it, never as assumed.
  return w.dataplane.mode === 'none' && !w.dataplane.assumption && !isIstioGatewayWorkload(w);
}

interface Accounts {
  /** Who runs as each account. */
  bySa: ReadonlyMap<string, readonly IdentityOwner[]>;
  /** ServiceAccount objects. */
  objects: ReadonlySet<string>;
  names: string[];
  nameSet: ReadonlySet<string>;
}

class Checker {
  private saNamespaces: Map<string, string[]> | undefined;
  private readonly model: Model;
  /** `knownPrincipals`, with a local trust domain written as the mesh's (as istiod rewrites policies). */
  private readonly known: string[];

  constructor(private readonly context: Context) {
    this.model = context.model;
    const { trustDomain, trustDomainAliases } = this.model.mesh;
    this.known = (context.options[0]?.knownPrincipals ?? []).map((k) => {
      const slash = k.indexOf('/');
      const td = k.slice(0, slash);
      return slash > 0 && (td === CLUSTER_LOCAL_TRUST_DOMAIN || td === trustDomain || trustDomainAliases.includes(td)) ? `${trustDomain}${k.slice(slash)}` : k;
    });
  }

  /** Whether a configured known principal (or pattern) covers what the entry matches. */
  private isKnown(pattern: PrincipalPattern): boolean {
    return this.known.some((k) => matchString(k, pattern.pattern) || principalPatternMatches(pattern, k));
  }

  private readonly accountCache = new Map<string, Accounts>();

  /** Service accounts of a namespace: those some pod runs as, and ServiceAccount objects (once per namespace). */
  private accounts(ns: string): Accounts {
    let a = this.accountCache.get(ns);
    if (a) return a;
    const bySa = new Map<string, IdentityOwner[]>();
    for (const o of this.model.identitiesIn(ns)) bySa.set(o.serviceAccount, [...(bySa.get(o.serviceAccount) ?? []), o]);
    const objects = new Set(this.model.serviceAccountsIn(ns).map((r) => r.name));
    const names = [...new Set([...bySa.keys(), ...objects])].sort();
    a = { bySa, objects, names, nameSet: new Set(names) };
    this.accountCache.set(ns, a);
    return a;
  }

  /** Namespaces in which some pod runs as `sa` (built once, on the first finding that needs it). */
  private namespacesRunning(sa: string): string[] {
    if (!this.saNamespaces) {
      const map = new Map<string, Set<string>>();
      for (const ns of [...this.model.workloadNamespaces()].sort()) {
        for (const o of this.model.identitiesIn(ns)) {
          let set = map.get(o.serviceAccount);
          if (!set) map.set(o.serviceAccount, (set = new Set()));
          set.add(o.namespace);
        }
      }
      this.saNamespaces = new Map([...map].map(([k, v]) => [k, [...v]]));
    }
    return this.saNamespaces.get(sa) ?? [];
  }

  private identity(ns: string, sa: string): string {
    return `${this.model.mesh.trustDomain}/ns/${ns}/sa/${sa}`;
  }

  /** What the caller the entry was probably meant for really runs as, with fixes. */
  private hint(
    p: AuthorizationPolicy,
    use: SourceFieldUse,
    index: number,
    ns: string,
    sa: string | undefined,
    names: string[],
    asServiceAccount: boolean,
  ): { text: string; suggestions: Suggestion[]; related?: MeshReport['related'] } {
    const render = (nsName: string, saName: string) =>
      asServiceAccount ? (nsName === p.namespace && !use.values[index]!.value.includes('/') ? saName : `${nsName}/${saName}`) : this.identity(nsName, saName);
    if (sa !== undefined) {
      const ws = this.model.workloadsIn(ns);
      const w =
        ws.find((x) => x.name === sa) ??
        this.model.selectWorkloads(ns, { app: sa })[0] ??
        this.model.selectWorkloads(ns, { 'app.kubernetes.io/name': sa })[0];
      if (w) {
        const real = render(ns, w.serviceAccount);
        const podSpec = typeof w.serviceAccountPath.at(-1) === 'string' && String(w.serviceAccountPath.at(-1)).startsWith('serviceAccount')
          ? w.serviceAccountPath.slice(0, -1)
          : w.serviceAccountPath;
        const useReal: Suggestion = {
          desc: `Name the identity ${workloadLabel(w)} has${w.serviceAccount === 'default' ? ' (shared by every pod of the namespace that sets no service account)' : ''}`,
          fix: replacedList(use, index, real),
        };
        const ownAccount: Suggestion = {
          desc: `Run ${workloadLabel(w)} as its own service account "${sa}"`,
          fix: [
            'apiVersion: v1',
            'kind: ServiceAccount',
            'metadata:',
            `  name: ${sa}`,
            `  namespace: ${ns}`,
            '---',
            `# ${workloadLabel(w)}`,
            ...podSpec.map((seg, i) => `${'  '.repeat(i)}${String(seg)}:`),
            `${'  '.repeat(podSpec.length)}serviceAccountName: ${sa}`,
            '',
          ].join('\n'),
        };
        const suggestions = w.serviceAccount === 'default' ? [ownAccount, useReal] : [useReal];
        return {
          text: interpolate(w.serviceAccount === 'default' ? HINTS.runsAsDefault : HINTS.runsAs, { workload: workloadLabel(w), real }),
          suggestions,
          related: [{ at: { resource: w.resource, path: w.serviceAccountPath, part: 'key' }, message: `service account of ${workloadLabel(w)}` }],
        };
      }
      const near = closest(sa, names);
      if (near !== undefined) {
        const real = render(ns, near);
        return { text: interpolate(HINTS.didYouMean, { real }), suggestions: [{ desc: `Use "${real}"`, fix: replacedList(use, index, real) }] };
      }
      const elsewhere = this.namespacesRunning(sa);
      if (elsewhere.length > 0) {
        const real = render(elsewhere[0]!, sa);
        return {
          text: interpolate(HINTS.runsElsewhere, { serviceAccount: sa, namespaces: quoteList(elsewhere), real }),
          suggestions: [{ desc: `Use "${real}"`, fix: replacedList(use, index, real) }],
        };
      }
    }
    return { text: interpolate(HINTS.namespaceRunsAs, { namespace: ns, accounts: quoteList(names) }), suggestions: [] };
  }

  private noPlaintextCallers(p: AuthorizationPolicy, use: SourceFieldUse, index: number, ns: string, matched: string[], accounts: Accounts): boolean {
    // Every identity it matches belongs only to pods that cannot present it (no sidecar, not
    // ambient): they call in plaintext, so the entry never matches them either.
    const callers: Workload[] = [];
    for (const sa of matched) {
      const runs = accounts.bySa.get(sa) ?? [];
      if (runs.length === 0 && accounts.objects.has(sa)) return false;
      for (const o of runs) {
        if (!o.workload || !presentsNoIdentity(o.workload)) return false;
        callers.push(o.workload);
      }
    }
    if (callers.length === 0) return false;
    const entry = use.values[index]!;
    const names = callers.slice(0, 3).map(workloadLabel).join(', ') + (callers.length > 3 ? ` and ${callers.length - 3} more` : '');
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: callers.length > 1 ? 'callersWithoutIdentity' : 'callerWithoutIdentity',
      data: { name: p.name, value: entry.value, callers: names, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true) },
      related: callers.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: 'key' as const }, message: `pods of ${workloadLabel(w)}` })),
    });
    return true;
  }

  /**
   * A waypoint-looking principal in a ztunnel policy on pods behind a waypoint is
   * waypoint-principal-mismatch's finding, which names the waypoint's real identity.
   */
  private meantForWaypoint(p: AuthorizationPolicy, principal: string): boolean {
    if (p.targetRefs.length > 0 || !looksLikeWaypointPrincipal(this.model, principal)) return false;
    return this.model.policyWorkloads(p).some((w) => w.dataplane.mode === 'ambient' && waypointsServing(this.model, w).length > 0);
  }

  checkPrincipal(p: AuthorizationPolicy, use: SourceFieldUse, index: number): void {
    const entry = use.values[index]!;
    const pp = parsePrincipalPattern(entry.value, this.model.mesh.trustDomain, this.model.mesh.trustDomainAliases);
    if (pp.impossible) {
      this.reportImpossible(p, use, index, pp);
      return;
    }
    if (this.isKnown(pp)) return;
    if (pp.kind === 'exact' && pp.scope === 'foreign') {
      this.checkTrustDomain(p, use, index);
      return;
    }
    if (pp.kind === 'any' || pp.scope === 'foreign' || pp.namespace === undefined) return;
    const ns = pp.namespace;
    // Closed world only where we know it: the input declares that namespace and holds its pods.
    if (!this.model.knowsWorkloadsOf(ns)) return;
    const accounts = this.accounts(ns);
    const names = accounts.names;
    const matched =
      pp.kind === 'exact'
        ? pp.serviceAccount !== undefined && accounts.nameSet.has(pp.serviceAccount) && pp.pattern === this.identity(ns, pp.serviceAccount)
          ? [pp.serviceAccount]
          : []
        : names.filter((sa) => principalPatternMatches(pp, this.identity(ns, sa)));
    if (matched.length > 0) {
      this.noPlaintextCallers(p, use, index, ns, matched, accounts);
      return;
    }
    if (this.meantForWaypoint(p, entry.value)) return;
    const h = this.hint(p, use, index, ns, pp.serviceAccount, names, false);
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: pp.kind === 'exact' && pp.serviceAccount !== undefined ? 'principalMatchesNoPod' : 'principalMatchesNoIdentity',
      data: { name: p.name, value: entry.value, namespace: ns, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true), hint: h.text },
      suggest: h.suggestions.length > 0 ? h.suggestions : undefined,
      related: h.related,
    });
  }

  /**
   * An exact principal of a trust domain Envoy refuses (TrustDomainsForValidation accepts the
   * mesh's and its aliases): it can match no peer, whatever pods exist.
   */
  private checkTrustDomain(p: AuthorizationPolicy, use: SourceFieldUse, index: number): void {
    const entry = use.values[index]!;
    const m = /^([^/]+)(\/ns\/[^/]+\/sa\/[^/]+)$/.exec(entry.value);
    if (!m) return;
    const { trustDomain, trustDomainAliases } = this.model.mesh;
    const td = m[1]!;
    if (td === CLUSTER_LOCAL_TRUST_DOMAIN || envoyAcceptsTrustDomain(td, trustDomain, trustDomainAliases)) return;
    const fixed = `${trustDomain}${m[2]}`;
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: 'foreignTrustDomain',
      data: { name: p.name, value: entry.value, trustDomain: td, meshTrustDomain: trustDomain, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true), fixed },
      suggest: [{ desc: `Use the mesh's trust domain "${trustDomain}"`, fix: replacedList(use, index, fixed) }],
    });
  }

  private reportImpossible(p: AuthorizationPolicy, use: SourceFieldUse, index: number, pp: PrincipalPattern): void {
    const entry = use.values[index]!;
    let messageId: MessageId;
    let fixed: string | undefined;
    if (pp.impossible === 'spiffe-scheme') {
      messageId = 'spiffePrefix';
      fixed = entry.value.replace(/^spiffe:\/\//, '');
    } else {
      const star = entry.value.indexOf('*', 1);
      const rest = entry.value.slice(star + 1);
      if (star > 0 && rest.startsWith('/') && !rest.includes('*')) fixed = `*${rest}`;
      messageId = fixed ? 'innerWildcard' : 'innerWildcardNoFix';
    }
    const at = { resource: p.resource, path: entry.path };
    this.context.report({
      at,
      messageId,
      data: { name: p.name, value: entry.value, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true), fixed },
      // Safe to apply unasked (README, "How to fix"): the value names one identity or prefix, and
      // without the scheme it names that same one; "spiffe://*" is left to a choice.
      fix: messageId === 'spiffePrefix' && fixed && !fixed.startsWith('*') ? { at, value: fixed } : undefined,
      suggest: fixed
        ? [{ desc: pp.impossible === 'spiffe-scheme' ? 'Drop the "spiffe://" prefix' : `Match every identity ending in "${fixed.slice(1)}" (any namespace and trust domain)`, fix: replacedList(use, index, fixed) }]
        : undefined,
    });
  }

  checkServiceAccount(p: AuthorizationPolicy, use: SourceFieldUse, index: number): void {
    const entry = use.values[index]!;
    if (entry.value.includes('*') || entry.value === '') return;
    const { namespace: ns, serviceAccount: sa } = parseServiceAccountEntry(entry.value, p.namespace);
    if (this.isKnown(parsePrincipalPattern(this.identity(ns, sa), this.model.mesh.trustDomain))) return;
    if (!this.model.knowsWorkloadsOf(ns)) return;
    const accounts = this.accounts(ns);
    const names = accounts.names;
    if (accounts.nameSet.has(sa)) {
      this.noPlaintextCallers(p, use, index, ns, [sa], accounts);
      return;
    }
    const h = this.hint(p, use, index, ns, sa, names, true);
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: 'serviceAccountMatchesNoPod',
      data: {
        name: p.name,
        value: entry.value,
        namespace: ns,
        implied: entry.value.includes('/') ? '' : ` (without "<namespace>/", the policy's namespace)`,
        field: fieldLabel(use),
        consequence: noCallerConsequence(p, use, true),
        hint: h.text,
      },
      suggest: h.suggestions.length > 0 ? h.suggestions : undefined,
      related: h.related,
    });
  }
}

export default defineRule<MessageId, Options>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An AuthorizationPolicy names a principal or service account that no workload of the input runs as.',
      url: docsUrl('principal-never-matches'),
      recommended: true,
      aliases: ['KIA0106', 'KIA0108'],
      tags: ['correctness', 'authorization'],
    },
    messages: MESSAGES,
    schema: [
      {
        type: 'object',
        properties: {
          knownPrincipals: {
            ...NAMESPACE_LIST,
            description: 'Principals (or "prefix*" / "*suffix" patterns) that exist although no workload of the input runs as them.',
          },
          ignoreNamespaces: { ...NAMESPACE_LIST, description: 'AuthorizationPolicies in these namespaces are not checked.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ knownPrincipals: [], ignoreNamespaces: [] }],
    hasSuggestions: true,
    fixable: 'code',
    defaultSeverity: 'warn',
    reads: reads(READS.identities, READS.serviceAccounts, READS.workloads, READS.waypoints),
  },
  create(context) {
    const checker = new Checker(context);
    // The engine merges `defaultOptions`; a caller that runs the rule directly may pass none.
    const ignored = new Set(context.options[0]?.ignoreNamespaces ?? []);
    return {
      AuthorizationPolicy(p) {
        if (ignored.has(p.namespace)) return;
        for (const use of sourceFieldUses(p, PRINCIPAL_FIELDS, true)) {
          use.values.forEach((_, i) => checker.checkPrincipal(p, use, i));
        }
        for (const use of sourceFieldUses(p, SA_FIELDS, true)) {
          use.values.forEach((_, i) => checker.checkServiceAccount(p, use, i));
        }
      },
    };
  },
});
