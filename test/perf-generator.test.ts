import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
// @ts-expect-error plain ESM script without types
import { generateMesh } from '../scripts/gen-mesh.mjs';

// The benchmark's mesh generator (scripts/gen-mesh.mjs): same arguments, same bytes; the mix of
// kinds the performance issue names; about 20 resources a namespace.

const root = mkdtempSync(join(tmpdir(), 'meshlint-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('gen-mesh', () => {
  it('writes the same files for the same arguments, other files for another seed', () => {
    const a = generateMesh(12, join(root, 'a'), { seed: 5 });
    const b = generateMesh(12, join(root, 'b'), { seed: 5 });
    generateMesh(12, join(root, 'c'), { seed: 6 });
    expect(a).toEqual(b);
    expect(snapshot(join(root, 'a'))).toEqual(snapshot(join(root, 'b')));
    expect(snapshot(join(root, 'c'))).not.toEqual(snapshot(join(root, 'a')));
  });

  it('holds the kinds of a mesh, about 20 resources a namespace', () => {
    const dir = join(root, 'mix');
    const r = generateMesh(200, dir);
    expect(r.resources / 200).toBeGreaterThan(18);
    expect(r.resources / 200).toBeLessThan(22);
    const kinds = new Map<string, number>();
    let total = 0;
    for (const text of snapshot(dir).values()) {
      for (const doc of parseAllDocuments(text)) {
        expect(doc.errors).toEqual([]);
        const v = doc.toJS() as { kind?: string; apiVersion?: string } | null;
        if (!v) continue;
        total++;
        const key = `${v.apiVersion}/${v.kind}`;
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
      }
    }
    expect(total).toBe(r.resources);
    for (const k of [
      'v1/Namespace',
      'v1/ServiceAccount',
      'v1/Service',
      'apps/v1/Deployment',
      'security.istio.io/v1/AuthorizationPolicy',
      'security.istio.io/v1/PeerAuthentication',
      'networking.istio.io/v1/DestinationRule',
      'gateway.networking.k8s.io/v1/Gateway',
      'serving.knative.dev/v1/Service',
    ]) {
      expect(kinds.get(k) ?? 0, k).toBeGreaterThan(0);
    }
  });
});
