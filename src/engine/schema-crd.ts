import type { JSONSchema7 } from 'json-schema';
import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { closest, listText, quoted } from '../util/text.js';
import { formatPath, orList, type SchemaProblem } from './schema-problem.js';

/**
 * The OpenAPI part of what the API server checks for an Istio CRD: the structural schema of
 * istio's crd-all.gen.yaml, walked alongside the object, each problem said in words at the field
 * it is about. The schemas use a small set of keywords (KEYWORDS; test/schema.test.ts checks the
 * vendored ones use no other), so a walker is all it takes: nothing to compile at start-up, unlike
 * a general JSON Schema validator.
 */

type Schema = JSONSchema7 & Record<string, unknown>;

export const KEYWORDS = new Set([
  'type', 'properties', 'additionalProperties', 'items', 'required', 'enum', 'nullable', 'format',
  'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'pattern',
  'oneOf', 'anyOf', 'allOf', 'not',
  'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-validations',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys',
]);

/**
 * The object as the API server validates it: a field set to null is pruned (a `match:` with no
 * value is no match), unless its schema is nullable, where null is valid anyway.
 */
export function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isRecord(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = pruneNulls(x);
  return out;
}

/**
 * The problems of `data` (the resource, nulls pruned) against the CRD's schema. Only `spec` is
 * checked: the root's apiVersion/kind/metadata are the API server's, status is the controller's.
 */
export function crdProblems(schema: JSONSchema7, data: { spec?: unknown }): SchemaProblem[] {
  if (data.spec === undefined) {
    // A missing spec is said at the kind: the document has no narrower node for it.
    return schema.required?.includes('spec') ? [{ path: ['kind'], part: 'value', message: 'a spec is required' }] : [];
  }
  const out: SchemaProblem[] = [];
  check(schema.properties?.spec as Schema | undefined, data.spec, ['spec'], out);
  return out;
}

function check(schema: Schema | undefined, data: unknown, path: Path, out: SchemaProblem[]): void {
  if (!schema) return;
  if (data === null) {
    if (!schema.nullable && schema.type) out.push({ path, part: 'value', message: `${formatPath(path)} must be ${typeName(String(schema.type))}, not null` });
    return;
  }
  if (schema.type && !hasType(data, String(schema.type))) {
    out.push({ path, part: 'value', message: `${formatPath(path)} must be ${typeName(String(schema.type))}` });
    return;
  }
  if (schema.enum && !schema.enum.includes(data as never)) {
    const allowed = schema.enum.map(String);
    const near = typeof data === 'string' ? closest(data, allowed) : undefined;
    const hint = near ? ` (did you mean "${near}"?)` : '';
    out.push({ path, part: 'value', message: `${formatPath(path)} must be one of ${orList(quoted(allowed))}, not ${JSON.stringify(data)}${hint}` });
  }
  checkBounds(schema, data, path, out);
  checkCombinators(schema, data, path, out);
  if (Array.isArray(data)) {
    data.forEach((item, i) => check(schema.items as Schema | undefined, item, [...path, i], out));
  } else if (isRecord(data)) {
    checkObject(schema, data, path, out);
  }
}

function checkObject(schema: Schema, data: Record<string, unknown>, path: Path, out: SchemaProblem[]): void {
  for (const name of schema.required ?? []) {
    if (data[name] === undefined) out.push({ path, part: 'key', message: `${formatPath(path)} needs "${name}"` });
  }
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const extra = isRecord(schema.additionalProperties) ? (schema.additionalProperties as Schema) : undefined;
  // In a structural schema a field the schema does not declare is unknown, and `kubectl apply`
  // (strict field validation, its default) rejects it; a map (additionalProperties) or a
  // preserve-unknown-fields node takes any key.
  const closed = schema.properties !== undefined && !extra && schema.additionalProperties !== true && !schema['x-kubernetes-preserve-unknown-fields'];
  for (const [k, v] of Object.entries(data)) {
    const s = props[k] ?? extra;
    if (s) check(s, v, [...path, k], out);
    else if (closed) {
      const known = Object.keys(props);
      const near = closest(k, known);
      const where = formatPath(path);
      const hint = near ? ` (did you mean "${near}"?)` : `; ${where} takes ${listText(quoted([...known].sort()), 12)}`;
      out.push({ path: [...path, k], part: 'key', message: `${formatPath([...path, k])} is not a field of ${where}${hint}` });
    }
  }
}

const patterns = new Map<string, RegExp>();

function matches(pattern: string, value: string): boolean {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patterns.set(pattern, re);
  }
  return re.test(value);
}

function checkBounds(s: Schema, data: unknown, path: Path, out: SchemaProblem[]): void {
  const add = (message: string) => out.push({ path, part: 'value', message: `${formatPath(path)} ${message}` });
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (typeof data === 'number') {
    if (s.minimum !== undefined && data < s.minimum) add(`must be at least ${s.minimum}`);
    if (s.maximum !== undefined && data > s.maximum) add(`must be at most ${s.maximum}`);
  } else if (typeof data === 'string') {
    // Lengths count characters (code points), as the API server does.
    const length = s.minLength !== undefined || s.maxLength !== undefined ? [...data].length : 0;
    if (s.minLength !== undefined && length < s.minLength) add(s.minLength === 1 ? 'must not be empty' : `must be at least ${plural(s.minLength, 'character', 'characters')} long`);
    else if (s.pattern !== undefined && !matches(s.pattern, data)) add(`${JSON.stringify(data)} does not match the pattern ${s.pattern}`);
    if (s.maxLength !== undefined && length > s.maxLength) add(`must be at most ${plural(s.maxLength, 'character', 'characters')} long`);
  } else if (Array.isArray(data)) {
    if (s.minItems !== undefined && data.length < s.minItems) add(`needs at least ${plural(s.minItems, 'item', 'items')}`);
    if (s.maxItems !== undefined && data.length > s.maxItems) add(`takes at most ${plural(s.maxItems, 'item', 'items')}`);
  } else if (isRecord(data)) {
    const n = Object.keys(data).length;
    if (s.minProperties !== undefined && n < s.minProperties) add(`needs at least ${plural(s.minProperties, 'entry', 'entries')}`);
    if (s.maxProperties !== undefined && n > s.maxProperties) add(`takes at most ${plural(s.maxProperties, 'entry', 'entries')}`);
  }
}

/**
 * oneOf/anyOf/allOf/not, said by what they mean in Istio's CRDs: "at most one of these fields"
 * (`oneOf: [{not: {anyOf: [{required: [a]}, …]}}, {required: [a]}, …]`) and "an integer or a
 * string" (`anyOf` of types).
 */
function checkCombinators(s: Schema, data: unknown, path: Path, out: SchemaProblem[]): void {
  if (!s.allOf && !s.anyOf && !s.not && !s.oneOf) return;
  const where = formatPath(path);
  for (const sub of s.allOf ?? []) check(sub as Schema, data, path, out);
  if (s.anyOf && !s.anyOf.some((b) => valid(b as Schema, data))) {
    const types = s.anyOf.map((b) => (isRecord(b) ? b.type : undefined));
    const what = types.every((t) => typeof t === 'string') ? orList((types as string[]).map(typeName)) : 'valid';
    out.push({ path, part: 'value', message: `${where} must be ${what}` });
  }
  if (s.not && valid(s.not as Schema, data)) out.push({ path, part: 'value', message: `${where} is not valid here` });
  if (s.oneOf && s.oneOf.filter((b) => valid(b as Schema, data)).length !== 1) {
    const names = s.oneOf.flatMap((b) => (isRecord(b) && Array.isArray(b.required) ? (b.required as string[]) : []));
    const set = isRecord(data) ? names.filter((n) => data[n] !== undefined) : [];
    if (set.length > 1) {
      out.push({ path: [...path, set[set.length - 1]!], part: 'key', message: `${where} sets ${listText(quoted(set))}; only one of ${orList(quoted(names))} may be set` });
    } else {
      out.push({ path, part: 'value', message: `${where} may set only one of ${orList(quoted(names))}` });
    }
  }
}

function valid(schema: Schema, data: unknown): boolean {
  const out: SchemaProblem[] = [];
  check(schema, data, [], out);
  return out.length === 0;
}

/** Whether a value has a JSON Schema `type` (unknown types pass). */
export function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isRecord(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return true;
  }
}

function typeName(t: string): string {
  return t === 'array' || t === 'object' || t === 'integer' ? `an ${t}` : t === 'boolean' ? 'a boolean (true or false)' : `a ${t}`;
}

/**
 * The API server's checks of `x-kubernetes-list-type`: the items of a `set` are unique, and in a
 * `map` no two items have the same values of the `x-kubernetes-list-map-keys`.
 */
export function listProblems(schema: unknown, data: unknown, path: Path): SchemaProblem[] {
  if (!isRecord(schema) || data === undefined || data === null) return [];
  const out: SchemaProblem[] = [];
  if (Array.isArray(data)) {
    const type = schema['x-kubernetes-list-type'];
    const keys = (schema['x-kubernetes-list-map-keys'] ?? []) as string[];
    if (type === 'set' || type === 'map') {
      const seen = new Set<string>();
      data.forEach((item, i) => {
        const id = JSON.stringify(type === 'set' ? item : keys.map((k) => (isRecord(item) ? item[k] : undefined)));
        if (seen.has(id)) {
          const values = keys.map((k) => `${k}: ${JSON.stringify(isRecord(item) ? item[k] : undefined)}`).join(', ');
          const what = type === 'set' ? 'the same value as an item before it' : `the same ${listText(quoted(keys))} as an item before it (${values})`;
          const at: Path = type === 'map' && keys.length === 1 && isRecord(item) && keys[0]! in item ? [...path, i, keys[0]!] : [...path, i];
          out.push({ path: at, part: 'value', message: `${formatPath([...path, i])} has ${what}; the items of ${formatPath(path)} must be unique` });
        }
        seen.add(id);
      });
    }
    data.forEach((item, i) => out.push(...listProblems(schema.items, item, [...path, i])));
  } else if (isRecord(data)) {
    const props = isRecord(schema.properties) ? schema.properties : {};
    for (const [k, v] of Object.entries(data)) out.push(...listProblems(props[k] ?? schema.additionalProperties, v, [...path, k]));
  }
  return out;
}
