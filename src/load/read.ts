import { readFileSync, statSync } from 'node:fs';
import { codeText } from './files.js';

/** Files above this size are reported, not parsed: no real manifest is this big. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type ReadResult = { text: string } | { problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readManifest(path: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let buf: Buffer;
  try {
    const size = statSync(path).size;
    if (size > maxBytes) {
      return { problem: `file is ${(size / 1048576).toFixed(1)} MiB, over the ${maxBytes / 1048576} MiB limit; it was not linted` };
    }
    buf = readFileSync(path);
  } catch (err) {
    return { problem: `cannot read this file: ${codeText(err)}` };
  }
  return decodeManifest(buf);
}

export function decodeManifest(buf: Uint8Array): ReadResult {
  const probe = buf.subarray(0, 8192);
  if (probe.includes(0)) return { problem: 'binary file (it contains NUL bytes); it is not a manifest' };
  try {
    return { text: utf8.decode(buf) };
  } catch {
    return { problem: 'file is not valid UTF-8; Kubernetes manifests must be UTF-8' };
  }
}
