import { type SchemaProblem } from './schema-problem.js';
import { type Spec } from './schema-webhook-util.js';
/**
 * istiod's validating webhook for VirtualService (istio pkg/config/validation/validation.go:
 * ValidateVirtualService, validateTLSRoute, validateTLSMatch, validateSniHost, validateTCPRoute;
 * agent/validation.go: ValidateWildcardDomainForVirtualServiceBoundToGateway); the HTTP routes are
 * schema-webhook-httproute.ts's. Fields are read as istiod reads them (jsonpb): an empty string or
 * list is unset, an empty message is set. The warnings of its unreachable-rule analysis are left to
 * the rules that analyse routes.
 */
export declare function virtualServiceProblems(spec: Spec, namespace: string | undefined): SchemaProblem[];
