import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKustomize } from '../src/load/kustomize.js';
import { cli, tempTree } from './helpers/run-cli.js';
import { meshlint, ROOT } from './helpers/cli.js';

// --kustomize lints what kustomize renders, at the files the objects come from; without it, the
// files a kustomization uses as patches are skipped. kubectl (or kustomize) renders; the tests that
// need it are skipped when neither is installed.

const tool = findKustomize();

const BASE: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n- namespace.yaml\n- cart.yaml\n- policy.yaml\n',
  'base/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
  'base/cart.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: cart}\n  template:\n    metadata:\n      labels: {app: cart}\n    spec:\n      containers: [{name: cart, image: cart}]\n',
  // Line 13: methods. ztunnel cannot enforce it — once the overlay puts the namespace in ambient.
  'base/policy.yaml': 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: cart-get\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: cart\n  rules:\n  - to:\n    - operation:\n        methods: ["GET"]\n',
  'ambient/kustomization.yaml': 'resources:\n- ../base\nnamePrefix: prod-\npatches:\n- path: ambient.yaml\n',
  'ambient/ambient.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n',
};

type Results = Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number; message: string }> }>;

describe.runIf(tool)('--kustomize', () => {
  it('lints the rendered objects, reported at the lines of the files they come from', async () => {
    const dir = tempTree(BASE);
    const r = await cli(['-f', 'json', '--kustomize', 'ambient'], { cwd: dir });
    const results = JSON.parse(r.out) as Results;
    const findings = results.flatMap((f) => f.messages.map((m) => ({ file: f.filePath.slice(dir.length + 1), ...m })));
    // The patch put the namespace in ambient: ztunnel enforces the policy and cannot match methods.
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['base/policy.yaml:13:9 ztunnel-l7-policy']);
    // The policy is named as rendered (namePrefix), without kustomize's origin annotation.
    expect(findings[0]!.message).toContain('AuthorizationPolicy "prod-cart-get"');
    expect(r.code).toBe(1);
  });

  it('without it, the same tree is linted as written: the patch is skipped, the base is not ambient', async () => {
    const dir = tempTree(BASE);
    const r = await cli(['-f', 'json', '.'], { cwd: dir });
    expect((JSON.parse(r.out) as Results).flatMap((f) => f.messages.map((m) => m.ruleId))).not.toContain('ztunnel-l7-policy');
    expect(r.err).toContain('1 kustomize patch');
    expect(r.err).toContain('--kustomize lints the rendered output');
  });

  it('renders only the overlays when a folder holds both a base and its overlay', async () => {
    const dir = tempTree(BASE);
    const r = await cli(['-f', 'json', '--kustomize', '.'], { cwd: dir });
    const findings = (JSON.parse(r.out) as Results).flatMap((f) => f.messages);
    // Rendered once, from the overlay: not also from the base (which would be a second cart-get, not in ambient).
    expect(findings.map((m) => m.ruleId)).toEqual(['ztunnel-l7-policy']);
  });

  it('a kustomization that does not render is a diagnostic on it; the rest is linted', async () => {
    const dir = tempTree({ ...BASE, 'broken/kustomization.yaml': 'resources:\n- missing.yaml\n' });
    const r = await cli(['-f', 'json', '--kustomize', 'ambient', 'broken'], { cwd: dir });
    const results = JSON.parse(r.out) as Results;
    const broken = results.find((f) => f.filePath.endsWith(join('broken', 'kustomization.yaml')))!;
    expect(broken.messages).toHaveLength(1);
    expect(broken.messages[0]!.ruleId).toBe('unreadable-file');
    expect(broken.messages[0]!.message).toMatch(/^The kustomization could not be rendered, so its objects are not linted: (kustomize build|kubectl kustomize) failed: .*missing\.yaml/);
    expect(results.flatMap((f) => f.messages.map((m) => m.ruleId))).toContain('ztunnel-l7-policy');
  });

  it('the kustomize example: clean as written and as rendered', () => {
    const cwd = join(ROOT, 'examples', 'kustomize');
    const written = meshlint(['.'], { cwd });
    expect([written.code, written.stdout]).toEqual([0, '']);
    expect(written.stderr).toContain('meshlint: 3 files skipped (2 not Kubernetes manifests, 1 kustomize patch); --verbose lists them');
    const rendered = meshlint(['--kustomize', 'overlays/prod'], { cwd });
    expect([rendered.code, rendered.stdout]).toEqual([0, '']);
  });
});

describe('--kustomize without kustomize or kubectl', () => {
  it('is a usage error naming both', () => {
    const r = meshlint(['--kustomize', '.'], { cwd: tempTree(BASE), env: { PATH: tempTree({ 'README': 'no tools here' }) } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('meshlint: --kustomize renders kustomizations with `kustomize build` or `kubectl kustomize`, and neither kustomize nor kubectl is on PATH\n');
  });
});
