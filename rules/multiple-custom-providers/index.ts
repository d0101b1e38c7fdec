// istio pilot/pkg/security/authz/builder/builder.go (buildHTTP, buildTCP): with more than one
// CUSTOM provider on a workload and PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off, istiod
// generates DENY rules (getBadCustomDenyRules) instead of ext_authz filters. See README.md.
import { waypointPolicies } from '../../src/authz/attachment.js';
import { conflictingCustomProviders } from '../../src/authz/evaluator.js';
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { At } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import { READS, reads } from '../../src/model/reads.js';

const policyKey = (p: AuthorizationPolicy) => `${p.namespace}/${p.name}`;

function providerAt(p: AuthorizationPolicy): At {
  return { resource: p.resource, path: p.provider !== undefined ? ['spec', 'provider', 'name'] : ['spec', 'action'] };
}

interface Clash {
  policy: AuthorizationPolicy;
  first: AuthorizationPolicy;
  where: string[];
  workloads: Workload[];
}

/** Records, per policy of a later provider, the first provider's policy it clashes with, and where. */
function consider(clashes: Map<string, Clash>, policies: readonly AuthorizationPolicy[], where: string, workload?: Workload): void {
  const custom = policies.filter((p) => p.action === 'CUSTOM').sort((a, b) => (policyKey(a) < policyKey(b) ? -1 : policyKey(a) > policyKey(b) ? 1 : 0));
  if (!conflictingCustomProviders(custom)) return;
  const first = custom[0]!;
  for (const p of custom) {
    if ((p.provider ?? '') === (first.provider ?? '')) continue;
    const c = clashes.get(policyKey(p)) ?? { policy: p, first, where: [], workloads: [] };
    if (!c.where.includes(where)) c.where.push(where);
    if (workload) c.workloads.push(workload);
    clashes.set(policyKey(p), c);
  }
}

const provider = (p: AuthorizationPolicy) => (p.provider !== undefined ? `"${p.provider}"` : '(none)');

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'CUSTOM policies of several providers apply to one workload while PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS is off: istiod turns their rules into DENY rules.',
      url: docsUrl('multiple-custom-providers'),
      recommended: true,
      tags: ['security', 'authorization', 'sidecar', 'waypoint'],
    },
    messages: {
      providersClash:
        'AuthorizationPolicy "{{name}}" uses CUSTOM provider {{provider}} on {{where}}, where AuthorizationPolicy "{{firstNamespace}}/{{firstName}}" already uses provider {{firstProvider}}: with PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off, istiod turns the CUSTOM rules of both into DENY rules, so every request they match is denied and no external authorizer is called. Use one provider per workload, or set PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS=true on istiod.',
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: 'error',
    reads: reads(READS.authorizationPolicies, READS.waypoints),
  },
  create(context) {
    const model = context.model;
    if (model.mesh.multipleCustomAuthzProviders) return {};
    // Cheap exit for the usual mesh: fewer than two providers anywhere.
    const customs = model.authorizationPolicies.filter((p) => p.action === 'CUSTOM');
    if (new Set(customs.map((p) => p.provider ?? '')).size < 2) return {};

    // Sidecar clashes name their places before waypoint ones, and the first place a policy
    // clashes decides which other policy the message names: two maps, merged in that order.
    const atSidecars = new Map<string, Clash>();
    const atWaypoints = new Map<string, Clash>();
    return {
      // Sidecars: the selector, namespace and root-namespace policies of each workload.
      Workload(w) {
        if (w.dataplane.mode !== 'sidecar') return;
        consider(atSidecars, model.authorizationPoliciesFor(w), `${w.kind} ${w.namespace}/${w.name}`, w);
      },
      // Waypoints: the policies attached to each Service they serve.
      Service(s) {
        const wp = model.waypointOfService(s);
        if (!wp) return;
        consider(atWaypoints, waypointPolicies(model, { service: s, waypoint: wp }), `Service ${s.namespace}/${s.name} at waypoint ${wp.namespace}/${wp.name}`);
      },
      'Mesh:exit'() {
        const clashes = new Map(atSidecars);
        for (const [key, c] of atWaypoints) {
          const s = clashes.get(key);
          clashes.set(key, s ? { ...s, where: [...s.where, ...c.where] } : c);
        }
        for (const c of clashes.values()) {
          context.report({
            at: providerAt(c.policy),
            messageId: 'providersClash',
            data: {
              name: c.policy.name,
              provider: provider(c.policy),
              // Comma-joined, not listText's "a, b and c": the wording the fixtures hold.
              where: c.where.length > 3 ? `${c.where.slice(0, 3).join(', ')} and ${c.where.length - 3} more` : c.where.join(', '),
              firstNamespace: c.first.namespace,
              firstName: c.first.name,
              firstProvider: provider(c.first),
            },
            related: [{ at: providerAt(c.first), message: `provider ${provider(c.first)} of AuthorizationPolicy "${c.first.name}"` }],
            // Only where every place it clashes is a sidecar whose data plane is assumed.
            assumptions: c.workloads.length === c.where.length ? model.assumptionsOf(c.workloads) : undefined,
            suggest: [
              {
                desc: 'Let istiod run several CUSTOM providers per workload (IstioOperator; or the istiod env, or Helm values pilot.env)',
                fix: 'spec:\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS: "true"',
              },
            ],
          });
        }
      },
    };
  },
});
