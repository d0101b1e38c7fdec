import { type SchemaProblem } from './schema-problem.js';
import { type Spec } from './schema-webhook-util.js';
/**
 * istiod's validating webhook for Telemetry, WasmPlugin, TrafficExtension (istio
 * pkg/config/validation/validation.go: ValidateTelemetry, ValidateWasmPlugin,
 * ValidateTrafficExtension; their other checks, and ProxyConfig's, are the CRD's too) and EnvoyFilter
 * (pkg/config/validation/envoyfilter/envoyfilter.go: the shape of each config patch; whether its
 * value is a valid Envoy message takes Envoy's protos, which meshlint does not have). EnvoyFilter's
 * blanket warning that it exposes internals is left out: it says nothing about the manifest.
 */
export declare function telemetryProblems(spec: Spec): SchemaProblem[];
/** WasmPlugin and TrafficExtension: the CRD checks their fields; istiod adds the targetRef kinds. */
export declare function extensionProblems(spec: Spec): SchemaProblem[];
/** The shape of each config patch: applyTo, patch, operation and value, a match that fits applyTo. */
export declare function envoyFilterProblems(spec: Spec): SchemaProblem[];
