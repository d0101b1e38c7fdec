import { describe, expect, it } from 'vitest';
import { AMBIENT_SHOP, cli, tempTree } from './helpers/run-cli.js';
import { ROOT } from './helpers/cli.js';

// `meshlint .` on an ordinary repository: the YAML and JSON that are not Kubernetes manifests are
// passed over quietly and counted; a file named on the command line is always linted.

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: web}]\n';

const REPO: Record<string, string> = {
  'package.json': '{"name": "app", "version": "1.0.0"}\n',
  'package-lock.json': '{"lockfileVersion": 3}\n',
  'tsconfig.json': '{"compilerOptions": {}}\n',
  '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n',
  '.pre-commit-config.yaml': 'repos:\n- repo: local\n  hooks: []\n',
  'docker-compose.yml': 'services:\n  web:\n    image: nginx\n',
  // A workflow with a syntax error and no apiVersion is still not a manifest.
  '.github/workflows/broken.yml': 'on: [push\n',
  // A Helm chart: its templates are not YAML until rendered, its values are not manifests.
  'charts/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
  'charts/shop/values.yaml': 'replicas: 2\nkind: notreally\n',
  'charts/shop/values-prod.yaml': 'replicas: 5\n',
  'charts/shop/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\n  labels: {}\n{{- end }}\n',
  'charts/shop/templates/_helpers.tpl': '{{- define "x" -}}{{- end -}}\n',
  'charts/shop/crds/crd.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: carts.shop.example\n',
  // A kustomize overlay: the patch is a partial Deployment, the JSON patch a list of operations.
  'deploy/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
  'deploy/base/deployment.yaml': DEPLOYMENT,
  'deploy/overlay/kustomization.yaml': 'resources: [../base]\npatches:\n- path: replicas.yaml\n- path: ../patches/json.yaml\n  target: {kind: Deployment}\npatchesStrategicMerge:\n- labels.yaml\n- |-\n  apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: inline}\n',
  'deploy/overlay/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 3\n',
  'deploy/overlay/labels.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {tier: front}\n',
  'deploy/patches/json.yaml': '- op: replace\n  path: /spec/replicas\n  value: 3\n',
};

describe('walking a folder', () => {
  it('passes over files that are not manifests, counts them, and lints the manifests', async () => {
    const dir = tempTree({ ...REPO, ...AMBIENT_SHOP });
    const r = await cli(['-f', 'json', '.'], { cwd: dir });
    const results = JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    const linted = results.map((f) => f.filePath.slice(dir.length + 1)).sort();
    expect(linted).toEqual(['charts/shop/crds/crd.yaml', 'deploy/base/deployment.yaml', 'namespace.yaml', 'policy.yaml', 'workloads.yaml']);
    // The manifests' own finding is still there, and nothing about the other files.
    expect(results.flatMap((f) => f.messages.map((m) => m.ruleId))).toEqual(['ztunnel-l7-policy']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('meshlint: 16 files skipped (12 not Kubernetes manifests, 1 Helm chart template, 3 kustomize patches); --verbose lists them');
    expect(r.err).toContain('--verbose lists them');
    expect(r.err).toContain('helm template charts/shop | meshlint -');
    expect(r.err).toContain('--kustomize lints the rendered output');
  });

  it('--verbose lists each skipped file and why; --quiet says nothing', async () => {
    const dir = tempTree(REPO);
    const r = await cli(['--verbose', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const listed = r.err.split('\n').filter((l) => l.startsWith('  '));
    expect(listed).toContain('  package.json: not a Kubernetes manifest');
    expect(listed).toContain('  .github/workflows/broken.yml: not a Kubernetes manifest');
    expect(listed).toContain('  charts/shop/templates/deployment.yaml: Helm chart template (charts/shop/Chart.yaml)');
    expect(listed).toContain('  deploy/overlay/replicas.yaml: kustomize patch (deploy/overlay/kustomization.yaml)');
    expect(listed).toContain('  deploy/patches/json.yaml: kustomize patch (deploy/overlay/kustomization.yaml)');
    expect(listed).toContain('  deploy/overlay/kustomization.yaml: not a Kubernetes manifest');
    // Not YAML or JSON: never looked at.
    expect(r.err).not.toContain('_helpers.tpl');
    expect((await cli(['--quiet', '.'], { cwd: dir })).err).toBe('');
  });

  it('a file named on the command line is linted whatever it holds, with a hint for a template', async () => {
    const dir = tempTree(REPO);
    const r = await cli(['-f', 'json', 'package.json', 'charts/shop/templates/deployment.yaml', 'deploy/overlay/replicas.yaml'], { cwd: dir });
    const byFile = Object.fromEntries((JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string }> }>).map((f) => [f.filePath.slice(dir.length + 1), f.messages]));
    expect(byFile['package.json']!.map((m) => m.ruleId)).toEqual(['schema']);
    const template = byFile['charts/shop/templates/deployment.yaml']!;
    expect(template[0]!.ruleId).toBe('yaml-syntax');
    expect(template[0]!.message).toContain('This looks like a Helm or Go template');
    expect(template[0]!.message).toContain('helm template <chart> | meshlint -');
    expect(byFile['deploy/overlay/replicas.yaml']).toBeDefined();
    expect(r.err).toBe('');
  });

  it('a manifest with a syntax error is reported, not skipped', async () => {
    const dir = tempTree({ 'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: [\n' });
    const r = await cli(['-f', 'json', '.'], { cwd: dir });
    expect((JSON.parse(r.out) as Array<{ messages: Array<{ ruleId: string }> }>)[0]!.messages.map((m) => m.ruleId)).toEqual(['yaml-syntax']);
    expect(r.err).toBe('');
  });

  it('a folder named on the command line is walked even when .meshlintignore names it; a named file stays ignored', async () => {
    const dir = tempTree({ '.meshlintignore': 'examples/\n*.skip.yaml\n', ...Object.fromEntries(Object.entries(AMBIENT_SHOP).map(([k, v]) => [`examples/${k}`, v])), 'examples/x.skip.yaml': AMBIENT_SHOP['policy.yaml']! });
    expect((await cli(['.'], { cwd: dir })).code).toBe(0);
    const named = await cli(['-f', 'json', 'examples'], { cwd: dir });
    expect(named.code).toBe(1);
    // The pattern that names the folder does not apply inside it; the others still do.
    expect((JSON.parse(named.out) as Array<{ filePath: string }>).map((f) => f.filePath.slice(dir.length + 1)).sort()).toEqual(['examples/namespace.yaml', 'examples/policy.yaml', 'examples/workloads.yaml']);
    const ignored = await cli(['-f', 'json', 'examples/x.skip.yaml'], { cwd: dir });
    expect(ignored.out).toBe('[]');
    expect(ignored.code).toBe(0);
    // As ESLint warns of an ignored file it was given: not silently nothing.
    expect(ignored.err).toMatch(/^meshlint: 1 file skipped \(1 named but ignored\); --verbose lists them\nmeshlint: files named on the command line that an ignore pattern matches .* are not linted; --no-ignore disregards \.meshlintignore\n$/);
    expect((await cli(['-f', 'json', 'examples/policy.yaml'], { cwd: dir })).out).toBe('[]');
    const linted = await cli(['-f', 'json', '--no-ignore', 'examples/x.skip.yaml'], { cwd: dir });
    expect((JSON.parse(linted.out) as Array<{ filePath: string }>).map((f) => f.filePath.slice(dir.length + 1))).toEqual(['examples/x.skip.yaml']);
    expect(linted.err).toBe('');
  });
});

describe('this repository', () => {
  it('`meshlint .` at its root exits 0, quietly, and counts what it skipped', async () => {
    const r = await cli(['.'], { cwd: ROOT });
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^meshlint: \d+ files skipped \(\d+ not Kubernetes manifests\); --verbose lists them\n$/);
  });
});

describe('--skip-non-manifests (pre-commit names every changed YAML file)', () => {
  it('passes over named files as a walk would, and still lints the named manifests', async () => {
    const dir = tempTree({ ...REPO, ...AMBIENT_SHOP });
    const named = [...Object.keys(REPO).filter((f) => !f.endsWith('.tpl')), ...Object.keys(AMBIENT_SHOP)];
    const r = await cli(['-f', 'json', '--skip-non-manifests', '--verbose', ...named], { cwd: dir });
    const linted = (JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>).map((f) => [f.filePath.slice(dir.length + 1), f.messages.map((m) => m.ruleId)]);
    expect(linted).toEqual([
      ['charts/shop/crds/crd.yaml', []],
      ['deploy/base/deployment.yaml', []],
      ['namespace.yaml', []],
      ['policy.yaml', ['ztunnel-l7-policy']],
      ['workloads.yaml', []],
    ]);
    expect(r.err).toContain('  charts/shop/templates/deployment.yaml: Helm chart template (charts/shop/Chart.yaml)');
    expect(r.err).toContain('  charts/shop/Chart.yaml: not a Kubernetes manifest');
    expect(r.err).toContain('  deploy/overlay/replicas.yaml: kustomize patch (deploy/overlay/kustomization.yaml)');
    // Its kustomization is in a sibling folder, not above it: passed over for what it holds.
    expect(r.err).toContain('  deploy/patches/json.yaml: not a Kubernetes manifest');
    expect(r.err).toContain('  package.json: not a Kubernetes manifest');
    expect(r.code).toBe(1);
  });
});
