import { VFile } from 'vfile';
import type { MeshSettings } from '../model/mesh.js';
import type { Model } from '../mesh/model.js';
import type { Severity } from '../types.js';
import type { SkippedFile } from '../load/files.js';
import type { FileResult } from './finish.js';
import type { LoadOptions } from './load-input.js';
import type { Rule } from './rule.js';
import type { RuleResultCache } from './rule-cache.js';
import { createProcessor, type MeshProcessor } from './processor.js';
import { startRun } from './run.js';

export type { FileResult } from './finish.js';
export type { MeshMessage } from './diagnostic.js';
export { INTERNAL_NAME } from './internal-error.js';
export { loadInput, checkSources, type LoadedInput } from './load-input.js';
export { startRun, type Run } from './run.js';
export { loadReport } from './finish.js';
export { createProcessor, meshRulePlugin, type MeshProcessor, type MeshRoot } from './processor.js';

export interface LintOptions extends LoadOptions {
  /** `--rule id:severity` from the command line. */
  cliRules?: Record<string, Severity>;
  /** Mesh settings from the command line; they win over the config file and the manifests. */
  mesh?: Partial<MeshSettings>;
  rules: readonly Rule[];
  /** Where Helm's `# Source:` template paths are (`--helm-chart-root`). */
  helmChartRoot?: string;
  /** A processor from `createProcessor()` with rules of one's own added (then `rules` is not used). */
  processor?: MeshProcessor;
  /** Honour `# meshlint-disable…` comments (default true; `--no-inline-config` sets false). */
  inlineConfig?: boolean;
  /** Report directives and `meshlint.io/ignore` entries that silence nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Measure how long each rule takes (LintResult.ruleTimes). */
  timing?: boolean;
  /** Keep the rules' findings for the next run of the same input after an edit (the language server). */
  ruleCache?: RuleResultCache;
}

export interface LintResult {
  results: FileResult[];
  /** Arguments that name no file or folder. */
  missing: string[];
  /** Files a folder walk passed over: not Kubernetes manifests, Helm chart templates, kustomize patches. */
  skipped: SkippedFile[];
  model: Model;
  /** Milliseconds each rule took, by rule id, when `timing` was asked for. */
  ruleTimes?: Map<string, number>;
  /** The reported files as VFiles whose messages are the findings (for vfile-reporter and unified tools), by path. */
  files: VFile[];
}

/**
 * The whole pipeline: load (files, stdin, workers for the per-resource checks), then the unified
 * processor (tree, model, rules, severities and suppressions), per-file sorted results.
 */
export async function lint(opts: LintOptions): Promise<LintResult> {
  const run = await startRun(opts);
  const processor =
    opts.processor ??
    createProcessor({
      rules: opts.rules,
      cliRules: opts.cliRules,
      inlineConfig: opts.inlineConfig,
      reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
      helmChartRoot: opts.helmChartRoot,
      ruleCache: opts.ruleCache,
    });
  const file = new VFile({ path: run.cwd, data: { meshlint: { run, config: run.config, ruleDiagnostics: [], ...(opts.timing ? { ruleTimes: new Map<string, number>() } : {}) } } });
  await processor.run(processor.parse(file), file);
  const data = file.data.meshlint!;
  const files = [...data.files!.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { results: data.results!, missing: run.input.missing, skipped: run.input.skipped, model: run.model, ruleTimes: data.ruleTimes, files };
}
