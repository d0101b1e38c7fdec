import type { Rule } from '../engine/rule.js';
import type { FileResult } from '../engine/lint.js';
/** What `--format <name>` loads when it is not built in. */
export interface ExternalFormatter {
    name: string;
    format(results: FileResult[], ctx: {
        cwd: string;
        rules: readonly Rule[];
        maxWarningsExceeded?: {
            maxWarnings: number;
            foundWarnings: number;
        };
    }): Promise<string>;
}
/**
 * The module names ESLint tries for a formatter name (eslint/lib/shared/naming.js,
 * normalizePackageName): `junit` → `eslint-formatter-junit`, `@scope/x` → `@scope/eslint-formatter-x`.
 */
export declare function formatterPackage(name: string): string;
/**
 * Load an ESLint formatter: a path to a module (it has a `/` or starts with `.`), or an installed
 * `eslint-formatter-*` package, resolved from the working directory as ESLint does. Returns a
 * reason instead when there is none.
 */
export declare function loadExternalFormatter(name: string, cwd: string): Promise<ExternalFormatter | {
    problem: string;
}>;
