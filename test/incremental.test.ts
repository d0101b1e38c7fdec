import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/generated/rules.js';
import { Workspace, type WorkspaceLint } from '../src/lsp/workspace.js';
import { listFixtures } from './helpers/fixtures.js';
// @ts-expect-error plain ESM script without types
import { generateMesh } from '../scripts/gen-mesh.mjs';

// The language server runs a rule again after an edit only when the edit touches a kind the rule
// reads (`meta.reads`; src/engine/rule-cache.ts). Whatever it skips, what it publishes must be
// what a lint of the edited workspace from scratch gives. Every fixture case is edited here
// document by document — each YAML document taken out, then put back — and after each edit the
// incremental result is compared, finding by finding (suggestions included), with a fresh lint.

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.(ya?ml|json)$/.test(name) && name !== '.meshlint.yaml' ? [p] : [];
    });
}

/** Every published diagnostic, with what a quick fix would show. */
function published(l: WorkspaceLint): unknown {
  return [...l.byFile].map(([file, ds]) => [file, ds.map((d) => ({ ...d, suggestions: d.suggestions?.map((s) => ({ desc: s.desc, fix: s.fix, edit: s.edit })) }))]);
}

async function fresh(dir: string, buffers: Map<string, string>): Promise<unknown> {
  const ws = new Workspace(dir, RULES);
  for (const [p, t] of buffers) ws.open(p, t);
  return published(await ws.lint());
}

/** The documents of a YAML text, each with the text it leaves when taken out. */
function withoutEachDocument(text: string): string[] {
  const parts = text.split(/^(?=---\s*$)/m);
  if (parts.length < 2) return [''];
  return parts.map((_, i) => parts.filter((__, j) => j !== i).join(''));
}

describe('incremental runs give what a full lint gives', () => {
  for (const c of listFixtures()) {
    it(c.name, async () => {
      const ws = new Workspace(c.dir, RULES);
      const original = published(await ws.lint());
      for (const file of yamlFiles(c.dir)) {
        const text = readFileSync(file, 'utf8');
        for (const edited of withoutEachDocument(text)) {
          ws.open(file, edited);
          expect(published(await ws.lint()), `${file} edited`).toEqual(await fresh(c.dir, new Map([[file, edited]])));
          ws.open(file, text);
          expect(published(await ws.lint()), `${file} restored`).toEqual(original);
        }
        ws.close(file);
      }
    });
  }
});

/** Changes of one value each, of the kinds that move findings: modes, actions, labels, accounts, namespaces. */
const FLIPS: Array<[RegExp, string]> = [
  [/\bSTRICT\b/, 'PERMISSIVE'],
  [/\bPERMISSIVE\b/, 'STRICT'],
  [/\bDISABLE\b/, 'STRICT'],
  [/action: ALLOW/, 'action: DENY'],
  [/action: DENY/, 'action: ALLOW'],
  [/ISTIO_MUTUAL/, 'DISABLE'],
  [/istio.io\/dataplane-mode: ambient/, 'istio.io/dataplane-mode: none'],
  [/istio-injection: enabled/, 'istio-injection: disabled'],
  [/istio.io\/use-waypoint: (\S+)/, 'istio.io/use-waypoint: none'],
  [/\bapp: (\S+)/, 'app: $1-edited'],
  [/serviceAccountName: (\S+)/, 'serviceAccountName: $1-edited'],
  [/\/sa\/([a-z0-9-]+)/, '/sa/$1-edited'],
  [/namespace: team-0000(\d)/, 'namespace: team-0000$1-edited'],
  [/targetPort: (\d+)/, 'targetPort: 1$1'],
  [/paths: \[([^\]]*)\]/, 'paths: ["/edited"]'],
];

describe('incremental runs on a generated mesh give what a full lint gives', () => {
  it('every document taken out and every value flip, in a namespace of each data plane and the mesh-wide folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshlint-incremental-'));
    try {
      generateMesh(8, dir);
      const ws = new Workspace(dir, RULES);
      const original = published(await ws.lint());
      const folders = ['istio-system', 'knative-serving', 'team-00000', 'team-00001', 'team-00002', 'team-00003'];
      let edits = 0;
      for (const folder of folders) {
        for (const file of yamlFiles(join(dir, folder))) {
          const text = readFileSync(file, 'utf8');
          const variants = [...withoutEachDocument(text), ...FLIPS.map(([from, to]) => text.replace(from, to)).filter((t) => t !== text)];
          for (const edited of variants) {
            edits++;
            ws.open(file, edited);
            expect(published(await ws.lint()), `${file} edited`).toEqual(await fresh(dir, new Map([[file, edited]])));
            ws.open(file, text);
            expect(published(await ws.lint()), `${file} restored`).toEqual(original);
          }
          ws.close(file);
        }
      }
      expect(edits).toBeGreaterThan(60);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
