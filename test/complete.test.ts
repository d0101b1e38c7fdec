import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { assertBuilt, meshlint } from './helpers/cli.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';

// --complete: the input is the whole cluster. Without it, absence proves nothing outside the
// namespaces the input declares, and unknown data planes are assumed (README, closed world).

const PARTIAL = `${deployment('cart', 'shop')}${policy('p', 'shop', 'selector:\n  matchLabels:\n    app: nothere\nrules:\n- from:\n  - source:\n      namespaces: ["ghost"]')}`;

describe('model: complete input', () => {
  it('by default knows only what the input declares, and assumes unknown data planes', async () => {
    const m = await modelOf(PARTIAL);
    expect(m.hasNamespace('shop')).toBe(true);
    expect(m.hasNamespace('ghost')).toBe(false);
    expect(m.knowsWorkloadsOf('shop')).toBe(false);
    expect(m.dataplaneFor('shop').mode).toBe('sidecar');
    expect(m.dataplaneFor('shop').assumption?.basis).toBe('setting');
    expect(m.workloads[0]!.dataplane.assumption).toBeDefined();
  });

  it('with complete, knows every namespace and takes no label as no data plane', async () => {
    const m = await modelOf(PARTIAL, { complete: true });
    expect(m.hasNamespace('ghost')).toBe(true);
    expect(m.knowsWorkloadsOf('shop')).toBe(true);
    expect(m.knowsWorkloadsOf('knative-serving')).toBe(true);
    expect(m.dataplaneFor('shop')).toMatchObject({ mode: 'none' });
    expect(m.dataplaneFor('shop').assumption).toBeUndefined();
    expect(m.workloads[0]!.dataplane).toMatchObject({ mode: 'none' });
    expect(m.workloads[0]!.dataplane.assumption).toBeUndefined();
  });

  it('with complete, labels still decide', async () => {
    const m = await modelOf(`${ns('shop', { 'istio.io/dataplane-mode': 'ambient' })}${deployment('cart', 'shop')}${deployment('pay', 'bank', { labels: { 'sidecar.istio.io/inject': 'true' } })}`, { complete: true });
    expect(m.dataplaneFor('shop').mode).toBe('ambient');
    expect(m.workloads.map((w) => `${w.name}:${w.dataplane.mode}`)).toEqual(['cart:ambient', 'pay:sidecar']);
  });
});

describe('configuration: complete', () => {
  it('complete: true in .meshlint.yaml sets the mesh setting; the schema refuses a non-boolean', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshlint-complete-'));
    writeFileSync(join(dir, '.meshlint.yaml'), 'complete: true\n');
    expect(loadConfig(join(dir, '.meshlint.yaml')).mesh.complete).toBe(true);
    writeFileSync(join(dir, '.meshlint.yaml'), 'complete: yes please\n');
    expect(() => loadConfig(join(dir, '.meshlint.yaml'))).toThrow(/complete: must be boolean/);
  });
});

describe('CLI: --complete', () => {
  beforeAll(assertBuilt);
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-complete-cli-'));
  writeFileSync(join(dir, 'policy.yaml'), PARTIAL);

  it('stays silent on a partial tree by default, reports with --complete', () => {
    const quiet = meshlint(['--no-config-lookup', '--format', 'json', dir]);
    const rules = (out: string) => (JSON.parse(out) as Array<{ messages: Array<{ ruleId: string }> }>).flatMap((f) => f.messages.map((m) => m.ruleId)).sort();
    expect(rules(quiet.stdout)).toEqual([]);
    const complete = meshlint(['--no-config-lookup', '--complete', '--format', 'json', dir]);
    expect(complete.code).toBe(1);
    expect(rules(complete.stdout)).toEqual(['policy-selects-nothing', 'unknown-namespace']);
    expect(complete.stdout).toContain('the input is the whole cluster, --complete');
  });

  it('--print-config shows complete, from the flag or the configuration', () => {
    expect(JSON.parse(meshlint(['--no-config-lookup', '--print-config', join(dir, 'policy.yaml')]).stdout).complete).toBe(false);
    expect(JSON.parse(meshlint(['--no-config-lookup', '--complete', '--print-config', join(dir, 'policy.yaml')]).stdout).complete).toBe(true);
    const withConfig = mkdtempSync(join(tmpdir(), 'meshlint-complete-cfg-'));
    writeFileSync(join(withConfig, '.meshlint.yaml'), 'complete: true\n');
    const printed = JSON.parse(meshlint(['--print-config', 'x.yaml'], { cwd: withConfig }).stdout);
    expect(printed.complete).toBe(true);
    expect(printed.mesh.complete).toBeUndefined();
  });
});
