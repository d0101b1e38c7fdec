import type { AuthorizationPolicy } from '../model/kinds.js';
import type { Path } from '../types.js';
/**
 * Where an AuthorizationPolicy names its callers: the `from.source` fields and the `when` keys that
 * istiod turns into the same matchers (pilot/pkg/security/authz/model/model.go, generateMetadata:
 * `principals` and `source.principal` share srcPrincipalGenerator, `namespaces` and
 * `source.namespace` srcNamespaceGenerator, and so on).
 */
export interface SourceFieldUse {
    ruleIndex: number;
    /** The `from.source` field (`principals`) or the `when` key (`source.principal`). */
    field: string;
    /** `from` entry index, for source fields. */
    fromIndex?: number;
    /** Number of `from` entries of the rule (they are ORed). */
    fromCount: number;
    /** `when` entry index, for conditions. */
    whenIndex?: number;
    /** A `not*` field, or a condition with `notValues` only: it matches when none of its values do. */
    negative: boolean;
    /** The string entries with their paths. */
    values: Array<{
        value: string;
        path: Path;
    }>;
    /** Where to point for the field as a whole: the source field's key, or the condition's `key` value. */
    at: {
        path: Path;
        part: 'key' | 'value';
    };
}
export interface FieldSpec {
    /** `from.source` fields to look for, with whether each is a negative (`not*`) field. */
    source: ReadonlyArray<readonly [field: string, negative: boolean]>;
    /** `when` keys to look for (exact, or a prefix ending with `[`, such as `request.auth.claims[`). */
    when: readonly string[];
}
/**
 * Every use of the given source fields and `when` keys in a policy's rules. By default a condition
 * with both `values` and `notValues` is one use, with its `values` (the two are ANDed, so `values`
 * decides whether it can match) and `negative: false`; with `splitConditions` each list is a use of
 * its own, pointing at its `values`/`notValues` key.
 */
export declare function sourceFieldUses(p: AuthorizationPolicy, spec: FieldSpec, splitConditions?: boolean): SourceFieldUse[];
/** `spec.rules[0].from[1].source.principals` or `spec.rules[0].when[2]` (source.principal), for messages. */
export declare function fieldLabel(use: SourceFieldUse): string;
/**
 * What an entry that matches no caller does to its rule: a positive field admits (denies, audits…)
 * no caller; a negative one excludes no caller. `detail` adds the runtime effect for ALLOW and DENY.
 */
export declare function noCallerConsequence(p: AuthorizationPolicy, use: SourceFieldUse, detail?: boolean): string;
