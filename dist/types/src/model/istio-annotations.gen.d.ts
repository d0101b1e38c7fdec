/** The istio/api commit the registry comes from. */
export declare const ISTIO_ANNOTATIONS_SOURCE: {
    commit: string;
    date: string;
};
export interface IstioAnnotation {
    readonly featureStatus: 'Alpha' | 'Beta' | 'Stable';
    readonly deprecated: boolean;
    /** The kinds it belongs on; `Any` for every kind. */
    readonly resources: readonly string[];
}
export declare const ISTIO_ANNOTATIONS: Readonly<Record<string, IstioAnnotation>>;
