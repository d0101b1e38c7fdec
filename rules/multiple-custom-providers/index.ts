// istio pilot/pkg/security/authz/builder/builder.go (buildHTTP, buildTCP): with more than one
// CUSTOM provider on a workload and PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off, istiod
// generates DENY rules (getBadCustomDenyRules) instead of ext_authz filters. See README.md.
import { waypointPolicies } from '../../src/authz/attachment.js';
import { conflictingCustomProviders } from '../../src/authz/evaluator.js';
import { legacyRule } from '../../src/engine/rule.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { At } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';

const policyKey = (p: AuthorizationPolicy) => `${p.namespace}/${p.name}`;

function providerAt(p: AuthorizationPolicy): At {
  return { resource: p.resource, path: p.provider !== undefined ? ['spec', 'provider', 'name'] : ['spec', 'action'] };
}

export default legacyRule({
  id: 'multiple-custom-providers',
  meta: {
    description: 'CUSTOM policies of several providers apply to one workload while PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS is off: istiod turns their rules into DENY rules.',
    severity: 'error',
    tags: ['security', 'authorization', 'sidecar', 'waypoint'],
  },
  check(ctx) {
    const model = ctx.model;
    if (model.mesh.multipleCustomAuthzProviders) return;
    // Cheap exit for the usual mesh: fewer than two providers anywhere.
    const customs = model.authorizationPolicies.filter((p) => p.action === 'CUSTOM');
    if (new Set(customs.map((p) => p.provider ?? '')).size < 2) return;

    // Per policy of a later provider: the first provider's policy it clashes with, and where.
    const clashes = new Map<string, { policy: AuthorizationPolicy; first: AuthorizationPolicy; where: string[]; workloads: Workload[] }>();
    const consider = (policies: readonly AuthorizationPolicy[], where: string, workload?: Workload) => {
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
    };
    // Sidecars: the selector, namespace and root-namespace policies of each workload.
    for (const w of model.workloads) {
      if (w.dataplane.mode !== 'sidecar') continue;
      consider(model.authorizationPoliciesFor(w), `${w.kind} ${w.namespace}/${w.name}`, w);
    }
    // Waypoints: the policies attached to each Service they serve.
    for (const s of model.services) {
      const wp = model.waypointOfService(s);
      if (!wp) continue;
      consider(waypointPolicies(model, { service: s, waypoint: wp }), `Service ${s.namespace}/${s.name} at waypoint ${wp.namespace}/${wp.name}`);
    }

    ctx.each([...clashes.values()].map((c) => ({ ...c, resource: c.policy.resource })), (c) => {
      const where = c.where.length > 3 ? `${c.where.slice(0, 3).join(', ')} and ${c.where.length - 3} more` : c.where.join(', ');
      const provider = (p: AuthorizationPolicy) => (p.provider !== undefined ? `"${p.provider}"` : '(none)');
      ctx.report({
        at: providerAt(c.policy),
        message: `AuthorizationPolicy "${c.policy.name}" uses CUSTOM provider ${provider(c.policy)} on ${where}, where AuthorizationPolicy "${c.first.namespace}/${c.first.name}" already uses provider ${provider(c.first)}: with PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off, istiod turns the CUSTOM rules of both into DENY rules, so every request they match is denied and no external authorizer is called. Use one provider per workload, or set PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS=true on istiod.`,
        related: [{ at: providerAt(c.first), message: `provider ${provider(c.first)} of AuthorizationPolicy "${c.first.name}"` }],
        // Only where every place it clashes is a sidecar whose data plane is assumed.
        assumptions: c.workloads.length === c.where.length ? model.assumptionsOf(c.workloads) : undefined,
        suggestions: [
          {
            desc: 'Let istiod run several CUSTOM providers per workload (IstioOperator; or the istiod env, or Helm values pilot.env)',
            fix: 'spec:\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS: "true"',
          },
        ],
      });
    });
  },
});
