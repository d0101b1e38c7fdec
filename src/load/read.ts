import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { codeText } from './files.js';

/**
 * Files above this size are reported, not parsed: no real manifest is this big, and the YAML
 * document model costs about 80 bytes of memory per byte of text (a 50 MB file needs over 4 GB).
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type ReadResult = { text: string } | { problem: string; line?: number; column?: number };

const MIB = 1024 * 1024;

function tooLarge(size: number | undefined, maxBytes: number): ReadResult {
  const what = size === undefined ? `more than ${maxBytes / MIB} MiB arrived` : `file is ${(size / MIB).toFixed(1)} MiB, over the ${maxBytes / MIB} MiB limit`;
  return { problem: `${what}; it was not linted. Split it into smaller files` };
}

/**
 * Read a manifest, at most `maxBytes`: a file that grows while it is read, a pipe
 * (`meshlint <(helm template …)`) or a device (`/dev/zero`) cannot make the run read forever.
 */
export function readManifest(path: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    return { problem: `cannot read this file: ${codeText(err)}` };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { problem: 'cannot read this file: is a folder' };
    if (st.isFile() && st.size > maxBytes) return tooLarge(st.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    let chunkSize = st.isFile() ? st.size + 1 : 64 * 1024;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return tooLarge(st.isFile() ? Math.max(st.size, total) : undefined, maxBytes);
      chunkSize = 64 * 1024;
    }
    return decodeManifest(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
  } catch (err) {
    return { problem: `cannot read this file: ${codeText(err)}` };
  } finally {
    closeSync(fd);
  }
}

const utf8 = new TextDecoder('utf-8');

/** Bytes to text: UTF-8 only, as kubectl expects; a leading byte order mark is dropped. */
export function decodeManifest(buf: Uint8Array): ReadResult {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return { problem: 'file is UTF-16 (it starts with a UTF-16 byte order mark); Kubernetes manifests must be UTF-8: save it as UTF-8' };
  }
  const probe = buf.subarray(0, 8192);
  if (probe.includes(0)) return { problem: 'binary file (it contains NUL bytes); it is not a manifest' };
  if (isUtf8(buf)) return { text: utf8.decode(buf) };
  const at = firstInvalidUtf8(buf);
  const lineStart = buf.lastIndexOf(0x0a, at - 1) + 1;
  let line = 1;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < at; i = buf.indexOf(0x0a, i + 1)) line++;
  // The part of the line before the bad byte is valid UTF-8: count its UTF-16 units, as positions do.
  const column = utf8.decode(buf.subarray(lineStart, at)).length + 1;
  const hex = buf[at]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    problem: `file is not valid UTF-8 (byte 0x${hex} on line ${line}; it may be Latin-1 or Windows-1252); Kubernetes manifests must be UTF-8: save it as UTF-8`,
    line,
    column,
  };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    if (i + need >= b.length) return i; // truncated sequence
    const second = b[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const x = b[i + k]!;
      if (x < 0x80 || x > 0xbf) return i;
    }
    i += need + 1;
  }
  return 0; // not reached when isUtf8() said no
}

/** Bytes already in memory (stdin): the same limits and checks as a file. */
export function readBytes(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): ReadResult {
  // stdin is read only up to the limit, so its real size is unknown.
  return bytes.length > maxBytes ? tooLarge(undefined, maxBytes) : decodeManifest(bytes);
}

/** Text already in memory (the API's stdin): the same size limit as a file. */
export function readText(text: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes: only a text longer than a third of the limit can be over it.
  if (text.length > maxBytes / 3 && Buffer.byteLength(text) > maxBytes) return tooLarge(Buffer.byteLength(text), maxBytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
