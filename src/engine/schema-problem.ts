import type { Path } from '../types.js';

/** A `schema` finding at a field of a resource (the path is under the resource's root). */
export interface SchemaProblem {
  path: Path;
  message: string;
  part: 'key' | 'value';
  /** A warning, as istiod's webhook gives some (the apply goes through). */
  warning?: boolean;
}

/** `spec.rules[0].from`: a path as a person writes it. */
export function formatPath(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  const uniq = [...new Set(items)];
  return uniq.length <= 1 ? (uniq[0] ?? '') : `${uniq.slice(0, -1).join(', ')} or ${uniq[uniq.length - 1]}`;
}
