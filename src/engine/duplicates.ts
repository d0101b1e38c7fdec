import { relative } from 'node:path';
import { isRecord, resourceLabel, type Resource } from '../model/resource.js';
import { MeshMessage } from './diagnostic.js';

/**
 * `duplicate-resource`: two objects of the same API group, kind, namespace and name. The API server
 * holds one object per such key, so whichever is applied last replaces the other (a kustomize base
 * and its patch both linted, a copy-paste that kept the name); the model would see both. Reported
 * on the second, with the first as related. The version is not part of the key: `v1` and `v1beta1`
 * of one group are the same stored object. Identical copies (the same Namespace declared by two
 * apps' folders) are not reported: whichever is applied, the object is the same.
 */
/** Each resource's key, or null for a name the API server picks (generateName): read once, as the language server checks again after every edit. */
const keys = new WeakMap<Resource, string | null>();

function keyOf(r: Resource): string | null {
  let key = keys.get(r);
  if (key === undefined) {
    key = isRecord(r.raw.metadata) && typeof r.raw.metadata.name === 'string' && r.raw.metadata.name ? `${r.group}\u0000${r.kind}\u0000${r.namespace}\u0000${r.name}` : null;
    keys.set(r, key);
  }
  return key;
}

export function duplicateResources(resources: readonly Resource[], cwd: string): MeshMessage[] {
  const first = new Map<string, Resource>();
  const out: MeshMessage[] = [];
  for (const r of resources) {
    const key = keyOf(r);
    if (key === null) continue;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, r);
      continue;
    }
    if (canonical(earlier.raw) === canonical(r.raw)) continue;
    const at = r.doc.locate([...r.base, 'metadata', 'name'], 'value');
    const was = earlier.doc.locate([...earlier.base, 'metadata', 'name'], 'value');
    const where = `${relative(cwd, earlier.doc.file.path) || earlier.doc.file.path}:${was.start.line}`;
    out.push(
      new MeshMessage({
        ruleId: 'duplicate-resource',
        file: r.doc.file.path,
        message: `${resourceLabel(r)} is defined twice (first at ${where}): the cluster holds one object of that name, so the one applied last replaces the other. Remove one copy, or rename it.`,
        start: at.start,
        end: at.end,
        related: [{ message: `${resourceLabel(earlier)} first defined here`, file: earlier.doc.file.path, line: was.start.line, column: was.start.column }],
      }),
    );
  }
  return out;
}

/** JSON with sorted keys: equal for objects that differ only in key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (isRecord(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x));
}
