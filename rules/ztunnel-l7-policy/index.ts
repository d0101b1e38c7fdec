// istio pilot/pkg/serviceregistry/ambient/authorization.go (convertAuthorizationPolicy, handleRule)
// decides what ztunnel receives; ztunnel src/rbac.rs enforces it. See README.md.
import { ztunnelPolicy, type L7Use, type ZtunnelRule } from '../../src/authz/ztunnel.js';
import { defineRule } from '../../src/engine/rule.js';
import { waypointFix } from '../../src/fixes.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { Model } from '../../src/model/model.js';
import type { Workload } from '../../src/model/workloads.js';

/** The ambient workloads ztunnel enforces this policy on (none when all are sidecar or outside the mesh). */
function ambientTargets(model: Model, p: AuthorizationPolicy): { names: string } | undefined {
  const selected = model.policyWorkloads(p);
  const ambient = selected.filter((w) => w.dataplane.mode === 'ambient');
  if (ambient.length > 0) return { names: describeWorkloads(ambient) };
  // No workload of the input is selected, but pods created later in an ambient namespace will be.
  const nsAmbient = model.namespaceLabels(p.namespace)['istio.io/dataplane-mode'] === 'ambient';
  if (selected.length === 0 && nsAmbient && p.namespace !== model.rootNamespace) {
    return { names: `the pods of ambient namespace "${p.namespace}"` };
  }
  return undefined;
}

function describeWorkloads(ws: readonly Workload[]): string {
  // The same object may appear in several files of a tree; name it once.
  const all = [...new Set(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`))];
  const names = all.slice(0, 3);
  return all.length > 3 ? `${names.join(', ')} and ${all.length - 3} more` : names.join(', ');
}

function consequence(p: AuthorizationPolicy, rule: ZtunnelRule, allowsNothing: boolean, target: string): string {
  switch (rule.fate) {
    case 'dropped':
      return allowsNothing
        ? `ztunnel drops every rule of this ALLOW policy, yet the policy still applies: ${target} will refuse all traffic that no other ALLOW policy admits.`
        : `ztunnel drops this whole ALLOW rule, so the requests it was meant to admit to ${target} are refused unless another rule admits them.`;
    case 'never-matches':
      return `ztunnel removes it and nothing enforceable is left of this DENY rule, so it never matches: the traffic it is meant to block reaches ${target}.`;
    case 'partial':
      return `ztunnel enforces this DENY rule without it, on its layer-4 conditions alone, so it denies more traffic to ${target} than written.`;
    default:
      return '';
  }
}

function fieldText(use: L7Use): string {
  return use.field.includes('.') ? `the "${use.field}" condition` : `"${use.field}"`;
}

export default defineRule({
  id: 'ztunnel-l7-policy',
  meta: {
    description: 'An AuthorizationPolicy enforced by ztunnel (ambient, no waypoint) uses HTTP attributes or an action ztunnel cannot enforce.',
    severity: 'error',
    tags: ['security', 'ambient', 'authorization'],
  },
  check(ctx) {
    ctx.each(ctx.model.authorizationPolicies, (p) => {
      if (p.targetRefs.length > 0 || p.dryRun) return;
      const target = ambientTargets(ctx.model, p);
      if (!target) return;
      const fix = waypointFix(ctx.model, p);
      if (p.action === 'CUSTOM' || p.action === 'AUDIT') {
        ctx.report({
          at: { resource: p.resource, path: ['spec', 'action'] },
          severity: p.action === 'AUDIT' ? 'warn' : undefined,
          message:
            p.action === 'CUSTOM'
              ? `AuthorizationPolicy "${p.name}" has action CUSTOM and applies to ${target.names}, where ztunnel enforces policy; ztunnel does not run external authorization, so this policy is not enforced at all. Attach it to a waypoint with targetRefs.`
              : `AuthorizationPolicy "${p.name}" has action AUDIT and applies to ${target.names}, where ztunnel enforces policy; ztunnel does not audit, so nothing is logged. Attach it to a waypoint with targetRefs.`,
          suggestions: [fix],
        });
        return;
      }
      const z = ztunnelPolicy(p);
      for (const rule of z.rules) {
        for (const use of rule.l7) {
          ctx.report({
            at: { resource: p.resource, path: use.path, part: use.part },
            message: `AuthorizationPolicy "${p.name}" applies to ${target.names}, where ztunnel enforces it, and ztunnel cannot match ${fieldText(use)}: ${consequence(p, rule, z.allowsNothing, target.names)} Attach the policy to a waypoint with targetRefs, or remove ${fieldText(use)}.`,
            suggestions: [fix],
          });
        }
      }
    });
  },
});
