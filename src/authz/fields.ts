import type { AuthorizationPolicy } from '../model/kinds.js';
import { arr, isRecord, str } from '../model/resource.js';
import type { Path } from '../types.js';

/**
 * Where an AuthorizationPolicy names its callers: the `from.source` fields and the `when` keys that
 * istiod turns into the same matchers (pilot/pkg/security/authz/model/model.go, generateMetadata:
 * `principals` and `source.principal` share srcPrincipalGenerator, `namespaces` and
 * `source.namespace` srcNamespaceGenerator, and so on).
 */
export interface SourceFieldUse {
  ruleIndex: number;
  /** The `from.source` field (`principals`) or the `when` key (`source.principal`). */
  field: string;
  /** `from` entry index, for source fields. */
  fromIndex?: number;
  /** Number of `from` entries of the rule (they are ORed). */
  fromCount: number;
  /** `when` entry index, for conditions. */
  whenIndex?: number;
  /** A `not*` field, or a condition with `notValues` only: it matches when none of its values do. */
  negative: boolean;
  /** The string entries with their paths. */
  values: Array<{ value: string; path: Path }>;
  /** Where to point for the field as a whole: the source field's key, or the condition's `key` value. */
  at: { path: Path; part: 'key' | 'value' };
}

export interface FieldSpec {
  /** `from.source` fields to look for, with whether each is a negative (`not*`) field. */
  source: ReadonlyArray<readonly [field: string, negative: boolean]>;
  /** `when` keys to look for (exact, or a prefix ending with `[`, such as `request.auth.claims[`). */
  when: readonly string[];
}

function whenKeyMatches(key: string, keys: readonly string[]): boolean {
  return keys.some((k) => (k.endsWith('[') ? key.startsWith(k) : key === k));
}

function stringEntries(v: unknown, base: Path): Array<{ value: string; path: Path }> {
  const out: Array<{ value: string; path: Path }> = [];
  arr(v).forEach((x, i) => {
    const s = str(x);
    if (s !== undefined) out.push({ value: s, path: [...base, i] });
  });
  return out;
}

/**
 * Every use of the given source fields and `when` keys in a policy's rules. By default a condition
 * with both `values` and `notValues` is one use, with its `values` (the two are ANDed, so `values`
 * decides whether it can match) and `negative: false`; with `splitConditions` each list is a use of
 * its own, pointing at its `values`/`notValues` key.
 */
export function sourceFieldUses(p: AuthorizationPolicy, spec: FieldSpec, splitConditions = false): SourceFieldUse[] {
  const out: SourceFieldUse[] = [];
  (p.rules ?? []).forEach((rule, ruleIndex) => {
    if (!isRecord(rule)) return;
    const base: Path = ['spec', 'rules', ruleIndex];
    const froms = arr(rule.from);
    froms.forEach((from, fromIndex) => {
      const src = isRecord(from) && isRecord(from.source) ? from.source : undefined;
      if (!src) return;
      for (const [field, negative] of spec.source) {
        const path: Path = [...base, 'from', fromIndex, 'source', field];
        const values = stringEntries(src[field], path);
        if (values.length === 0) continue;
        out.push({ ruleIndex, field, fromIndex, fromCount: froms.length, negative, values, at: { path, part: 'key' } });
      }
    });
    arr(rule.when).forEach((when, whenIndex) => {
      if (!isRecord(when) || typeof when.key !== 'string' || !whenKeyMatches(when.key, spec.when)) return;
      const wbase: Path = [...base, 'when', whenIndex];
      const values = stringEntries(when.values, [...wbase, 'values']);
      const notValues = stringEntries(when.notValues, [...wbase, 'notValues']);
      if (values.length === 0 && notValues.length === 0) return;
      if (splitConditions) {
        for (const [list, negative, key] of [[values, false, 'values'], [notValues, true, 'notValues']] as const) {
          if (list.length === 0) continue;
          out.push({ ruleIndex, field: when.key, whenIndex, fromCount: froms.length, negative, values: list, at: { path: [...wbase, key], part: 'key' } });
        }
        return;
      }
      const negative = values.length === 0;
      out.push({
        ruleIndex,
        field: when.key,
        whenIndex,
        fromCount: froms.length,
        negative,
        values: negative ? notValues : values,
        at: { path: [...wbase, 'key'], part: 'value' },
      });
    });
  });
  return out;
}

/** `spec.rules[0].from[1].source.principals` or `spec.rules[0].when[2]` (source.principal), for messages. */
export function fieldLabel(use: SourceFieldUse): string {
  return use.whenIndex === undefined ? `"${use.field}"` : `the "${use.field}" condition`;
}

/**
 * What an entry that matches no caller does to its rule: a positive field admits (denies, audits…)
 * no caller; a negative one excludes no caller. `detail` adds the runtime effect for ALLOW and DENY.
 */
export function noCallerConsequence(p: AuthorizationPolicy, use: SourceFieldUse, detail = false): string {
  if (use.negative) return p.action === 'DENY' ? 'it spares no caller from this DENY rule' : 'it excludes no caller';
  switch (p.action) {
    case 'DENY':
      return detail ? 'it denies no caller: the traffic it should block gets through' : 'it denies no caller';
    case 'AUDIT':
      return 'it audits no caller';
    case 'CUSTOM':
      return 'it sends no caller to the external authorizer';
    default:
      return detail ? 'it admits no caller: its intended callers are refused unless another rule admits them' : 'it admits no caller';
  }
}
