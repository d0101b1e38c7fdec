import type { Doc, Part } from '../load/parse.js';
import type { Path } from '../types.js';
export type Labels = Readonly<Record<string, string>>;
/** A Kubernetes object as it appears in the input, with the way back to its source. */
export interface Resource {
    readonly apiVersion: string;
    readonly group: string;
    readonly version: string;
    readonly kind: string;
    readonly name: string;
    /** Effective namespace: `metadata.namespace`, else `default`; empty for cluster-scoped kinds. */
    readonly namespace: string;
    readonly labels: Labels;
    readonly annotations: Labels;
    readonly raw: Record<string, unknown>;
    readonly doc: Doc;
    /** Path of this object inside its document (`[]`, or `['items', i]` inside a List). */
    readonly base: Path;
}
/** A place a diagnostic can point at: a node of a resource. */
export interface At {
    resource: Resource;
    path: Path;
    part?: Part;
}
export declare const CLUSTER_SCOPED: Set<string>;
export declare function isRecord(v: unknown): v is Record<string, unknown>;
export declare function str(v: unknown): string | undefined;
export declare function arr(v: unknown): unknown[];
/** String-valued entries of a map; other values are dropped (the schema check reports them). */
export declare function stringMap(v: unknown): Record<string, string>;
/** Whether `labels` carry every key of `selector` with its value (an empty selector matches all). */
export declare function matchesLabels(selector: Labels, labels: Labels): boolean;
/** Whether a document looks like a Kubernetes object at all. */
export declare function looksLikeObject(data: unknown): data is Record<string, unknown>;
export declare function toResource(raw: Record<string, unknown>, doc: Doc, base: Path): Resource;
export declare function resourceLabel(r: Resource): string;
