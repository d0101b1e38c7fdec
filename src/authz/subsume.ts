import { arr, isRecord } from '../model/resource.js';

/**
 * Conservative subsumption between AuthorizationPolicy rules: `covers(d, r)` is true only when
 * every request that rule `r` matches is certainly matched by rule `d`. When unsure (negations,
 * CIDRs, path templates), it answers false: a missed shadow is better than a false report.
 */

/** Whether every non-empty string matching `inner` also matches `outer` (Istio string patterns). */
export function patternCovers(outer: string, inner: string): boolean {
  if (outer === '*') return true;
  if (inner === '*') return false;
  if (outer.startsWith('*')) {
    const suf = outer.slice(1);
    if (inner.startsWith('*')) return inner.slice(1).endsWith(suf);
    if (inner.endsWith('*')) return false;
    return inner.endsWith(suf);
  }
  if (outer.endsWith('*')) {
    const pre = outer.slice(0, -1);
    if (inner.endsWith('*')) return inner.slice(0, -1).startsWith(pre);
    if (inner.startsWith('*')) return false;
    return inner.startsWith(pre);
  }
  return outer === inner;
}

function strings(v: unknown): string[] {
  return arr(v).filter((x): x is string => typeof x === 'string');
}

const hasValues = (v: unknown) => Array.isArray(v) && v.length > 0;

/** `outerValues` (ORed) accept everything `innerValues` (ORed) accept; `exact` compares literally. */
function valuesCover(outerValues: string[], innerValues: string[], exact: boolean): boolean {
  if (innerValues.length === 0) return false; // inner is unconstrained on this field
  return innerValues.every((iv) => outerValues.some((ov) => (exact ? ov === iv : patternCovers(ov, iv))));
}

const PATTERN_FIELDS = new Set(['principals', 'namespaces', 'requestPrincipals', 'hosts', 'paths']);

/** An entry (a `source` or an `operation`, fields ANDed) is covered when each of outer's fields is. */
function entryCovers(outer: Record<string, unknown>, inner: Record<string, unknown>): boolean {
  for (const [key, val] of Object.entries(outer)) {
    if (!hasValues(val)) continue;
    if (key.startsWith('not')) {
      // outer excludes some values: only safe if inner excludes at least the same ones, exactly.
      const inNot = strings(inner[key]);
      if (!strings(val).every((v) => inNot.includes(v))) return false;
      continue;
    }
    const exact = !PATTERN_FIELDS.has(key) || (key === 'paths' && strings(val).some((p) => p.includes('{')));
    if (!valuesCover(strings(val), strings(inner[key]), exact)) return false;
  }
  return true;
}

/** A list of entries (ORed) covers another when each inner entry is covered by some outer entry. */
function listCovers(outer: unknown[], inner: unknown[], field: 'source' | 'operation'): boolean {
  if (outer.length === 0) return true;
  if (inner.length === 0) return false;
  const get = (e: unknown) => (isRecord(e) && isRecord(e[field]) ? e[field] : {});
  return inner.every((ie) => outer.some((oe) => entryCovers(get(oe), get(ie))));
}

function whenCovers(outer: unknown[], inner: unknown[]): boolean {
  return outer.every((oc) => {
    if (!isRecord(oc) || typeof oc.key !== 'string') return false;
    if (hasValues(oc.notValues)) return false;
    const ov = strings(oc.values);
    return inner.some((ic) => isRecord(ic) && ic.key === oc.key && !hasValues(ic.notValues) && valuesCover(ov, strings(ic.values), false));
  });
}

/** Whether rule `outer` matches every request that rule `inner` matches. */
export function ruleCovers(outer: unknown, inner: unknown): boolean {
  if (!isRecord(outer) || !isRecord(inner)) return false;
  return (
    listCovers(arr(outer.from), arr(inner.from), 'source') &&
    listCovers(arr(outer.to), arr(inner.to), 'operation') &&
    whenCovers(arr(outer.when), arr(inner.when))
  );
}
