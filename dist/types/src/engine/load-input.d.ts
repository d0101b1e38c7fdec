import { type Config } from '../config.js';
import { type SkippedFile } from '../load/files.js';
import { type ParsedFile } from '../load/parse.js';
import { type ReadResult } from '../load/read.js';
import type { ExpandResult } from '../load/files.js';
import { SourceFile } from '../load/source.js';
import { type Resource } from '../model/resource.js';
import { MeshMessage } from './diagnostic.js';
import type { KustomizeTool } from '../load/kustomize.js';
/** What to read: files and folders, standard input, and the configuration's ignore patterns. */
export interface LoadOptions {
    cwd?: string;
    /** Files and folders; `-` reads `stdin`. */
    patterns: string[];
    /** What `-` reads: text, or raw bytes (checked like a file: size, binary, UTF-8). */
    stdin?: {
        text?: string;
        bytes?: Uint8Array;
        filename?: string;
    };
    config?: Config;
    ignoreFile?: boolean;
    /** Files a folder walk passes over: the report file of `-o`, which a later run must not lint. */
    skip?: readonly string[];
    /** Named files too: pass over those that are not manifests, as a folder walk does. */
    skipNonManifests?: boolean;
    /** Render the kustomizations of the input with this tool and lint what they give (`--kustomize`). */
    kustomize?: KustomizeTool;
    /** Called as files are parsed (the CLI draws progress on a terminal). */
    onProgress?: (done: number, total: number) => void;
    /** Reads a file instead of the disk (the language server's unsaved buffers); undefined reads the disk. */
    read?: (path: string) => ReadResult | undefined;
    /**
     * What earlier runs loaded, by path, kept by a long-lived caller (the language server): a file
     * whose text is the same is not parsed or checked again. Runs with a cache use no worker threads.
     */
    cache?: LoadCache;
    /** The files of `patterns`, when the caller keeps the walk (the language server walks again on file events only). */
    expanded?: ExpandResult;
}
/** What loading one file gave: its parse, resources and diagnostics (the per-resource checks once run). */
export interface LoadedFile {
    text: string;
    parsed: ParsedFile;
    resources: Resource[];
    pending: MeshMessage[];
    checked?: MeshMessage[];
}
export type LoadCache = Map<string, LoadedFile>;
export interface LoadedInput {
    files: ParsedFile[];
    resources: Resource[];
    /** Diagnostics found while loading (syntax, schema, unreadable files), not yet given a severity. */
    pending: MeshMessage[];
    /** Every file linted, including those with no documents, for the report. */
    paths: string[];
    missing: string[];
    /** Files a folder walk found and passed over (not manifests, chart templates, kustomize patches). */
    skipped: SkippedFile[];
}
/** Read, parse and validate the input; every problem becomes a diagnostic and the rest goes on. */
export declare function loadInput(opts: LoadOptions): Promise<LoadedInput>;
/**
 * `loadInput` with the per-resource checks still running: on large runs they run in worker
 * threads (src/engine/workers.ts) while the caller builds the model and runs the rules. `checks()`
 * gives their diagnostics, which belong right after `input.pending`.
 */
export declare function loadInputDeferred(opts: LoadOptions): Promise<{
    input: LoadedInput;
    checks: () => Promise<MeshMessage[]>;
}>;
/**
 * The per-resource checks of files read again in a worker thread (src/engine/worker.ts): the
 * diagnostics `validateSchemas` gives their resources, in the order the main thread would.
 */
export declare function checkSources(sources: SourceFile[]): Promise<MeshMessage[]>;
