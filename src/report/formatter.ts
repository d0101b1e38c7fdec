import type { Rule } from '../engine/rule.js';
import type { FileResult } from '../engine/lint.js';

export interface FormatContext {
  cwd: string;
  color: boolean;
  rules: readonly Rule[];
  version: string;
}

/** A formatter turns results into the text written to stdout (or `--output-file`). */
export type Formatter = (results: FileResult[], ctx: FormatContext) => string;
