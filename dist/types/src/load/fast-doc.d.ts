import type { Path } from '../types.js';
import { type FastDoc } from './fast.js';
import type { Locator, Part } from './parse.js';
type Fallback = (path: Path, part: Part) => [number, number] | undefined;
/**
 * Positions of a document read by the fast path. Nothing is computed until a diagnostic asks:
 * then the document is re-read once with ranges (fast.ts `fastPositions`), which are the ones
 * `Doc.locate` over `yaml`'s nodes gives. `fallback` (asking `yaml` itself) is a safety net for a
 * document the second reading would not accept; it does not happen for documents the first took.
 */
export declare class FastLocator implements Locator {
    private tree;
    private readonly text;
    private readonly doc;
    private readonly fallback;
    constructor(text: string, doc: Pick<FastDoc, 'start' | 'end' | 'marker'>, fallback: Fallback);
    find(path: Path, part: Part): [number, number] | undefined;
}
export {};
