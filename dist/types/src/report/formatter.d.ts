import type { Rule } from '../engine/rule.js';
import type { FileResult } from '../engine/lint.js';
export interface FormatContext {
    cwd: string;
    color: boolean;
    rules: readonly Rule[];
    version: string;
    /** SARIF: the folder artifact URIs are relative to (`--sarif-base`); default `cwd`. */
    sarifBase?: string;
}
/** A formatter turns results into the text written to stdout (or `--output-file`). */
export type Formatter = (results: FileResult[], ctx: FormatContext) => string;
