import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule, registerRule } from '../src/engine/rule.js';
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
  [/\n  namespace: [a-z0-9-]+\n/, '\n'],
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

describe('what an edit runs again', () => {
  // A rule that visits Services and reads workloads, counting what it does.
  const calls = { create: 0, visits: [] as string[] };
  const probe = registerRule(
    'probe',
    defineRule({
      meta: {
        type: 'problem',
        docs: { description: 'Counts its runs: a Service without pods in the input.', recommended: true },
        messages: { noPods: 'Service "{{name}}" selects no pod.' },
        schema: [],
        defaultSeverity: 'error',
        reads: ['Workload'],
      },
      create(context) {
        calls.create++;
        return {
          Service(s) {
            calls.visits.push(s.name);
            if (context.model.servicePods(s).length === 0) context.report({ node: s, messageId: 'noPods', data: { name: s.name } });
          },
        };
      },
    }),
  );
  const service = (name: string, app: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  selector:\n    app: ${app}\n  ports:\n  - port: 80\n`;
  const deployment = (app: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n      - name: app\n        image: app\n`;
  const policy = (namespace: string) => `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: deny\n  namespace: ${namespace}\nspec:\n  action: DENY\n  rules:\n  - {}\n`;

  it('reuses, visits only the edited objects, or runs in full, as the edit touches what the rule reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshlint-probe-'));
    try {
      mkdirSync(join(dir, 'shop'));
      writeFileSync(join(dir, 'shop', 'namespace.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
      writeFileSync(join(dir, 'shop', 'services.yaml'), `${service('cart', 'cart')}---\n${service('search', 'search')}`);
      writeFileSync(join(dir, 'shop', 'apps.yaml'), deployment('cart'));
      writeFileSync(join(dir, 'shop', 'policy.yaml'), policy('shop'));
      const ws = new Workspace(dir, [probe]);
      const findings = async () => [...(await ws.lint()).byFile.values()].flat().map((d) => d.message);
      const step = async () => {
        calls.create = 0;
        calls.visits = [];
        const f = await findings();
        return { create: calls.create, visits: [...calls.visits].sort(), findings: f };
      };
      expect(await step()).toEqual({ create: 1, visits: ['cart', 'search'], findings: ['Service "search" selects no pod.'] });
      expect((await ws.lint()).byFile.get(join(dir, 'shop', 'services.yaml'))!.map((d) => d.line)).toEqual([12]);
      // A policy: a kind the rule neither reads nor visits. Its findings stand, nothing runs.
      ws.open(join(dir, 'shop', 'policy.yaml'), policy('shop').replace('DENY', 'ALLOW'));
      expect(await step()).toEqual({ create: 0, visits: [], findings: ['Service "search" selects no pod.'] });
      // One Service changed, one moved down a line: only the changed one is visited; the moved one's finding is placed again.
      ws.open(join(dir, 'shop', 'services.yaml'), `# moved\n${service('cart', 'cart-v2')}---\n${service('search', 'search')}`);
      const moved = await step();
      expect(moved).toEqual({ create: 1, visits: ['cart'], findings: ['Service "cart" selects no pod.', 'Service "search" selects no pod.'] });
      expect((await ws.lint()).byFile.get(join(dir, 'shop', 'services.yaml'))!.map((d) => d.line)).toEqual([2, 13]);
      // A workload: a kind the rule reads. It runs in full.
      ws.open(join(dir, 'shop', 'apps.yaml'), `${deployment('cart-v2')}---\n${deployment('search')}`);
      expect(await step()).toEqual({ create: 1, visits: ['cart', 'search'], findings: [] });
      // A namespace without labels new to the workspace: only rules that asked about it (or about every namespace) run again.
      ws.open(join(dir, 'shop', 'policy.yaml'), policy('elsewhere'));
      expect(await step()).toEqual({ create: 0, visits: [], findings: [] });
      const asking = new Workspace(dir, [registerRule('probe', { ...probe.definition, create: (context) => (context.model.hasNamespace('elsewhere'), probe.definition.create(context)) })]);
      await asking.lint();
      asking.open(join(dir, 'shop', 'policy.yaml'), policy('elsewhere'));
      calls.create = 0;
      await asking.lint();
      expect(calls.create).toBe(1);
      // One with labels (they may choose a data plane for namespaces no rule names): every rule runs.
      ws.open(join(dir, 'shop', 'namespace.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n  labels:\n    istio-injection: enabled\n');
      expect(await step()).toEqual({ create: 1, visits: ['cart', 'search'], findings: [] });
      // A rule that writes a place into its message runs in full after any edit: the place may have moved.
      const placing = new Workspace(dir, [registerRule('probe', { ...probe.definition, create: (context) => (context.locate({ resource: context.model.services[0]!.resource, path: [] }), probe.definition.create(context)) })]);
      await placing.lint();
      placing.open(join(dir, 'shop', 'policy.yaml'), policy('shop').replace('DENY', 'ALLOW'));
      calls.create = 0;
      await placing.lint();
      expect(calls.create).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
