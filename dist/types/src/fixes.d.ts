import type { AuthorizationPolicy } from './model/kinds.js';
import type { Model } from './mesh/model.js';
import type { Suggestion } from './types.js';
/**
 * The YAML that moves a policy from ztunnel to a waypoint: `targetRefs` to the Services of the
 * workloads it selects, and, when those Services are not bound to a waypoint yet, the waypoint
 * Gateway and the label that binds them.
 */
export declare function waypointFix(model: Model, p: AuthorizationPolicy): Suggestion;
