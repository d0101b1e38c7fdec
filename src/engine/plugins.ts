import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, type Config } from '../config.js';
import { registerRule, type MeshRule, type Rule } from './rule.js';

/** What a plugin module default-exports, as an ESLint plugin does: its rules by name. */
export interface MeshPlugin {
  meta?: { name?: string; version?: string };
  rules: Record<string, MeshRule<string, any>>;
}

/** How a run may treat the `plugins` of a configuration: plugins are code, loaded only when asked. */
export interface PluginPolicy {
  /** `--plugins`, `MESHLINT_PLUGINS=1`, or `plugins: true` in the API. */
  allowed: boolean;
}

const PREFIX = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The rules of the plugins a configuration names, as `<prefix>/<rule>`. A configuration file is
 * data: naming a plugin without permission to load code is an error that says how to allow it.
 * A plugin that cannot be found, throws while loading, or has no `rules` is an error naming it.
 */
export async function loadPlugins(config: Config, policy: PluginPolicy): Promise<Rule[]> {
  const entries = Object.entries(config.plugins ?? {});
  if (entries.length === 0) return [];
  const where = config.file ?? 'the configuration';
  if (!policy.allowed) {
    throw new ConfigError(
      `${where}: names plugin${entries.length > 1 ? 's' : ''} ${entries.map(([p]) => `"${p}"`).join(', ')}; plugins run code, so meshlint loads them only when asked. Run with --plugins (or MESHLINT_PLUGINS=1, or plugins: true in the API).`,
    );
  }
  const rules: Rule[] = [];
  for (const [prefix, specifier] of entries) {
    if (!PREFIX.test(prefix)) throw new ConfigError(`${where}: plugins.${prefix}: a plugin prefix is lowercase words joined by "-"`);
    const plugin = await importPlugin(prefix, specifier, config.base, where);
    for (const [name, definition] of Object.entries(plugin.rules).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!PREFIX.test(name)) throw new ConfigError(`${where}: plugin "${prefix}" has a rule named "${name}"; rule names are lowercase words joined by "-"`);
      if (!isRuleDefinition(definition)) {
        throw new ConfigError(`${where}: plugin "${prefix}": rule "${name}" is not a rule definition (meta.docs.description, meta.messages, meta.schema, meta.defaultSeverity and create() are required)`);
      }
      rules.push(registerRule(`${prefix}/${name}`, definition, definition.meta.docs.url ?? ''));
    }
  }
  return rules;
}

async function importPlugin(prefix: string, specifier: string, base: string, where: string): Promise<MeshPlugin> {
  let file: string;
  try {
    file = specifier.startsWith('.') || isAbsolute(specifier) ? resolve(base, specifier) : createRequire(join(base, 'noop.js')).resolve(specifier);
  } catch {
    throw new ConfigError(`${where}: plugins.${prefix}: cannot find "${specifier}" (a path relative to the configuration file, or a package installed beside it)`);
  }
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (err) {
    const text = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ConfigError(`${where}: plugins.${prefix}: loading ${specifier} failed: ${text}`);
  }
  const plugin = (mod.default ?? mod) as Partial<MeshPlugin> | undefined;
  if (!plugin || typeof plugin !== 'object' || typeof plugin.rules !== 'object' || plugin.rules === null) {
    throw new ConfigError(`${where}: plugins.${prefix}: ${specifier} does not export a plugin (export default { rules: { … } })`);
  }
  return plugin as MeshPlugin;
}

function isRuleDefinition(v: unknown): v is MeshRule<string, unknown[]> {
  const r = v as Partial<MeshRule<string, unknown[]>> | null;
  const m = r?.meta;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.create === 'function' &&
    typeof m?.docs?.description === 'string' &&
    typeof m.messages === 'object' &&
    Array.isArray(m.schema) &&
    (m.defaultSeverity === 'warn' || m.defaultSeverity === 'error')
  );
}
