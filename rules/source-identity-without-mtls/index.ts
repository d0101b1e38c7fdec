// Identity fields need the peer certificate: istio pilot/pkg/security/authz/model/generator.go
// (principalAuthenticated matchers), Envoy source/extensions/filters/common/rbac/matchers.cc
// (AuthenticatedMatcher: no TLS, no match). Who gets mTLS: pilot/pkg/security/authn/policy_applier.go
// (PeerAuthentication DISABLE), pilot/pkg/networking/core/cluster_tls.go (auto mTLS sends plaintext
// to DISABLE). See README.md.
import { fieldLabel, sourceFieldUses, type SourceFieldUse } from '../../src/authz/fields.js';
import { defineRule, type Report } from '../../src/engine/rule.js';
import type { AuthorizationPolicy, PeerAuthentication } from '../../src/model/kinds.js';
import { isIstioGatewayWorkload, type Model } from '../../src/model/model.js';
import type { Labels } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';

const FIELDS = {
  source: [
    ['principals', false],
    ['notPrincipals', true],
    ['namespaces', false],
    ['notNamespaces', true],
    ['serviceAccounts', false],
    ['notServiceAccounts', true],
    ['trustDomains', false],
    ['notTrustDomains', true],
  ],
  when: ['source.principal', 'source.namespace', 'source.serviceAccount', 'source.trustDomain'],
} as const;

function subset(selector: Labels, labels: Labels): boolean {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

function workloadLabel(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

function describe(ws: readonly Workload[]): string {
  const names = ws.slice(0, 3).map(workloadLabel);
  return ws.length > 3 ? `${names.join(', ')} and ${ws.length - 3} more` : names.join(', ');
}

/**
 * The PeerAuthentication that DISABLEs mTLS for a sidecar workload on every port, if any. When the
 * workload's own PeerAuthentication turns mTLS back on for some port (`portLevelMtls` STRICT or
 * PERMISSIVE), it is not judged: the model decides per port which PeerAuthentication wins.
 */
function disabledBy(model: Model, w: Workload): PeerAuthentication | undefined {
  const em = model.effectiveMtls(w);
  if (em.mode !== 'DISABLE' || !em.decidedBy) return undefined;
  if (w.namespace !== model.rootNamespace) {
    for (const pa of model.policiesIn<PeerAuthentication>('PeerAuthentication', w.namespace)) {
      if (!pa.selector || Object.keys(pa.selector).length === 0 || !subset(pa.selector, w.podLabels)) continue;
      for (const port of pa.portLevel.keys()) if (model.effectiveMtls(w, port).mode !== 'DISABLE') return undefined;
    }
  }
  return em.decidedBy;
}

/**
 * A workload that runs no proxy at all: no sidecar, not ambient, not an Istio gateway — as the
 * input shows it, not as assumed (a finding about unchecked traffic needs the namespace's labels,
 * or pod labels that opt out of both).
 */
function hasNoProxy(w: Workload): boolean {
  return w.dataplane.mode === 'none' && !w.dataplane.assumption && !isIstioGatewayWorkload(w);
}

function subject(use: SourceFieldUse): string {
  return use.whenIndex === undefined && use.fromCount > 1 ? `this rule's from[${use.fromIndex}] entry` : 'this rule';
}

/** What Envoy does with a field that sees no peer identity (the field is named earlier in the message). */
function consequence(p: AuthorizationPolicy, use: SourceFieldUse): string {
  if (use.negative) {
    const verb = p.action === 'DENY' ? 'denies' : p.action === 'AUDIT' ? 'audits' : p.action === 'CUSTOM' ? 'sends to the external authorizer' : 'admits';
    const shown = use.values.slice(0, 3).map((v) => `"${v.value}"`);
    const listed = use.values.length > 3 ? `${shown.join(', ')} and ${use.values.length - 3} more` : shown.join(', ');
    return `it matches every caller and this rule ${verb} every request that meets its other conditions, even from ${listed}`;
  }
  switch (p.action) {
    case 'DENY':
      return `it never matches and ${subject(use)} denies nothing: the callers it should block get through`;
    case 'AUDIT':
      return `it never matches and ${subject(use)} audits nothing`;
    case 'CUSTOM':
      return `it never matches and ${subject(use)} sends nothing to the external authorizer`;
    default:
      return `it never matches and ${subject(use)} admits nothing: its callers get 403 unless another rule admits them`;
  }
}

export default defineRule({
  id: 'source-identity-without-mtls',
  meta: {
    description: 'An AuthorizationPolicy matches callers by identity (principals, namespaces, service accounts) on workloads that receive no mTLS.',
    severity: 'error',
    aliases: ['KIA0105'],
    tags: ['security', 'authorization', 'mtls'],
  },
  check(ctx) {
    const model = ctx.model;
    // Each workload's mTLS verdict, computed once however many policies cover it.
    const verdicts = new Map<Workload, PeerAuthentication | 'no-proxy' | undefined>();
    const verdict = (w: Workload) => {
      if (verdicts.has(w)) return verdicts.get(w);
      let v: PeerAuthentication | 'no-proxy' | undefined;
      if (w.dataplane.mode === 'sidecar' && !isIstioGatewayWorkload(w)) v = disabledBy(model, w);
      else if (hasNoProxy(w)) v = 'no-proxy';
      verdicts.set(w, v);
      return v;
    };
    ctx.each(model.authorizationPolicies, (p) => {
      // Waypoints (targetRefs) always receive HBONE mTLS; dry-run policies decide nothing.
      if (p.targetRefs.length > 0 || p.dryRun) return;
      const uses = sourceFieldUses(p, FIELDS);
      if (uses.length === 0) return;
      const disabled = new Map<PeerAuthentication, Workload[]>();
      const noProxy: Workload[] = [];
      const selected = model.policyWorkloads(p);
      for (const w of selected) {
        const v = verdict(w);
        if (v === 'no-proxy') noProxy.push(w);
        else if (v) disabled.set(v, [...(disabled.get(v) ?? []), w]);
      }
      for (const [pa, ws] of disabled) {
        for (const use of uses) {
          const related: Report['related'] = [
            {
              at: { resource: pa.resource, path: ['spec', 'mtls', 'mode'] },
              message: `PeerAuthentication ${pa.namespace}/${pa.name} disables mTLS ${pa.selector && Object.keys(pa.selector).length > 0 ? 'for the workloads it selects' : pa.namespace === model.rootNamespace ? 'mesh-wide' : `in namespace "${pa.namespace}"`}: callers reach ${describe(ws)} in plaintext, with no identity`,
            },
          ];
          ctx.report({
            at: { resource: p.resource, path: use.at.path, part: use.at.part },
            message: `AuthorizationPolicy "${p.name}" matches callers by ${fieldLabel(use)}, which needs mTLS, but PeerAuthentication ${pa.namespace}/${pa.name} turns mTLS off for ${describe(ws)}, so ${consequence(p, use)}. Enable mTLS there, or match callers by ipBlocks.`,
            suggestions: [
              { desc: `Set mTLS to STRICT in PeerAuthentication ${pa.namespace}/${pa.name}`, fix: 'spec:\n  mtls:\n    mode: STRICT\n' },
            ],
            related,
            assumptions: model.assumptionsOf(ws),
          });
        }
      }
      // A namespace-wide (or mesh-wide) policy also covers pods deliberately left out of the mesh
      // (a batch job, a pod with inject=false): report those only when the policy reaches no
      // proxy at all. A selector names its workloads: report them.
      const explicit = p.selector !== undefined && Object.keys(p.selector).length > 0;
      if (noProxy.length > 0 && (explicit || noProxy.length === selected.length)) {
        const use = uses[0]!;
        const fields = [...new Set(uses.map(fieldLabel))].join(' and ');
        const one = noProxy.length === 1;
        const ns = noProxy[0]!.namespace;
        ctx.report({
          at: { resource: p.resource, path: use.at.path, part: use.at.part },
          message: `AuthorizationPolicy "${p.name}" matches callers by ${fields}, which ${uses.length > 1 ? 'need' : 'needs'} mTLS, but ${describe(noProxy)} ${one ? 'has' : 'have'} no sidecar and ${one ? 'is' : 'are'} not in ambient: no proxy enforces the policy there, so every request gets through unchecked. Add ${one ? 'it' : 'them'} to the mesh (sidecar injection or ambient).`,
          suggestions: [
            { desc: `Enrol namespace "${ns}" in ambient mode`, fix: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    istio.io/dataplane-mode: ambient\n` },
            { desc: `Inject sidecars in namespace "${ns}" (then restart its pods)`, fix: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    istio-injection: enabled\n` },
          ],
          related: noProxy.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: 'key' as const }, message: `pods of ${workloadLabel(w)}: ${w.dataplane.reason}` })),
        });
      }
    });
  },
});
