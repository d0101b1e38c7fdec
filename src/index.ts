/** Programmatic API: lint manifests and get ESLint-shaped results. */
import { resolveConfig } from './config.js';
import { lint as runLint, type FileResult } from './engine/lint.js';
import { RULES } from './generated/rules.js';
import type { MeshSettings } from './model/mesh.js';
import type { Severity } from './types.js';

export type { Diagnostic, Severity, Suggestion } from './types.js';
export type { FileResult } from './engine/lint.js';
export type { Suppression, SuppressedDiagnostic } from './engine/suppress.js';
export type { Rule, RuleMeta } from './engine/rule.js';
export type { MeshSettings } from './model/mesh.js';
export { Model } from './model/model.js';
export { RULES } from './generated/rules.js';
export { VERSION } from './version.js';

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

/** Lint files and folders; resolves to the same results `--format json` prints. */
export async function lint(paths: string[], options: LintApiOptions = {}): Promise<FileResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const config = resolveConfig({ config: options.configFile, configLookup: options.configLookup }, cwd);
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
  return result.results;
}
