// Kiali's KIA1301 (business/checkers/workloads/uncovered_workload_checker.go): a workload that no
// AuthorizationPolicy applies to, so whatever reaches it is allowed. Off by default, as in Kiali.
// Beyond Kiali, policies a waypoint applies to the workload's traffic (targetRefs) count too.
// See README.md.
import { defineRule, docsUrl, ignoreNamespacesSchema } from '../../src/engine/rule.js';
import { isIstioGatewayWorkload, type Model } from '../../src/mesh/model.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { Workload } from '../../src/model/workloads.js';
import { READS, reads } from '../../src/model/reads.js';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** Whether the input holds every policy that could apply to pods of `ns`: its own and the root namespace's. */
function knowsPoliciesFor(model: Model, ns: string): boolean {
  return model.mesh.complete || (model.declaresNamespace(ns) && model.hasNamespace(model.rootNamespace));
}

/** A Gateway API gateway's pods take policies that target their Gateway (pilot/pkg/model/policyattachment.go). */
function targetsOwnGateway(model: Model, w: Workload): boolean {
  const gateway = w.podLabels['gateway.networking.k8s.io/gateway-name'];
  if (gateway === undefined) return false;
  return model
    .policiesIn<AuthorizationPolicy>('AuthorizationPolicy', w.namespace)
    .some((p) => p.targetRefs.some((t) => t.group === GATEWAY_GROUP && t.kind === 'Gateway' && t.name === gateway));
}

/** Whether a waypoint in front of the workload (for one of its Services, or for its own address) applies a policy. */
function coveredAtWaypoint(model: Model, w: Workload): boolean {
  for (const service of model.servicesOf(w)) {
    const waypoint = model.waypointOfService(service);
    if (waypoint && model.waypointPolicies({ service, waypoint }).length > 0) return true;
  }
  const waypoint = model.waypointOfWorkload(w);
  return waypoint !== undefined && model.waypointPolicies({ waypoint }).length > 0;
}

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'A workload in the mesh that no AuthorizationPolicy applies to: everything that reaches it is allowed (off by default).',
      url: docsUrl('workload-without-authorization'),
      recommended: false,
      aliases: ['KIA1301'],
      tags: ['authorization'],
    },
    messages: {
      uncovered:
        '{{kind}} {{namespace}}/{{name}} is covered by no AuthorizationPolicy (none in namespace {{namespace}} or the root namespace {{root}} selects it, none at a waypoint in front of it): every request that reaches it is allowed. Add a policy for it, or a default-deny `spec: {}` in namespace {{namespace}}.',
    },
    schema: ignoreNamespacesSchema('Workloads in these namespaces are not checked.'),
    defaultOptions: [{ ignoreNamespaces: [] as string[] }],
    defaultSeverity: 'warn',
    reads: reads(READS.authorizationPolicies, READS.waypoints, READS.services),
  },
  create(context) {
    const model = context.model;
    const ignored = new Set(context.options[0]?.ignoreNamespaces ?? []);
    return {
      Workload(w) {
        if (ignored.has(w.namespace) || !knowsPoliciesFor(model, w.namespace)) return;
        // Without a proxy no policy can apply: that is not this rule's finding. Gateways enforce without a sidecar.
        if (w.dataplane.mode === 'none' && !isIstioGatewayWorkload(w)) return;
        if (model.authorizationPoliciesFor(w).length > 0 || targetsOwnGateway(model, w) || coveredAtWaypoint(model, w)) return;
        context.report({
          at: { resource: w.resource, path: ['metadata', 'name'] },
          messageId: 'uncovered',
          data: { kind: w.kind, namespace: w.namespace, name: w.name, root: model.rootNamespace },
          assumptions: model.assumptionsOf([w]),
        });
      },
    };
  },
});
