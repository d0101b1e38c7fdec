/** Programmatic API: lint manifests and get ESLint-shaped results. */
import { resolve } from 'node:path';
import { resolveConfig } from './config.js';
import { lint as runLint, type FileResult } from './engine/lint.js';
import { validateRuleOptions } from './engine/options.js';
import { RULES } from './generated/rules.js';
import type { MeshSettings } from './model/mesh.js';
import { FORMATTERS } from './report/formatters/index.js';
import { VERSION } from './version.js';
import type { Severity } from './types.js';

export type { Diagnostic, Severity, Suggestion } from './types.js';
export type { FileResult } from './engine/lint.js';
export type { Suppression, SuppressedDiagnostic } from './engine/suppress.js';
export type { MeshReport, MeshRule, MeshRuleContext, MeshRuleDocs, MeshRuleMeta, MeshVisitor, Rule, RuleMeta } from './engine/rule.js';
export { defineRule } from './engine/rule.js';
export type { MeshSettings } from './model/mesh.js';
export { Model } from './mesh/model.js';
export { RULES } from './generated/rules.js';
export { VERSION };

export interface LintApiOptions {
  cwd?: string;
  /** A config file; by default `.meshlint.yaml` is looked up from `cwd`, unless `configLookup` is false. */
  configFile?: string;
  configLookup?: boolean;
  rules?: Record<string, Severity>;
  mesh?: Partial<MeshSettings>;
  /** Text to lint as stdin (include `-` in the paths). */
  stdin?: { text: string; filename?: string };
  /** Honour `# meshlint-disable…` comments (default true). */
  inlineConfig?: boolean;
  /** Report disable comments and `meshlint.io/ignore` entries that silence nothing. */
  reportUnusedDisableDirectives?: boolean;
}

/**
 * Lint files and folders; resolves to the same results `--format json` prints. Rejects when a
 * path names nothing (the CLI's exit code 2) or the configuration is invalid.
 */
export async function lint(paths: string[], options: LintApiOptions = {}): Promise<FileResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const config = resolveConfig({ config: options.configFile, configLookup: options.configLookup }, cwd);
  validateRuleOptions(config, RULES);
  const result = await runLint({
    cwd,
    patterns: paths,
    stdin: options.stdin,
    config,
    cliRules: options.rules,
    mesh: options.mesh,
    rules: RULES,
    inlineConfig: options.inlineConfig,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
  });
  if (result.missing.length > 0) throw new Error(`no such file or folder: ${result.missing.join(', ')}`);
  return result.results;
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
