/** Small helpers every layer uses: lists in messages, Go's boolean parsing, typo hints. */
/** "a", "a and b", "a, b and c"; past `max` items, "a, b, c and 4 more". */
export declare function listText(items: readonly string[], max?: number): string;
/** Each item in double quotes: `"a"`, `"b"`. */
export declare function quoted(items: readonly string[]): string[];
/** A value as Go's strconv.ParseBool reads it (istiod's feature flags, Istio's boolean labels and annotations); anything else is false. */
export declare function parseGoBool(v: unknown): boolean;
/** The candidate within two edits of `word` (case-insensitive), for "did you mean" hints. */
export declare function closest(word: string, candidates: readonly string[]): string | undefined;
/** Levenshtein distance, cut off at 3. */
export declare function distance(a: string, b: string): number;
