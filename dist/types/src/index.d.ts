import { type FileResult } from './engine/lint.js';
import { type MeshProcessor, type ProcessorOptions } from './engine/processor.js';
import type { MeshSettings } from './model/mesh.js';
import { VERSION } from './version.js';
import type { Severity } from './types.js';
export type { Diagnostic, Severity, Suggestion, SuggestionSource } from './types.js';
export type { FileResult } from './engine/lint.js';
export type { Suppression, SuppressedDiagnostic } from './engine/suppress.js';
export type { MeshFix, MeshReport, MeshRule, MeshRuleContext, MeshRuleDocs, MeshRuleMeta, MeshVisitor, Rule, RuleMeta } from './engine/rule.js';
export { defineRule, registerRule } from './engine/rule.js';
export { READS, reads } from './model/reads.js';
export { meshRulePlugin, type MeshProcessor, type MeshRoot, type FileNode, type DocumentNode, type ResourceNode, type RuleSetting } from './engine/processor.js';
export type { MeshPlugin } from './engine/plugins.js';
/**
 * The lint pipeline as a unified processor with the built-in rules registered; add a rule with
 * `.use(meshRulePlugin(registerRule('acme/my-rule', definition)), ['warn', {…options}])`, then pass
 * it to `lint(paths, { processor })`.
 */
export declare function createProcessor(options?: Omit<ProcessorOptions, 'rules'>): MeshProcessor;
export type { MeshSettings } from './model/mesh.js';
export { Model } from './mesh/model.js';
export { RULES } from './generated/rules.js';
export { VERSION };
export interface LintApiOptions {
    cwd?: string;
    /** A config file; by default `.meshlint.yaml` is looked up from `cwd`, unless `configLookup` is false. */
    configFile?: string;
    configLookup?: boolean;
    /** Severities by rule id, as `--rule`: off, warn, error (or 0, 1, 2); an unknown id or severity rejects. */
    rules?: Record<string, Severity | 0 | 1 | 2>;
    mesh?: Partial<MeshSettings>;
    /** Text to lint as stdin (include `-` in the paths). */
    stdin?: {
        text: string;
        filename?: string;
    };
    /** Honour `# meshlint-disable…` comments (default true). */
    inlineConfig?: boolean;
    /** Report disable comments and `meshlint.io/ignore` entries that silence nothing. */
    reportUnusedDisableDirectives?: boolean;
    /** Load the plugins the configuration names (they run code; off by default, as `--plugins`). */
    plugins?: boolean;
    /** A processor from `createProcessor()` with rules of one's own added with `.use()`. */
    processor?: MeshProcessor;
}
/**
 * Lint files and folders; resolves to the same results `--format json` prints. Rejects when a
 * path names nothing (the CLI's exit code 2) or the configuration is invalid.
 */
export declare function lint(paths: string[], options?: LintApiOptions): Promise<FileResult[]>;
export interface FormatOptions {
    /** Paths in the report are relative to this folder (default `process.cwd()`). */
    cwd?: string;
    color?: boolean;
    /** SARIF: artifact URIs relative to this folder (default `cwd`). */
    sarifBase?: string;
}
/** Render results as the CLI would with `--format <name>` (stylish, json, sarif, github). */
export declare function formatResults(results: FileResult[], format: string, options?: FormatOptions): string;
