/** A resource's spec, after the CRD checks passed (so the fields have their schema types). */
export type Spec = Record<string, unknown>;
export declare function arr(v: unknown): unknown[];
export declare function strs(v: unknown): string[];
export declare function asSpec(v: unknown): Spec | undefined;
/** labels.IsDNS1123Label. */
export declare function isDns1123Label(v: string): boolean;
