import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Path, Range } from '../types.js';
import { fastParse } from './fast.js';
import { FastLocator } from './fast-doc.js';
import { aliasBudget, describeToJsError, documentProblems, MAX_ALIAS_EXPANSIONS, neutralizeBoms, YAML_PARSE_OPTIONS } from './guards.js';
import { SourceFile } from './source.js';

/** Which part of a map entry a diagnostic points at. */
export type Part = 'key' | 'value' | 'entry';

/** Where a document's node ranges come from: its `yaml` node tree, or a lazy source (the fast path). */
export interface Locator {
  /** `[start, end]` offsets of the node at `path` (see `Doc.locate`), or undefined for the whole document. */
  find(path: Path, part: Part): [number, number] | undefined;
}

/** One YAML document of a file: its plain data and a way back to exact positions. */
export class Doc {
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
  private readonly root: Node | Locator | null;

  constructor(file: SourceFile, index: number, data: unknown, root: Node | Locator | null, start: number, end: number) {
    this.file = file;
    this.index = index;
    this.data = data;
    this.root = root;
    this.start = start;
    this.end = end;
    this.plain = root instanceof FastLocator;
  }

  /**
   * The source range of the node at `path`. When the path goes further than the document does
   * (a missing field), the deepest node that exists is returned: a diagnostic about a missing
   * key belongs on its parent.
   */
  locate(path: Path, part: Part = 'value'): Range {
    const root = this.root;
    const found = root !== null && 'find' in root && typeof root.find === 'function' ? root.find(path, part) : nodeRange(root as Node | null, path, part);
    const [start, end] = found ?? [this.start, this.end];
    return this.file.range(start, trimEnd(this.file.text, start, end));
  }
}

/** `Doc.locate` over a `yaml` node tree: offsets before trimming, or undefined when there is no node. */
export function nodeRange(root: Node | null, path: Path, part: Part): [number, number] | undefined {
  let node: unknown = root;
  let keyNode: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
      if (!node) {
        node = null;
        break;
      }
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      keyNode = null;
      node = node.items[seg];
    } else {
      break;
    }
  }
  const pick = (n: Node | null | undefined) => (n && n.range ? n.range : undefined);
  const value = pick(node as Node | null);
  const key = pick(keyNode);
  if (part === 'key' && key) return [key[0], key[1]];
  if (part === 'entry' && key) return [key[0], value ? value[1] : key[1]];
  if (value) return [value[0], value[1]];
  if (key) return [key[0], key[1]];
  return undefined;
}

/** Ranges of block nodes run over trailing newlines and comments; stop at the last real character. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

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

/**
 * The fast path (fast.ts): plain data straight from the text, positions only when asked. It
 * answers for the usual shape of manifests and returns undefined for anything else (anchors,
 * tags, odd indentation, errors…), which `yaml` then parses as before.
 */
function parseFast(source: SourceFile): ParsedFile | undefined {
  const fast = fastParse(source.text);
  if (!fast) return undefined;
  let yamlDocs: Document.Parsed[] | undefined;
  const docs: Doc[] = [];
  for (const d of fast) {
    if (d.data === null || d.data === undefined) continue;
    const index = d.index;
    const fallback = (path: Path, part: Part) => {
      yamlDocs ??= parseAllDocuments(neutralizeBoms(source.text), YAML_PARSE_OPTIONS) as Document.Parsed[];
      return nodeRange((yamlDocs[index]?.contents as Node | null) ?? null, path, part);
    };
    docs.push(new Doc(source, d.index, d.data, new FastLocator(source.text, d, fallback), d.start, d.end));
  }
  return { source, docs, problems: [] };
}

/** Parse every document of a file; a broken document is reported and the others are kept. */
export function parseSource(source: SourceFile): ParsedFile {
  return parseFast(source) ?? parseWithYaml(source);
}

/** The reference path: `yaml`'s Document API for everything (also what the fast path falls back to). */
export function parseWithYaml(source: SourceFile): ParsedFile {
  const docs: Doc[] = [];
  const problems: ParseProblem[] = [];
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(neutralizeBoms(source.text), YAML_PARSE_OPTIONS) as Document.Parsed[];
    if (!Array.isArray(parsed)) parsed = [parsed as unknown as Document.Parsed];
  } catch (err) {
    problems.push({ message: `cannot parse this file: ${errorText(err)}`, offset: 0 });
    return { source, docs, problems };
  }
  const budget = aliasBudget();
  parsed.forEach((doc, index) => {
    const found = documentProblems(doc, source, budget);
    problems.push(...found);
    if (found.some((p) => p.skip)) return;
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
    } catch (err) {
      problems.push(describeToJsError(err, (doc.contents as Node | null)?.range?.[0] ?? doc.range[0]));
      return;
    }
    if (data === null || data === undefined) return;
    docs.push(new Doc(source, index, data, doc.contents as Node | null, doc.range[0], doc.range[1]));
  });
  return { source, docs, problems };
}

export function errorText(err: unknown): string {
  if (err instanceof RangeError && /call stack/i.test(err.message)) return 'the document is nested too deeply to read';
  if (err instanceof Error) return err.message;
  return String(err);
}
