import type { Formatter } from '../formatter.js';
export declare const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Our columns are 1-based UTF-16
 * units with an exclusive end (SourceFile.range turns an exclusive end offset into a point), which
 * is exactly SARIF's region model (§3.30.5: endColumn is one past the last character), so they are
 * copied as they are.
 */
export declare const sarif: Formatter;
/**
 * SARIF `name`: a readable identifier that must differ from the opaque `id` (the SARIF validator's
 * SARIF1001 compares them ignoring case), so one-word ids get a suffix.
 */
export declare function ruleName(id: string): string;
