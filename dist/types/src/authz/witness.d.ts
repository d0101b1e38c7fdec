import type { AuthorizationPolicy } from '../model/kinds.js';
import type { Path } from '../types.js';
/**
 * Concrete requests read off a policy's own rules, for questions such as "does anyone other than
 * the waypoint get in?" or "is a request admitted from X refused from the activator?". These are
 * candidates only: a caller always asks the evaluator whether a witness is really admitted, so a
 * candidate that the rule does not match in the end is simply discarded. Nothing here decides.
 */
export interface SourceWitness {
    /** The peer identity; undefined for a plaintext client. */
    principal?: string;
    sourceIp?: string;
    /** Where the identity was read from, for reporting at the narrowest node. */
    origin?: {
        policy: AuthorizationPolicy;
        rule: number;
        path: Path;
    };
}
export interface RequestShape {
    method?: string;
    path?: string;
    host?: string;
    /** Lower-cased header names. */
    headers?: Record<string, string>;
}
/** A value that an Istio string pattern (exact, `prefix*`, `*suffix`, `*`) matches. */
export declare function sampleOf(pattern: string, filler?: string): string;
/** A principal that `pattern` matches, shaped `<td>/ns/<ns>/sa/<sa>`, if one is easy to find. */
export declare function samplePrincipal(pattern: string, trustDomain: string, namespace: string): string | undefined;
/** A path that an Istio path pattern (with `{*}`, `{**}` templates) matches. */
export declare function samplePath(pattern: string): string | undefined;
/**
 * Candidate peers read off the `from` sources and source `when` conditions of a policy's rules:
 * one per listed principal, namespace or service account (with the first `ipBlocks` address of the
 * same source, if any). `rules` narrows to some rule indexes.
 */
export declare function sourceWitnesses(p: AuthorizationPolicy, trustDomain: string, rules?: readonly number[]): SourceWitness[];
/** The request one rule's first `to` operation and header conditions describe (GET / by default). */
export declare function requestShape(rule: unknown): RequestShape;
