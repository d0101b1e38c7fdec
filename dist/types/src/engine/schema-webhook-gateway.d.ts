import type { Path } from '../types.js';
import { type SchemaProblem } from './schema-problem.js';
import { type Add, type Spec } from './schema-webhook-util.js';
/**
 * istiod's validating webhook for Gateway (istio pkg/config/validation/validation.go:
 * ValidateGateway, validateServer, validateServerPort, validateServerBind, validateTLSOptions;
 * agent/validation.go: ValidateNamespaceSlashWildcardHostname). validateTLSOptions and the host
 * form are shared with the Sidecar's ingress and egress listeners.
 */
export declare function gatewayProblems(spec: Spec, name: string | undefined): SchemaProblem[];
/** ValidateUnixAddress: an absolute file path, or an abstract socket (`@name`). */
export declare function unixAddressProblem(addr: string): string | undefined;
/**
 * agent.ValidateNamespaceSlashWildcardHostname: `namespace/host` ("*" or "." for the namespace; a
 * Sidecar may prefix "~" to exclude one), the host a DNS name with an optional leading `*`, no
 * short names; a Gateway may also give a bare host or IP.
 */
export declare function namespacedHostProblem(h: string, gateway: boolean): string | undefined;
/** validateTLSOptions: the server side TLS of a Gateway server or a Sidecar ingress listener. */
export declare function serverTlsProblems(tls: unknown, path: Path, add: Add): void;
