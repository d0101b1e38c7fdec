import { type Node } from 'yaml';
import type { Path, Range } from '../types.js';
import { SourceFile } from './source.js';
/** Which part of a map entry a diagnostic points at. */
export type Part = 'key' | 'value' | 'entry';
/** Where a document's node ranges come from: its `yaml` node tree, or a lazy source (the fast path). */
export interface Locator {
    /** `[start, end]` offsets of the node at `path` (see `Doc.locate`), or undefined for the whole document. */
    find(path: Path, part: Part): [number, number] | undefined;
}
/** One YAML document of a file: its plain data and a way back to exact positions. */
export declare class Doc {
    readonly file: SourceFile;
    readonly index: number;
    readonly data: unknown;
    /** Offset range of the whole document, for fallbacks. */
    readonly start: number;
    readonly end: number;
    /**
     * The data is plain JSON-like values only (the fast path's): no `__proto__` keys, no merge
     * keys, no shared aliased nodes. Consumers may skip defensive copies.
     */
    readonly plain: boolean;
    private readonly root;
    constructor(file: SourceFile, index: number, data: unknown, root: Node | Locator | null, start: number, end: number);
    /**
     * The source range of the node at `path`. When the path goes further than the document does
     * (a missing field), the deepest node that exists is returned: a diagnostic about a missing
     * key belongs on its parent.
     */
    locate(path: Path, part?: Part): Range;
}
/** `Doc.locate` over a `yaml` node tree: offsets before trimming, or undefined when there is no node. */
export declare function nodeRange(root: Node | null, path: Path, part: Part): [number, number] | undefined;
export interface ParseProblem {
    message: string;
    offset: number;
    endOffset?: number;
}
export interface ParsedFile {
    source: SourceFile;
    docs: Doc[];
    problems: ParseProblem[];
}
/** Parse every document of a file; a broken document is reported and the others are kept. */
export declare function parseSource(source: SourceFile): ParsedFile;
/** The reference path: `yaml`'s Document API for everything (also what the fast path falls back to). */
export declare function parseWithYaml(source: SourceFile): ParsedFile;
export declare function errorText(err: unknown): string;
