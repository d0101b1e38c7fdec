import { ruleOptions } from './options.js';
import { SourceMapper } from '../load/helm.js';
import type { MeshSettings } from '../model/mesh.js';
import type { Model } from '../mesh/model.js';
import type { Severity } from '../types.js';
import { defaultSeverities, finish, suppressorOf, type FileResult } from './finish.js';
import type { LoadOptions } from './load-input.js';
import type { Rule } from './rule.js';
import { runRules } from './run-rules.js';
import { startRun } from './run.js';

export type { FileResult } from './finish.js';
export type { PendingDiagnostic } from './diagnostic.js';
export { INTERNAL_NAME } from './internal-error.js';
export { loadInput, checkSources, type LoadedInput } from './load-input.js';
export { startRun, type Run } from './run.js';
export { loadReport } from './finish.js';

export interface LintOptions extends LoadOptions {
  /** `--rule id:severity` from the command line. */
  cliRules?: Record<string, Severity>;
  /** Mesh settings from the command line; they win over the config file and the manifests. */
  mesh?: Partial<MeshSettings>;
  rules: readonly Rule[];
  /** Honour `# meshlint-disable…` comments (default true; `--no-inline-config` sets false). */
  inlineConfig?: boolean;
  /** Report directives and `meshlint.io/ignore` entries that silence nothing. */
  reportUnusedDisableDirectives?: boolean;
}

export interface LintResult {
  results: FileResult[];
  /** Arguments that name no file or folder. */
  missing: string[];
  model: Model;
}

/** The whole pipeline: load, model, rules, severities, sorted per-file results. */
export async function lint(opts: LintOptions): Promise<LintResult> {
  const run = await startRun(opts);
  const { config, model, input, cwd } = run;
  const cli = opts.cliRules ?? {};
  const defaults = defaultSeverities(opts.rules);
  const hasOverrides = config.overrides.length > 0;
  // A rule runs unless it is off everywhere; overrides may turn it on for some files only.
  const enabled = (id: string) => hasOverrides || (cli[id] ?? config.rules[id] ?? defaults.get(id) ?? 'error') !== 'off';
  const runs = opts.rules.filter((r) => enabled(r.id)).map((rule) => ({ rule, options: ruleOptions(rule, config) }));
  const ruleDiagnostics = runRules(model, runs, cwd);
  const pending = [...(await run.loadDiagnostics()), ...ruleDiagnostics];
  const suppressor = suppressorOf(run, opts.rules, opts.inlineConfig !== false);
  const mapper = new SourceMapper(input.files.map((f) => f.source), cwd);
  const results = finish(pending, { paths: input.paths, rules: opts.rules, config, cli, suppressor, reportUnused: opts.reportUnusedDisableDirectives === true, mapper });
  return { results, missing: input.missing, model };
}
