import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, emptyConfig, findConfig, loadConfig, resolveConfig, severityFor } from '../src/config.js';
import { lint } from '../src/engine/lint.js';
import { RULES } from '../src/generated/rules.js';

// An ambient namespace with an ALLOW policy that ztunnel cannot enforce: one ztunnel-l7-policy error.
const MANIFEST = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec: {template: {metadata: {labels: {app: cart}}, spec: {containers: [{name: c, image: x}]}}}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: get-only, namespace: shop}
spec:
  selector: {matchLabels: {app: cart}}
  rules: [{to: [{operation: {methods: [GET]}}]}]
`;

function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-cfg-'));
  mkdirSync(join(dir, 'manifests', 'legacy'), { recursive: true });
  writeFileSync(join(dir, 'manifests', 'app.yaml'), MANIFEST);
  writeFileSync(join(dir, 'manifests', 'legacy', 'app.yaml'), MANIFEST.replace(/shop/g, 'old'));
  if (config !== undefined) writeFileSync(join(dir, '.meshlint.yaml'), config);
  return dir;
}

async function severities(dir: string, cliRules: Record<string, 'off' | 'warn' | 'error'> = {}): Promise<Record<string, number[]>> {
  const config = resolveConfig({}, dir);
  const result = await lint({ cwd: dir, patterns: ['manifests'], config, cliRules, rules: RULES });
  const out: Record<string, number[]> = {};
  for (const r of result.results) {
    const key = r.filePath.slice(dir.length + 1);
    out[key] = r.messages.filter((m) => m.ruleId === 'ztunnel-l7-policy').map((m) => m.severity);
  }
  return out;
}

describe('rule severity precedence: default < config rules < overrides < --rule', () => {
  it('the rule default applies when nothing is configured', async () => {
    expect(await severities(project())).toEqual({ 'manifests/app.yaml': [2], 'manifests/legacy/app.yaml': [2] });
  });

  it('config rules change the default', async () => {
    expect(await severities(project('rules: {ztunnel-l7-policy: warn}\n'))).toEqual({ 'manifests/app.yaml': [1], 'manifests/legacy/app.yaml': [1] });
    expect(await severities(project('rules: {ztunnel-l7-policy: 0}\n'))).toEqual({ 'manifests/app.yaml': [], 'manifests/legacy/app.yaml': [] });
  });

  it('overrides change it for matching files only', async () => {
    const dir = project('rules: {ztunnel-l7-policy: warn}\noverrides:\n- files: ["manifests/legacy/**"]\n  rules: {ztunnel-l7-policy: off}\n');
    expect(await severities(dir)).toEqual({ 'manifests/app.yaml': [1], 'manifests/legacy/app.yaml': [] });
  });

  it('--rule wins over the config file and its overrides', async () => {
    const dir = project('rules: {ztunnel-l7-policy: off}\noverrides:\n- files: ["manifests/legacy/**"]\n  rules: {ztunnel-l7-policy: warn}\n');
    expect(await severities(dir, { 'ztunnel-l7-policy': 'error' })).toEqual({ 'manifests/app.yaml': [2], 'manifests/legacy/app.yaml': [2] });
    expect(await severities(project('rules: {ztunnel-l7-policy: error}\n'), { 'ztunnel-l7-policy': 'off' })).toEqual({
      'manifests/app.yaml': [],
      'manifests/legacy/app.yaml': [],
    });
  });

  it('severityFor follows the same order', () => {
    const config = { ...emptyConfig('/p'), rules: { r: 'warn' as const }, overrides: [{ files: ['a/*.yaml'], rules: { r: 'off' as const } }] };
    expect(severityFor('r', 'error', emptyConfig('/p'), '/p/x.yaml', {})).toBe('error');
    expect(severityFor('r', 'error', config, '/p/x.yaml', {})).toBe('warn');
    expect(severityFor('r', 'error', config, '/p/a/x.yaml', {})).toBe('off');
    expect(severityFor('r', 'error', config, '/p/a/x.yaml', { r: 'error' })).toBe('error');
    expect(severityFor('other', 'warn', config, '/p/a/x.yaml', {})).toBe('warn');
  });

  it('built-in diagnostics are configured like rules', async () => {
    const dir = project('rules: {yaml-syntax: warn}\n');
    writeFileSync(join(dir, 'manifests', 'broken.yaml'), 'kind: [\n');
    const result = await lint({ cwd: dir, patterns: ['manifests'], config: resolveConfig({}, dir), rules: RULES });
    const broken = result.results.find((r) => r.filePath.endsWith('broken.yaml'))!;
    expect(broken.messages.map((m) => [m.ruleId, m.severity])).toEqual([['yaml-syntax', 1]]);
    expect(broken.warningCount).toBe(1);
  });
});

describe('mesh settings precedence: manifests < config file < command line', () => {
  const withOperator = (autoMtls: boolean) => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata: {name: cp, namespace: istio-system}
spec: {meshConfig: {trustDomain: from-manifest, enableAutoMtls: ${autoMtls}}}
`;

  it('each level overrides the one below, key by key', async () => {
    const dir = project('mesh: {trustDomain: from-config}\n');
    writeFileSync(join(dir, 'manifests', 'operator.yaml'), withOperator(false));
    const config = resolveConfig({}, dir);
    const run = (mesh = {}) => lint({ cwd: dir, patterns: ['manifests'], config, mesh, rules: RULES });
    expect((await run()).model.mesh).toMatchObject({ trustDomain: 'from-config', enableAutoMtls: false });
    expect((await run({ trustDomain: 'from-cli' })).model.mesh).toMatchObject({ trustDomain: 'from-cli', enableAutoMtls: false });
    expect((await run({ enableAutoMtls: true })).model.mesh).toMatchObject({ trustDomain: 'from-config', enableAutoMtls: true });
  });
});

describe('finding and reading the configuration', () => {
  it('.meshlint.yaml is found in the working directory or above it', () => {
    const dir = project('rules: {}\n');
    const deep = join(dir, 'manifests', 'legacy');
    expect(findConfig(deep)).toBe(join(dir, '.meshlint.yaml'));
    expect(resolveConfig({}, deep).file).toBe(join(dir, '.meshlint.yaml'));
    expect(resolveConfig({ configLookup: false }, deep).file).toBeUndefined();
  });

  it('--config names a file relative to the working directory and skips the lookup', () => {
    const dir = project('rules: {ztunnel-l7-policy: warn}\n');
    writeFileSync(join(dir, 'strict.yaml'), 'rules: {ztunnel-l7-policy: error}\n');
    expect(resolveConfig({ config: 'strict.yaml' }, dir).rules).toEqual({ 'ztunnel-l7-policy': 'error' });
  });

  it('rejects unknown keys, bad severities and bad YAML with the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshlint-cfg-'));
    const bad = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return () => loadConfig(join(dir, name));
    };
    expect(bad('a.yaml', 'rulez: {}\n')).toThrow(/a\.yaml: invalid configuration:\n {2}rulez: unknown key/);
    expect(bad('b.yaml', 'rules: {ztunnel-l7-policy: fatal}\n')).toThrow(ConfigError);
    expect(bad('b.yaml', 'rules: {ztunnel-l7-policy: fatal}\n')).toThrow(/must be one of off, warn, error/);
    expect(bad('c.yaml', 'mesh: {enableAutoMtls: "yes"}\n')).toThrow(/mesh.enableAutoMtls: must be boolean/);
    expect(bad('d.yaml', 'rules: [\n')).toThrow(/not valid YAML/);
  });
});
