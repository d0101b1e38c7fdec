import { isRecord } from '../model/resource.js';

/** A resource's spec, after the CRD checks passed (so the fields have their schema types). */
export type Spec = Record<string, unknown>;

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function asSpec(v: unknown): Spec | undefined {
  return isRecord(v) ? v : undefined;
}

const DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** labels.IsDNS1123Label. */
export function isDns1123Label(v: string): boolean {
  return v.length <= 63 && DNS1123_LABEL.test(v);
}
