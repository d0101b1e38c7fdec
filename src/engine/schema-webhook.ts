import { isRecord, type Resource } from '../model/resource.js';
import { formatPath, type SchemaProblem } from './schema-problem.js';
import { envoyFilterProblems, extensionProblems, telemetryProblems } from './schema-webhook-extensions.js';
import { gatewayProblems } from './schema-webhook-gateway.js';
import { destinationRuleProblems } from './schema-webhook-networking.js';
import { authorizationPolicyProblems, requestAuthenticationProblems } from './schema-webhook-security.js';
import { serviceEntryProblems, workloadEntrySpecProblems, workloadGroupProblems } from './schema-webhook-serviceentry.js';
import { sidecarProblems } from './schema-webhook-sidecar.js';
import { virtualServiceProblems } from './schema-webhook-virtualservice.js';
import { asSpec, type Spec } from './schema-webhook-util.js';

/**
 * What istiod's validating webhook rejects (errors) or warns of (warnings) beyond the CRD, for a
 * resource whose CRD checks passed. `spec` is the resource's spec with nulls pruned.
 */
export function webhookProblems(r: Resource, specValue: unknown): SchemaProblem[] {
  const spec = asSpec(specValue);
  if (!spec) return [];
  // The namespace "." stands for; unknown when the manifest leaves it to kubectl's context.
  const namespace = isRecord(r.raw.metadata) && typeof r.raw.metadata.namespace === 'string' ? r.namespace : undefined;
  return [...emptySelector(r.kind, spec), ...kindProblems(r, spec, namespace)];
}

function kindProblems(r: Resource, spec: Spec, namespace: string | undefined): SchemaProblem[] {
  switch (r.kind) {
    case 'AuthorizationPolicy':
      return authorizationPolicyProblems(spec);
    case 'RequestAuthentication':
      return requestAuthenticationProblems(spec);
    case 'DestinationRule':
      return destinationRuleProblems(spec, namespace);
    case 'VirtualService':
      return virtualServiceProblems(spec, namespace);
    case 'Gateway':
      return gatewayProblems(spec, isRecord(r.raw.metadata) && typeof r.raw.metadata.name === 'string' ? r.raw.metadata.name : undefined);
    case 'Sidecar':
      return sidecarProblems(spec, namespace);
    case 'ServiceEntry':
      return serviceEntryProblems(spec, namespace, r.labels);
    case 'WorkloadEntry':
      return workloadEntrySpecProblems(spec);
    case 'WorkloadGroup':
      return workloadGroupProblems(spec);
    case 'Telemetry':
      return telemetryProblems(spec);
    case 'WasmPlugin':
    case 'TrafficExtension':
      return extensionProblems(spec);
    case 'EnvoyFilter':
      return envoyFilterProblems(spec);
    default:
      return [];
  }
}

/** Where each kind's workload selector keeps its labels (istio/api). */
const SELECTORS: Record<string, [string, string]> = {
  AuthorizationPolicy: ['selector', 'matchLabels'],
  RequestAuthentication: ['selector', 'matchLabels'],
  PeerAuthentication: ['selector', 'matchLabels'],
  ProxyConfig: ['selector', 'matchLabels'],
  Telemetry: ['selector', 'matchLabels'],
  WasmPlugin: ['selector', 'matchLabels'],
  TrafficExtension: ['selector', 'matchLabels'],
  DestinationRule: ['workloadSelector', 'matchLabels'],
  Sidecar: ['workloadSelector', 'labels'],
  ServiceEntry: ['workloadSelector', 'labels'],
};

/**
 * istiod's warning "workload selector specified without labels" (validateWorkloadSelector,
 * ValidateAlphaWorkloadSelector): empty labels are a subset of every workload's labels
 * (pilot/pkg/model/policyattachment.go), so the selector selects the whole namespace.
 */
function emptySelector(kind: string, spec: Spec): SchemaProblem[] {
  const [key, labels] = SELECTORS[kind] ?? [];
  const selector = key ? spec[key] : undefined;
  if (!key || !labels || !isRecord(selector)) return [];
  if (isRecord(selector[labels]) && Object.keys(selector[labels]).length > 0) return [];
  const path = ['spec', key];
  return [
    {
      path,
      part: 'key',
      warning: true,
      message: `${formatPath(path)} has no ${labels}, so it selects every workload of the namespace, as no selector would; istiod warns "workload selector specified without labels". Name the labels, or drop the ${key}`,
    },
  ];
}
