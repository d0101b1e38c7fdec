import { type SchemaProblem } from './schema-problem.js';
import { type Spec } from './schema-webhook-util.js';
/**
 * istiod's validating webhook for Sidecar (istio pkg/config/validation/validation.go:
 * ValidateSidecar, validateSidecarEgressPortBindAndCaptureMode, validateSidecarIngressPortAndBind,
 * validateSidecarOutboundTrafficPolicy). `namespace` is the Sidecar's, when the manifest says it.
 */
export declare function sidecarProblems(spec: Spec, namespace: string | undefined): SchemaProblem[];
