import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, stringify, type Node, type YAMLMap } from 'yaml';
import { nodeAt, parseDocuments } from '../load/yaml-path.js';
import type { Model } from '../mesh/model.js';
import { isRecord, looksLikeObject, type At, type Resource } from '../model/resource.js';
import type { Path, Suggestion, SuggestionEdit } from '../types.js';
import { hasSchema, validateResource } from './schema.js';

// A suggestion's YAML as edits, two ways: one text edit of the reported file when it is one exactly
// (ESLint's JSON `suggestions`, SARIF fixes), or merged into the objects it is for, across files
// (an editor's quick fix).

/**
 * A suggestion's YAML as a text edit of the reported file (ESLint's `fix: {range, text}`), when it
 * is one exactly:
 * - whole new objects (every document has apiVersion and kind): added after the reported object;
 * - `key: value`, where `key` is a field on the reported path: that field's value replaced.
 * Anything else — a change to another object or to the mesh config, a template with `<placeholders>`,
 * fields to merge — is advice, not an edit, and gives undefined.
 */
export function suggestionEdit(at: At, yamlText: string): SuggestionEdit | undefined {
  if (/<[^<>\n]+>/.test(yamlText) || /^\s*#/.test(yamlText)) return undefined;
  // Cheap first: only these two shapes can be edits (rules may suggest on thousands of objects).
  if (!/^kind:/m.test(yamlText) && !/^[\w.-]+:[ \t]*\S[^\n]*\n?$/.test(yamlText)) return undefined;
  const docs = parseAllDocuments(yamlText);
  if (!Array.isArray(docs) || docs.length === 0 || docs.some((d) => d.errors.length > 0)) return undefined;
  const { resource } = at;
  const file = resource.doc.file;
  const values = docs.map((d) => d.toJS() as unknown);
  if (values.every((v) => isObjectLike(v))) {
    const end = resource.doc.end;
    const before = end > 0 && file.text[end - 1] !== '\n' ? '\n' : '';
    return { range: [end, end], text: `${before}---\n${yamlText.endsWith('\n') ? yamlText : `${yamlText}\n`}` };
  }
  const contents = docs.length === 1 ? docs[0]!.contents : null;
  if (!isMap(contents) || contents.items.length !== 1) return undefined;
  const pair = contents.items[0]!;
  const key = isScalar(pair.key) ? pair.key.value : undefined;
  if (typeof key !== 'string' || !(isSeq(pair.value) || isScalar(pair.value))) return undefined;
  const path = fieldPath(at.path, key);
  if (!path) return undefined;
  // From just after the key's colon, so a block value on the next lines is replaced too.
  const keyEnd = file.offset(resource.doc.locate([...resource.base, ...path], 'key').end);
  const colon = file.text.indexOf(':', keyEnd);
  const valueEnd = file.offset(resource.doc.locate([...resource.base, ...path], 'value').end);
  if (colon < 0 || colon >= valueEnd) return undefined;
  return { range: [colon + 1, valueEnd], text: ` ${flow(pair.value.toJSON())}` };
}

function isObjectLike(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'apiVersion' in v && 'kind' in v;
}

/** The reported path cut after its last `key` segment: the field the suggestion replaces. */
function fieldPath(path: Path, key: string): Path | undefined {
  const i = path.lastIndexOf(key);
  return i < 0 ? undefined : path.slice(0, i + 1);
}

/** A value in YAML flow style, which fits wherever the old value stood (block or flow). */
function flow(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export interface EditContext {
  model: Model;
  /** The text of a file as linted. */
  text(path: string): string | undefined;
}

/** Text between two offsets of a file replaced. */
export interface Offsets {
  start: number;
  end: number;
  text: string;
}

/** A suggestion merged into the workspace: edits of existing files (by path, in order), then new files. */
export interface WorkspaceEdits {
  edits: Map<string, Offsets[]>;
  created: Array<{ path: string; text: string }>;
}

/** `# Kind namespace/name`: the comment rules put above YAML meant for another object than the finding's. */
const NAMED = /^\s*(?:in\s+)?([A-Z]\w*)\s+([a-z0-9][-a-z0-9.]*)\/([a-z0-9][-a-z0-9.]*)\s*:?\s*$/;
/** A value for the user to write (`<identity the ALLOW rule admits>`): advice, not an edit. */
const PLACEHOLDER = /<[^<>\n]+>/;

/**
 * A suggestion as a workspace edit: each YAML document of it is merged into the object it is
 * for — a whole object into the object of that kind and name (or a new file beside the finding's
 * when there is none), YAML under a `# Kind ns/name` comment into that object, and other YAML
 * into the innermost map around the finding that holds all its keys. Maps merge key by key; a
 * list or a value replaces the one written. A suggestion that does not fit (a `<placeholder>` to
 * fill in, a place it names that cannot be followed or found, a merged object that would break
 * its kind's schema) gives no edit.
 */
export async function suggestionWorkspaceEdits(s: Suggestion, file: string, offset: number, ctx: EditContext): Promise<WorkspaceEdits | undefined> {
  if (PLACEHOLDER.test(s.fix)) return undefined;
  const parts = parseAllDocuments(s.fix);
  const changes: Changes = new Map();
  const created: WorkspaceEdits['created'] = [];
  for (const part of parts) {
    if (part.errors.length > 0) return undefined;
    const value: unknown = part.toJS();
    if (!isRecord(value)) continue;
    const comment = leadingComment(part);
    const named = NAMED.exec(comment);
    // A comment that names a place this cannot follow (`…, spec.rules[1]:`): no guess at another one.
    if (comment.trim() !== '' && !named && !looksLikeObject(value)) return undefined;
    if (looksLikeObject(value) && isRecord(value.metadata) && typeof value.metadata.name === 'string') {
      const ns = typeof value.metadata.namespace === 'string' ? value.metadata.namespace : undefined;
      const existing = ctx.model.resources.find((r) => r.kind === value.kind && r.name === (value.metadata as { name: string }).name && (ns === undefined || r.namespace === ns));
      if (existing) {
        if (!(await mergeIntoResource(existing, value, changes, ctx))) return undefined;
      } else {
        created.push({ path: newFilePath(file, String(value.kind), value.metadata.name), text: part.toString() });
      }
    } else if (named) {
      const [, kind, ns, name] = named;
      const target = ctx.model.resources.find((r) => r.kind === kind && r.namespace === ns && r.name === name);
      if (!target || !(await mergeIntoResource(target, value, changes, ctx))) return undefined;
    } else {
      if (!(await mergeNearFinding(file, offset, value, changes, ctx))) return undefined;
    }
  }
  return changes.size > 0 || created.length > 0 ? { edits: changes, created } : undefined;
}

type Changes = Map<string, Offsets[]>;

/** The comment above a document's first line (`yaml` keeps it on the document, its map or its first key). */
function leadingComment(part: ReturnType<typeof parseAllDocuments>[number]): string {
  const contents = part.contents as Node | null;
  const firstKey = isMap(contents) ? (contents.items[0]?.key as Node | undefined) : undefined;
  return part.commentBefore ?? contents?.commentBefore ?? firstKey?.commentBefore ?? '';
}

function newFilePath(beside: string, kind: string, name: string): string {
  const base = join(dirname(beside), `${kind.toLowerCase()}-${name}`);
  let path = `${base}.yaml`;
  for (let i = 2; existsSync(path); i++) path = `${base}-${i}.yaml`;
  return path;
}

async function mergeIntoResource(r: Resource, value: Record<string, unknown>, changes: Changes, ctx: EditContext): Promise<boolean> {
  const text = ctx.text(r.doc.file.path);
  if (text === undefined) return false;
  const root = parseDocuments(text)[r.doc.index]?.getIn(r.base, true);
  if (!isMap(root)) return false;
  return apply(r, root, [], value, text, changes, ctx, false);
}

async function mergeNearFinding(file: string, offset: number, value: Record<string, unknown>, changes: Changes, ctx: EditContext): Promise<boolean> {
  const text = ctx.text(file);
  if (text === undefined) return false;
  const docs = parseDocuments(text);
  const at = nodeAt(docs, offset);
  if (!at) return false;
  const r = ctx.model.resources.find((x) => x.doc.file.path === file && x.doc.index === at.document && x.base.every((seg, i) => at.path[i] === seg));
  if (!r) return false;
  const keys = Object.keys(value);
  const anchor = [...at.maps].reverse().find((m) => m.path.length >= r.base.length && keys.every((k) => (m.node as YAMLMap).has(k)));
  if (!anchor) return false;
  return apply(r, anchor.node as YAMLMap, anchor.path.slice(r.base.length), value, text, changes, ctx, true);
}

/** Merge `value` into the map at `path` of the resource, if the result still fits its kind's schema. */
async function apply(r: Resource, map: YAMLMap, path: Array<string | number>, value: Record<string, unknown>, text: string, changes: Changes, ctx: EditContext, guessed: boolean): Promise<boolean> {
  const offsets: Offsets[] = [];
  if (!merge(map, value, text, offsets, { root: path.length === 0, noNewMaps: guessed })) return false;
  if (offsets.length === 0) return true;
  if (!(await fitsSchema(r, path, value))) return false;
  const file = r.doc.file.path;
  changes.set(file, [...(changes.get(file) ?? []), ...offsets]);
  return true;
}

/** A merge must not make a resource of a kind with a schema invalid (YAML meant for another object). */
async function fitsSchema(r: Resource, path: Array<string | number>, value: Record<string, unknown>): Promise<boolean> {
  if (!hasSchema(r)) return true;
  const merged = structuredClone(r.raw);
  let target: Record<string, unknown> = merged;
  for (const seg of path) {
    const next = (target as Record<string | number, unknown>)[seg];
    if (!isRecord(next) && !Array.isArray(next)) return false;
    target = next as Record<string, unknown>;
  }
  deepMerge(target, value);
  const spec = path.length === 0 && isRecord(merged.spec) && isRecord(value.spec) ? merged.spec : undefined;
  if (spec && ('targetRefs' in (value.spec as object) || 'targetRef' in (value.spec as object))) for (const k of REPLACED_BY_TARGET_REFS) delete spec[k];
  const before = (await validateResource(r)).length;
  const after = (await validateResource({ ...r, raw: merged, doc: Object.assign(Object.create(Object.getPrototypeOf(r.doc)), r.doc, { plain: false }) })).length;
  return after <= before;
}

function deepMerge(into: Record<string, unknown>, value: Record<string, unknown>, parent?: string): void {
  for (const [k, v] of Object.entries(value)) {
    const cur = into[k];
    if (isRecord(cur) && isRecord(v) && !isSelector(k, parent)) deepMerge(cur, v, k);
    else into[k] = v;
  }
}

/**
 * Istio rejects a policy with both a selector and targetRefs (pkg/config/validation/validation.go,
 * validateOneOfSelectorType): YAML that attaches a policy by `targetRefs` drops its selector.
 */
const REPLACED_BY_TARGET_REFS = ['selector', 'workloadSelector'];

/** A label selector is the labels it lists: a suggested one replaces the one written, never adds to it. */
function isSelector(key: string, parent: string | undefined): boolean {
  return key === 'matchLabels' || (key === 'labels' && parent === 'workloadSelector');
}

interface MergeOptions {
  /** The map is the object's own (its `spec` may lose its selector). */
  root: boolean;
  /**
   * YAML whose object is only guessed (no name, no `# Kind ns/name`) may not add a map the object
   * does not have: the CRD schemas keep unknown fields, so they cannot tell YAML meant for another
   * object (an IstioOperator's `spec.values`) from this object's own.
   */
  noNewMaps: boolean;
  /** The key of this map in its parent. */
  parent?: string;
}

/**
 * Text edits that merge `value` into a block map: changed entries rewritten, new ones appended
 * (`root`: the map is the object's own, whose `spec` may lose its selector).
 */
function merge(map: YAMLMap, value: Record<string, unknown>, text: string, out: Offsets[], opts: MergeOptions, drop: readonly string[] = []): boolean {
  if (map.flow || map.items.length === 0) return false;
  const firstKey = map.items[0]!.key as Node;
  if (!firstKey.range) return false;
  const indent = firstKey.range[0] - (text.lastIndexOf('\n', firstKey.range[0] - 1) + 1);
  const keyOf = (p: (typeof map.items)[number]) => (isScalar(p.key) ? String(p.key.value) : undefined);
  const dropped = map.items.filter((p) => isPair(p) && drop.includes(keyOf(p) ?? '') && !(keyOf(p)! in value));
  const kept = map.items.filter((p) => !dropped.includes(p));
  if (kept.length === 0) return false;
  for (const pair of dropped) {
    // Whole lines, the key's to the value's last: never touching an insertion at the line end before.
    const start = text.lastIndexOf('\n', (pair.key as Node).range![0] - 1) + 1;
    const node = pair.value as Node | null;
    const end = lineEnd(text, node?.range ? trimEnd(text, node.range[1]) - 1 : (pair.key as Node).range![1]);
    out.push({ start, end: Math.min(text.length, end + 1), text: '' });
  }
  for (const [k, v] of Object.entries(value)) {
    const pair = map.items.find((p) => isPair(p) && keyOf(p) === k);
    if (pair) {
      const node = pair.value as Node | null;
      if (isMap(node) && !node.flow && isRecord(v) && !isSelector(k, opts.parent)) {
        const attaches = opts.root && k === 'spec' && ('targetRefs' in v || 'targetRef' in v);
        if (!merge(node, v, text, out, { ...opts, root: false, parent: k }, attaches ? REPLACED_BY_TARGET_REFS : [])) return false;
        continue;
      }
      if (node && JSON.stringify((node as { toJSON(): unknown }).toJSON()) === JSON.stringify(v)) continue;
      const start = (pair.key as Node).range![0];
      const end = node?.range ? trimEnd(text, node.range[1]) : lineEnd(text, start);
      out.push({ start, end, text: renderPair(k, v, indent) });
    } else {
      if (opts.noNewMaps && isRecord(v)) return false;
      const last = kept[kept.length - 1]!;
      const lastEnd = ((last.value as Node | null)?.range ?? (last.key as Node).range)![1];
      const at = lineEnd(text, trimEnd(text, lastEnd) - 1);
      out.push({ start: at, end: at, text: `\n${' '.repeat(indent)}${renderPair(k, v, indent)}` });
    }
  }
  return true;
}

function renderPair(key: string, value: unknown, indent: number): string {
  return stringify({ [key]: value }, { lineWidth: 0 }).replace(/\n$/, '').split('\n').join(`\n${' '.repeat(indent)}`);
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', Math.max(0, offset));
  return nl === -1 ? text.length : nl;
}
