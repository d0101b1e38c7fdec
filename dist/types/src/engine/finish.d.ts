import type { Config } from '../config.js';
import { SourceMapper } from '../load/helm.js';
import type { Diagnostic, Severity } from '../types.js';
import { VFile } from 'vfile';
import { MeshMessage } from './diagnostic.js';
import type { Rule } from './rule.js';
import type { Run } from './run.js';
import { Suppressor, type SuppressedDiagnostic } from './suppress.js';
export interface FileResult {
    filePath: string;
    messages: Diagnostic[];
    /** Diagnostics silenced by a comment directive or a resource annotation. */
    suppressedMessages: SuppressedDiagnostic[];
    errorCount: number;
    warningCount: number;
    fatalErrorCount: number;
    /** The file's text, when it has messages (as ESLint's results carry it, for formatters that show code). */
    source?: string;
    /** The fixed text, when `--fix` or `--fix-dry-run` changed the file (ESLint's field). */
    output?: string;
}
export declare function defaultSeverities(rules: readonly Rule[]): Map<string, Severity>;
/**
 * The load diagnostics of a run as the report would show them (severities from the configuration,
 * suppressions applied), for commands that must not answer on broken input.
 */
export declare function loadReport(run: Run, opts?: {
    cliRules?: Record<string, Severity>;
    inlineConfig?: boolean;
}): Promise<FileResult[]>;
export declare function suppressorOf(run: Run, rules: readonly Rule[], inlineConfig: boolean): Suppressor;
/** How the diagnostics of a run become the report. */
export interface FinishContext {
    /** Every file of the input, listed in the report with or without findings. */
    paths: string[];
    rules: readonly Rule[];
    config: Config;
    cli: Record<string, Severity>;
    suppressor: Suppressor;
    reportUnused: boolean;
    mapper: SourceMapper;
    /** The input files' texts, by path. */
    sources?: ReadonlyMap<string, string>;
    /** Filled with one VFile per reported file, holding its messages (severity as `fatal`, `url` set). */
    files?: Map<string, VFile>;
}
/** Severities from the configuration, suppressions, de-duplication, and per-file sorted results. */
export declare function finish(pending: MeshMessage[], ctx: FinishContext): FileResult[];
