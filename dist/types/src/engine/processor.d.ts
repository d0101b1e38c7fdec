import type { Node, Parent } from 'unist';
import { type Processor } from 'unified';
import type { VFile } from 'vfile';
import type { Config } from '../config.js';
import type { Model } from '../mesh/model.js';
import type { Resource } from '../model/resource.js';
import type { MeshMessage } from './diagnostic.js';
import type { Severity } from '../types.js';
import { type FileResult } from './finish.js';
import type { LoadedInput } from './load-input.js';
import type { Rule } from './rule.js';
import type { RuleResultCache } from './rule-cache.js';
import type { Run } from './run.js';
/** A resource of the input, as a unist node: `data.resource` is the model's view of it. */
export interface ResourceNode extends Node {
    type: 'resource';
    kind: string;
    name: string;
    namespace: string;
    data: {
        resource: Resource;
    };
}
/** One YAML document (a `List` holds several resources). */
export interface DocumentNode extends Parent {
    type: 'document';
    children: ResourceNode[];
}
/** One input file. */
export interface FileNode extends Parent {
    type: 'file';
    path: string;
    children: DocumentNode[];
}
/** The whole input: every file of the run, in input order. */
export interface MeshRoot extends Parent {
    type: 'root';
    children: FileNode[];
}
/** A rule's setting in `.use(plugin, setting)`: a severity, `[severity, ...options]`, or options alone. */
export type RuleSetting = Severity | 0 | 1 | 2 | [Severity | 0 | 1 | 2, ...unknown[]] | Record<string, unknown>;
interface RegisteredRule {
    rule: Rule;
    setting?: RuleSetting;
}
/** What the run's VFile carries between the stages. */
export interface MeshRunData {
    run: Run;
    config: Config;
    model?: Model;
    /** What the rules reported, before severities and suppressions. */
    ruleDiagnostics: MeshMessage[];
    /** Milliseconds each rule took, when asked for (`TIMING`, as ESLint's). */
    ruleTimes?: Map<string, number>;
    results?: FileResult[];
    /** One VFile per file with findings: its messages as the report shows them. */
    files?: Map<string, VFile>;
}
declare module 'vfile' {
    interface DataMap {
        meshlint: MeshRunData;
    }
}
declare module 'unified' {
    interface Data {
        meshlintRules?: RegisteredRule[];
    }
}
export interface ProcessorOptions {
    /** Rules to register with their default setting (the built-in rules, plugins' rules). */
    rules?: readonly Rule[];
    cliRules?: Record<string, Severity>;
    inlineConfig?: boolean;
    reportUnusedDisableDirectives?: boolean;
    /** Where Helm's `# Source:` paths are (`--helm-chart-root`); without it, only templates that exist from the working directory are reported against. */
    helmChartRoot?: string;
    /** The findings of the last run, for a run after an edit (the language server's; engine/rule-cache.ts). */
    ruleCache?: RuleResultCache;
}
/**
 * The unist tree of the loaded input: root → file → document → resource. Positions are computed
 * on first read (a getter): exact positions cost a second look at the text, which a run that only
 * lints never needs.
 */
export declare function treeOf(input: LoadedInput): MeshRoot;
/** A rule as a unified plugin: `.use(meshRulePlugin(rule), ['warn', { …options }])`. */
export declare function meshRulePlugin(rule: Rule): (this: Processor, setting?: RuleSetting) => void;
/**
 * meshlint's lint pipeline as a unified processor: parse (the unist tree of the input), the rules
 * (the model is built once, every registered rule plugin runs over it), finish (severities,
 * suppressions). Add rules with `.use(meshRulePlugin(rule), setting)`; run it with `lint()`'s
 * `processor` option.
 */
export declare function createProcessor(options?: ProcessorOptions): Processor<undefined, undefined, undefined, undefined, undefined>;
export type MeshProcessor = ReturnType<typeof createProcessor>;
export {};
