import type { FileResult } from '../../engine/lint.js';
import type { Diagnostic } from '../../types.js';
import type { FormatContext, Formatter } from '../formatter.js';
/**
 * GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding, grouped per
 * file with `::group::`. Escaping follows @actions/core's `command.ts` (escapeData: `%`, CR, LF;
 * escapeProperty: those plus `:` and `,`), which the runner reverses.
 */
export declare const github: Formatter;
/** One workflow command. Columns are sent only for single-line ranges, as the runner requires. */
export declare function annotation(m: Diagnostic, file: string | undefined): string;
export declare function escapeData(s: string): string;
export declare function escapeProperty(s: string): string;
/**
 * The Markdown appended to `$GITHUB_STEP_SUMMARY`: every finding in one table (GitHub shows only
 * the first 10 annotations of each kind per step; the summary shows all). Rows link to the file
 * at the commit when the run's repository variables are present.
 */
export declare function githubSummary(results: FileResult[], ctx: FormatContext, env: NodeJS.ProcessEnv): string;
