/** Programmatic API: lint manifests and get ESLint-shaped results. */
import { resolve } from 'node:path';
import { normalizeSeverity, resolveConfig } from './config.js';
import { BUILTIN } from './engine/builtin.js';
import { closest } from './util/text.js';
import { lint as runLint, type FileResult } from './engine/lint.js';
import { validateRuleOptions } from './engine/options.js';
import { loadPlugins } from './engine/plugins.js';
import { createProcessor as createMeshProcessor, type MeshProcessor, type ProcessorOptions } from './engine/processor.js';
import { RULES } from './generated/rules.js';
import type { MeshSettings } from './model/mesh.js';
import { FORMATTERS } from './report/formatters/index.js';
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
export function createProcessor(options: Omit<ProcessorOptions, 'rules'> = {}): MeshProcessor {
  return createMeshProcessor({ ...options, rules: RULES });
}
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
  stdin?: { text: string; filename?: string };
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
export async function lint(paths: string[], options: LintApiOptions = {}): Promise<FileResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const config = resolveConfig({ config: options.configFile, configLookup: options.configLookup }, cwd);
  const rules = [...RULES, ...(await loadPlugins(config, { allowed: options.plugins === true }))];
  validateRuleOptions(config, rules);
  checkApiRules(options.rules ?? {}, rules);
  const result = await runLint({
    cwd,
    patterns: paths,
    stdin: options.stdin,
    config,
    cliRules: options.rules && Object.fromEntries(Object.entries(options.rules).map(([id, sev]) => [id, normalizeSeverity(sev)])),
    mesh: options.mesh,
    rules,
    processor: options.processor,
    inlineConfig: options.inlineConfig,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
  });
  if (result.missing.length > 0) throw new Error(`no such file or folder: ${result.missing.join(', ')}`);
  return result.results;
}

/** `rules` as the command line checks `--rule`: known ids (built-in, diagnostics, loaded plugins) and real severities. */
function checkApiRules(given: Record<string, unknown>, rules: readonly { id: string }[]): void {
  const known = [...Object.keys(BUILTIN), ...rules.map((r) => r.id)];
  for (const [id, severity] of Object.entries(given)) {
    if (!known.includes(id)) {
      const near = closest(id, known);
      throw new Error(`rules: unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
    if (!['off', 'warn', 'error', 0, 1, 2].includes(severity as string | number)) throw new Error(`rules.${id}: the severity is off, warn or error (or 0, 1, 2), not ${JSON.stringify(severity)}`);
  }
}

export interface FormatOptions {
  /** Paths in the report are relative to this folder (default `process.cwd()`). */
  cwd?: string;
  color?: boolean;
  /** SARIF: artifact URIs relative to this folder (default `cwd`). */
  sarifBase?: string;
}

/** Render results as the CLI would with `--format <name>` (stylish, json, sarif, github). */
export function formatResults(results: FileResult[], format: string, options: FormatOptions = {}): string {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new Error(`unknown format "${format}"; use one of ${Object.keys(FORMATTERS).join(', ')}`);
  const cwd = options.cwd ?? process.cwd();
  return formatter(results, { cwd, color: options.color ?? false, rules: RULES, version: VERSION, sarifBase: options.sarifBase ? resolve(cwd, options.sarifBase) : undefined });
}
