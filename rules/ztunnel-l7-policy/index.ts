// istio pilot/pkg/serviceregistry/ambient/authorization.go (convertAuthorizationPolicy, handleRule)
// decides what ztunnel receives; ztunnel src/rbac.rs enforces it. See README.md.
import { ztunnelPolicy, type L7Use, type ZtunnelPolicy, type ZtunnelRule } from '../../src/authz/ztunnel.js';
import { defineRule, docsUrl, ignoreNamespacesSchema } from '../../src/engine/rule.js';
import { waypointFix } from '../../src/fixes.js';
import type { DataplaneAssumption } from '../../src/model/dataplane.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { Model } from '../../src/mesh/model.js';
import type { Workload } from '../../src/model/workloads.js';
import { once } from '../../src/util/once.js';
import { READS, reads } from '../../src/model/reads.js';

/** The ambient workloads ztunnel enforces this policy on (none when all are sidecar or outside the mesh). */
function ambientTargets(model: Model, p: AuthorizationPolicy): { names: string; assumptions: DataplaneAssumption[] } | undefined {
  const selected = model.policyWorkloads(p);
  const ambient = selected.filter((w) => w.dataplane.mode === 'ambient');
  if (ambient.length > 0) return { names: describeWorkloads(ambient), assumptions: model.assumptionsOf(ambient) };
  // No workload of the input is selected, but pods created later in a namespace declared ambient
  // will be (a namespace only assumed ambient, with no pods in the input, is not enough to report).
  const nsAmbient = (ns: string) => {
    const d = model.dataplaneFor(ns);
    return d.mode === 'ambient' && !d.assumption;
  };
  if (selected.length === 0 && nsAmbient(p.namespace) && p.namespace !== model.rootNamespace) {
    return { names: `the pods of ambient namespace "${p.namespace}"`, assumptions: [] };
  }
  // A mesh-wide policy (root namespace, no selector) also reaches the pods that ambient namespaces
  // of the input will run, when none is listed.
  if (p.namespace === model.rootNamespace && (!p.selector || Object.keys(p.selector).length === 0)) {
    const names = [...model.namespaces.keys()].filter(nsAmbient);
    if (names.length > 0) {
      return { names: `the pods of ambient namespace${names.length > 1 ? 's' : ''} ${names.slice(0, 3).map((n) => `"${n}"`).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`, assumptions: [] };
    }
  }
  return undefined;
}

function describeWorkloads(ws: readonly Workload[]): string {
  // The same object may appear in several files of a tree; name it once.
  const all = [...new Set(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`))];
  const names = all.slice(0, 3);
  return all.length > 3 ? `${names.join(', ')} and ${all.length - 3} more` : names.join(', ');
}

function consequence(p: AuthorizationPolicy, z: ZtunnelPolicy, rule: ZtunnelRule, use: L7Use): string {
  const refuseAll = 'the pods refuse all traffic that no other ALLOW policy admits';
  if (p.action === 'ALLOW') {
    if (rule.fate === 'dropped') {
      if (z.allowsNothing && z.rules.every((r) => r.fate === 'dropped')) return `every rule of this ALLOW policy is dropped, yet the policy still applies, so ${refuseAll}`;
      return z.allowsNothing
        ? `this ALLOW rule is dropped and no other rule of the policy can match, so ${refuseAll}`
        : 'this ALLOW rule is dropped, so the requests it admits are refused unless another rule admits them';
    }
    // An ignored field (trustDomains) of a rule that is kept.
    if (use.entryKeepsL4) return 'this source is matched on its other fields alone, so it admits peers of any trust domain';
    if (z.allowsNothing) return `this source never matches and no rule of the policy can, so ${refuseAll}`;
    return 'this source never matches, so the peers it names are refused unless another source or rule admits them';
  }
  if (rule.fate === 'never-matches') return 'nothing of this DENY rule is left to match, so it never fires and the traffic it should block gets through';
  // DENY, partial: the rule still fires; what this use changes depends on its entry.
  if (use.entryKeepsL4 !== false) return 'this DENY rule is enforced on its layer-4 conditions alone and denies more than written';
  // Another entry of the same `to`/`from` keeps the rule alive; this one is an empty match, skipped.
  return `this ${use.path.includes('to') ? 'operation' : 'source'} is skipped, so the requests only it describes are not denied`;
}

function fieldText(use: L7Use): string {
  return use.field.includes('.') ? `the "${use.field}" condition` : `"${use.field}"`;
}

type Options = [{ ignoreNamespaces: string[] }];

export default defineRule<'customNotEnforced' | 'auditNotEnforced' | 'fieldNotSent' | 'fieldNotMatched', Options>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An AuthorizationPolicy enforced by ztunnel (ambient, no waypoint) uses HTTP attributes or an action ztunnel cannot enforce.',
      url: docsUrl('ztunnel-l7-policy'),
      recommended: true,
      aliases: ['KIA0109', 'KIA0110', 'KIA1317'],
      tags: ['security', 'ambient', 'authorization'],
    },
    messages: {
      customNotEnforced:
        'AuthorizationPolicy "{{name}}" (CUSTOM) applies to {{targets}}, where ztunnel enforces policy and never calls an external authorizer: the policy is not enforced at all. Attach it to a waypoint with targetRefs.',
      auditNotEnforced:
        'AuthorizationPolicy "{{name}}" (AUDIT) applies to {{targets}}, where ztunnel enforces policy and does not audit: nothing is logged. Attach it to a waypoint with targetRefs.',
      // {{field}}: `"methods"` or `the "request.headers[x]" condition`; {{consequence}}: what is
      // left of the rule, by action and fate (see consequence()).
      fieldNotSent:
        'AuthorizationPolicy "{{name}}" is enforced by ztunnel on {{targets}}, and istiod does not send {{field}} to ztunnel: {{consequence}}. Attach it to a waypoint with targetRefs, or remove {{field}}.',
      fieldNotMatched:
        'AuthorizationPolicy "{{name}}" is enforced by ztunnel on {{targets}}, and ztunnel cannot match {{field}}: {{consequence}}. Attach it to a waypoint with targetRefs, or remove {{field}}.',
    },
    schema: ignoreNamespacesSchema('AuthorizationPolicies in these namespaces are not checked.'),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: 'error',
    reads: reads(READS.workloads, READS.services, READS.waypoints),
  },
  create(context) {
    const model = context.model;
    // The runner merges `defaultOptions`; a caller of runRules with bare options may not.
    const ignored = new Set(context.options[0]?.ignoreNamespaces ?? []);
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length > 0 || p.dryRun || ignored.has(p.namespace)) return;
        const target = ambientTargets(model, p);
        if (!target) return;
        // Built only when a report shows it, once for all the findings on this policy.
        const fix = once(() => waypointFix(model, p));
        if (p.action === 'CUSTOM' || p.action === 'AUDIT') {
          context.report({
            at: { resource: p.resource, path: ['spec', 'action'] },
            severity: p.action === 'AUDIT' ? 'warn' : undefined,
            messageId: p.action === 'CUSTOM' ? 'customNotEnforced' : 'auditNotEnforced',
            data: { name: p.name, targets: target.names },
            assumptions: target.assumptions,
            suggest: [fix],
          });
          return;
        }
        const z = ztunnelPolicy(p);
        for (const rule of z.rules) {
          for (const use of rule.l7) {
            // A dropped ALLOW rule is gone whole: its HTTP attributes say why, an ignored field adds nothing.
            if (rule.fate === 'dropped' && use.kind === 'ignored') continue;
            context.report({
              at: { resource: p.resource, path: use.path, part: use.part },
              messageId: use.kind === 'ignored' ? 'fieldNotSent' : 'fieldNotMatched',
              data: { name: p.name, targets: target.names, field: fieldText(use), consequence: consequence(p, z, rule, use) },
              assumptions: target.assumptions,
              suggest: [fix],
            });
          }
        }
      },
    };
  },
});
