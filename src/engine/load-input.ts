import { resolve } from 'node:path';
import { emptyConfig, type Config } from '../config.js';
import { expandPaths } from '../load/files.js';
import { parseSource, type Doc, type ParsedFile, type Part } from '../load/parse.js';
import { readBytes, readManifest, readText, type ReadResult } from '../load/read.js';
import { SourceFile } from '../load/source.js';
import { arr, isRecord, looksLikeObject, resourceLabel, toResource, type Resource } from '../model/resource.js';
import type { Path } from '../types.js';
import { closest } from '../util/text.js';
import { atFileStart, MeshMessage, type MessageInit } from './diagnostic.js';
import { internalError } from './internal-error.js';
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
  /** Called as files are parsed (the CLI draws progress on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

export interface LoadedInput {
  files: ParsedFile[];
  resources: Resource[];
  /** Diagnostics found while loading (syntax, schema, unreadable files), not yet given a severity. */
  pending: MeshMessage[];
  /** Every file linted, including those with no documents, for the report. */
  paths: string[];
  missing: string[];
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
  const expanded = expandPaths(fileArgs, { cwd, ignorePatterns: config.ignorePatterns, ignoreBase: config.base, ignoreFile: opts.ignoreFile, skip: opts.skip });
  for (const p of expanded.problems) {
    paths.push(p.path);
    pending.push(atFileStart('unreadable-file', p.path, p.message));
  }
  // Large runs check resources in worker threads, which read and parse their share of the files
  // again while this thread goes on (src/engine/workers.ts).
  const pool = opts.patterns.includes('-') ? undefined : LoadPool.start<MessageInit>(expanded.files);
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
      pending.push(internalError('Reading the file', err, undefined, source.path));
      continue;
    }
    files.push(parsed);
    // Parsers may point one past the end (an unclosed quote at the end of the text): keep it inside.
    const inside = (o: number) => Math.max(0, Math.min(o, source.text.length));
    for (const problem of parsed.problems) {
      const range = source.range(inside(problem.offset), inside(problem.endOffset ?? problem.offset));
      pending.push(new MeshMessage({ ruleId: 'yaml-syntax', file: source.path, message: problem.message, start: range.start, end: range.end }));
    }
    for (const doc of parsed.docs) collectResources(doc, resources, pending);
    if (parsed.docs.length === 0 && parsed.problems.length === 0) {
      // Often a generator that failed (`helm template … > out.yaml`): say so rather than pass quietly.
      const lines = source.text.split('\n').map((l) => l.trim());
      const what = lines.every((l) => l === '') ? 'is empty' : lines.every((l) => l === '' || l.startsWith('#')) ? 'holds only comments' : 'holds only empty documents';
      pending.push(atFileStart('empty-file', source.path, `This file ${what}: it has no Kubernetes object to lint`));
    }
  }
  opts.onProgress?.(sources.length, sources.length);
  pending.push(...duplicateResources(resources, cwd));
  const checks = async () => {
    const out: MeshMessage[] = [];
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
        if (fromWorker) out.push(...fromWorker.map((init) => new MeshMessage(init)));
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
    const problems: Array<{ path: Path; message: string; part?: Part }> = [];
    try {
      problems.push(...(await schemaProblems(r)));
    } catch (err) {
      pending.push(internalError('The schema check', err, r));
    }
    for (const p of problems) {
      const range = r.doc.locate([...r.base, ...p.path], p.part ?? 'value');
      const label = r.name ? resourceLabel(r) : `${r.kind} without a name`;
      pending.push(new MeshMessage({ ruleId: 'schema', file: r.doc.file.path, message: `${label}: ${p.message}`, start: range.start, end: range.end }));
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
