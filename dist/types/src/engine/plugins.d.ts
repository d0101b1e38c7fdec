import { type Config } from '../config.js';
import { type MeshRule, type Rule } from './rule.js';
/** What a plugin module default-exports, as an ESLint plugin does: its rules by name. */
export interface MeshPlugin {
    meta?: {
        name?: string;
        version?: string;
    };
    rules: Record<string, MeshRule<string, any>>;
}
/** How a run may treat the `plugins` of a configuration: plugins are code, loaded only when asked. */
export interface PluginPolicy {
    /** `--plugins`, `MESHLINT_PLUGINS=1`, or `plugins: true` in the API. */
    allowed: boolean;
}
/**
 * The rules of the plugins a configuration names, as `<prefix>/<rule>`. A configuration file is
 * data: naming a plugin without permission to load code is an error that says how to allow it.
 * A plugin that cannot be found, throws while loading, or has no `rules` is an error naming it.
 */
export declare function loadPlugins(config: Config, policy: PluginPolicy): Promise<Rule[]>;
