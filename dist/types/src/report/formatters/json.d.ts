import type { FileResult } from '../../engine/lint.js';
import type { Formatter } from '../formatter.js';
/** Results as ESLint's `LintResult` objects: what `--format json` prints and ESLint formatters read. */
export declare function eslintResults(results: FileResult[]): {
    usedDeprecatedRules: never[];
    output?: string | undefined;
    source?: string | undefined;
    filePath: string;
    messages: {
        fix?: import("../../types.js").TextFix | undefined;
        assumptions?: import("../../types.js").Assumption[] | undefined;
        related?: {
            message: string;
            file: string;
            line: number;
            column: number;
        }[] | undefined;
        hints?: {
            desc: string;
            yaml: string;
        }[] | undefined;
        suggestions?: {
            desc: string;
            fix: import("../../types.js").SuggestionEdit;
            data: {
                yaml: string;
            };
        }[] | undefined;
        fatal?: boolean | undefined;
        severity: 2 | 1;
        message: string;
        line: number;
        column: number;
        endLine: number;
        endColumn: number;
        messageId?: string | undefined;
        ruleId: string;
    }[];
    suppressedMessages: {
        suppressions: {
            kind: "directive" | "annotation";
            justification: string;
        }[];
        fix?: import("../../types.js").TextFix | undefined;
        assumptions?: import("../../types.js").Assumption[] | undefined;
        related?: {
            message: string;
            file: string;
            line: number;
            column: number;
        }[] | undefined;
        hints?: {
            desc: string;
            yaml: string;
        }[] | undefined;
        suggestions?: {
            desc: string;
            fix: import("../../types.js").SuggestionEdit;
            data: {
                yaml: string;
            };
        }[] | undefined;
        fatal?: boolean | undefined;
        severity: 2 | 1;
        message: string;
        line: number;
        column: number;
        endLine: number;
        endColumn: number;
        messageId?: string | undefined;
        ruleId: string;
    }[];
    errorCount: number;
    fatalErrorCount: number;
    warningCount: number;
    fixableErrorCount: number;
    fixableWarningCount: number;
}[];
/** ESLint's JSON formatter shape, so tools that read ESLint results read ours. */
export declare const json: Formatter;
