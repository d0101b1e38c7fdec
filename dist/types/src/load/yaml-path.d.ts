import { type Document, type Node } from 'yaml';
/** A node of a file's YAML: its document, its path there, and the node (the key's node on a key). */
export interface NodeAt {
    document: number;
    path: Array<string | number>;
    node: Node;
    /** The offset is on the key of a map entry (`path` ends with that key). */
    onKey: boolean;
    /** The maps from the document's root down to the node, innermost last, with their paths. */
    maps: Array<{
        path: Array<string | number>;
        node: Node;
    }>;
}
/** The file's documents as `yaml` parses them for meshlint (same options, same document indexes). */
export declare function parseDocuments(text: string): Document.Parsed[];
/** The innermost node at `offset`, or undefined outside every document's content. */
export declare function nodeAt(docs: readonly Document.Parsed[], offset: number): NodeAt | undefined;
