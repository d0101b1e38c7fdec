import type { Resource } from '../model/resource.js';
import type { SchemaProblem } from './schema-problem.js';
import { destinationRuleProblems, exportToProblems } from './schema-webhook-networking.js';
import { authorizationPolicyProblems, requestAuthenticationProblems } from './schema-webhook-security.js';
import { asSpec } from './schema-webhook-util.js';

/**
 * What istiod's validating webhook rejects (errors) or warns of (warnings) beyond the CRD, for a
 * resource whose CRD checks passed. `spec` is the resource's spec with nulls pruned.
 */
export function webhookProblems(r: Resource, specValue: unknown): SchemaProblem[] {
  const spec = asSpec(specValue);
  if (!spec) return [];
  // The namespace "." stands for; unknown when the manifest leaves it to kubectl's context.
  const namespace = typeof r.raw.metadata === 'object' && r.raw.metadata !== null && typeof (r.raw.metadata as { namespace?: unknown }).namespace === 'string' ? r.namespace : undefined;
  switch (r.kind) {
    case 'AuthorizationPolicy':
      return authorizationPolicyProblems(spec);
    case 'RequestAuthentication':
      return requestAuthenticationProblems(spec);
    case 'DestinationRule':
      return destinationRuleProblems(spec, namespace);
    case 'VirtualService':
      return exportToProblems(spec.exportTo, namespace, { serviceEntry: false, withSelector: false });
    case 'ServiceEntry':
      return exportToProblems(spec.exportTo, namespace, { serviceEntry: true, withSelector: false });
    default:
      return [];
  }
}
