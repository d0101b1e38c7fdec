import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { neutralizeBoms, YAML_PARSE_OPTIONS } from './guards.js';

/** A node of a file's YAML: its document, its path there, and the node (the key's node on a key). */
export interface NodeAt {
  document: number;
  path: Array<string | number>;
  node: Node;
  /** The offset is on the key of a map entry (`path` ends with that key). */
  onKey: boolean;
  /** The maps from the document's root down to the node, innermost last, with their paths. */
  maps: Array<{ path: Array<string | number>; node: Node }>;
}

/** The file's documents as `yaml` parses them for meshlint (same options, same document indexes). */
export function parseDocuments(text: string): Document.Parsed[] {
  return parseAllDocuments(neutralizeBoms(text), YAML_PARSE_OPTIONS) as Document.Parsed[];
}

function within(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

/** The innermost node at `offset`, or undefined outside every document's content. */
export function nodeAt(docs: readonly Document.Parsed[], offset: number): NodeAt | undefined {
  for (const [document, doc] of docs.entries()) {
    const root = doc.contents as Node | null;
    if (!within(root, offset)) continue;
    const out: NodeAt = { document, path: [], node: root!, onKey: false, maps: [] };
    let node: Node = root!;
    for (;;) {
      if (isMap(node)) {
        out.maps.push({ path: [...out.path], node });
        const pair = node.items.find((p) => isPair(p) && (within(p.key as Node, offset) || within(p.value as Node, offset)));
        if (!pair || !isScalar(pair.key)) return out;
        out.path.push(String(pair.key.value));
        if (within(pair.key as Node, offset)) return { ...out, node: pair.key as Node, onKey: true };
        node = pair.value as Node;
        out.node = node;
      } else if (isSeq(node)) {
        const i = node.items.findIndex((item) => within(item as Node, offset));
        if (i < 0) return out;
        out.path.push(i);
        node = node.items[i] as Node;
        out.node = node;
      } else {
        return out;
      }
    }
  }
  return undefined;
}
