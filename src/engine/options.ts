import AjvModule from 'ajv';
import { ConfigError, type Config } from '../config.js';
import type { Rule } from './rule.js';

/**
 * A rule's options as its `create` sees them: the configured ones merged over `meta.defaultOptions`
 * (objects key by key, as ESLint's `deepMergeArrays`), validated when the configuration was read.
 */
export function ruleOptions(rule: Rule, config: Config, fromSetting: unknown[] = []): unknown[] {
  const defaults = (rule.definition.meta.defaultOptions ?? []) as unknown[];
  const given = config.ruleOptions?.[rule.id] ?? [];
  const length = Math.max(defaults.length, fromSetting.length, given.length);
  return Array.from({ length }, (_, i) => merge(merge(defaults[i], fromSetting[i]), given[i]));
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return structuredClone(base);
  if (!isPlain(base) || !isPlain(over)) return structuredClone(over);
  const out: Record<string, unknown> = { ...structuredClone(base) };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
let ajv: InstanceType<typeof Ajv> | undefined;
const compiled = new WeakMap<object, ReturnType<InstanceType<typeof Ajv>['compile']>>();

/**
 * The configured options of each rule against its `meta.schema` (an array, one schema per option,
 * as ESLint's): a bad option is a configuration error naming the rule and the option's path.
 */
export function validateRuleOptions(config: Config, rules: readonly Rule[]): void {
  const problems: string[] = [];
  for (const [id, options] of Object.entries(config.ruleOptions ?? {})) {
    const rule = rules.find((r) => r.id === id);
    if (rule) problems.push(...optionProblems(rule, options).map((p) => `rules.${id}${p}`));
  }
  if (problems.length > 0) throw new ConfigError(`${config.file ?? 'the configuration'}: invalid rule options:\n  ${[...new Set(problems)].join('\n  ')}`);
}

/** What is wrong with `options` for `rule`, each as "[index].path: message" (none when valid). */
export function optionProblems(rule: Rule, options: unknown[]): string[] {
  const schema = rule.definition.meta.schema;
  if (options.length > schema.length) {
    return [`: takes ${schema.length === 0 ? 'no options' : `at most ${schema.length} option${schema.length > 1 ? 's' : ''}`}, not ${options.length}`];
  }
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, strict: false });
    validate = ajv.compile({ type: 'array', items: schema, minItems: 0, maxItems: schema.length });
    compiled.set(schema, validate);
  }
  if (validate(options)) return [];
  return (validate.errors ?? []).map((e) => {
    const path = e.instancePath.split('/').slice(1);
    const where = path.length === 0 ? '' : `[${path[0]}]${path.slice(1).map((p) => `.${p}`).join('')}`;
    const extra = e.keyword === 'additionalProperties' ? ` ("${String(e.params.additionalProperty)}")` : e.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
    return `${where}: ${e.message}${extra}`;
  });
}
