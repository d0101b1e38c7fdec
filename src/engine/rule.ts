import type { DataplaneAssumption } from '../model/dataplane.js';
import type { Model } from '../model/model.js';
import type { At, Resource } from '../model/resource.js';
import type { Suggestion } from '../types.js';

export const DOCS_BASE = 'https://github.com/meshlint/meshlint/blob/main/rules';

export interface RuleMeta {
  /** One line: what the rule finds. */
  description: string;
  /** Default severity when the configuration says nothing. */
  severity: 'warn' | 'error';
  /** Equivalent `istioctl analyze` (ISTnnnn) and Kiali (KIAnnnn) codes, for migrating suppressions. */
  aliases?: readonly string[];
  /** Tags for SARIF and `--list-rules`. */
  tags?: readonly string[];
}

export interface Report {
  at: At;
  message: string;
  /** Downgrade this one report (never upgrade past the configured severity). */
  severity?: 'warn';
  suggestions?: Suggestion[];
  related?: Array<{ at: At; message: string }>;
  /**
   * What the finding rests on that the input does not show (`model.assumptionsOf(workloads)`): the
   * runner ends the message with one clause saying so and carries them in JSON and SARIF.
   */
  assumptions?: readonly DataplaneAssumption[];
}

export interface RuleContext {
  readonly model: Model;
  report(report: Report): void;
  /**
   * Run `fn` for each item; an exception on one item is reported as an internal error naming the
   * rule and the resource, and the others still run.
   */
  each<T extends { resource: Resource }>(items: Iterable<T>, fn: (item: T) => void): void;
}

export interface Rule {
  readonly id: string;
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE}/${id}/README.md`;
}

/** Identity helper that types a rule module. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
