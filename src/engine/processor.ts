import type { Node, Parent, Position } from 'unist';
import { unified, type Processor } from 'unified';
import type { VFile } from 'vfile';
import type { Config } from '../config.js';
import { SourceMapper } from '../load/helm.js';
import type { Model } from '../mesh/model.js';
import type { Resource } from '../model/resource.js';
import { ConfigError, normalizeSeverity } from '../config.js';
import type { MeshMessage } from './diagnostic.js';
import type { Severity } from '../types.js';
import { finish, suppressorOf, type FileResult } from './finish.js';
import type { LoadedInput } from './load-input.js';
import { optionProblems, ruleOptions } from './options.js';
import type { Rule } from './rule.js';
import type { RuleResultCache } from './rule-cache.js';
import { runRules, type RuleRun } from './run-rules.js';
import type { Run } from './run.js';

/** A resource of the input, as a unist node: `data.resource` is the model's view of it. */
export interface ResourceNode extends Node {
  type: 'resource';
  kind: string;
  name: string;
  namespace: string;
  data: { resource: Resource };
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
export function treeOf(input: LoadedInput): MeshRoot {
  const files = new Map<string, FileNode>();
  const docs = new Map<unknown, DocumentNode>();
  for (const f of input.files) files.set(f.source.path, { type: 'file', path: f.source.path, children: [] });
  for (const r of input.resources) {
    let doc = docs.get(r.doc);
    if (!doc) {
      doc = new DocumentTreeNode(r);
      docs.set(r.doc, doc);
      files.get(r.doc.file.path)?.children.push(doc);
    }
    doc.children.push(new ResourceTreeNode(r));
  }
  return { type: 'root', children: [...files.values()] };
}

/** A resource node whose position is read from its document on first use (a prototype getter: no closure per node). */
class ResourceTreeNode implements ResourceNode {
  readonly type = 'resource';
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly data: { resource: Resource };
  constructor(r: Resource) {
    this.kind = r.kind;
    this.name = r.name;
    this.namespace = r.namespace;
    this.data = { resource: r };
  }
  get position(): Position {
    const r = this.data.resource;
    return r.doc.locate(r.base);
  }
}

class DocumentTreeNode implements DocumentNode {
  readonly type = 'document';
  readonly children: ResourceNode[] = [];
  constructor(private readonly first: Resource) {}
  get position(): Position {
    return this.first.doc.locate([]);
  }
}

/** Parser: the tree of the run the VFile carries (reading files is async, so it happens before). */
function meshParse(this: Processor): void {
  this.parser = (_text: string, file: VFile) => treeOf(file.data.meshlint!.run.input);
}

/**
 * Transformer: build the model once, then run every rule registered with `.use()` over it, in
 * registration order, with the options its setting gives (merged over its `defaultOptions`).
 */
function meshRules(this: Processor, options: ProcessorOptions = {}) {
  const processor = this;
  return (_tree: Node, file: VFile) => {
    const data = file.data.meshlint!;
    const model = data.run.model;
    data.model = model;
    const runs: RuleRun[] = [];
    const hasOverrides = data.config.overrides.length > 0;
    for (const { rule, setting } of processor.data('meshlintRules') ?? []) {
      const severity = severityOfSetting(setting);
      // `--rule id:severity` wins, as in finish: it may turn on a rule that is off by default or by configuration.
      const configured = options.cliRules?.[rule.id] ?? data.config.rules[rule.id] ?? severity ?? rule.meta.severity;
      // A rule runs unless it is off everywhere; overrides may turn it on for some files only.
      if (!hasOverrides && configured === 'off') continue;
      const fromSetting = optionsOfSetting(setting);
      if (fromSetting) {
        const problems = optionProblems(rule, fromSetting);
        if (problems.length > 0) throw new ConfigError(`invalid options for ${rule.id} in .use(): ${problems.join('; ')}`);
      }
      runs.push({ rule, options: ruleOptions(rule, data.config, fromSetting) });
    }
    data.ruleDiagnostics.push(...runRules(model, runs, data.run.cwd, data.ruleTimes, options.ruleCache));
  };
}

function severityOfSetting(setting: RuleSetting | undefined): Severity | undefined {
  if (setting === undefined || (typeof setting === 'object' && !Array.isArray(setting))) return undefined;
  return normalizeSeverity(Array.isArray(setting) ? setting[0] : setting);
}

function optionsOfSetting(setting: RuleSetting | undefined): unknown[] | undefined {
  if (Array.isArray(setting)) return setting.length > 1 ? setting.slice(1) : undefined;
  if (typeof setting === 'object' && setting !== null) return [setting];
  return undefined;
}

/**
 * Transformer, last (the role remark-message-control plays for remark-lint): wait for the load
 * checks, then give each diagnostic its severity from the configuration, apply suppressions
 * (comments, annotations), de-duplicate and sort, per file.
 */
function meshFinish(this: Processor, options: ProcessorOptions) {
  const processor = this;
  return async (_tree: Node, file: VFile) => {
    const data = file.data.meshlint!;
    const { run, config } = data;
    const registered = (processor.data('meshlintRules') ?? []).map((r) => r.rule);
    const settings: Record<string, Severity> = {};
    for (const { rule, setting } of processor.data('meshlintRules') ?? []) {
      const s = severityOfSetting(setting);
      if (s) settings[rule.id] = s;
    }
    const pending = [...(await run.loadDiagnostics()), ...data.ruleDiagnostics];
    const mapper = new SourceMapper(run.input.files.map((f) => f.source), run.cwd, options.helmChartRoot);
    data.files = new Map();
    data.results = finish(pending, {
      files: data.files,
      sources: new Map(run.input.files.map((f) => [f.source.path, f.source.text])),
      paths: run.input.paths,
      rules: registered,
      config: { ...config, rules: { ...settings, ...config.rules } },
      cli: options.cliRules ?? {},
      suppressor: suppressorOf(run, registered, options.inlineConfig !== false),
      reportUnused: options.reportUnusedDisableDirectives === true,
      mapper,
    });
  };
}

/** A rule as a unified plugin: `.use(meshRulePlugin(rule), ['warn', { …options }])`. */
export function meshRulePlugin(rule: Rule) {
  return function (this: Processor, setting?: RuleSetting): void {
    const list = this.data('meshlintRules') ?? [];
    this.data('meshlintRules', [...list.filter((r) => r.rule.id !== rule.id), { rule, setting }]);
  };
}

/**
 * meshlint's lint pipeline as a unified processor: parse (the unist tree of the input), the rules
 * (the model is built once, every registered rule plugin runs over it), finish (severities,
 * suppressions). Add rules with `.use(meshRulePlugin(rule), setting)`; run it with `lint()`'s
 * `processor` option.
 */
export function createProcessor(options: ProcessorOptions = {}) {
  const processor = unified().use(meshParse).use(meshRules, options).use(meshFinish, options);
  for (const rule of options.rules ?? []) processor.use(meshRulePlugin(rule));
  return processor;
}

export type MeshProcessor = ReturnType<typeof createProcessor>;
