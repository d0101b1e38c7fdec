import type { Path } from '../types.js';
/** A `schema` finding at a field of a resource (the path is under the resource's root). */
export interface SchemaProblem {
    path: Path;
    message: string;
    part: 'key' | 'value';
    /** A warning, as istiod's webhook gives some (the apply goes through). */
    warning?: boolean;
}
/** `spec.rules[0].from`: a path as a person writes it. */
export declare function formatPath(path: Path): string;
/** "a", "a or b", "a, b or c". */
export declare function orList(items: readonly string[]): string;
