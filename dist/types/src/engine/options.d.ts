import { type Config } from '../config.js';
import type { Rule } from './rule.js';
/**
 * A rule's options as its `create` sees them: the configured ones merged over `meta.defaultOptions`
 * (objects key by key, as ESLint's `deepMergeArrays`), validated when the configuration was read.
 */
export declare function ruleOptions(rule: Rule, config: Config, fromSetting?: unknown[]): unknown[];
/**
 * The configured options of each rule against its `meta.schema` (an array, one schema per option,
 * as ESLint's): a bad option is a configuration error naming the rule and the option's path.
 */
export declare function validateRuleOptions(config: Config, rules: readonly Rule[]): void;
/** What is wrong with `options` for `rule`, each as "[index].path: message" (none when valid). */
export declare function optionProblems(rule: Rule, options: unknown[]): string[];
