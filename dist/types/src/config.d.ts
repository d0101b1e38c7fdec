import { type MeshSettings } from './model/mesh.js';
import type { Severity } from './types.js';
export declare const CONFIG_NAMES: string[];
export interface ConfigOverride {
    files: string[];
    rules?: Record<string, Severity>;
}
export interface Config {
    rules: Record<string, Severity>;
    /** Options given with a severity (`rule: [error, {…}]`), by rule id; validated against each rule's schema. */
    ruleOptions: Record<string, unknown[]>;
    mesh: Partial<MeshSettings>;
    ignorePatterns: string[];
    overrides: ConfigOverride[];
    /** Plugin prefix → module (a path relative to the config file, or a package name); loaded only with --plugins. */
    plugins?: Record<string, string>;
    /** The file it came from; the folder that patterns are relative to. */
    file?: string;
    base: string;
}
export declare class ConfigError extends Error {
}
export declare function normalizeSeverity(v: unknown): Severity;
/** Find `.meshlint.yaml` (or `.yml`) in `cwd` or the nearest folder above it. */
export declare function findConfig(cwd: string): string | undefined;
/** Read and validate a config file. Configuration is data: nothing in it is executed. */
export declare function loadConfig(file: string): Config;
export declare function emptyConfig(cwd: string): Config;
/** Severity of a rule for a file: defaults, then `rules`, then matching `overrides`, then the CLI. */
export declare function severityFor(ruleId: string, defaultSeverity: Severity, config: Config, file: string, cli: Record<string, Severity>): Severity;
/** The configuration in effect: `config` if given, else `.meshlint.yaml` found upward from cwd. */
export declare function resolveConfig(opts: {
    config?: string;
    configLookup?: boolean;
}, cwd: string): Config;
