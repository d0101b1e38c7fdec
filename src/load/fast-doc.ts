import type { Path } from '../types.js';
import { fastPositions, type FastDoc, type PNode } from './fast.js';
import type { Locator, Part } from './parse.js';

type Fallback = (path: Path, part: Part) => [number, number] | undefined;

/**
 * Positions of a document read by the fast path. Nothing is computed until a diagnostic asks:
 * then the document is re-read once with ranges (fast.ts `fastPositions`), which are the ones
 * `Doc.locate` over `yaml`'s nodes gives. `fallback` (asking `yaml` itself) is a safety net for a
 * document the second reading would not accept; it does not happen for documents the first took.
 */
export class FastLocator implements Locator {
  private tree: PNode | null | undefined;
  private readonly text: string;
  private readonly doc: Pick<FastDoc, 'start' | 'end' | 'marker'>;
  private readonly fallback: Fallback;

  constructor(text: string, doc: Pick<FastDoc, 'start' | 'end' | 'marker'>, fallback: Fallback) {
    this.text = text;
    this.doc = { start: doc.start, end: doc.end, marker: doc.marker };
    this.fallback = fallback;
  }

  find(path: Path, part: Part): [number, number] | undefined {
    if (this.tree === undefined) this.tree = fastPositions(this.text, this.doc);
    if (this.tree === null) return this.fallback(path, part);
    // The same walk as parse.ts nodeRange, over the fast path's ranges.
    let node: PNode = this.tree;
    let key: [number, number] | undefined;
    for (const seg of path) {
      if (node.pairs) {
        const pair = node.pairs.get(String(seg));
        if (!pair) break;
        key = [pair.ks, pair.ke];
        node = pair.v;
      } else if (node.items && typeof seg === 'number' && node.items[seg]) {
        key = undefined;
        node = node.items[seg]!;
      } else {
        break;
      }
    }
    if (part === 'key' && key) return key;
    if (part === 'entry' && key) return [key[0], node.e];
    return [node.s, node.e];
  }
}
