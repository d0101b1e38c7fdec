import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import AjvModule from 'ajv';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import schema from '../schema/meshlint.schema.json' with { type: 'json' };
import type { OtterizeSettings } from './model/intents.js';
import { parsePathNormalization, type MeshSettings } from './model/mesh.js';
import type { Severity } from './types.js';

export const CONFIG_NAMES = ['.meshlint.yaml', '.meshlint.yml'];

export interface ConfigOverride {
  files: string[];
  rules?: Record<string, Severity>;
}

export interface Config {
  rules: Record<string, Severity>;
  /** Options given with a severity (`rule: [error, {…}]`), by rule id; validated against each rule's schema. */
  ruleOptions: Record<string, unknown[]>;
  mesh: Partial<MeshSettings>;
  ignorePatterns: string[];
  overrides: ConfigOverride[];
  /** Plugin prefix → module (a path relative to the config file, or a package name); loaded only with --plugins. */
  plugins?: Record<string, string>;
  /** The file it came from; the folder that patterns are relative to. */
  file?: string;
  base: string;
}

export class ConfigError extends Error {}

const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
let validator: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;

function validateConfig(data: unknown, file: string): void {
  validator ??= new Ajv({ allErrors: true, strictTuples: false }).compile(schema);
  if (validator(data)) return;
  const problems = (validator.errors ?? []).flatMap((e) => {
    const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    // A bad key under `rules` yields a `pattern` error and a `propertyNames` one; name the key once.
    if (e.propertyName !== undefined && e.keyword !== 'propertyNames') return [];
    if (e.keyword === 'propertyNames') return `${where}.${String(e.params.propertyName)}: not a rule id (lowercase words joined by "-")`;
    if (e.keyword === 'additionalProperties') return `${where === '(top level)' ? '' : `${where}.`}${String(e.params.additionalProperty)}: unknown key`;
    // A rule entry is a severity or [severity, ...options]: say so once, not per branch of the oneOf.
    if (/^\/(rules|overrides\/\d+\/rules)\/[^/]+(\/0)?$/.test(e.instancePath)) return `${where.replace(/\.0$/, '')}: must be one of off, warn, error, 0, 1, 2${e.instancePath.includes('overrides') ? '' : ' (or [severity, ...options])'}`;
    if (e.keyword === 'enum') return `${where}: must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
    return `${where}: ${e.message}`;
  });
  throw new ConfigError(`${file}: invalid configuration:\n  ${[...new Set(problems)].join('\n  ')}`);
}

export function normalizeSeverity(v: unknown): Severity {
  if (v === 0 || v === 'off') return 'off';
  if (v === 1 || v === 'warn') return 'warn';
  return 'error';
}

/** `rule: severity` or, as ESLint's, `rule: [severity, ...options]`: the severity. */
function normalizeRules(rules: Record<string, unknown> | undefined): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const [id, sev] of Object.entries(rules ?? {})) out[id] = normalizeSeverity(Array.isArray(sev) ? sev[0] : sev);
  return out;
}

/** The options of `rule: [severity, ...options]` entries. */
function optionsOf(rules: Record<string, unknown> | undefined): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [id, v] of Object.entries(rules ?? {})) if (Array.isArray(v) && v.length > 1) out[id] = v.slice(1);
  return out;
}

/** Find `.meshlint.yaml` (or `.yml`) in `cwd` or the nearest folder above it. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Read and validate a config file. Configuration is data: nothing in it is executed. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read the configuration: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    // logLevel: an unknown tag (`!!js/function`) stays a string, which the schema then rejects, without a warning on stderr.
    data = parse(text, { logLevel: 'error' }) ?? {};
  } catch (err) {
    const pos = (err as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    const first = (err as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`${file}${pos ? `:${pos.line}:${pos.col}` : ''}: the configuration is not valid YAML: ${first}`);
  }
  validateConfig(data, file);
  const d = data as { complete?: boolean; plugins?: Record<string, string>; rules?: Record<string, unknown>; mesh?: Record<string, unknown>; otterize?: Partial<OtterizeSettings>; ignorePatterns?: string[]; overrides?: Array<{ files: string[]; rules?: Record<string, unknown> }> };
  return {
    rules: normalizeRules(d.rules),
    ruleOptions: optionsOf(d.rules),
    // The operator's settings travel with the mesh settings to the model (model/intents.ts, resolveOtterize).
    mesh: { ...meshSettings(d.mesh ?? {}), ...(d.otterize ? { otterize: d.otterize } : {}), ...(d.complete !== undefined ? { complete: d.complete } : {}) },
    ignorePatterns: d.ignorePatterns ?? [],
    overrides: (d.overrides ?? []).map((o) => ({ files: o.files, rules: normalizeRules(o.rules) })),
    plugins: d.plugins,
    file,
    base: dirname(file),
  };
}

/** The config file's `mesh` key as settings: `pathNormalization` may be written as in meshConfig. */
function meshSettings(mesh: Record<string, unknown>): Partial<MeshSettings> {
  const out = { ...mesh } as Partial<MeshSettings> & Record<string, unknown>;
  const pn = mesh.pathNormalization;
  if (pn !== undefined) {
    const raw = typeof pn === 'object' && pn !== null ? (pn as { normalization?: unknown }).normalization ?? 'BASE' : pn;
    out.pathNormalization = parsePathNormalization(raw) ?? 'BASE';
  }
  return out;
}

export function emptyConfig(cwd: string): Config {
  return { rules: {}, ruleOptions: {}, mesh: {}, ignorePatterns: [], overrides: [], base: cwd };
}

/** Severity of a rule for a file: defaults, then `rules`, then matching `overrides`, then the CLI. */
export function severityFor(
  ruleId: string,
  defaultSeverity: Severity,
  config: Config,
  file: string,
  cli: Record<string, Severity>,
): Severity {
  let sev = config.rules[ruleId] ?? defaultSeverity;
  if (config.overrides.length > 0) {
    const rel = relative(config.base, file).split(sep).join('/');
    for (const o of config.overrides) {
      if (o.rules?.[ruleId] !== undefined && matcher(o.files)(rel)) sev = o.rules[ruleId]!;
    }
  }
  return cli[ruleId] ?? sev;
}

const matchers = new Map<string, (p: string) => boolean>();
function matcher(globs: string[]): (p: string) => boolean {
  const key = globs.join('\u0000');
  const cached = matchers.get(key);
  if (cached) return cached;
  const m = picomatch(globs, { dot: true, basename: !globs.some((g) => g.includes('/')) });
  matchers.set(key, m);
  return m;
}

/** The configuration in effect: `config` if given, else `.meshlint.yaml` found upward from cwd. */
export function resolveConfig(opts: { config?: string; configLookup?: boolean }, cwd: string): Config {
  if (opts.config) return loadConfig(resolve(cwd, opts.config));
  if (opts.configLookup === false) return emptyConfig(cwd);
  const found = findConfig(cwd);
  return found ? loadConfig(found) : emptyConfig(cwd);
}
