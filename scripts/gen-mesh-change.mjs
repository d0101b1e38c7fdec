#!/usr/bin/env node
// A second version of a mesh from scripts/gen-mesh.mjs, for `diff-access` benchmarks:
// `node scripts/gen-mesh-change.mjs <meshdir> [--every 50]`. In every 50th namespace the L4 allow
// names another caller (closes an edge); in every 50th, offset by 25, the namespace's services are
// opened to the callers of team-00000 (opens edges). Edits in place; same input, same bytes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} dir a mesh written by generateMesh
 * @param {{ every?: number }} [opts]
 * @returns {{ changed: number }}
 */
export function changeMesh(dir, opts = {}) {
  const every = opts.every ?? 50;
  let changed = 0;
  for (let i = 0; ; i++) {
    const name = `team-${String(i).padStart(5, '0')}`;
    const file = join(dir, name, 'security.yaml');
    if (!existsSync(file)) break;
    if (i % every === 0) {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/(principals:\n\s+- cluster\.local\/ns\/[^/]+\/sa\/)[a-z]+/, '$1nobody'));
      changed++;
    } else if (i % every === Math.floor(every / 2)) {
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        `${text}---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: from-team-00000
  namespace: ${name}
spec:
  rules:
  - from:
    - source:
        namespaces: ["team-00000"]
`,
      );
      changed++;
    }
  }
  return { changed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir] = process.argv.slice(2);
  const i = process.argv.indexOf('--every');
  console.log(changeMesh(dir, { every: i > 0 ? Number(process.argv[i + 1]) : undefined }));
}
