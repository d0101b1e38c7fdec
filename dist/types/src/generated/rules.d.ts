import { type Rule } from '../engine/rule.js';
/** The built-in rules, by id (the folder name under rules/). */
export declare const RULES: readonly Rule[];
