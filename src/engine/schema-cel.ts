import type { JSONSchema7 } from 'json-schema';
import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { listText, quoted } from '../util/text.js';
import { formatPath, type SchemaProblem } from './schema-problem.js';

/**
 * The CEL rules of Istio's CRDs (`x-kubernetes-validations`), evaluated as the API server does:
 * `self` is the value at the node carrying the rule, a rule that is false or fails to evaluate
 * (a missing key, an unparsable duration) rejects the object with the rule's message. A rule is
 * not evaluated where its node is absent.
 */

interface Validation {
  rule: string;
  message?: string;
}

/** A present node that carries rules: its value as CEL sees it (`self`) and as written (`raw`). */
interface RuledNode {
  path: Path;
  self: unknown;
  raw: unknown;
  rules: Validation[];
}

type Evaluate = (self: unknown) => unknown;
interface Cel {
  compile(rule: string): Evaluate;
}

let cel: Promise<Cel> | undefined;

/** The CEL environment, loaded on first use: Kubernetes' `url`/`isURL` library on top of cel-js. */
function loadCel(): Promise<Cel> {
  cel ??= import('@marcbachmann/cel-js').then(({ Environment }) => {
    class Url {
      constructor(readonly url: URL) {}
    }
    const env = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false })
      .registerType('URL', Url)
      .registerFunction('isURL(string): bool', (s: string) => URL.canParse(s))
      .registerFunction('url(string): URL', (s: string) => new Url(new URL(s)))
      .registerFunction('URL.getScheme(): string', (u: Url) => u.url.protocol.replace(/:$/, ''));
    const cache = new Map<string, Evaluate>();
    return {
      compile(rule: string): Evaluate {
        let f = cache.get(rule);
        if (!f) {
          const parsed = env.parse(rule);
          f = (self: unknown) => parsed({ self });
          cache.set(rule, f);
        }
        return f;
      },
    };
  });
  return cel;
}

export async function celProblems(schema: JSONSchema7, spec: unknown): Promise<SchemaProblem[]> {
  const found: RuledNode[] = [];
  collect(schema.properties?.spec, spec, ['spec'], found);
  if (found.length === 0) return [];
  const env = await loadCel();
  const out: SchemaProblem[] = [];
  for (const { path, self, raw, rules } of found) {
    for (const v of rules) {
      let ok: unknown;
      try {
        ok = await env.compile(v.rule)(self);
      } catch {
        ok = false;
      }
      if (ok !== true) out.push(problem(path, raw, v));
    }
  }
  return out;
}

function collect(schema: unknown, data: unknown, path: Path, out: RuledNode[]): void {
  if (!isRecord(schema) || data === undefined || data === null) return;
  const rules = schema['x-kubernetes-validations'];
  if (Array.isArray(rules) && rules.length > 0) out.push({ path, self: celValue(schema, data), raw: data, rules: rules as Validation[] });
  if (Array.isArray(data)) {
    data.forEach((item, i) => collect(schema.items, item, [...path, i], out));
  } else if (isRecord(data)) {
    const props = isRecord(schema.properties) ? schema.properties : {};
    for (const [k, v] of Object.entries(data)) collect(props[k] ?? schema.additionalProperties, v, [...path, k], out);
  }
}

/** The value with the schema's integers as CEL ints (cel-js takes them as BigInt); nulls are pruned. */
function celValue(schema: unknown, data: unknown): unknown {
  const s = isRecord(schema) ? schema : {};
  if (Array.isArray(data)) return data.map((x) => celValue(s.items, x));
  if (isRecord(data)) {
    const props = isRecord(s.properties) ? s.properties : {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) if (v !== null && v !== undefined) out[k] = celValue(props[k] ?? s.additionalProperties, v);
    return out;
  }
  if (typeof data === 'number' && Number.isInteger(data) && (s.type === 'integer' || s['x-kubernetes-int-or-string'])) return BigInt(data);
  return data;
}

/**
 * The finding at the narrowest node: on a map, the last field the rule names that is set (the
 * one that conflicts); on a scalar, the value.
 */
function problem(path: Path, value: unknown, v: Validation): SchemaProblem {
  const message = v.message ?? `fails the rule ${v.rule}`;
  const where = formatPath(path);
  if (!isRecord(value)) {
    const shown = typeof value === 'string' || typeof value === 'number' ? ` ${JSON.stringify(value)}` : '';
    return { path, part: 'value', message: `${where}${shown}: ${message}` };
  }
  const named = [...new Set([...v.rule.matchAll(/\bself\.([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  const set = named.filter((n) => value[n] !== undefined && value[n] !== null);
  if (set.length === 0) return { path, part: 'key', message: `${where}: ${message}` };
  const last = set[set.length - 1]!;
  const sets = set.length > 1 ? ` sets ${listText(quoted(set))}` : '';
  return { path: [...path, last], part: 'key', message: `${where}${sets}: ${message}` };
}
