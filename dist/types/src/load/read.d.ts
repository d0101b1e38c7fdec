/**
 * Files above this size are reported, not parsed: no real manifest is this big, and the YAML
 * document model costs about 80 bytes of memory per byte of text (a 50 MB file needs over 4 GB).
 */
export declare const MAX_FILE_BYTES: number;
export type ReadResult = {
    text: string;
} | {
    problem: string;
    line?: number;
    column?: number;
};
/**
 * Read a manifest, at most `maxBytes`: a file that grows while it is read, a pipe
 * (`meshlint <(helm template …)`) or a device (`/dev/zero`) cannot make the run read forever.
 */
export declare function readManifest(path: string, maxBytes?: number): ReadResult;
/** Bytes to text: UTF-8 only, as kubectl expects; a leading byte order mark is dropped. */
export declare function decodeManifest(buf: Uint8Array): ReadResult;
/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629). */
export declare function firstInvalidUtf8(b: Uint8Array): number;
/** Bytes already in memory (stdin): the same limits and checks as a file. */
export declare function readBytes(bytes: Uint8Array, maxBytes?: number): ReadResult;
/** Text already in memory (the API's stdin): the same size limit as a file. */
export declare function readText(text: string, maxBytes?: number): ReadResult;
