import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { JSONSchema7 } from 'json-schema';
import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { closest, listText, quoted } from '../util/text.js';
import type { IstioCrd } from './istio-crds/index.js';
import { formatPath, orList, type SchemaProblem } from './schema-problem.js';

/**
 * The OpenAPI part of what the API server checks for an Istio CRD (the structural schema of
 * istio's crd-all.gen.yaml), with Ajv, each error said in words at the field it is about.
 */

const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
let ajv: InstanceType<typeof Ajv> | undefined;
const compiled = new Map<IstioCrd, Promise<{ schema: JSONSchema7; validate: ValidateFunction }>>();

/** The schema of a kind and its validator, compiled on first use (a small run meets few kinds). */
export function crdValidator(crd: IstioCrd): Promise<{ schema: JSONSchema7; validate: ValidateFunction }> {
  let c = compiled.get(crd);
  if (!c) {
    c = crd.load().then((schema) => {
      ajv ??= new Ajv({ allErrors: true, strict: false, validateFormats: false, verbose: true });
      return { schema, validate: ajv.compile(closed(schema)) };
    });
    compiled.set(crd, c);
  }
  return c;
}

/**
 * The schema with the API server's pruning made explicit: a field a structural schema does not
 * declare is unknown, and `kubectl apply` (strict field validation, its default) rejects it. Only
 * `spec` is checked: the root's apiVersion/kind/metadata are the API server's, status the controller's.
 */
function closed(schema: JSONSchema7): JSONSchema7 {
  const walk = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(walk);
    if (!isRecord(s)) return s;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) {
      out[k] = k === 'properties' && isRecord(v) ? Object.fromEntries(Object.entries(v).map(([n, p]) => [n, walk(p)])) : walk(v);
    }
    if (out.type === 'object' && isRecord(out.properties) && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
      out.additionalProperties = false;
    }
    return out;
  };
  const spec = schema.properties?.spec;
  const required = (schema.required ?? []).filter((f) => f === 'spec');
  return { type: 'object', required, properties: spec === undefined ? {} : { spec: walk(spec) as JSONSchema7 } };
}

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

export function crdProblems(validate: ValidateFunction, data: { spec?: unknown }): SchemaProblem[] {
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // The branches of oneOf/anyOf/not are restated by the oneOf/anyOf error itself.
    if (/\/(oneOf|anyOf|not)\//.test(e.schemaPath)) continue;
    const p = problem(e);
    if (!p) continue;
    const key = `${formatPath(p.path)}|${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
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
          const what = type === 'set' ? `the same value as an item before it` : `the same ${listText(quoted(keys))} as an item before it (${keys.map((k) => `${k}: ${JSON.stringify((item as Record<string, unknown>)[k])}`).join(', ')})`;
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

export function pathOf(pointer: string): Path {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function problem(e: ErrorObject): SchemaProblem | undefined {
  const path = pathOf(e.instancePath);
  const where = formatPath(path);
  const parent = (e.parentSchema ?? {}) as JSONSchema7;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      const near = closest(name, known);
      const hint = near ? ` (did you mean "${near}"?)` : known.length > 0 ? `; ${where} takes ${listText(quoted(known.sort()), 12)}` : '';
      return { path: [...path, name], part: 'key', message: `${formatPath([...path, name])} is not a field of ${where}${hint}` };
    }
    case 'type':
      return { path, part: 'value', message: `${where} must be ${typeName(String(e.params.type))}` };
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const near = typeof e.data === 'string' ? closest(e.data, allowed) : undefined;
      const hint = near ? ` (did you mean "${near}"?)` : '';
      return { path, part: 'value', message: `${where} must be one of ${orList(quoted(allowed))}, not ${JSON.stringify(e.data)}${hint}` };
    }
    case 'required':
      // A missing spec is said at the kind: the document has no narrower node for it.
      if (path.length === 0) return { path: ['kind'], part: 'value', message: `a ${String(e.params.missingProperty)} is required` };
      return { path, part: 'key', message: `${where} needs "${String(e.params.missingProperty)}"` };
    case 'oneOf':
      return atMostOne(e, path);
    case 'anyOf': {
      const types = (parent.anyOf ?? []).map((s) => (isRecord(s) ? s.type : undefined));
      if (types.every((t) => typeof t === 'string')) return { path, part: 'value', message: `${where} must be ${orList((types as string[]).map(typeName))}` };
      return { path, part: 'value', message: `${where} is not valid` };
    }
    case 'minimum':
    case 'maximum':
      return { path, part: 'value', message: `${where} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(e.params.limit)}` };
    case 'minLength':
      return { path, part: 'value', message: Number(e.params.limit) === 1 ? `${where} must not be empty` : `${where} must be at least ${String(e.params.limit)} characters long` };
    case 'maxLength':
      return { path, part: 'value', message: `${where} must be at most ${String(e.params.limit)} characters long` };
    case 'minItems':
      return { path, part: 'value', message: `${where} needs at least ${String(e.params.limit)} item${Number(e.params.limit) === 1 ? '' : 's'}` };
    case 'maxItems':
      return { path, part: 'value', message: `${where} takes at most ${String(e.params.limit)} item${Number(e.params.limit) === 1 ? '' : 's'}` };
    case 'minProperties':
    case 'maxProperties':
      return { path, part: 'value', message: `${where} ${e.keyword === 'minProperties' ? 'needs at least' : 'takes at most'} ${String(e.params.limit)} ${Number(e.params.limit) === 1 ? 'entry' : 'entries'}` };
    case 'pattern':
      return { path, part: 'value', message: `${where} ${JSON.stringify(e.data)} does not match ${String(e.params.pattern)}` };
    default:
      return { path, part: 'value', message: `${where} ${e.message ?? `fails ${e.keyword}`}` };
  }
}

/**
 * Istio's CRDs say "at most one of these fields" as `oneOf: [{not: {anyOf: [{required: [a]}, …]}},
 * {required: [a]}, …]`; it fails only when two or more are set.
 */
function atMostOne(e: ErrorObject, path: Path): SchemaProblem | undefined {
  const branches = ((e.parentSchema as JSONSchema7).oneOf ?? []).slice(1);
  const names = branches.flatMap((b) => (isRecord(b) && Array.isArray(b.required) ? (b.required as string[]) : []));
  const set = isRecord(e.data) ? names.filter((n) => (e.data as Record<string, unknown>)[n] !== undefined) : [];
  if (set.length < 2) return { path, part: 'value', message: `${formatPath(path)} may set only one of ${orList(quoted(names))}` };
  return {
    path: [...path, set[set.length - 1]!],
    part: 'key',
    message: `${formatPath(path)} sets ${listText(quoted(set))}; only one of ${orList(quoted(names))} may be set`,
  };
}

function typeName(t: string): string {
  return t === 'array' || t === 'object' || t === 'integer' ? `an ${t}` : t === 'boolean' ? 'a boolean (true or false)' : `a ${t}`;
}
