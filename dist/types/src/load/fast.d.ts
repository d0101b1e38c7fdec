/**
 * A fast path for the YAML that Kubernetes manifests are made of.
 *
 * `yaml`'s Document API is exact but builds a concrete syntax tree, a node tree and then plain
 * data: about 100 µs per manifest. This reader goes from text to plain data in one pass, for a
 * conservative subset of YAML 1.2: block maps and sequences (indentless and nested compact ones
 * too), plain and quoted scalars (multi-line ones as values, folded as `yaml` folds them), `|`/`>`
 * block scalars with clip or strip chomping, single-line flow collections, and JSON documents.
 * Anything outside that subset — anchors, aliases, tags, merge keys, directives, explicit keys,
 * duplicate keys, tabs outside comments, odd indentation, any syntax error — makes it give up on
 * the whole file ("bail"), and the caller parses the file with `yaml` as before. So the fast path
 * never has to reproduce an error message or an edge of the spec: when it answers, `yaml` would
 * have answered the same data without errors (test/positions-fast.test.ts checks this against
 * `yaml` on generated documents).
 *
 * Positions are not recorded while reading. `fastPositions()` re-reads one document and returns
 * the ranges `yaml` gives its nodes (start, value end and node end), for the few documents a
 * diagnostic points into, including the comments `yaml` folds into the end of a value or a
 * collection (see `closeComments`).
 */
/** A node's source range as `yaml` reports it: `[start, valueEnd, nodeEnd]`. */
export interface PNode {
    s: number;
    e: number;
    e2: number;
    /** What the node is, for the comments yaml folds into its end: see `closeComments`. */
    k?: NodeKind;
    pairs?: Map<string, PPair>;
    items?: PNode[];
}
/** Leaves that end with a line (plain, quoted, flow), block scalars, empty values; collections have none. */
export type NodeKind = 'line' | 'block' | 'empty';
export interface PPair {
    ks: number;
    ke: number;
    v: PNode;
}
export interface FastDoc {
    /** Index among all documents of the file, as `parseAllDocuments` counts them. */
    index: number;
    /** Offset of the document's `---` (or of its first line) and of its end. */
    start: number;
    end: number;
    /** Whether the document begins with a `---` marker (at `start`). */
    marker: boolean;
    /** `null` for an empty document. */
    data: unknown;
}
/**
 * The value of a plain scalar under the YAML 1.2 core schema, in `yaml`'s tag order: null, bool,
 * octal int, int, hex int, .inf/.nan, exponent float, float; anything else is a string.
 */
export declare function resolvePlain(raw: string): unknown;
/**
 * Every document of a file as plain data, or null when the file needs `yaml` (see above). Empty
 * documents are included with `data: null`.
 */
export declare function fastParse(text: string): FastDoc[] | null;
/**
 * The node ranges of a document of `text` that `fastParse` accepted, or
 * null when `yaml` would fold comments into them in a way this reader does not model.
 */
export declare function fastPositions(text: string, doc: Pick<FastDoc, 'start' | 'end' | 'marker'>): PNode | null;
