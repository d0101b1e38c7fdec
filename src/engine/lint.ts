import { resolve } from 'node:path';
import { emptyConfig, severityFor, type Config } from '../config.js';
import { expandPaths } from '../load/files.js';
import { SourceMapper } from '../load/helm.js';
import { errorText, parseSource, type Doc, type ParsedFile, type Part } from '../load/parse.js';
import { readBytes, readManifest, readText, type ReadResult } from '../load/read.js';
import { LoadPool } from '../load/workers.js';
import { SourceFile } from '../load/source.js';
import type { MeshSettings } from '../model/mesh.js';
import { Model } from '../model/model.js';
import { arr, isRecord, looksLikeObject, resourceLabel, toResource, type At, type Resource } from '../model/resource.js';
import type { Diagnostic, Path, Severity } from '../types.js';
import { BUILTIN, builtinUrl } from './builtin.js';
import { assumptionClause } from '../model/dataplane.js';
import { docsUrl, type Report, type Rule, type RuleContext } from './rule.js';
import { closest, hasSchema, ISTIO_KINDS, validateResource } from './schema.js';
import { checkShape } from './shape.js';
import { Suppressor, UNUSED_DIRECTIVE, type SuppressedDiagnostic } from './suppress.js';

export interface LintOptions {
  cwd?: string;
  /** Files and folders; `-` reads `stdin`. */
  patterns: string[];
  /** What `-` reads: text, or raw bytes (checked like a file: size, binary, UTF-8). */
  stdin?: { text?: string; bytes?: Uint8Array; filename?: string };
  config?: Config;
  /** `--rule id:severity` from the command line. */
  cliRules?: Record<string, Severity>;
  /** Mesh settings from the command line; they win over the config file and the manifests. */
  mesh?: Partial<MeshSettings>;
  rules: readonly Rule[];
  ignoreFile?: boolean;
  /** Honour `# meshlint-disable…` comments (default true; `--no-inline-config` sets false). */
  inlineConfig?: boolean;
  /** Report directives and `meshlint.io/ignore` entries that silence nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Called as files are parsed (the CLI draws progress on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

export interface FileResult {
  filePath: string;
  messages: Diagnostic[];
  /** Diagnostics silenced by a comment directive or a resource annotation. */
  suppressedMessages: SuppressedDiagnostic[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
}

export interface LintResult {
  results: FileResult[];
  /** Arguments that name no file or folder. */
  missing: string[];
  model: Model;
}

export interface LoadedInput {
  files: ParsedFile[];
  resources: Resource[];
  /** Diagnostics found while loading (syntax, schema, unreadable files), not yet given a severity. */
  pending: PendingDiagnostic[];
  /** Every file linted, including those with no documents, for the report. */
  paths: string[];
  missing: string[];
}

/** A diagnostic before configuration decides its severity. */
export interface PendingDiagnostic {
  ruleId: string;
  file: string;
  message: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
  downgrade?: boolean;
  fatal?: boolean;
  suggestions?: Diagnostic['suggestions'];
  related?: Diagnostic['related'];
  assumptions?: Diagnostic['assumptions'];
}

const STDIN_NAME = '<stdin>';
/** Where an internal error that belongs to no resource is reported. */
export const INTERNAL_NAME = '<meshlint>';

/** Read, parse and validate the input; every problem becomes a diagnostic and the rest goes on. */
export async function loadInput(opts: Omit<LintOptions, 'rules'>): Promise<LoadedInput> {
  const { input, checks } = await loadInputDeferred(opts);
  input.pending.push(...(await checks()));
  return input;
}

/**
 * `loadInput` with the per-resource checks still running: on large runs they run in worker
 * threads (src/load/workers.ts) while the caller builds the model and runs the rules. `checks()`
 * gives their diagnostics, which belong right after `input.pending`.
 */
async function loadInputDeferred(opts: Omit<LintOptions, 'rules'>): Promise<{ input: LoadedInput; checks: () => Promise<PendingDiagnostic[]> }> {
  const cwd = opts.cwd ?? process.cwd();
  const config = opts.config ?? emptyConfig(cwd);
  const pending: PendingDiagnostic[] = [];
  const files: ParsedFile[] = [];
  const paths: string[] = [];
  const fileArgs = opts.patterns.filter((p) => p !== '-');
  const expanded = expandPaths(fileArgs, { cwd, ignorePatterns: config.ignorePatterns, ignoreBase: config.base, ignoreFile: opts.ignoreFile });
  for (const p of expanded.problems) {
    paths.push(p.path);
    pending.push(atFileStart('unreadable-file', p.path, p.message));
  }
  // Large runs check resources in worker threads, which read and parse their share of the files
  // again while this thread goes on (src/load/workers.ts).
  const pool = opts.patterns.includes('-') ? undefined : LoadPool.start<PendingDiagnostic>(expanded.files);
  const sources: SourceFile[] = [];
  /** For each source, its index in `expanded.files` (-1: stdin). */
  const fileIndex: number[] = [];
  const addRead = (path: string, read: ReadResult, index: number) => {
    if ('problem' in read) {
      paths.push(path);
      const at = { line: read.line ?? 1, column: read.column ?? 1 };
      pending.push({ ruleId: 'unreadable-file', file: path, message: read.problem, start: at, end: at });
    } else {
      sources.push(new SourceFile(path, read.text));
      fileIndex.push(index);
    }
  };
  if (opts.patterns.includes('-')) {
    const name = opts.stdin?.filename ? resolve(cwd, opts.stdin.filename) : STDIN_NAME;
    const stdin = opts.stdin;
    addRead(name, stdin?.bytes ? readBytes(stdin.bytes) : readText(stdin?.text ?? ''), -1);
  }
  expanded.files.forEach((path, i) => addRead(path, readManifest(path), i));
  const resources: Resource[] = [];
  /** Where the resources of each file start in `resources` (for checks a worker could not do). */
  const firstResource: number[] = new Array<number>(expanded.files.length + 1);
  let done = 0;
  for (const [k, source] of sources.entries()) {
    if (fileIndex[k]! >= 0) firstResource[fileIndex[k]!] = resources.length;
    opts.onProgress?.(done++, sources.length);
    paths.push(source.path);
    let parsed: ParsedFile;
    try {
      parsed = parseSource(source);
    } catch (err) {
      // The parser has its own guards; this is the last one, so that one file cannot stop the run.
      pending.push({ ...internalError('Reading the file', err), file: source.path });
      continue;
    }
    files.push(parsed);
    // Parsers may point one past the end (an unclosed quote at the end of the text): keep it inside.
    const inside = (o: number) => Math.max(0, Math.min(o, source.text.length));
    for (const problem of parsed.problems) {
      const range = source.range(inside(problem.offset), inside(problem.endOffset ?? problem.offset));
      pending.push({ ruleId: 'yaml-syntax', file: source.path, message: problem.message, start: range.start, end: range.end });
    }
    for (const doc of parsed.docs) collectResources(doc, resources, pending);
    if (parsed.docs.length === 0 && parsed.problems.length === 0) {
      // Often a generator that failed (`helm template … > out.yaml`): say so rather than pass quietly.
      const lines = source.text.split('\n').map((l) => l.trim());
      const what = lines.every((l) => l === '') ? 'is empty' : lines.every((l) => l === '' || l.startsWith('#')) ? 'holds only comments' : 'holds only empty documents';
      pending.push({ ...atFileStart('empty-file', source.path, ''), message: `This file ${what}: it has no Kubernetes object to lint` });
    }
  }
  opts.onProgress?.(sources.length, sources.length);
  const checks = async () => {
    const out: PendingDiagnostic[] = [];
    if (!pool) {
      await validateSchemas(resources, out);
      return out;
    }
    firstResource[expanded.files.length] = resources.length;
    for (let i = expanded.files.length - 1; i >= 0; i--) firstResource[i] ??= firstResource[i + 1]!;
    try {
      // In batch order, which is file order: the diagnostics come out as validateSchemas gives them.
      for (let b = 0; b < pool.batches.length; b++) {
        const fromWorker = await pool.checks(b);
        const { from, to } = pool.batches[b]!;
        if (fromWorker) out.push(...fromWorker);
        else await validateSchemas(resources.slice(firstResource[from], firstResource[to]), out);
      }
    } finally {
      pool.close();
    }
    return out;
  };
  return { input: { files, resources, pending, paths, missing: expanded.missing }, checks };
}

/**
 * The per-resource checks of files read again in a worker thread (src/load/worker.ts): the
 * diagnostics `validateSchemas` gives their resources, in the order the main thread would.
 */
export async function checkSources(sources: SourceFile[]): Promise<PendingDiagnostic[]> {
  const resources: Resource[] = [];
  const ignored: PendingDiagnostic[] = [];
  for (const source of sources) {
    let parsed: ParsedFile;
    try {
      parsed = parseSource(source);
    } catch {
      continue; // the main thread reports it, and has no resources from it either
    }
    for (const doc of parsed.docs) collectResources(doc, resources, ignored);
  }
  const out: PendingDiagnostic[] = [];
  await validateSchemas(resources, out);
  return out;
}

function atFileStart(ruleId: string, file: string, message: string): PendingDiagnostic {
  return { ruleId, file, message, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/** A document is an object, a `List` of objects, or something we say we skip. */
function collectResources(doc: Doc, out: Resource[], pending: PendingDiagnostic[]): void {
  const data = doc.data;
  const skip = (path: Path, message: string, downgrade: boolean) => {
    const range = doc.locate(path);
    pending.push({ ruleId: 'schema', file: doc.file.path, message, start: range.start, end: range.end, downgrade });
  };
  const add = (raw: unknown, base: Path) => {
    const what = base.length ? 'This item' : 'This document';
    if (isRecord(raw)) {
      // A map that names a kind or an apiVersion is meant as a Kubernetes object: a wrong type
      // there is an error, not a document to pass over.
      for (const field of ['apiVersion', 'kind'] as const) {
        const v = raw[field];
        if (v !== undefined && typeof v !== 'string') {
          skip([...base, field], `${what}'s ${field} is ${describeValue(v)}, not a string; it is skipped`, false);
          return;
        }
      }
      if ((raw.apiVersion === undefined) !== (raw.kind === undefined)) {
        // A warning, like any other map that is not an object: Helm's Chart.yaml has an apiVersion.
        const [has, missing] = raw.apiVersion === undefined ? ['kind', 'apiVersion'] : ['apiVersion', 'kind'];
        skip(base, `${what} has ${has} but no ${missing}, so it is not a Kubernetes object; it is skipped`, true);
        return;
      }
    }
    if (!looksLikeObject(raw)) {
      const kindOf = Array.isArray(raw) ? 'a list' : isRecord(raw) ? 'a map without apiVersion and kind' : `a ${typeof raw} value`;
      skip(base, `${what} is ${kindOf}, not a Kubernetes object; it is skipped`, true);
      return;
    }
    out.push(toResource(raw, doc, base));
  };
  if (isRecord(data) && typeof data.kind === 'string' && data.kind.endsWith('List') && data.items !== undefined && data.items !== null) {
    if (Array.isArray(data.items)) arr(data.items).forEach((item, i) => add(item, ['items', i]));
    else skip(['items'], `The items of this ${data.kind} are ${describeValue(data.items)}, not a list; they are skipped`, false);
  } else {
    add(data, []);
  }
}

function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (isRecord(v)) return 'a map';
  if (v === null) return 'null';
  const text = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

async function validateSchemas(resources: Resource[], pending: PendingDiagnostic[]): Promise<void> {
  for (const r of resources) {
    const problems: Array<{ path: Path; message: string; part?: Part }> = [];
    try {
      problems.push(...(await schemaProblems(r)));
    } catch (err) {
      pending.push(internalError('The schema check', err, r));
    }
    for (const p of problems) {
      const range = r.doc.locate([...r.base, ...p.path], p.part ?? 'value');
      const label = r.name ? resourceLabel(r) : `${r.kind} without a name`;
      pending.push({ ruleId: 'schema', file: r.doc.file.path, message: `${label}: ${p.message}`, start: range.start, end: range.end });
    }
  }
}

async function schemaProblems(r: Resource): Promise<Array<{ path: Path; message: string; part?: Part }>> {
  if (hasSchema(r)) return validateResource(r);
  if (r.group.includes('istio')) {
    // An Istio group without a schema here (another version, or a typo of the group): only a
    // kind close to a known Istio kind is reported; anything else is left alone.
    const near = ISTIO_KINDS.includes(r.kind) ? undefined : closest(r.kind, ISTIO_KINDS);
    const typo = near ? [{ path: ['kind'], message: `Unknown kind "${r.kind}" in ${r.apiVersion}; did you mean "${near}"?` }] : [];
    return [...typo, ...checkShape(r)];
  }
  return checkShape(r);
}

/** Run every enabled rule over the model; a rule that throws is reported and the others go on. */
export function runRules(model: Model, rules: readonly Rule[], enabled: (id: string) => boolean): PendingDiagnostic[] {
  const out: PendingDiagnostic[] = [];
  for (const rule of rules) {
    if (!enabled(rule.id)) continue;
    const internal = (err: unknown, resource?: Resource) => out.push(internalError(`Rule "${rule.id}"`, err, resource));
    const ctx: RuleContext = {
      model,
      report: (r: Report) => out.push(toPending(rule.id, r)),
      each(items, fn) {
        for (const item of items) {
          try {
            fn(item);
          } catch (err) {
            internal(err, (item as { resource?: Resource } | null | undefined)?.resource);
          }
        }
      },
    };
    try {
      const result: unknown = rule.check(ctx);
      if (isThenable(result)) {
        // Findings that arrive after the run would be lost: a rule must be synchronous.
        result.then(undefined, () => undefined);
        internal(new Error('check() returned a promise; rules must be synchronous'));
      }
    } catch (err) {
      internal(err);
    }
  }
  return out;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * An exception where none should be: named with what failed and the resource it failed on (at
 * that resource's first line). Without a resource, it is reported on a `<meshlint>` pseudo-file.
 */
function internalError(what: string, err: unknown, resource?: Resource): PendingDiagnostic {
  let where = '';
  let loc: ReturnType<typeof resolveAt> | undefined;
  try {
    if (resource) {
      where = ` on ${resourceLabel(resource)}`;
      const range = resource.doc.locate(resource.base, 'value');
      loc = { file: resource.doc.file.path, start: range.start, end: range.start };
    }
  } catch {
    // Not a resource after all: report without a place.
  }
  const first = { line: 1, column: 1 };
  return {
    ruleId: 'internal-error',
    file: loc?.file ?? INTERNAL_NAME,
    message: `${what} failed${where}: ${safeErrorText(err)}. Please report this; other findings are still shown.`,
    start: loc?.start ?? first,
    end: loc?.end ?? first,
    fatal: true,
  };
}

function safeErrorText(err: unknown): string {
  try {
    return errorText(err).split('\n')[0]!;
  } catch {
    return 'an exception that cannot be printed';
  }
}

/**
 * The model, even when building it throws on some resource (it should not): the resources it
 * fails on are found one by one, reported as internal errors and left out.
 */
function buildModel(resources: Resource[], mesh: Partial<MeshSettings>, pending: PendingDiagnostic[]): Model {
  try {
    return new Model(resources, mesh);
  } catch {
    const kept: Resource[] = [];
    for (const r of resources) {
      try {
        new Model([r], mesh);
        kept.push(r);
      } catch (err) {
        pending.push(internalError('Reading the resource', err, r));
      }
    }
    try {
      return new Model(kept, mesh);
    } catch (err) {
      pending.push(internalError('Building the model', err));
      return new Model([], mesh);
    }
  }
}

function resolveAt(at: At): { file: string; start: PendingDiagnostic['start']; end: PendingDiagnostic['end'] } {
  const range = at.resource.doc.locate([...at.resource.base, ...at.path], at.part);
  return { file: at.resource.doc.file.path, start: range.start, end: range.end };
}

function toPending(ruleId: string, r: Report): PendingDiagnostic {
  const loc = resolveAt(r.at);
  const assumptions = r.assumptions?.length ? r.assumptions.map((a) => ({ ...a })) : undefined;
  return {
    ruleId,
    ...loc,
    message: assumptions ? `${r.message} ${assumptionClause(assumptions)}` : r.message,
    assumptions,
    downgrade: r.severity === 'warn',
    suggestions: r.suggestions,
    related: r.related?.map((rel) => {
      const l = resolveAt(rel.at);
      return { message: rel.message, file: l.file, line: l.start.line, column: l.start.column };
    }),
  };
}

/**
 * A run's input and model, built the same way for every command (lint, check-access): the
 * per-resource checks may still be running; `loadDiagnostics()` waits for them.
 */
export interface Run {
  cwd: string;
  config: Config;
  input: LoadedInput;
  model: Model;
  /** Every diagnostic of loading: syntax, unreadable files, schema checks, resources the model could not read. */
  loadDiagnostics(): Promise<PendingDiagnostic[]>;
}

export async function startRun(opts: Omit<LintOptions, 'rules'>): Promise<Run> {
  const cwd = opts.cwd ?? process.cwd();
  const config = opts.config ?? emptyConfig(cwd);
  const { input, checks } = await loadInputDeferred({ ...opts, cwd, config });
  const modelErrors: PendingDiagnostic[] = [];
  const model = buildModel(input.resources, { ...config.mesh, ...(opts.mesh ?? {}) }, modelErrors);
  let load: Promise<PendingDiagnostic[]> | undefined;
  // The order of the one-thread run: loading, resource checks, model.
  const loadDiagnostics = () => (load ??= checks().then((checked) => [...input.pending, ...checked, ...modelErrors]));
  return { cwd, config, input, model, loadDiagnostics };
}

function defaultSeverities(rules: readonly Rule[]): Map<string, Severity> {
  const defaults = new Map<string, Severity>();
  for (const [id, meta] of Object.entries(BUILTIN)) defaults.set(id, meta.severity);
  for (const r of rules) defaults.set(r.id, r.meta.severity);
  return defaults;
}

/**
 * The load diagnostics of a run as the report would show them (severities from the configuration,
 * suppressions applied), for commands that must not answer on broken input.
 */
export async function loadReport(run: Run, opts: Pick<LintOptions, 'cliRules' | 'inlineConfig'> = {}): Promise<FileResult[]> {
  const pending = await run.loadDiagnostics();
  return finish(pending, [], defaultSeverities([]), run.config, opts.cliRules ?? {}, suppressorOf(run, [], opts.inlineConfig !== false), false, new SourceMapper(run.input.files.map((f) => f.source), run.cwd)).filter(
    (r) => r.messages.length > 0,
  );
}

function suppressorOf(run: Run, rules: readonly Rule[], inlineConfig: boolean): Suppressor {
  return new Suppressor(
    run.input.files.map((f) => f.source),
    run.input.resources,
    { inlineConfig, rules: [...Object.keys(BUILTIN).map((id) => ({ id })), ...rules.map((r) => ({ id: r.id, aliases: r.meta.aliases }))] },
  );
}

/** The whole pipeline: load, model, rules, severities, sorted per-file results. */
export async function lint(opts: LintOptions): Promise<LintResult> {
  const run = await startRun(opts);
  const { config, model, input, cwd } = run;
  const cli = opts.cliRules ?? {};
  const defaults = defaultSeverities(opts.rules);
  const hasOverrides = config.overrides.length > 0;
  // A rule runs unless it is off everywhere; overrides may turn it on for some files only.
  const enabled = (id: string) =>
    hasOverrides || (cli[id] ?? config.rules[id] ?? defaults.get(id) ?? 'error') !== 'off';
  const ruleDiagnostics = runRules(model, opts.rules, enabled);
  const pending = [...(await run.loadDiagnostics()), ...ruleDiagnostics];
  const suppressor = suppressorOf(run, opts.rules, opts.inlineConfig !== false);
  const mapper = new SourceMapper(input.files.map((f) => f.source), cwd);
  const results = finish(pending, input.paths, defaults, config, cli, suppressor, opts.reportUnusedDisableDirectives === true, mapper);
  return { results, missing: input.missing, model };
}

function finish(
  pending: PendingDiagnostic[],
  paths: string[],
  defaults: Map<string, Severity>,
  config: Config,
  cli: Record<string, Severity>,
  suppressor: Suppressor,
  reportUnused: boolean,
  mapper: SourceMapper,
): FileResult[] {
  const byFile = new Map<string, FileResult>();
  for (const p of paths) byFile.set(p, { filePath: p, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0 });
  const seen = new Set<string>();
  const add = (d: PendingDiagnostic) => {
    // Helm's `# Source:` comments: report against the template, at the line inside its document
    // (and let `overrides` globs match the template path).
    const at = mapper.active ? mapper.map(d.file, d.start, d.end) : d;
    let sev: Severity = d.fatal ? 'error' : severityFor(d.ruleId, defaults.get(d.ruleId) ?? 'error', config, at.file, cli);
    if (sev === 'off') return;
    if (d.downgrade) sev = 'warn';
    const key = `${d.file}\u0000${d.start.line}:${d.start.column}\u0000${d.ruleId}\u0000${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    let result = byFile.get(at.file);
    if (!result) byFile.set(at.file, (result = { filePath: at.file, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0 }));
    const message: Diagnostic = {
      ruleId: d.ruleId,
      severity: sev === 'error' ? 2 : 1,
      message: d.message,
      file: at.file,
      line: at.start.line,
      column: at.start.column,
      endLine: at.end.line,
      endColumn: at.end.column,
      url: d.ruleId in BUILTIN ? builtinUrl(d.ruleId) : docsUrl(d.ruleId),
    };
    if (d.suggestions?.length) message.suggestions = d.suggestions;
    if (d.related?.length) {
      message.related = mapper.active
        ? d.related.map((r) => {
            const p = { line: r.line, column: r.column };
            const m = mapper.map(r.file, p, p);
            return { ...r, file: m.file, line: m.start.line, column: m.start.column };
          })
        : d.related;
    }
    if (d.assumptions) message.assumptions = d.assumptions;
    if (d.fatal) message.fatal = true;
    // Suppression works on the input's own positions.
    const suppressions = suppressor.check(d);
    if (suppressions) {
      result.suppressedMessages.push({ ...message, suppressions });
      return;
    }
    result.messages.push(message);
    if (message.severity === 2) result.errorCount++;
    else result.warningCount++;
    if (d.fatal) result.fatalErrorCount++;
  };
  for (const d of pending) add(d);
  // After every diagnostic has had its chance to use a directive.
  if (reportUnused) {
    for (const u of suppressor.unused()) add({ ruleId: UNUSED_DIRECTIVE, file: u.file, message: u.message, start: u.start, end: u.end });
  }
  const results = [...byFile.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  for (const r of results) {
    r.messages.sort(compareMessages);
    r.suppressedMessages.sort(compareMessages);
  }
  return results;
}

function compareMessages(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
