import { type Document, type YAMLError, type YAMLWarning } from 'yaml';
import type { SourceFile } from './source.js';
/**
 * Checks that keep broken or hostile YAML from hanging, crashing or silently misreading a run.
 * They live apart from parse.ts so that the parser can change without losing them; every limit
 * below has a test in test/robustness-large.test.ts, every message one in test/robustness.test.ts.
 */
/** How often one anchor may be expanded (yaml's `maxAliasCount`): stops "billion laughs". */
export declare const MAX_ALIAS_EXPANSIONS = 100;
/**
 * yaml resolves each alias by scanning the document's earlier anchors and aliases, so the cost
 * grows with the square of their number: cap them per document and per file.
 */
export declare const MAX_ALIASES_PER_DOC = 1000;
export declare const MAX_ALIASES_PER_FILE = 10000;
/** Deeper documents are skipped; no manifest comes close (CRD schemas reach a few dozen levels). */
export declare const MAX_DEPTH = 256;
/**
 * Options for yaml's parser. uniqueKeys is off because yaml's check compares every key with every
 * other (minutes for a large map): checkDocument finds duplicates in one pass. Merge keys
 * (`<<: *base`) are applied, as kubectl does. logLevel keeps yaml's warnings off stderr.
 */
export declare const YAML_PARSE_OPTIONS: {
    readonly uniqueKeys: false;
    readonly merge: true;
    readonly logLevel: "error";
    readonly prettyErrors: false;
    readonly strict: true;
};
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
export declare function neutralizeBoms(text: string): string;
/** A parser error or warning, in words that say what to fix; undefined for warnings we ignore. */
export declare function describeYamlProblem(e: YAMLError | YAMLWarning, text: string): GuardProblem | undefined;
/** What `toJS` threw, in words that say what to fix. */
export declare function describeToJsError(err: unknown, offset: number): GuardProblem;
/**
 * The problems of a parsed document. A parser error, a tag that cannot apply, or what
 * checkDocument finds makes the document unreadable (`skip`): only the first is reported, later
 * errors in it being mostly consequences of the first. An unknown local tag (`!vault x`) does not:
 * kubectl drops the tag and applies the text after it, so the document is linted as that text.
 */
export declare function documentProblems(doc: Document.Parsed, source: SourceFile, budget: AliasBudget): GuardProblem[];
/** Aliases left for the rest of a file (see MAX_ALIASES_PER_FILE). */
export interface AliasBudget {
    left: number;
}
export declare function aliasBudget(): AliasBudget;
/**
 * One pass over a parsed document, without recursion: duplicate keys (yaml's own check compares
 * every key with every other, so a map of 100,000 keys takes minutes), collection keys, nesting
 * depth and the number of aliases. Returns the first problem, in document order.
 */
export declare function checkDocument(doc: Document.Parsed, source: SourceFile, budget: AliasBudget): GuardProblem | undefined;
