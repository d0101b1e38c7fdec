import type { Model } from '../mesh/model.js';
import { MeshMessage } from './diagnostic.js';
import type { RuleResultCache } from './rule-cache.js';
import type { MeshReport, Rule } from './rule.js';
/** A rule to run, with its options (already validated and merged with its defaults). */
export interface RuleRun {
    rule: Rule;
    options: unknown[];
}
/** `{{ name }}` placeholders filled from `data`; an unknown one stays as written (ESLint's way). */
export declare function interpolate(text: string, data: MeshReport['data']): string;
/**
 * Run the rules over the model (with `times`, adding each rule's milliseconds to it, as ESLint's TIMING): each rule's visitors for every model object in input order, then
 * its `Mesh:exit`. An exception in a visitor is an `internal-error` naming the rule and the
 * resource; the rule goes on with the next object, and the other rules are not affected. With a
 * `cache` (the language server's), a rule whose findings an edit cannot change keeps them.
 */
export declare function runRules(model: Model, runs: readonly RuleRun[], cwd: string, times?: Map<string, number>, cache?: RuleResultCache): MeshMessage[];
/** More findings than this of one rule and message on the entries of one list become one. */
export declare const MAX_REPEATS = 10;
