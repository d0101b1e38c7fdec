/**
 * Conservative subsumption between AuthorizationPolicy rules: `covers(d, r)` is true only when
 * every request that rule `r` matches is certainly matched by rule `d`. When unsure (negations,
 * CIDRs, path templates), it answers false: a missed shadow is better than a false report.
 */
/** Whether every non-empty string matching `inner` also matches `outer` (Istio string patterns). */
export declare function patternCovers(outer: string, inner: string): boolean;
/** Whether rule `outer` matches every request that rule `inner` matches. */
export declare function ruleCovers(outer: unknown, inner: unknown): boolean;
