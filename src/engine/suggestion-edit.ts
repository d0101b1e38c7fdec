import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { At } from '../model/resource.js';
import type { Path, SuggestionEdit } from '../types.js';

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
