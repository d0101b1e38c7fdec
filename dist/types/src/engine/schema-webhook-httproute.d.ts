import type { Path } from '../types.js';
import { type Add } from './schema-webhook-util.js';
/**
 * istiod's checks of a VirtualService's HTTP route (istio pkg/config/validation/virtualservice.go:
 * validateHTTPRoute, validateHTTPRouteConflict, validateHTTPRouteMatchRequest; validation.go:
 * validateCORSPolicy, validateHTTPFaultInjection, validateHTTPRedirect, validateHTTPDirectResponse,
 * validateHTTPMirrors, validateHTTPRewrite; agent/validation.go: ValidateHTTPRetry).
 */
export declare function httpRouteProblems(route: unknown, path: Path, delegateVs: boolean, add: Add): void;
/** jwt.ToRoutingClaim: `@request.auth.claims.a.b` or `@request.auth.claims[a][b]`. */
export declare function isJwtClaimHeader(name: string): boolean;
