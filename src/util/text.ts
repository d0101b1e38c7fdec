/** Small helpers every layer uses: lists in messages, Go's boolean parsing, typo hints. */

/** "a", "a and b", "a, b and c"; past `max` items, "a, b, c and 4 more". */
export function listText(items: readonly string[], max = Infinity): string {
  const uniq = [...new Set(items)];
  if (uniq.length > max) return `${uniq.slice(0, max).join(', ')} and ${uniq.length - max} more`;
  return uniq.length <= 1 ? (uniq[0] ?? '') : `${uniq.slice(0, -1).join(', ')} and ${uniq[uniq.length - 1]}`;
}

/** Each item in double quotes: `"a"`, `"b"`. */
export function quoted(items: readonly string[]): string[] {
  return items.map((x) => `"${x}"`);
}

/** A value as Go's strconv.ParseBool reads it (istiod's feature flags, Istio's boolean labels and annotations); anything else is false. */
export function parseGoBool(v: unknown): boolean {
  return v === true || (typeof v === 'string' && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v));
}

/** The candidate within two edits of `word` (case-insensitive), for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Levenshtein distance, cut off at 3. */
export function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
