// Envoy evaluates DENY before ALLOW (istio pilot/pkg/security/authz/builder/builder.go); an ALLOW
// rule whose every request a DENY rule on the same workloads matches can never allow anything.
import { ruleCovers } from '../../src/authz/subsume.js';
import { l7Uses } from '../../src/authz/ztunnel.js';
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { Model } from '../../src/mesh/model.js';
import { READS, reads } from '../../src/model/reads.js';

/** Whether DENY policy `d` applies to every pod ALLOW policy `p` applies to. */
function appliesToAllOf(model: Model, d: AuthorizationPolicy, p: AuthorizationPolicy): boolean {
  if (d.targetRefs.length > 0 || p.targetRefs.length > 0) return sameTargets(d, p);
  const root = model.rootNamespace;
  if (d.namespace !== p.namespace && d.namespace !== root) return false;
  // By scope: a DENY without selector covers its namespace (the mesh, from the root namespace);
  // a DENY whose selector is a subset of the ALLOW's selector covers every pod the ALLOW selects.
  const dSel = d.selector ?? {};
  if (Object.keys(dSel).length === 0) return true;
  const pSel = p.selector ?? {};
  if (Object.entries(dSel).every(([k, v]) => pSel[k] === v)) return true;
  // By the input's pods: every workload the ALLOW selects is also selected by the DENY.
  const ws = model.policyWorkloads(p);
  return ws.length > 0 && ws.every((w) => model.authorizationPoliciesFor(w).includes(d));
}

function sameTargets(d: AuthorizationPolicy, p: AuthorizationPolicy): boolean {
  if (d.namespace !== p.namespace || d.targetRefs.length === 0 || p.targetRefs.length === 0) return false;
  const key = (t: { kind: string; name: string }) => `${t.kind}/${t.name}`;
  const dKeys = new Set(d.targetRefs.map(key));
  return p.targetRefs.every((t) => dKeys.has(key(t)));
}

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'An ALLOW rule can never allow anything: a DENY policy on the same workloads matches every request it admits.',
      url: docsUrl('allow-shadowed-by-deny'),
      recommended: true,
      tags: ['security', 'authorization'],
    },
    messages: {
      // The policy's only rule: the whole policy allows nothing.
      policyShadowed:
        'AuthorizationPolicy "{{name}}" can never allow anything: DENY policy "{{denyNamespace}}/{{denyName}}" (rule {{denyRule}}) applies to the same workloads and matches every request this rule admits, and DENY is evaluated first. Narrow the DENY rule, or remove this ALLOW rule if the DENY is intended.',
      ruleShadowed:
        'Rule {{rule}} of AuthorizationPolicy "{{name}}" can never allow anything: DENY policy "{{denyNamespace}}/{{denyName}}" (rule {{denyRule}}) applies to the same workloads and matches every request this rule admits, and DENY is evaluated first. Narrow the DENY rule, or remove this ALLOW rule if the DENY is intended.',
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: 'warn',
    reads: reads(READS.authorizationPolicies, READS.workloads),
  },
  create(context) {
    const model = context.model;
    return {
      AuthorizationPolicy(p) {
        if (p.action !== 'ALLOW' || !p.rules || p.dryRun) return;
        const candidates = [...model.policiesIn<AuthorizationPolicy>('AuthorizationPolicy', p.namespace)];
        if (p.namespace !== model.rootNamespace) candidates.push(...model.policiesIn<AuthorizationPolicy>('AuthorizationPolicy', model.rootNamespace));
        // A DENY with the ALLOW's own namespace and name is another version of the same object (two
        // files, two overlays): only one of them can exist in the cluster.
        const denies = candidates.filter((d) => d.action === 'DENY' && !d.dryRun && d.rules && !(d.namespace === p.namespace && d.name === p.name) && appliesToAllOf(model, d, p));
        if (denies.length === 0) return;
        // On ambient pods ztunnel rewrites rules with HTTP attributes; ztunnel-l7-policy reports those.
        const selected = p.targetRefs.length === 0 ? model.policyWorkloads(p) : [];
        const ambient = selected.some((w) => w.dataplane.mode === 'ambient');
        p.rules.forEach((rule, i) => {
          for (const d of denies) {
            const j = d.rules!.findIndex((dr) => ruleCovers(dr, rule) && !(ambient && l7Uses(dr, []).length > 0));
            if (j === -1) continue;
            if (ambient && l7Uses(rule, []).length > 0) return;
            context.report({
              at: { resource: p.resource, path: ['spec', 'rules', i] },
              messageId: p.rules!.length === 1 ? 'policyShadowed' : 'ruleShadowed',
              data: { name: p.name, rule: i, denyNamespace: d.namespace, denyName: d.name, denyRule: j },
              related: [{ at: { resource: d.resource, path: ['spec', 'rules', j] }, message: 'the DENY rule that matches first' }],
              // With HTTP attributes the finding holds only where Envoy, not ztunnel, enforces them.
              assumptions: l7Uses(rule, []).length > 0 || l7Uses(d.rules![j]!, []).length > 0 ? model.assumptionsOf(selected) : undefined,
              suggest: [
                {
                  desc: `Exclude what this ALLOW rule admits from DENY policy "${d.name}" (for example with notPrincipals, notNamespaces or notPaths on its rule ${j})`,
                  fix: `# in AuthorizationPolicy ${d.namespace}/${d.name}, spec.rules[${j}]:\nfrom:\n- source:\n    notPrincipals: ["<identity the ALLOW rule admits>"]\n`,
                },
              ],
            });
            return;
          }
        });
      },
    };
  },
});
