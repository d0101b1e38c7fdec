import type { Path } from '../types.js';
import { type Add } from './schema-webhook-util.js';
/**
 * What the routes of a VirtualService share, and a Sidecar's egress proxy with them (istio
 * pkg/config/validation/validation.go: validateGatewayNames, validateHTTPRouteDestinations,
 * validateRouteDestinations, validateDestination; the header operations of virtualservice.go
 * validateHTTPRoute: ValidateHTTPHeader*OperationName, ValidateHTTPHeaderValue).
 */
/** validateGatewayNames: "namespace/name", or a legacy name; istiod stops at the first name without a "/". */
export declare function gatewayNameProblems(names: unknown, path: Path, add: Add): void;
/** The match fields HTTP, TLS and TCP matches share: port, sourceLabels, gateways. */
export declare function l4MatchProblems(match: Record<string, unknown>, path: Path, add: Add): void;
/** validateHTTPRouteDestinations, validateRouteDestinations. */
export declare function destinationsProblems(list: unknown, path: Path, add: Add, http: boolean): void;
/** validateDestination: a host (not "*"), a DNS-label subset, a port number. */
export declare function destinationProblems(dest: unknown, path: Path, add: Add): void;
export declare const isAuthority: (name: string) => boolean;
/** The header operations of a route or a destination (ValidateHTTPHeader*OperationName, ValidateHTTPHeaderValue). */
export declare function headerOperationProblems(headers: unknown, path: Path, add: Add): void;
