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

interface CommentLine {
  col: number;
  /** Offset after the comment's last character. */
  end: number;
}

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

/** Thrown (never an Error: no stack to capture) when the input leaves the supported subset. */
const BAIL = { bail: true };

/** Deeper documents are left to yaml; manifests (even CRD schemas) stay far below. */
const MAX_DEPTH = 100;

const SP = 32;
const NL = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DQ = 34;
const SQ = 39;
const LBRACK = 91;
const RBRACK = 93;
const LBRACE = 123;
const RBRACE = 125;
const COMMA = 44;
const BACKSLASH = 92;

/** Characters the fast path does not accept anywhere in a scalar. */
function badChar(c: number): boolean {
  return c < 32 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe;
}

/** Whether a plain scalar may not start with this character (YAML c-indicator and friends). */
function indicatorStart(c: number): boolean {
  switch (c) {
    case DASH: // `-x` is fine; `- ` is checked by the caller
    case 63: // ?
    case COLON:
    case COMMA:
    case LBRACK:
    case RBRACK:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case SQ:
    case DQ:
    case 37: // %
    case 64: // @
    case 96: // `
      return true;
    default:
      return false;
  }
}

const OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const NAN_INF = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * The value of a plain scalar under the YAML 1.2 core schema, in `yaml`'s tag order: null, bool,
 * octal int, int, hex int, .inf/.nan, exponent float, float; anything else is a string.
 */
export function resolvePlain(raw: string): unknown {
  const c = raw.charCodeAt(0);
  if (c >= 48 && c <= 57) return resolveNumber(raw);
  switch (c) {
    case 43: // +
    case DASH:
    case 46: // .
      return resolveNumber(raw);
    case 126: // ~
      return raw === '~' ? null : raw;
    case 110: // n
    case 78: // N
      return raw === 'null' || raw === 'Null' || raw === 'NULL' ? null : raw;
    case 116: // t
    case 84: // T
      return raw === 'true' || raw === 'True' || raw === 'TRUE' ? true : raw;
    case 102: // f
    case 70: // F
      return raw === 'false' || raw === 'False' || raw === 'FALSE' ? false : raw;
    default:
      return raw;
  }
}

function resolveNumber(raw: string): unknown {
  if (OCT.test(raw)) return parseInt(raw.substring(2), 8);
  if (INT.test(raw)) return parseInt(raw, 10);
  if (HEX.test(raw)) return parseInt(raw.substring(2), 16);
  if (NAN_INF.test(raw)) return raw.slice(-3).toLowerCase() === 'nan' ? NaN : raw[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(raw) || FLOAT.test(raw)) return parseFloat(raw);
  return raw;
}

/** A plain key as a JS property name: strings, and small decimal integers as `yaml` prints them. */
function plainKey(raw: string): string {
  const v = resolvePlain(raw);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && /^(?:0|[1-9][0-9]{0,14})$/.test(raw)) return raw;
  throw BAIL;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/**
 * A multi-line single-quoted scalar's value, from the text between its quotes: the first line
 * loses trailing spaces, the last leading ones, inner lines both; a line break between text
 * becomes a space, each empty line a newline (YAML 1.2 line folding, as `yaml` applies it).
 */
function unfoldSingle(inner: string): string {
  const lines = inner.split(/\r?\n/);
  let out = lines[0]!.replace(/ +$/, '');
  let sep = ' ';
  for (let k = 1; k < lines.length - 1; k++) {
    const line = lines[k]!.replace(/^ +| +$/g, '');
    if (line === '') {
      if (sep === '\n') out += sep;
      else sep = '\n';
    } else {
      out += sep + line;
      sep = ' ';
    }
  }
  out += sep + lines[lines.length - 1]!.replace(/^ +/, '');
  return out.replace(/''/g, "'");
}

/** A multi-line double-quoted scalar's value, from its source with quotes: escapes and folding. */
function foldDouble(src: string): string {
  let out = '';
  const last = src.length - 1;
  for (let i = 1; i < last; i++) {
    const ch = src[i]!;
    if (ch === '\r' && src[i + 1] === '\n') continue;
    if (ch === '\n') {
      // The break itself folds to a space; each further empty line is a newline.
      let fold = '';
      while (i + 1 < last) {
        const d = src[i + 1];
        if (d === ' ' || d === '\n') {
          if (d === '\n') fold += '\n';
          i++;
        } else if (d === '\r' && src[i + 2] === '\n') {
          i++;
        } else {
          break;
        }
      }
      out += fold || ' ';
    } else if (ch === '\\') {
      const e = src[++i]!;
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
      } else if (e === '\n' || (e === '\r' && src[i + 1] === '\n')) {
        // An escaped line break joins the lines without a space; the next line's indentation goes.
        if (e === '\r') i++;
        while (src[i + 1] === ' ') i++;
      } else if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = src.substr(i + 1, len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw BAIL;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) throw BAIL;
        out += String.fromCodePoint(code);
        i += len;
      } else {
        throw BAIL;
      }
    } else if (ch === ' ') {
      // Spaces before a line break are dropped.
      let k = i;
      while (src[k + 1] === ' ') k++;
      const d = src[k + 1];
      if (d !== '\n' && !(d === '\r' && src[k + 2] === '\n')) out += src.slice(i, k + 1);
      i = k;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * Manifests repeat the same short strings (keys, kinds, `TCP`, label values) thousands of times:
 * one copy of each keeps the heap smaller and the garbage collector's work down.
 */
const INTERNED = new Array<string | undefined>(16384);

function intern(t: string, p: number, e: number): string {
  const len = e - p;
  if (len > 40) return t.slice(p, e);
  let h = len;
  for (let i = p; i < e; i++) h = (Math.imul(h, 31) + t.charCodeAt(i)) | 0;
  const slot = (h ^ (h >>> 14)) & 16383;
  const c = INTERNED[slot];
  if (c !== undefined && c.length === len) {
    let i = 0;
    while (i < len && c.charCodeAt(i) === t.charCodeAt(p + i)) i++;
    if (i === len) return c;
  }
  const s = t.slice(p, e);
  INTERNED[slot] = s;
  return s;
}

class Reader {
  private readonly t: string;
  /** End of the current document (exclusive). */
  private end = 0;
  /** First non-space character of the next content line, and its column; `ind` -1 at the end. */
  private pos = 0;
  private ind = -1;
  /** Positions mode: build `node` for every value, and track comment lines (see `closeComments`). */
  private readonly P: boolean;
  node: PNode = { s: 0, e: 0, e2: 0 };
  /** Comment lines skipped on the way to `pos`; `fromChild` once a closed collection handed them up. */
  private comments: CommentLine[] = [];
  private fromChild = false;
  /** Where the line of the last single-line value ends, including its comment and line break. */
  private e2 = 0;
  /** The last scalar read spans lines. */
  private multiline = false;
  /** Nesting of collections; deep documents are left to yaml (and its depth guard). */
  private depth = 0;
  /** Scratch results of the scalar scanners. */
  private tokEnd = 0;
  private tokStop = 0;

  constructor(text: string, positions: boolean) {
    this.t = text;
    this.P = positions;
  }

  /** Read one document; `marker` is the offset of its `---`, or -1. */
  document(start: number, end: number, marker: number): unknown {
    const t = this.t;
    this.end = end;
    this.depth = 0;
    let p = start;
    if (marker >= 0) {
      p = marker + 3;
      while (p < end && t.charCodeAt(p) === SP) p++;
      if (p < end && t.charCodeAt(p) === HASH && p > marker + 3) p = this.lineEnd(p);
      p = this.afterBreak(p);
    }
    this.nextContent(p);
    if (this.ind === -1) return null;
    const data = this.blockNode(-1);
    if (this.ind !== -1) throw BAIL;
    return data;
  }

  /** Offset of the next `\n` (or the document end) from `p`. */
  private lineEnd(p: number): number {
    const i = this.t.indexOf('\n', p);
    return i === -1 || i >= this.end ? this.end : i;
  }

  /** From a line break (or the end) at `p`, the start of the next line. */
  private afterBreak(p: number): number {
    const t = this.t;
    if (p >= this.end) return this.end;
    const c = t.charCodeAt(p);
    if (c === NL) return p + 1;
    if (c === CR && t.charCodeAt(p + 1) === NL) return p + 2;
    throw BAIL;
  }

  /** Skip blank and comment lines from the line start `p`; set `pos`/`ind` to the next content. */
  private nextContent(p: number): void {
    const t = this.t;
    const end = this.end;
    if (this.P) {
      this.comments = [];
      this.fromChild = false;
    }
    for (;;) {
      let q = p;
      while (q < end && t.charCodeAt(q) === SP) q++;
      if (q >= end) {
        this.pos = end;
        this.ind = -1;
        return;
      }
      const c = t.charCodeAt(q);
      if (c === NL) {
        p = q + 1;
      } else if (c === CR) {
        p = this.afterBreak(q);
      } else if (c === HASH) {
        const e = this.lineEnd(q);
        if (this.P) this.comments.push({ col: q - p, end: t.charCodeAt(e - 1) === CR ? e - 1 : e });
        p = this.afterBreak(e);
      } else {
        this.pos = q;
        this.ind = q - p;
        return;
      }
    }
  }

  /**
   * After a single-line value ending at `p`: spaces, an optional comment, the line break; then
   * move to the next content line. Records `e2`, where `yaml`'s node end for the value lies.
   */
  private finishLine(p: number): void {
    const t = this.t;
    const end = this.end;
    const valueEnd = p;
    while (p < end && t.charCodeAt(p) === SP) p++;
    if (p < end) {
      const c = t.charCodeAt(p);
      if (c === HASH) {
        if (p === valueEnd) throw BAIL;
        p = this.lineEnd(p);
      } else if (c !== NL && c !== CR) {
        throw BAIL;
      }
    }
    const next = this.afterBreak(p);
    this.e2 = next;
    this.nextContent(next);
  }

  /** A block node starting at `pos` (a content line, column `ind`), inside a parent at `parent`. */
  private blockNode(parent: number): unknown {
    const t = this.t;
    const p = this.pos;
    const c = t.charCodeAt(p);
    if (c === DASH && this.isSeqIndicator(p)) return this.blockSeq(this.ind);
    if (c === LBRACK || c === LBRACE) {
      // A flow collection on its own line: the whole document (JSON) or a value on the next line.
      const multi = parent === -1;
      const v = this.flow(p, multi);
      const node = this.node;
      this.finishLine(this.tokEnd);
      if (this.P) {
        node.e2 = this.e2;
        node.k = 'line';
      }
      this.node = node;
      if (this.ind !== -1 && this.ind > parent) throw BAIL;
      return v;
    }
    // A key starts a map; otherwise a scalar alone on its line, the value of the key or `-` above.
    let value: unknown;
    let multiline = false;
    if (c === DQ || c === SQ) {
      value = this.quoted(p, parent >= 0 ? parent : -2);
      multiline = this.multiline;
    } else {
      if (!this.plainStart(c, p)) throw BAIL;
      this.plainBlock(p);
    }
    let q = this.tokStop;
    while (t.charCodeAt(q) === SP) q++;
    if (t.charCodeAt(q) === COLON && q < this.end) {
      if (multiline) throw BAIL;
      return this.blockMap(this.ind);
    }
    if (parent < 0) throw BAIL; // a document that is a lone scalar
    if (value === undefined) {
      value = intern(t, p, this.tokEnd);
      const stop = this.tokStop;
      if (stop < this.end && t.charCodeAt(stop) !== SP) value = this.plainMore(value as string, stop, parent);
      value = resolvePlain(value as string);
    }
    const valueEnd = this.tokEnd;
    this.finishLine(valueEnd);
    if (this.P) this.node = { s: p, e: valueEnd, e2: this.e2, k: 'line' };
    return value;
  }

  /**
   * A block collection indented `n` ends, its last value being `last`, with comment lines before
   * the next content: where `yaml` puts them decides the ranges (parse/parser.js). An empty value
   * takes them all (its end covers them). A line-ending leaf takes those indented more than `n`
   * (`atIndentedComment`), up to the first that is not. The rest become a comment-only item that
   * stays in this collection (its end covers them) when one is indented at least `n` and `n` is
   * not 0, and otherwise moves up to the parent, which decides the same way when it ends too.
   * Returns this collection's end (`yaml`'s range[2]); its value end is `last.e2`.
   */
  private closeComments(n: number, last: PNode): number {
    let cs = this.comments;
    if (!this.fromChild) {
      this.fromChild = true;
      if (last.k === 'empty') {
        if (cs.length > 0) last.e2 = cs[cs.length - 1]!.end;
        cs = [];
      } else if (last.k === 'line') {
        let k = 0;
        while (k < cs.length && cs[k]!.col > n) k++;
        if (k > 0) {
          last.e2 = cs[k - 1]!.end;
          cs = cs.slice(k);
        }
      }
    }
    if (cs.length > 0 && n !== 0 && cs.some((c) => c.col >= n)) {
      this.comments = [];
      return cs[cs.length - 1]!.end;
    }
    this.comments = cs;
    return last.e2;
  }

  /**
   * Whether a plain scalar may start with `c` at `p` in block context: not an indicator, except
   * `-`, `?` and `:` followed by a character that is not a space (`-1`, `:authority`).
   */
  private plainStart(c: number, p: number): boolean {
    if (!indicatorStart(c)) return true;
    return (c === DASH || c === 63 || c === COLON) && !this.isSeqIndicator(p);
  }

  /** `-` followed by a space or a line break. */
  private isSeqIndicator(p: number): boolean {
    const n = p + 1 < this.end ? this.t.charCodeAt(p + 1) : NL;
    return n === SP || n === NL || n === CR;
  }

  private blockMap(n: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const t = this.t;
    const obj: Record<string, unknown> = {};
    const P = this.P;
    const pairs = P ? new Map<string, PPair>() : undefined;
    const start = this.pos;
    let last: PNode | undefined;
    for (;;) {
      // Key.
      const ks = this.pos;
      const kc = t.charCodeAt(ks);
      let key: string;
      if (kc === DQ || kc === SQ) {
        key = this.quoted(ks);
      } else {
        if (!this.plainStart(kc, ks)) throw BAIL;
        this.plainBlock(ks);
        key = plainKey(intern(t, ks, this.tokEnd));
      }
      const ke = this.tokEnd;
      let p = this.tokStop;
      while (t.charCodeAt(p) === SP) p++;
      if (t.charCodeAt(p) !== COLON) throw BAIL;
      if (ke - ks > 1000) throw BAIL;
      if (obj[key] !== undefined || key === '<<') throw BAIL; // duplicate, a name Object.prototype has, a merge key
      p++;
      const colonEnd = p;
      const nc = p < this.end ? t.charCodeAt(p) : NL;
      if (nc !== SP && nc !== NL && nc !== CR) throw BAIL;
      while (p < this.end && t.charCodeAt(p) === SP) p++;
      // Value.
      let value: unknown;
      const c = p < this.end ? t.charCodeAt(p) : NL;
      if (c === NL || c === CR || c === HASH) {
        if (c === HASH && p === colonEnd) throw BAIL;
        const emptyAt = p;
        const lineEnd = this.lineEnd(p);
        const commentEnd = c === HASH ? (t.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd) : emptyAt;
        this.nextContent(this.afterBreak(lineEnd));
        if (this.ind > n || (this.ind === n && t.charCodeAt(this.pos) === DASH && this.isSeqIndicator(this.pos))) {
          // A map, a sequence or a flow collection (blockNode leaves lone scalars to yaml).
          value = this.blockNode(n);
        } else {
          value = null;
          // yaml's empty value sits after the indicator and its spaces; its end covers its comments.
          if (P) this.node = { s: emptyAt, e: emptyAt, e2: commentEnd, k: 'empty' };
        }
      } else {
        value = this.inlineValue(p, n);
      }
      obj[key] = value;
      if (P) {
        last = this.node;
        pairs!.set(key, { ks, ke, v: last });
      }
      // Next key, or the end of this map.
      if (this.ind === n) {
        const c2 = t.charCodeAt(this.pos);
        if (c2 === DASH && this.isSeqIndicator(this.pos)) throw BAIL;
        continue;
      }
      if (this.ind > n) throw BAIL;
      if (P) {
        const e2 = this.closeComments(n, last!);
        this.node = { s: start, e: last!.e2, e2, pairs };
      }
      this.depth--;
      return obj;
    }
  }

  private blockSeq(n: number): unknown[] {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const t = this.t;
    const arr: unknown[] = [];
    const P = this.P;
    const items: PNode[] | undefined = P ? [] : undefined;
    const start = this.pos;
    for (;;) {
      let p = this.pos + 1;
      const dashEnd = p;
      while (p < this.end && t.charCodeAt(p) === SP) p++;
      const c = p < this.end ? t.charCodeAt(p) : NL;
      let value: unknown;
      if (c === NL || c === CR || c === HASH) {
        if (c === HASH && p === dashEnd) throw BAIL;
        const emptyAt = p;
        const lineEnd = this.lineEnd(p);
        const commentEnd = c === HASH ? (t.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd) : emptyAt;
        this.nextContent(this.afterBreak(lineEnd));
        if (this.ind > n) {
          value = this.blockNode(n);
        } else {
          value = null;
          if (P) this.node = { s: emptyAt, e: emptyAt, e2: commentEnd, k: 'empty' };
        }
      } else if (c === DASH && this.isSeqIndicator(p)) {
        // `- - x`: a sequence in a sequence, its items at the inner dash's column.
        const col = p - (this.pos - n);
        this.pos = p;
        this.ind = col;
        value = this.blockSeq(col);
      } else {
        // A compact map (`- key: value`) continues on the next lines at the key's column.
        const col = p - (this.pos - n);
        value = this.inlineValue(p, n, col);
      }
      arr.push(value);
      if (P) items!.push(this.node);
      if (this.ind === n && t.charCodeAt(this.pos) === DASH && this.isSeqIndicator(this.pos)) continue;
      if (this.ind > n) throw BAIL;
      if (P) {
        const lastItem = items![items!.length - 1]!;
        const e2 = this.closeComments(n, lastItem);
        this.node = { s: start, e: lastItem.e2, e2, items };
      }
      this.depth--;
      return arr;
    }
  }

  /**
   * A value that starts on the line of its key or `-` at `p`. `n` is the indentation of the
   * collection holding it; `col`, for a sequence item, the column where a compact map would sit.
   */
  private inlineValue(p: number, n: number, col = -1): unknown {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === 124 || c === 62) return this.blockScalar(p, n);
    if (c === LBRACK || c === LBRACE) {
      const v = this.flow(p, false);
      const node = this.node;
      if (t.charCodeAt(this.tokEnd) === COLON) throw BAIL;
      this.finishLine(this.tokEnd);
      if (this.P) {
        node.e2 = this.e2;
        node.k = 'line';
      }
      this.node = node;
      return v;
    }
    let value: unknown;
    let multiline = false;
    if (c === DQ || c === SQ) {
      value = this.quoted(p, n);
      multiline = this.multiline;
    } else {
      if (!this.plainStart(c, p)) throw BAIL;
      this.plainBlock(p);
      value = undefined;
    }
    let q = this.tokStop;
    while (t.charCodeAt(q) === SP) q++;
    if (t.charCodeAt(q) === COLON && q < this.end) {
      // `key: value` on the line: a compact map, only allowed right after `- `.
      if (col < 0 || multiline) throw BAIL;
      this.pos = p;
      this.ind = col;
      return this.blockMap(col);
    }
    if (value === undefined) {
      value = intern(t, p, this.tokEnd);
      const stop = this.tokStop;
      if (stop < this.end && t.charCodeAt(stop) !== SP) {
        value = this.plainMore(value as string, stop, n);
        multiline = this.multiline;
      }
      // Folded text has a space or a newline, so a multi-line plain scalar always resolves to a string.
      value = resolvePlain(value as string);
    }
    const valueEnd = this.tokEnd;
    this.finishLine(valueEnd);
    if (this.P) this.node = { s: p, e: valueEnd, e2: this.e2, k: 'line' };
    return value;
  }

  /**
   * The continuation lines of a plain scalar whose first line (`first`) ended at the line break at
   * `stop`: lines indented more than `n`, folded as `yaml` does (a line break becomes a space, each
   * further empty line a newline). Sets `tokEnd`/`tokStop` for the last line read, and `multiline`.
   */
  private plainMore(first: string, stop: number, n: number): string {
    const t = this.t;
    const end = this.end;
    let out = first;
    let lastEnd = this.tokEnd;
    let lastStop = stop;
    this.multiline = false;
    for (;;) {
      if (lastStop >= end || t.charCodeAt(lastStop) === SP) break; // the end, or ` #`
      let line = this.afterBreak(lastStop);
      let blanks = 0;
      let q = line;
      for (;;) {
        q = line;
        while (q < end && t.charCodeAt(q) === SP) q++;
        const c = q < end ? t.charCodeAt(q) : -1;
        if (c === NL || c === CR) {
          blanks++;
          line = this.afterBreak(q);
          continue;
        }
        break;
      }
      if (q >= end || q - line <= n) break;
      const c = t.charCodeAt(q);
      if (c === HASH) break;
      // Any other first character is text on a continuation line (yaml's lexer does not look).
      this.plainBlock(q);
      if (t.charCodeAt(this.tokStop) === COLON && this.tokStop < end) throw BAIL;
      out += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + t.slice(q, this.tokEnd);
      this.multiline = true;
      lastEnd = this.tokEnd;
      lastStop = this.tokStop;
    }
    this.tokEnd = lastEnd;
    this.tokStop = lastStop;
    return out;
  }

  /**
   * A plain scalar in block context from `p`: sets `tokEnd` (after its last non-space character)
   * and `tokStop` (where scanning stopped: a line break, ` #`, or a `:` indicator).
   */
  private plainBlock(p: number): void {
    const t = this.t;
    const end = this.end;
    let last = p;
    while (p < end) {
      const c = t.charCodeAt(p);
      if (c === SP) {
        if (t.charCodeAt(p + 1) === HASH) break;
        p++;
        continue;
      }
      if (c === COLON) {
        const n = p + 1 < end ? t.charCodeAt(p + 1) : NL;
        if (n === SP || n === NL || n === CR) break;
      } else if (c === NL || c === CR) {
        break;
      } else if (badChar(c)) {
        throw BAIL;
      }
      p++;
      last = p;
    }
    this.tokEnd = last;
    this.tokStop = p;
  }

  /**
   * A quoted scalar at `p`; sets `tokEnd` = `tokStop` = after the closing quote. It may span lines
   * only as a value (`n` >= -1: the indentation its continuation lines must exceed), not as a key.
   */
  private quoted(p: number, n = -2): string {
    const t = this.t;
    this.multiline = false;
    const end = this.end;
    const q = t.charCodeAt(p);
    let i = p + 1;
    let out = '';
    let from = i;
    if (q === SQ) {
      for (;;) {
        if (i >= end) throw BAIL;
        const c = t.charCodeAt(i);
        if (c === SQ) {
          if (t.charCodeAt(i + 1) === SQ && i + 1 < end) {
            out += t.slice(from, i + 1);
            i += 2;
            from = i;
            continue;
          }
          break;
        }
        if (badChar(c)) {
          if ((c === NL || c === CR) && n >= -1) return this.quotedLines(p, n);
          throw BAIL;
        }
        i++;
      }
    } else {
      for (;;) {
        if (i >= end) throw BAIL;
        const c = t.charCodeAt(i);
        if (c === DQ) break;
        if (c === BACKSLASH) {
          out += t.slice(from, i);
          const e = t[i + 1];
          if (e === undefined || i + 1 >= end) throw BAIL;
          if ((e === '\n' || e === '\r') && n >= -1) return this.quotedLines(p, n);
          const simple = ESCAPES[e];
          if (simple !== undefined) {
            out += simple;
            i += 2;
          } else if (e === 'x' || e === 'u' || e === 'U') {
            const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
            const hex = t.substr(i + 2, len);
            if (hex.length !== len || i + 2 + len > end || !/^[0-9a-fA-F]+$/.test(hex)) throw BAIL;
            const code = parseInt(hex, 16);
            if (code > 0x10ffff) throw BAIL;
            out += String.fromCodePoint(code);
            i += 2 + len;
          } else {
            throw BAIL;
          }
          from = i;
          continue;
        }
        if (badChar(c)) {
          if ((c === NL || c === CR) && n >= -1) return this.quotedLines(p, n);
          throw BAIL;
        }
        i++;
      }
    }
    out = out === '' ? intern(t, from, i) : out + t.slice(from, i);
    this.tokEnd = this.tokStop = i + 1;
    return out;
  }

  /**
   * A quoted scalar that spans lines (as `yaml.stringify` and PyYAML write long strings). Every
   * non-empty continuation line is indented more than `n`; the value is folded as `yaml` folds it.
   */
  private quotedLines(p: number, n: number): string {
    const t = this.t;
    const end = this.end;
    const q = t.charCodeAt(p);
    let i = p + 1;
    for (;;) {
      if (i >= end) throw BAIL;
      const c = t.charCodeAt(i);
      if (c === q) {
        if (q === SQ && t.charCodeAt(i + 1) === SQ && i + 1 < end) {
          i += 2;
          continue;
        }
        break;
      }
      if (c === BACKSLASH && q === DQ) {
        // An escaped character; an escaped line break still starts a line that must be indented.
        const d = t.charCodeAt(i + 1);
        if (d !== NL && d !== CR) {
          i += 2;
          continue;
        }
        i++;
        continue;
      }
      if (c === NL) {
        let k = i + 1;
        while (k < end && t.charCodeAt(k) === SP) k++;
        const d = k < end ? t.charCodeAt(k) : NL;
        if (d !== NL && d !== CR && k - (i + 1) <= n) throw BAIL;
      } else if (c !== CR && badChar(c)) {
        throw BAIL;
      }
      i++;
    }
    if (i >= end) throw BAIL;
    this.tokEnd = this.tokStop = i + 1;
    this.multiline = true;
    return q === SQ ? unfoldSingle(t.slice(p + 1, i)) : foldDouble(t.slice(p, i + 1));
  }

  /**
   * A flow collection at `p` (`[` or `{`). Single-line unless `multi` (a whole JSON document).
   * Sets `tokEnd` after the closing bracket, and `node` in positions mode.
   */
  private flow(p: number, multi: boolean): unknown {
    const t = this.t;
    const P = this.P;
    const open = t.charCodeAt(p);
    if (++this.depth > MAX_DEPTH) throw BAIL;
    let i = this.flowSpace(p + 1, multi);
    if (open === LBRACK) {
      const arr: unknown[] = [];
      const items: PNode[] | undefined = P ? [] : undefined;
      if (t.charCodeAt(i) === RBRACK) {
        i++;
      } else {
        for (;;) {
          arr.push(this.flowValue(i, multi));
          if (P) items!.push(this.node);
          i = this.flowSpace(this.tokEnd, multi);
          const c = t.charCodeAt(i);
          if (c === COMMA) {
            i = this.flowSpace(i + 1, multi);
            if (t.charCodeAt(i) === RBRACK) throw BAIL; // trailing comma
            continue;
          }
          if (c === RBRACK) {
            i++;
            break;
          }
          throw BAIL;
        }
      }
      this.tokEnd = i;
      if (P) this.node = { s: p, e: i, e2: i, items };
      this.depth--;
      return arr;
    }
    const obj: Record<string, unknown> = {};
    const pairs = P ? new Map<string, PPair>() : undefined;
    if (t.charCodeAt(i) === RBRACE) {
      i++;
    } else {
      for (;;) {
        const ks = i;
        const kc = t.charCodeAt(i);
        let key: string;
        let quotedKey = false;
        if (kc === DQ || kc === SQ) {
          key = this.quoted(i);
          quotedKey = true;
        } else {
          this.plainFlow(i, multi);
          if (t.charCodeAt(this.tokStop) !== COLON) throw BAIL;
          key = plainKey(intern(t, i, this.tokEnd));
        }
        const ke = this.tokEnd;
        if (obj[key] !== undefined || key === '<<') throw BAIL;
        i = this.tokStop;
        while (t.charCodeAt(i) === SP) i++;
        if (t.charCodeAt(i) !== COLON || i >= this.end) throw BAIL;
        i++;
        if (!quotedKey) {
          const c = t.charCodeAt(i);
          if (c !== SP && !(multi && (c === NL || c === CR))) throw BAIL;
        }
        i = this.flowSpace(i, multi);
        const vc = t.charCodeAt(i);
        if (vc === COMMA || vc === RBRACE) throw BAIL; // empty value
        obj[key] = this.flowValue(i, multi);
        if (P) pairs!.set(key, { ks, ke, v: this.node });
        i = this.flowSpace(this.tokEnd, multi);
        const c = t.charCodeAt(i);
        if (c === COMMA) {
          i = this.flowSpace(i + 1, multi);
          if (t.charCodeAt(i) === RBRACE) throw BAIL;
          continue;
        }
        if (c === RBRACE) {
          i++;
          break;
        }
        throw BAIL;
      }
    }
    this.tokEnd = i;
    if (P) this.node = { s: p, e: i, e2: i, pairs };
    this.depth--;
    return obj;
  }

  /** Spaces (and line breaks when `multi`) inside a flow collection; comments are not supported. */
  private flowSpace(i: number, multi: boolean): number {
    const t = this.t;
    const end = this.end;
    for (;;) {
      if (i >= end) throw BAIL;
      const c = t.charCodeAt(i);
      if (c === SP) i++;
      else if (multi && c === NL) i++;
      else if (multi && c === CR && t.charCodeAt(i + 1) === NL) i += 2;
      else if (c === HASH) throw BAIL;
      else return i;
    }
  }

  private flowValue(i: number, multi: boolean): unknown {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === LBRACK || c === LBRACE) return this.flow(i, multi);
    if (c === DQ || c === SQ) {
      const v = this.quoted(i);
      if (this.P) this.node = { s: i, e: this.tokEnd, e2: this.tokEnd };
      return v;
    }
    this.plainFlow(i, multi);
    if (t.charCodeAt(this.tokStop) === COLON) throw BAIL;
    const e = this.tokEnd;
    if (this.P) this.node = { s: i, e, e2: e };
    return resolvePlain(intern(t, i, e));
  }

  /** A plain scalar inside a flow collection; stops at flow indicators, `:` and line breaks. */
  private plainFlow(p: number, multi: boolean): void {
    const t = this.t;
    const end = this.end;
    const first = t.charCodeAt(p);
    if (indicatorStart(first) && !(first === DASH && !this.isSeqIndicator(p))) throw BAIL;
    const s = p;
    let last = p;
    for (;;) {
      if (p >= end) throw BAIL;
      const c = t.charCodeAt(p);
      if (c === SP) {
        if (t.charCodeAt(p + 1) === HASH) throw BAIL;
        p++;
        continue;
      }
      if (c === COMMA || c === RBRACK || c === RBRACE || c === LBRACK || c === LBRACE || c === COLON) break;
      if (c === NL || c === CR) {
        if (!multi) throw BAIL;
        break;
      }
      if (badChar(c)) throw BAIL;
      p++;
      last = p;
    }
    if (last === s) throw BAIL; // empty
    this.tokEnd = last;
    this.tokStop = p;
  }

  /**
   * A `|` or `>` block scalar whose header is at `h`, in a collection indented `n`. Clip and strip
   * chomping, auto-detected indentation; more-indented folded lines, keep chomping, indentation
   * indicators and whitespace-only lines deeper than the content are left to `yaml`.
   */
  private blockScalar(h: number, n: number): string {
    const t = this.t;
    const end = this.end;
    const folded = t.charCodeAt(h) === 62;
    let p = h + 1;
    let strip = false;
    let explicit = 0;
    for (;; p++) {
      const c = t.charCodeAt(p);
      if (c === DASH && !strip) strip = true;
      else if (c >= 49 && c <= 57 && explicit === 0) explicit = c - 48; // an indentation indicator
      else break;
    }
    while (p < end && t.charCodeAt(p) === SP) p++;
    if (p < end && t.charCodeAt(p) !== NL && t.charCodeAt(p) !== CR) throw BAIL; // `+`, comments
    let line = this.afterBreak(p);
    // Leading blank lines, then the first content line sets the indentation.
    let leading = 0;
    let maxBlank = 0;
    let indent = -1;
    while (line < end) {
      let q = line;
      while (q < end && t.charCodeAt(q) === SP) q++;
      const c = q < end ? t.charCodeAt(q) : NL;
      if (c === NL || c === CR) {
        if (q - line > maxBlank) maxBlank = q - line;
        leading++;
        line = this.afterBreak(q);
        continue;
      }
      indent = q - line;
      break;
    }
    if (explicit > 0) {
      // Content is indented `explicit` more than the collection; its first line may be deeper.
      if (indent < n + explicit) throw BAIL; // empty
      indent = n + explicit;
    }
    if (indent <= n || indent < 1 || maxBlank > indent) throw BAIL;
    let out = leading > 0 ? '\n'.repeat(leading) : '';
    let blanks = 0;
    let first = true;
    let contentEnd = line;
    while (line < end) {
      let q = line;
      while (q < end && t.charCodeAt(q) === SP) q++;
      const c = q < end ? t.charCodeAt(q) : NL;
      if (c === NL || c === CR) {
        if (q - line > indent) throw BAIL;
        blanks++;
        line = this.afterBreak(q);
        continue;
      }
      if (q - line < indent) break;
      if (folded && q - line > indent) throw BAIL;
      let e = this.lineEnd(q);
      const next = e < end ? this.afterBreak(e) : end;
      if (e > q && t.charCodeAt(e - 1) === CR) e--;
      // Tabs are text in a literal scalar's content (yaml folds tab-led lines specially: not here).
      for (let k = q; k < e; k++) {
        const ch = t.charCodeAt(k);
        if (badChar(ch) && !(ch === 9 && !folded)) throw BAIL;
      }
      const text = t.slice(line + indent, e);
      if (first) {
        out += text;
        first = false;
      } else if (folded) {
        out += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + text;
      } else {
        out += '\n'.repeat(blanks + 1) + text;
      }
      blanks = 0;
      contentEnd = e;
      line = next;
    }
    if (!strip) out += '\n';
    this.nextContent(line);
    if (this.P) this.node = { s: h, e: contentEnd, e2: contentEnd, k: 'block' };
    return out;
  }
}

/**
 * Offsets of the document markers (`---` lines) of a file, or null when the file has something
 * the fast path leaves to `yaml`: `...`, directives, a byte-order mark, a lone CR, content on a
 * `---` line.
 */
function markers(text: string): number[] | null {
  // Tabs are left to yaml except inside comments: everywhere else a scanner meets them as a
  // character it does not accept (indentation, separation, scalars).
  if (text.indexOf('\ufeff') !== -1) return null;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== NL) return null;
  }
  if (text.startsWith('...') || text.startsWith('%') || text.indexOf('\n...') !== -1 || text.indexOf('\n%') !== -1) return null;
  const out: number[] = [];
  const check = (at: number): boolean => {
    const c = text.charCodeAt(at + 3);
    if (at + 3 >= text.length || c === NL || c === CR) return true;
    if (c !== SP) return false;
    let p = at + 3;
    while (text.charCodeAt(p) === SP) p++;
    const d = text.charCodeAt(p);
    return p >= text.length || d === NL || d === CR || d === HASH;
  };
  if (text.startsWith('---')) {
    if (!check(0)) return null;
    out.push(0);
  }
  for (let i = text.indexOf('\n---'); i !== -1; i = text.indexOf('\n---', i + 4)) {
    if (!check(i + 1)) return null;
    out.push(i + 1);
  }
  return out;
}

/** Whether `text` up to `end` holds nothing but blank and comment lines. */
function onlyComments(text: string, end: number): boolean {
  let p = 0;
  while (p < end) {
    let q = p;
    while (q < end && text.charCodeAt(q) === SP) q++;
    if (q >= end) return true;
    const c = text.charCodeAt(q);
    if (c !== NL && c !== CR && c !== HASH) return false;
    const nl = text.indexOf('\n', q);
    if (nl === -1 || nl >= end) return true;
    p = nl + 1;
  }
  return true;
}

interface Segment {
  index: number;
  start: number;
  end: number;
  marker: number;
}

function segments(text: string): Segment[] | null {
  const ms = markers(text);
  if (!ms) return null;
  const out: Segment[] = [];
  let index = 0;
  const first = ms.length > 0 ? ms[0]! : text.length;
  if (!onlyComments(text, first)) out.push({ index: index++, start: 0, end: first, marker: -1 });
  for (let k = 0; k < ms.length; k++) {
    out.push({ index: index++, start: ms[k]!, end: k + 1 < ms.length ? ms[k + 1]! : text.length, marker: ms[k]! });
  }
  return out;
}

/**
 * Every document of a file as plain data, or null when the file needs `yaml` (see above). Empty
 * documents are included with `data: null`.
 */
export function fastParse(text: string): FastDoc[] | null {
  const segs = segments(text);
  if (!segs) return null;
  const reader = new Reader(text, false);
  const docs: FastDoc[] = [];
  try {
    for (const s of segs) {
      docs.push({ index: s.index, start: s.start, end: s.end, marker: s.marker >= 0, data: reader.document(s.start, s.end, s.marker) });
    }
  } catch (err) {
    if (err === BAIL) return null;
    throw err;
  }
  return docs;
}

/**
 * The node ranges of a document of `text` that `fastParse` accepted, or
 * null when `yaml` would fold comments into them in a way this reader does not model.
 */
export function fastPositions(text: string, doc: Pick<FastDoc, 'start' | 'end' | 'marker'>): PNode | null {
  const reader = new Reader(text, true);
  try {
    const data = reader.document(doc.start, doc.end, doc.marker ? doc.start : -1);
    if (data === null) return null;
  } catch (err) {
    if (err === BAIL) return null;
    throw err;
  }
  return reader.node;
}
