import { resolve } from 'node:path';
import { emptyConfig, type Config } from '../config.js';
import { expandPaths, type SkippedFile } from '../load/files.js';
import { parseSource, type Doc, type ParsedFile, type Part } from '../load/parse.js';
import { readBytes, readManifest, readText, type ReadResult } from '../load/read.js';
import type { ExpandResult } from '../load/files.js';
import { SourceFile } from '../load/source.js';
import { arr, isRecord, looksLikeObject, resourceLabel, toResource, type Resource } from '../model/resource.js';
import type { Path } from '../types.js';
import { closest } from '../util/text.js';
import { atFileStart, MeshMessage, type MessageInit } from './diagnostic.js';
import { internalError } from './internal-error.js';
import { kustomizeRoots, loadKustomizations } from './load-kustomize.js';
import type { KustomizeTool } from '../load/kustomize.js';
import { duplicateResources } from './duplicates.js';
import { hasSchema, ISTIO_KINDS, validateResource } from './schema.js';
import { checkShape } from './shape.js';
import { LoadPool } from './workers.js';

/** What to read: files and folders, standard input, and the configuration's ignore patterns. */
export interface LoadOptions {
  cwd?: string;
  /** Files and folders; `-` reads `stdin`. */
  patterns: string[];
  /** What `-` reads: text, or raw bytes (checked like a file: size, binary, UTF-8). */
  stdin?: { text?: string; bytes?: Uint8Array; filename?: string };
  config?: Config;
  ignoreFile?: boolean;
  /** Files a folder walk passes over: the report file of `-o`, which a later run must not lint. */
  skip?: readonly string[];
  /** Named files too: pass over those that are not manifests, as a folder walk does. */
  skipNonManifests?: boolean;
  /** Render the kustomizations of the input with this tool and lint what they give (`--kustomize`). */
  kustomize?: KustomizeTool;
  /** Called as files are parsed (the CLI draws progress on a terminal). */
  onProgress?: (done: number, total: number) => void;
  /** Reads a file instead of the disk (the language server's unsaved buffers); undefined reads the disk. */
  read?: (path: string) => ReadResult | undefined;
  /**
   * What earlier runs loaded, by path, kept by a long-lived caller (the language server): a file
   * whose text is the same is not parsed or checked again. Runs with a cache use no worker threads.
   */
  cache?: LoadCache;
  /** The files of `patterns`, when the caller keeps the walk (the language server walks again on file events only). */
  expanded?: ExpandResult;
}

/** What loading one file gave: its parse, resources and diagnostics (the per-resource checks once run). */
export interface LoadedFile {
  text: string;
  parsed: ParsedFile;
  resources: Resource[];
  pending: MeshMessage[];
  checked?: MeshMessage[];
}

export type LoadCache = Map<string, LoadedFile>;

export interface LoadedInput {
  files: ParsedFile[];
  resources: Resource[];
  /** Diagnostics found while loading (syntax, schema, unreadable files), not yet given a severity. */
  pending: MeshMessage[];
  /** Every file linted, including those with no documents, for the report. */
  paths: string[];
  missing: string[];
  /** Files a folder walk found and passed over (not manifests, chart templates, kustomize patches). */
  skipped: SkippedFile[];
}

const STDIN_NAME = '<stdin>';

/** Read, parse and validate the input; every problem becomes a diagnostic and the rest goes on. */
export async function loadInput(opts: LoadOptions): Promise<LoadedInput> {
  const { input, checks } = await loadInputDeferred(opts);
  input.pending.push(...(await checks()));
  return input;
}

/**
 * `loadInput` with the per-resource checks still running: on large runs they run in worker
 * threads (src/engine/workers.ts) while the caller builds the model and runs the rules. `checks()`
 * gives their diagnostics, which belong right after `input.pending`.
 */
export async function loadInputDeferred(opts: LoadOptions): Promise<{ input: LoadedInput; checks: () => Promise<MeshMessage[]> }> {
  const cwd = opts.cwd ?? process.cwd();
  const config = opts.config ?? emptyConfig(cwd);
  const pending: MeshMessage[] = [];
  const files: ParsedFile[] = [];
  const paths: string[] = [];
  const fileArgs = opts.patterns.filter((p) => p !== '-');
  const expanded = opts.expanded ?? expandPaths(fileArgs, { cwd, ignorePatterns: config.ignorePatterns, ignoreBase: config.base, ignoreFile: opts.ignoreFile, skip: opts.skip, skipNonManifests: opts.skipNonManifests });
  const rendered = opts.kustomize ? loadKustomizations(opts.kustomize, kustomizeRoots(expanded.kustomizations)) : undefined;
  if (rendered) {
    // A file a kustomization renders is linted as rendered, not as written.
    const from = new Set(rendered.files.map((f) => f.source.path));
    expanded.files = expanded.files.filter((f) => !from.has(f));
    pending.push(...rendered.problems);
  }
  for (const p of expanded.problems) {
    paths.push(p.path);
    pending.push(atFileStart('unreadable-file', p.path, p.message));
  }
  // Large runs check resources in worker threads, which read and parse their share of the files
  // again while this thread goes on (src/engine/workers.ts).
  const pool = opts.patterns.includes('-') || opts.cache ? undefined : LoadPool.start<MessageInit>(expanded.files);
  const sources: SourceFile[] = [];
  /** For each source, its index in `expanded.files` (-1: stdin). */
  const fileIndex: number[] = [];
  const addRead = (path: string, read: ReadResult, index: number) => {
    if ('problem' in read) {
      paths.push(path);
      const at = { line: read.line ?? 1, column: read.column ?? 1 };
      pending.push(new MeshMessage({ ruleId: 'unreadable-file', file: path, message: read.problem, start: at, end: at }));
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
  expanded.files.forEach((path, i) => addRead(path, opts.read?.(path) ?? readManifest(path), i));
  const resources: Resource[] = [];
  /** With a cache: each file's part of the run, for its per-resource checks. */
  const loaded: LoadedFile[] = [];
  /** Where the resources of each file start in `resources` (for checks a worker could not do). */
  const firstResource: number[] = new Array<number>(expanded.files.length + 1);
  let done = 0;
  const skipped = [...expanded.skipped];
  for (const [k, source] of sources.entries()) {
    const cached = opts.cache?.get(source.path);
    if (cached && cached.text === source.text) {
      if (fileIndex[k]! >= 0) firstResource[fileIndex[k]!] = resources.length;
      opts.onProgress?.(done++, sources.length);
      paths.push(source.path);
      files.push(cached.parsed);
      pending.push(...cached.pending);
      resources.push(...cached.resources);
      loaded.push(cached);
      continue;
    }
    const before = { pending: pending.length, resources: resources.length };
    if (fileIndex[k]! >= 0) firstResource[fileIndex[k]!] = resources.length;
    opts.onProgress?.(done++, sources.length);
    let parsed: ParsedFile;
    try {
      parsed = parseSource(source);
    } catch (err) {
      // The parser has its own guards; this is the last one, so that one file cannot stop the run.
      paths.push(source.path);
      pending.push(internalError('Reading the file', err, undefined, source.path));
      continue;
    }
    // Walking a folder, a file that holds no Kubernetes object is someone else's YAML or JSON
    // (package.json, a workflow, values.yaml): passed over quietly. Named on the command line, it is linted.
    if (fileIndex[k]! >= 0 && !expanded.named.has(source.path) && !holdsManifest(parsed)) {
      skipped.push({ path: source.path, reason: 'not-manifest' });
      continue;
    }
    paths.push(source.path);
    files.push(parsed);
    // Parsers may point one past the end (an unclosed quote at the end of the text): keep it inside.
    const inside = (o: number) => Math.max(0, Math.min(o, source.text.length));
    for (const problem of parsed.problems) {
      const range = source.range(inside(problem.offset), inside(problem.endOffset ?? problem.offset));
      pending.push(new MeshMessage({ ruleId: 'yaml-syntax', file: source.path, message: problem.message + templateHint(source.text), start: range.start, end: range.end }));
    }
    for (const doc of parsed.docs) collectResources(doc, resources, pending);
    if (parsed.docs.length === 0 && parsed.problems.length === 0) {
      // Often a generator that failed (`helm template … > out.yaml`): say so rather than pass quietly.
      const lines = source.text.split('\n').map((l) => l.trim());
      const what = lines.every((l) => l === '') ? 'is empty' : lines.every((l) => l === '' || l.startsWith('#')) ? 'holds only comments' : 'holds only empty documents';
      pending.push(atFileStart('empty-file', source.path, `This file ${what}: it has no Kubernetes object to lint`));
    }
    if (opts.cache) {
      const file: LoadedFile = { text: source.text, parsed, resources: resources.slice(before.resources), pending: pending.slice(before.pending) };
      opts.cache.set(source.path, file);
      loaded.push(file);
    }
  }
  if (opts.cache) {
    const kept = new Set(sources.map((s) => s.path));
    for (const path of opts.cache.keys()) if (!kept.has(path)) opts.cache.delete(path);
  }
  opts.onProgress?.(sources.length, sources.length);
  const fromFiles = resources.length;
  if (rendered) {
    for (const f of rendered.files) {
      paths.push(f.source.path);
      files.push(f);
    }
    resources.push(...rendered.resources);
  }
  pending.push(...duplicateResources(resources, cwd));
  const checks = async () => {
    const out: MeshMessage[] = [];
    if (opts.cache) {
      for (const file of loaded) {
        if (!file.checked) await validateSchemas(file.resources, (file.checked = []));
        out.push(...file.checked);
      }
      return out;
    }
    if (!pool) {
      await validateSchemas(resources, out);
      return out;
    }
    firstResource[expanded.files.length] = fromFiles;
    for (let i = expanded.files.length - 1; i >= 0; i--) firstResource[i] ??= firstResource[i + 1]!;
    try {
      // In batch order, which is file order: the diagnostics come out as validateSchemas gives them.
      for (let b = 0; b < pool.batches.length; b++) {
        const fromWorker = await pool.checks(b);
        const { from, to } = pool.batches[b]!;
        if (fromWorker) out.push(...fromWorker.map((init) => new MeshMessage(init)));
        else await validateSchemas(resources.slice(firstResource[from], firstResource[to]), out);
      }
    } finally {
      pool.close();
    }
    await validateSchemas(resources.slice(fromFiles), out);
    return out;
  };
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { input: { files, resources, pending, paths, missing: expanded.missing, skipped }, checks };
}

const MANIFEST_KEY = /^\s*["']?(apiVersion|kind)["']?\s*:/m;

/**
 * Whether a file is meant to hold Kubernetes objects: a document is a map with an apiVersion or a
 * kind (an object, or a broken one worth a diagnostic), or the file does not parse but has such a
 * key (a manifest with a syntax error), or it holds no document at all (reported as empty-file:
 * often a generator that failed).
 */
function holdsManifest(parsed: ParsedFile): boolean {
  if (parsed.docs.length === 0) return parsed.problems.length === 0 || MANIFEST_KEY.test(parsed.source.text);
  if (parsed.docs.some((d) => isRecord(d.data) && (d.data.apiVersion !== undefined || d.data.kind !== undefined))) return true;
  return parsed.problems.length > 0 && MANIFEST_KEY.test(parsed.source.text);
}

/** The hint for a syntax error in a file that is a Go template, most often a Helm chart's. */
function templateHint(text: string): string {
  return text.includes('{{') ? '. This looks like a Helm or Go template, which is not YAML until rendered: lint the output of `helm template` (helm template <chart> | meshlint -)' : '';
}

/**
 * The per-resource checks of files read again in a worker thread (src/engine/worker.ts): the
 * diagnostics `validateSchemas` gives their resources, in the order the main thread would.
 */
export async function checkSources(sources: SourceFile[]): Promise<MeshMessage[]> {
  const resources: Resource[] = [];
  const ignored: MeshMessage[] = [];
  for (const source of sources) {
    let parsed: ParsedFile;
    try {
      parsed = parseSource(source);
    } catch {
      continue; // the main thread reports it, and has no resources from it either
    }
    for (const doc of parsed.docs) collectResources(doc, resources, ignored);
  }
  const out: MeshMessage[] = [];
  await validateSchemas(resources, out);
  return out;
}

/** A document is an object, a `List` of objects, or something we say we skip. */
function collectResources(doc: Doc, out: Resource[], pending: MeshMessage[]): void {
  const data = doc.data;
  const skip = (path: Path, message: string, downgrade: boolean) => {
    const range = doc.locate(path);
    pending.push(new MeshMessage({ ruleId: 'schema', file: doc.file.path, message, start: range.start, end: range.end, downgrade }));
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

async function validateSchemas(resources: Resource[], pending: MeshMessage[]): Promise<void> {
  for (const r of resources) {
    const problems: Array<{ path: Path; message: string; part?: Part; warning?: boolean }> = [];
    try {
      problems.push(...(await schemaProblems(r)));
    } catch (err) {
      pending.push(internalError('The schema check', err, r));
    }
    for (const p of problems) {
      const range = r.doc.locate([...r.base, ...p.path], p.part ?? 'value');
      const label = r.name ? resourceLabel(r) : `${r.kind} without a name`;
      pending.push(new MeshMessage({ ruleId: 'schema', file: r.doc.file.path, message: `${label}: ${p.message}`, start: range.start, end: range.end, downgrade: p.warning }));
    }
  }
}

async function schemaProblems(r: Resource): Promise<Array<{ path: Path; message: string; part?: Part; warning?: boolean }>> {
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
