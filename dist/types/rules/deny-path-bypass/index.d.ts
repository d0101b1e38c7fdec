import type { PathNormalization } from '../../src/model/mesh.js';
/**
 * Requests a backend may take for `value` that Envoy, under `mode`, neither normalizes into it nor
 * matches with another value of the same field: a trailing slash (no mode removes it), a doubled
 * slash (merged from MERGE_SLASHES on), an encoded slash (decoded only by
 * DECODE_AND_MERGE_SLASHES), a dot segment (removed from BASE on). For an ALLOW's `notPaths`,
 * `within` are the `paths` of the same operation: only forms they admit get through.
 */
export declare function bypasses(value: string, siblings: readonly string[], mode: PathNormalization, within?: readonly string[]): string[];
declare const _default: import("../../src/engine/rule.js").MeshRule<"denyBypassedOne" | "denyBypassedMany" | "notPathsBypassedOne" | "notPathsBypassedMany", []>;
export default _default;
