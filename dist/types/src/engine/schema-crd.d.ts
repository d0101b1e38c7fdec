import type { JSONSchema7 } from 'json-schema';
import type { Path } from '../types.js';
import { type SchemaProblem } from './schema-problem.js';
export declare const KEYWORDS: Set<string>;
/**
 * The object as the API server validates it: a field set to null is pruned (a `match:` with no
 * value is no match), unless its schema is nullable, where null is valid anyway.
 */
export declare function pruneNulls(v: unknown): unknown;
/**
 * The problems of `data` (the resource, nulls pruned) against the CRD's schema. Only `spec` is
 * checked: the root's apiVersion/kind/metadata are the API server's, status is the controller's.
 */
export declare function crdProblems(schema: JSONSchema7, data: {
    spec?: unknown;
}): SchemaProblem[];
/** Whether a value has a JSON Schema `type` (unknown types pass). */
export declare function hasType(v: unknown, type: string): boolean;
/**
 * The API server's checks of `x-kubernetes-list-type`: the items of a `set` are unique, and in a
 * `map` no two items have the same values of the `x-kubernetes-list-map-keys`.
 */
export declare function listProblems(schema: unknown, data: unknown, path: Path): SchemaProblem[];
