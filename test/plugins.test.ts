import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { tempTree } from './helpers/run-cli.js';

// The example plugin (examples/plugin/) driven through the built CLI, as a platform team uses it.
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PLUGIN = join(ROOT, 'examples', 'plugin', 'meshlint-acme.mjs');

const BAD = `apiVersion: v1
kind: Namespace
metadata: {name: pay, labels: {istio-injection: enabled}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: pay}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: x}]}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: open, namespace: pay}
spec:
  rules:
  - from:
    - source:
        namespaces: ["*"]
`;

function tree(config: string, files: Record<string, string> = { 'm/bad.yaml': BAD }): string {
  const dir = tempTree({ '.meshlint.yaml': config, ...files });
  copyFileSync(PLUGIN, join(dir, 'acme.mjs'));
  return dir;
}

function meshlint(dir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ids = (out: string) => (JSON.parse(out) as Array<{ messages: Array<{ ruleId: string; messageId?: string; line: number }> }>).flatMap((f) => f.messages.map((m) => `${m.ruleId}:${m.messageId}:${m.line}`));

describe('plugins (examples/plugin)', () => {
  const CONFIG = 'plugins:\n  acme: ./acme.mjs\n';

  it('load with --plugins: their rules report beside the built-in ones, with their messageIds', () => {
    const r = meshlint(tree(CONFIG), ['--plugins', '-f', 'json', 'm']);
    expect(r.code).toBe(1);
    expect(ids(r.out)).toEqual(['acme/namespace-default-deny:missing:3', 'acme/no-allow-from-any-namespace:anyNamespace:21']);
  });

  it('are refused without --plugins: exit 2, saying how to allow them; MESHLINT_PLUGINS=1 allows them', () => {
    const dir = tree(CONFIG);
    const r = meshlint(dir, ['m']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('names plugin "acme"; plugins run code, so meshlint loads them only when asked. Run with --plugins');
    expect(meshlint(dir, ['-f', 'json', 'm'], { MESHLINT_PLUGINS: '1' }).code).toBe(1);
  });

  it('are configured like built-in rules: severities, options, --rule, disable comments', () => {
    const config = `${CONFIG}rules:\n  acme/namespace-default-deny: [error, {ignoreNamespaces: [pay]}]\n`;
    expect(ids(meshlint(tree(config), ['--plugins', '-f', 'json', 'm']).out)).toEqual(['acme/no-allow-from-any-namespace:anyNamespace:21']);
    const off = meshlint(tree(CONFIG), ['--plugins', '-f', 'json', '--rule', 'acme/no-allow-from-any-namespace:off', '--rule', 'acme/namespace-default-deny:off', 'm']);
    expect(off.code).toBe(0);
    const silenced = BAD.replace('namespaces: ["*"]', 'namespaces: ["*"]  # meshlint-disable-line acme/no-allow-from-any-namespace -- reviewed');
    const r = meshlint(tree(CONFIG, { 'm/bad.yaml': silenced }), ['--plugins', '-f', 'json', 'm']);
    const file = (JSON.parse(r.out) as Array<{ suppressedMessages: Array<{ ruleId: string }> }>)[0]!;
    expect(file.suppressedMessages.map((m) => m.ruleId)).toEqual(['acme/no-allow-from-any-namespace']);
  });

  it('a bad option is a configuration error naming the rule and the option path', () => {
    const r = meshlint(tree(`${CONFIG}rules:\n  acme/namespace-default-deny: [warn, {ignoreNamespace: [pay]}]\n`), ['--plugins', 'm']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('rules.acme/namespace-default-deny[0]: must NOT have additional properties ("ignoreNamespace")');
  });

  it('--explain and --list-rules show plugin rules', () => {
    const dir = tree(CONFIG);
    const explained = meshlint(dir, ['--plugins', '--explain', 'acme/namespace-default-deny']);
    expect(explained.code).toBe(0);
    expect(explained.out).toContain('# acme/namespace-default-deny');
    expect(explained.out).toContain('Every namespace with workloads has a default-deny AuthorizationPolicy');
    expect(explained.out).toContain('"ignoreNamespaces"');
    expect(meshlint(dir, ['--plugins', '--list-rules']).out).toMatch(/^acme\/no-allow-from-any-namespace +error +An ALLOW rule admits/m);
  });

  it('a plugin that throws at load time, or is not a plugin, is a clear error (exit 2), not a crash', () => {
    const throws = tempTree({ '.meshlint.yaml': 'plugins:\n  boom: ./boom.mjs\n', 'boom.mjs': 'throw new Error("cannot start");\n', 'm/bad.yaml': BAD });
    const r = meshlint(throws, ['--plugins', 'm']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('plugins.boom: loading ./boom.mjs failed: cannot start');
    expect(r.err).not.toContain('    at ');
    const notPlugin = tempTree({ '.meshlint.yaml': 'plugins:\n  odd: ./odd.mjs\n', 'odd.mjs': 'export default 42;\n', 'm/bad.yaml': BAD });
    expect(meshlint(notPlugin, ['--plugins', 'm']).err).toContain('does not export a plugin');
    const missing = tempTree({ '.meshlint.yaml': 'plugins:\n  gone: ./gone.mjs\n', 'm/bad.yaml': BAD });
    expect(meshlint(missing, ['--plugins', 'm']).code).toBe(2);
  });

  it('a plugin rule that throws while linting is an internal-error naming it; the rest of the run goes on', () => {
    const plugin = `export default { rules: { crash: { meta: { type: 'problem', docs: { description: 'crashes on every policy' }, messages: {}, schema: [], defaultSeverity: 'error' },
      create: () => ({ AuthorizationPolicy() { throw new Error('plugin bug'); } }) } } };\n`;
    const dir = tempTree({ '.meshlint.yaml': 'plugins:\n  buggy: ./buggy.mjs\n', 'buggy.mjs': plugin, 'm/bad.yaml': BAD });
    const r = meshlint(dir, ['--plugins', '-f', 'json', 'm']);
    expect(r.code).toBe(2);
    const messages = (JSON.parse(r.out) as Array<{ messages: Array<{ ruleId: string; message: string }> }>).flatMap((f) => f.messages);
    expect(messages.find((m) => m.ruleId === 'internal-error')?.message).toContain('Rule "buggy/crash" failed on AuthorizationPolicy pay/open: plugin bug');
  });

  it('the API loads plugins only when asked', async () => {
    const dir = tree(CONFIG);
    await expect(lint(['m'], { cwd: dir })).rejects.toThrow('plugins run code');
    const results = await lint(['m'], { cwd: dir, plugins: true });
    expect(results.flatMap((r) => r.messages).map((m) => m.ruleId)).toContain('acme/no-allow-from-any-namespace');
  });

  it('the example configuration lints the example manifests cleanly (as CI runs it)', () => {
    const r = spawnSync(process.execPath, [CLI, '--plugins', '--config', 'examples/plugin/.meshlint.yaml', 'examples/plugin/manifests'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(join(ROOT, 'examples', 'plugin', '.meshlint.yaml'), 'utf8')).toContain('acme: ./meshlint-acme.mjs');
  });
});

describe('the unified processor', () => {
  it('parses the input into a unist tree (root → file → document → resource) with positions', async () => {
    const { startRun } = await import('../src/engine/run.js');
    const { createProcessor } = await import('../src/engine/processor.js');
    const { VFile } = await import('vfile');
    const dir = tempTree({ 'a.yaml': BAD });
    const run = await startRun({ cwd: dir, patterns: ['.'] });
    const tree = createProcessor().parse(new VFile({ path: dir, data: { meshlint: { run, config: run.config, ruleDiagnostics: [] } } })) as import('../src/engine/processor.js').MeshRoot;
    expect(tree.type).toBe('root');
    expect(tree.children.map((f) => f.path)).toEqual([join(dir, 'a.yaml')]);
    const resources = tree.children[0]!.children.flatMap((d) => d.children);
    expect(resources.map((r) => `${r.kind} ${r.namespace}/${r.name} ${r.position!.start.line}`)).toEqual(['Namespace /pay 1', 'Deployment pay/api 5', 'AuthorizationPolicy pay/open 14']);
  });
});

describe('diagnostics are VFile messages', () => {
  it('on one VFile per reported file, with ruleId, source, url, place and fatal (error) set', async () => {
    const { lint: engineLint } = await import('../src/engine/lint.js');
    const { RULES } = await import('../src/generated/rules.js');
    const { VFileMessage } = await import('vfile-message');
    const dir = tempTree({ 'm/bad.yaml': BAD.replace('namespaces: ["*"]', 'namespaces: ["nowhere"]') });
    const result = await engineLint({ cwd: dir, patterns: ['.'], rules: RULES });
    expect(result.files.map((f) => f.path)).toEqual(result.results.filter((r) => r.messages.length > 0).map((r) => r.filePath));
    const messages = result.files.flatMap((f) => f.messages);
    expect(messages.length).toBe(result.results.reduce((n, r) => n + r.messages.length, 0));
    for (const m of messages) {
      expect(m).toBeInstanceOf(VFileMessage);
      expect(m.source).toBe('meshlint');
      expect(m.url).toMatch(/^https:\/\//);
      expect(m.place).toHaveProperty('start.line');
    }
    const jsonView = result.results.flatMap((r) => r.messages);
    expect(messages.map((m) => [m.ruleId, m.fatal, (m.place as { start: { line: number } }).start.line])).toEqual(jsonView.map((m) => [m.ruleId, m.severity === 2, m.line]));
  });
});
