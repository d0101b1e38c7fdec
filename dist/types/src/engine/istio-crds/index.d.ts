import type { JSONSchema7 } from 'json-schema';
/** The Istio commit the schemas come from. */
export declare const ISTIO_CRDS_SOURCE: {
    version: string;
    commit: string;
    date: string;
};
export interface IstioCrd {
    group: string;
    kind: string;
    /** The served versions. */
    versions: readonly string[];
    /** The OpenAPI v3 schema of the resource, loaded on first use. */
    load: () => Promise<JSONSchema7>;
}
export declare const ISTIO_CRDS: readonly IstioCrd[];
