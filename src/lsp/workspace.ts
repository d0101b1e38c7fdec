import { resolveConfig, type Config } from '../config.js';
import { lint, type FileResult, type LintResult } from '../engine/lint.js';
import type { LoadCache } from '../engine/load-input.js';
import { loadPlugins } from '../engine/plugins.js';
import { validateRuleOptions } from '../engine/options.js';
import type { Rule } from '../engine/rule.js';
import { RuleResultCache } from '../engine/rule-cache.js';
import { expandPaths, type ExpandResult } from '../load/files.js';
import { readManifest, type ReadResult } from '../load/read.js';
import type { MeshSettings } from '../model/mesh.js';
import type { Diagnostic } from '../types.js';

/** The server's settings (`meshlint.*` in the editor). */
export interface LspSettings {
  /** A configuration file; by default `.meshlint.yaml` is looked up from the workspace root. */
  configFile?: string;
  /** Mesh settings, as the CLI's flags: they win over the configuration file. */
  mesh?: Partial<MeshSettings>;
  /** Shorthand for `mesh.assumeDataPlane`. */
  assumeDataPlane?: MeshSettings['assumeDataPlane'];
  /** Load the plugins the configuration names (they run code: off unless the user turns it on). */
  plugins?: boolean;
}

/** What a lint of the workspace gives: the results by file, and the run for hovers and fixes. */
export interface WorkspaceLint {
  byFile: Map<string, Diagnostic[]>;
  result: LintResult;
}

/**
 * The workspace as the CLI would lint it (`meshlint <root>`), with the editor's unsaved buffers
 * in place of the files on disk. Between runs it keeps each file's text, parse, resources and
 * load diagnostics: a run after an edit parses only the files whose text changed, then builds the
 * model from every file's resources and runs the rules — the same `lint()` as the CLI's — except
 * those whose findings the edit cannot change (engine/rule-cache.ts).
 */
export class Workspace {
  private readonly buffers = new Map<string, string>();
  private readonly disk = new Map<string, ReadResult>();
  private cache: LoadCache = new Map();
  private ruleCache = new RuleResultCache();
  private walk: ExpandResult | undefined;
  private config: Config | undefined;
  private rules_: Rule[] | undefined;

  constructor(
    readonly root: string,
    private readonly builtins: readonly Rule[],
    private settings: LspSettings = {},
  ) {}

  /** New settings, or a changed configuration file: everything is read again. */
  configure(settings: LspSettings): void {
    this.settings = settings;
    this.invalidateAll();
  }

  invalidateAll(): void {
    this.config = undefined;
    this.rules_ = undefined;
    this.cache = new Map();
    this.ruleCache = new RuleResultCache();
    this.walk = undefined;
    this.disk.clear();
  }

  /** A file changed on disk; `created`/`deleted` also change the list of files. */
  invalidate(path: string, how: 'changed' | 'created' | 'deleted'): void {
    this.disk.delete(path);
    if (how !== 'changed') this.walk = undefined;
  }

  open(path: string, text: string): void {
    this.buffers.set(path, text);
  }

  close(path: string): void {
    this.buffers.delete(path);
  }

  /** The rules of the last lint (the built-in ones and, when allowed, the plugins'). */
  rules(): readonly Rule[] {
    return this.rules_ ?? this.builtins;
  }

  /** The text of a file as the last lint saw it: its buffer, else the disk. */
  text(path: string): string | undefined {
    const buffer = this.buffers.get(path);
    if (buffer !== undefined) return buffer;
    const read = this.read(path);
    return 'text' in read ? read.text : undefined;
  }

  private read(path: string): ReadResult {
    const buffer = this.buffers.get(path);
    if (buffer !== undefined) return { text: buffer };
    let read = this.disk.get(path);
    if (!read) this.disk.set(path, (read = readManifest(path)));
    return read;
  }

  async lint(): Promise<WorkspaceLint> {
    if (!this.config) {
      const config = resolveConfig({ config: this.settings.configFile, configLookup: true }, this.root);
      const rules = [...this.builtins, ...(await loadPlugins(config, { allowed: this.settings.plugins === true }))];
      validateRuleOptions(config, rules);
      this.config = config;
      this.rules_ = rules;
    }
    this.walk ??= expandPaths([this.root], { cwd: this.root, ignorePatterns: this.config.ignorePatterns, ignoreBase: this.config.base });
    const mesh = { ...(this.settings.mesh ?? {}), ...(this.settings.assumeDataPlane ? { assumeDataPlane: this.settings.assumeDataPlane } : {}) };
    const result = await lint({
      cwd: this.root,
      patterns: [this.root],
      config: this.config,
      mesh,
      rules: this.rules_!,
      read: (path) => this.read(path),
      cache: this.cache,
      ruleCache: this.ruleCache,
      expanded: this.walk,
    });
    return { byFile: diagnosticsByFile(result.results), result };
  }
}

function diagnosticsByFile(results: readonly FileResult[]): Map<string, Diagnostic[]> {
  return new Map(results.map((r) => [r.filePath, r.messages]));
}
