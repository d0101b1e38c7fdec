import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type YAMLError, type YAMLWarning } from 'yaml';
import type { SourceFile } from './source.js';

/**
 * Checks that keep broken or hostile YAML from hanging, crashing or silently misreading a run.
 * They live apart from parse.ts so that the parser can change without losing them; every limit
 * below has a test in test/robustness-large.test.ts, every message one in test/robustness.test.ts.
 */

/** How often one anchor may be expanded (yaml's `maxAliasCount`): stops "billion laughs". */
export const MAX_ALIAS_EXPANSIONS = 100;
/**
 * yaml resolves each alias by scanning the document's earlier anchors and aliases, so the cost
 * grows with the square of their number: cap them per document and per file.
 */
export const MAX_ALIASES_PER_DOC = 1000;
export const MAX_ALIASES_PER_FILE = 10000;
/** Deeper documents are skipped; no manifest comes close (CRD schemas reach a few dozen levels). */
export const MAX_DEPTH = 256;

/**
 * Options for yaml's parser. uniqueKeys is off because yaml's check compares every key with every
 * other (minutes for a large map): checkDocument finds duplicates in one pass. Merge keys
 * (`<<: *base`) are applied, as kubectl does. logLevel keeps yaml's warnings off stderr.
 */
export const YAML_PARSE_OPTIONS = { uniqueKeys: false, merge: true, logLevel: 'error', prettyErrors: false, strict: true } as const;

export interface GuardProblem {
  message: string;
  offset: number;
  endOffset?: number;
  /** The document cannot be read as data: it is skipped. */
  skip?: boolean;
}

/**
 * YAML allows a byte order mark at the start of every document of a stream, and kubectl accepts
 * one there (files concatenated by Helm or cat), but yaml's lexer skips it only at the start of
 * the stream: elsewhere it would become part of the first key. A BOM that begins the line after a
 * `---` or `...` marker is replaced by a line break, which keeps every offset (both are one UTF-16
 * unit) and so every reported position.
 */
export function neutralizeBoms(text: string): string {
  if (text.indexOf('\ufeff') === -1) return text;
  return text.replace(/^((?:---|\.\.\.)(?:[ \t][^\n]*)?\r?\n)\ufeff/gm, '$1\n');
}

/** A parser error or warning, in words that say what to fix; undefined for warnings we ignore. */
export function describeYamlProblem(e: YAMLError | YAMLWarning, text: string): GuardProblem | undefined {
  const [offset, endOffset] = e.pos;
  if (e.name === 'YAMLWarning') {
    // Other warnings (ambiguous alias names, flow indentation) do not change the data.
    if (e.code !== 'TAG_RESOLVE_FAILED' && e.code !== 'BAD_COLLECTION_TYPE') return undefined;
    const tag = /(!\S*)/.exec(text.slice(offset, Math.max(endOffset, offset + 1)))?.[1] ?? 'tag';
    if (e.code === 'TAG_RESOLVE_FAILED' && !tag.startsWith('!!')) {
      // go-yaml (kubectl) leaves a tag it cannot resolve aside and keeps the text: so does the loader.
      return {
        message: `Unknown tag "${tag}": kubectl ignores it and applies the text after it as a plain string. If a tool was meant to replace it, run that tool first; otherwise remove the tag`,
        offset,
        endOffset,
      };
    }
    return { message: `The tag "${tag}" cannot be applied to this value; kubectl rejects it too. Remove the tag`, offset, endOffset, skip: true };
  }
  if (e.code === 'RESOURCE_EXHAUSTION') return tooDeep(offset);
  const unclosed = /^Flow (sequence|map)( in block collection)? must .*end with a ([\]}])/.exec(e.message);
  if (unclosed) {
    // yaml reports where it gave up (often the next document); the opening bracket is the place to fix.
    const [, what, inBlock, close] = unclosed;
    const openChar = close === ']' ? '[' : '{';
    const open = unmatchedOpening(text, offset, openChar);
    if (open !== undefined) {
      return {
        message: inBlock
          ? `This "${openChar}" is not closed where expected: a flow ${what} must end with "${close}", and its lines must be indented more than its key`
          : `This "${openChar}" is never closed: a flow ${what} must end with "${close}"`,
        offset: open,
        endOffset: open + 1,
      };
    }
  }
  return { message: firstLine(e.message), offset, endOffset };
}

/**
 * The offset of the bracket left open before `from`, if it is `openChar`; a heuristic (quotes are
 * not parsed), so anything unexpected gives up and yaml's own position is kept.
 */
function unmatchedOpening(text: string, from: number, openChar: string): number | undefined {
  let depth = 0;
  const stop = Math.max(0, from - 100_000);
  for (let i = Math.min(from, text.length) - 1; i >= stop; i--) {
    const c = text[i];
    if (c === '\n' && i + 1 < from && /^(---|\.\.\.)(\s|$)/.test(text.slice(i + 1, i + 5))) return undefined;
    if (c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') {
      if (depth === 0) return c === openChar ? i : undefined;
      depth--;
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function tooDeep(offset: number): GuardProblem {
  return { message: `This document is nested more than ${MAX_DEPTH} levels deep; it is skipped`, offset, endOffset: offset + 1 };
}

/** What `toJS` threw, in words that say what to fix. */
export function describeToJsError(err: unknown, offset: number): GuardProblem {
  const msg = err instanceof Error ? err.message : String(err);
  if (/Excessive alias count/.test(msg)) {
    return {
      message: `An anchor of this document is expanded more than ${MAX_ALIAS_EXPANSIONS} times (an alias bomb, "billion laughs"); the document is skipped`,
      offset,
    };
  }
  if (err instanceof RangeError && /call stack/i.test(msg)) return tooDeep(offset);
  return { message: firstLine(msg), offset };
}

/**
 * The problems of a parsed document. A parser error, a tag that cannot apply, or what
 * checkDocument finds makes the document unreadable (`skip`): only the first is reported, later
 * errors in it being mostly consequences of the first. An unknown local tag (`!vault x`) does not:
 * kubectl drops the tag and applies the text after it, so the document is linted as that text.
 */
export function documentProblems(doc: Document.Parsed, source: SourceFile, budget: AliasBudget): GuardProblem[] {
  const notes: GuardProblem[] = [];
  let fatal: GuardProblem | undefined;
  for (const e of doc.errors) {
    fatal ??= describeYamlProblem(e, source.text);
  }
  for (const w of doc.warnings) {
    const p = describeYamlProblem(w, source.text);
    if (!p) continue;
    if (p.skip) fatal ??= p;
    else if (notes.length < 10) notes.push(p);
  }
  fatal ??= checkDocument(doc, source, budget);
  return fatal ? [...notes, { ...fatal, skip: true }] : notes;
}

/** Aliases left for the rest of a file (see MAX_ALIASES_PER_FILE). */
export interface AliasBudget {
  left: number;
}

export function aliasBudget(): AliasBudget {
  return { left: MAX_ALIASES_PER_FILE };
}

/**
 * One pass over a parsed document, without recursion: duplicate keys (yaml's own check compares
 * every key with every other, so a map of 100,000 keys takes minutes), collection keys, nesting
 * depth and the number of aliases. Returns the first problem, in document order.
 */
export function checkDocument(doc: Document.Parsed, source: SourceFile, budget: AliasBudget): GuardProblem | undefined {
  const root = doc.contents as Node | null;
  if (!root) return undefined;
  let aliases = 0;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  const problems: GuardProblem[] = [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      aliases++;
      budget.left--;
      if (aliases > MAX_ALIASES_PER_DOC || budget.left < 0) {
        const limit = aliases > MAX_ALIASES_PER_DOC ? `${MAX_ALIASES_PER_DOC} in one document` : `${MAX_ALIASES_PER_FILE} in one file`;
        const at = node.range?.[0] ?? doc.range[0];
        problems.push({ message: `Too many aliases (more than ${limit}); the document is skipped. Expand the aliases or split the file`, offset: at, endOffset: node.range?.[1] });
        break;
      }
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_DEPTH) {
      problems.push(tooDeep(node.range?.[0] ?? doc.range[0]));
      break;
    }
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (key && !isScalar(key) && !isAlias(key)) {
          const at = key.range?.[0] ?? doc.range[0];
          problems.push({ message: 'A map key is itself a list or a map; Kubernetes manifests need plain keys', offset: at, endOffset: key.range?.[1] });
          continue;
        }
        if (isScalar(key) || key === null) {
          const name = String((key as { value?: unknown } | null)?.value ?? '');
          // `<<` is a merge key (enabled in parse.ts): it may repeat.
          if (name !== '<<') {
            const at = key?.range?.[0] ?? node.range?.[0] ?? doc.range[0];
            const first = seen.get(name);
            if (first !== undefined) {
              problems.push({
                message: `Duplicate key "${name.length > 60 ? `${name.slice(0, 57)}...` : name}" (first on line ${source.point(first).line}); Kubernetes rejects the object and other tools keep only one value. Remove one of them`,
                offset: at,
                endOffset: key?.range?.[1],
              });
            } else {
              seen.set(name, at);
            }
          }
        }
      }
      // Children go on the stack last first, so that they are visited in document order.
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!isPair(pair)) continue;
        stack.push({ node: pair.value, depth: depth + 1 });
        if (pair.key) stack.push({ node: pair.key, depth: depth + 1 });
      }
    } else {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: depth + 1 });
    }
  }
  if (problems.length === 0) return undefined;
  // A map's duplicate keys are found before its values are visited: report the first in the text.
  return problems.reduce((a, b) => (b.offset < a.offset ? b : a));
}
