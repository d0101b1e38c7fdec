import { type SchemaProblem } from './schema-problem.js';
import { type Add, type Spec } from './schema-webhook-util.js';
/** The targetRefs both policies may have. */
export declare function checkTargetRefs(spec: Spec, add: Add): void;
export declare function authorizationPolicyProblems(spec: Spec): SchemaProblem[];
export declare function requestAuthenticationProblems(spec: Spec): SchemaProblem[];
