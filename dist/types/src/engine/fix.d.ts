import type { FixTarget, TextFix } from '../types.js';
/**
 * A file's YAML documents, parsed once for all the fixes in it: `yaml`'s Document API finds the
 * node a fix names and its style, so that only that node's text changes and every comment, quote
 * and indentation around it stays as written.
 */
export declare class FixableText {
    readonly text: string;
    private docs;
    constructor(text: string);
    /** The text edit of a fix, or undefined when its node is not a scalar of a clean document. */
    edit(fix: FixTarget): TextFix | undefined;
}
/**
 * The text with the fixes applied, as ESLint applies them in one pass: in order, skipping a fix
 * that overlaps one already taken (a second pass would take it).
 */
export declare function applyFixes(text: string, fixes: readonly TextFix[]): {
    output: string;
    applied: number;
};
