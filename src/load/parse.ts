import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Path, Range } from '../types.js';
import { aliasBudget, describeToJsError, documentProblems, MAX_ALIAS_EXPANSIONS, neutralizeBoms, YAML_PARSE_OPTIONS } from './guards.js';
import { SourceFile } from './source.js';

/** Which part of a map entry a diagnostic points at. */
export type Part = 'key' | 'value' | 'entry';

/** One YAML document of a file: its plain data and a way back to exact positions. */
export class Doc {
  readonly file: SourceFile;
  readonly index: number;
  readonly data: unknown;
  /** Offset range of the whole document, for fallbacks. */
  readonly start: number;
  readonly end: number;
  private readonly root: Node | null;

  constructor(file: SourceFile, index: number, data: unknown, root: Node | null, start: number, end: number) {
    this.file = file;
    this.index = index;
    this.data = data;
    this.root = root;
    this.start = start;
    this.end = end;
  }

  /**
   * The source range of the node at `path`. When the path goes further than the document does
   * (a missing field), the deepest node that exists is returned: a diagnostic about a missing
   * key belongs on its parent.
   */
  locate(path: Path, part: Part = 'value'): Range {
    let node: unknown = this.root;
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
    let start: number;
    let end: number;
    if (part === 'key' && key) [start, end] = [key[0], key[1]];
    else if (part === 'entry' && key) [start, end] = [key[0], value ? value[1] : key[1]];
    else if (value) [start, end] = [value[0], value[1]];
    else if (key) [start, end] = [key[0], key[1]];
    else [start, end] = [this.start, this.end];
    return this.file.range(start, trimEnd(this.file.text, start, end));
  }
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

/** Parse every document of a file; a broken document is reported and the others are kept. */
export function parseSource(source: SourceFile): ParsedFile {
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
