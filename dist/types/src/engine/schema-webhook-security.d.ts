import { type SchemaProblem } from './schema-problem.js';
import { type Spec } from './schema-webhook-util.js';
export declare function authorizationPolicyProblems(spec: Spec): SchemaProblem[];
export declare function requestAuthenticationProblems(spec: Spec): SchemaProblem[];
