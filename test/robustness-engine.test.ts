import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';
import { lint } from '../src/engine/lint.js';
import { defineRule, registerRule } from '../src/engine/rule.js';
import { RULES } from '../src/generated/rules.js';
import { Model } from '../src/mesh/model.js';
import { CLI, INPUTS, runCli } from './robustness/harness.js';

// The engine's last lines of defence, in-process: a rule that throws anyway, a model that cannot
// be built, invalid configuration, and the promise that meshlint never touches the network.

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function tempWithValid(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-engine-'));
  temps.push(dir);
  copyFileSync(join(INPUTS, 'valid.yaml'), join(dir, 'valid.yaml'));
  return dir;
}

function memoryIo(cwd: string, stdin = ''): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => {
      io.stdout += t;
    },
    err: (t: string) => {
      io.stderr += t;
    },
    readStdin: async () => stdin,
    env: {},
    isTTY: false,
    cwd,
  };
  return io;
}

interface Msg {
  ruleId: string;
  message: string;
  line: number;
  severity: number;
  fatal?: boolean;
}

function parseJson(text: string): Array<{ filePath: string; messages: Msg[] }> {
  return JSON.parse(text) as Array<{ filePath: string; messages: Msg[] }>;
}

/** Throws on one resource, after reporting on another: the report must survive. */
const throwsOnOne = registerRule(
  'test-throws-on-one',
  defineRule({
    meta: { type: 'problem', docs: { description: 'test rule that throws on one resource' }, messages: { saw: 'saw {{name}}' }, schema: [], defaultSeverity: 'warn' },
    create: (context) => ({
      Workload: (w) => context.report({ at: { resource: w.resource, path: ['metadata', 'name'] }, messageId: 'saw', data: { name: w.name } }),
      AuthorizationPolicy(p) {
        if (p.name === 'cart-get-only') throw new TypeError("Cannot read properties of undefined (reading 'rules')");
      },
    }),
  }),
);

const throwsOutright = registerRule(
  'test-throws-outright',
  defineRule({
    meta: { type: 'problem', docs: { description: 'test rule that throws before it visits anything' }, messages: {}, schema: [], defaultSeverity: 'error' },
    create() {
      throw 'not even an Error';
    },
  }),
);

const asyncRule = registerRule(
  'test-async',
  defineRule({
    meta: { type: 'problem', docs: { description: 'test rule that is async by mistake' }, messages: {}, schema: [], defaultSeverity: 'error' },
    create: () => ({ 'Mesh:exit': (async () => {
      throw new Error('rejected later');
    }) as unknown as () => void }),
  }),
);

describe('a rule that throws anyway', () => {
  it('is an internal error naming the rule and the resource; exit 2; every other finding is printed', async () => {
    const dir = tempWithValid();
    const io = memoryIo(dir);
    const code = await run(['-f', 'json', '.'], io, [...RULES, throwsOnOne, throwsOutright, asyncRule]);
    expect(code).toBe(2);
    expect(io.stderr).toBe('');
    const results = parseJson(io.stdout);
    const valid = results.find((r) => r.filePath === join(dir, 'valid.yaml'))!;
    const byRule = (id: string) => valid.messages.filter((m) => m.ruleId === id);
    // The real rule's finding and the throwing rule's own report made before it threw.
    expect(byRule('ztunnel-l7-policy').map((m) => m.line)).toEqual([65]);
    expect(byRule('test-throws-on-one').map((m) => m.message)).toEqual(['saw cart']);
    // The crash, on the policy it failed on (its first line), naming the rule and the resource.
    const internal = byRule('internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ line: 49, severity: 2, fatal: true });
    expect(internal[0]!.message).toBe(
      'Rule "test-throws-on-one" failed on AuthorizationPolicy shop/cart-get-only: Cannot read properties of undefined (reading \'rules\'). Please report this; other findings are still shown.',
    );
    // Failures that belong to no resource are reported on a pseudo-file, never lost.
    const pseudo = results.find((r) => r.filePath === '<meshlint>')!;
    expect(pseudo.messages.map((m) => m.message)).toEqual([
      'Rule "test-async" failed: a visitor returned a promise; rules must be synchronous. Please report this; other findings are still shown.',
      'Rule "test-throws-outright" failed: not even an Error. Please report this; other findings are still shown.',
    ]);
  });

  it('through lint(): the same, and `--rule internal-error:off` cannot hide it', async () => {
    const dir = tempWithValid();
    const result = await lint({ cwd: dir, patterns: ['.'], rules: [...RULES, throwsOnOne], cliRules: { 'internal-error': 'off' } });
    const all = result.results.flatMap((r) => r.messages);
    expect(all.filter((m) => m.ruleId === 'internal-error')).toHaveLength(1);
    expect(all.filter((m) => m.ruleId === 'ztunnel-l7-policy')).toHaveLength(1);
  });
});

describe('a model that cannot be built', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('leaves out the resource it fails on, reports it, and lints the rest', async () => {
    const dir = tempWithValid();
    writeFileSync(join(dir, 'boom.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: boom\n  namespace: shop\n');
    const proto = Model.prototype as unknown as { add(r: { name: string }): void };
    const add = proto.add;
    vi.spyOn(proto, 'add').mockImplementation(function (this: unknown, r: { name: string }) {
      if (r.name === 'boom') throw new Error('model bug');
      return add.call(this, r);
    });
    const io = memoryIo(dir);
    const code = await run(['-f', 'json', '.'], io);
    expect(code).toBe(2);
    const results = parseJson(io.stdout);
    const boom = results.find((r) => r.filePath === join(dir, 'boom.yaml'))!;
    expect(boom.messages.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['internal-error', 1, 'Reading the resource failed on ConfigMap shop/boom: model bug. Please report this; other findings are still shown.'],
    ]);
    const valid = results.find((r) => r.filePath === join(dir, 'valid.yaml'))!;
    expect(valid.messages.map((m) => `${m.line}:${m.ruleId}`)).toContain('65:ztunnel-l7-policy');
    expect(valid.messages.map((m) => m.ruleId)).not.toContain('internal-error');
  });
});

describe('invalid configuration: a clear message with the file and the key, exit 2', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['not YAML', 'rules: [1\n', /\.meshlint\.yaml(:2:1: the configuration is not valid YAML: |: the configuration is not valid YAML: .*at line 2, column 1)/],
    ['an unknown key', 'rulez: {}\n', /\.meshlint\.yaml: invalid configuration:\n {2}rulez: unknown key\n$/],
    ['a wrong type', 'rules: 5\n', /\.meshlint\.yaml: invalid configuration:\n {2}rules: must be object\n$/],
    ['a bad severity', 'rules:\n  ztunnel-l7-policy: loud\n', /rules\.ztunnel-l7-policy: must be one of off, warn, error, 0, 1, 2 \(or \[severity, \.\.\.options\]\)\n$/],
    ['an unknown rule', 'rules:\n  ztunel-l7-policy: "off"\n', /\.meshlint\.yaml: unknown rule "ztunel-l7-policy" \(did you mean "ztunnel-l7-policy"\?\)/],
    ['a wrong mesh setting', 'mesh:\n  enableAutoMtls: "yes"\n', /mesh\.enableAutoMtls: must be boolean\n$/],
    ['an override without files', 'overrides:\n  - rules: {}\n', /overrides\.0: must have required property 'files'/],
    ['a duplicate key', 'rules: {}\nrules: {}\n', /not valid YAML: Map keys must be unique/],
    ['an alias bomb', readFileSync(join(INPUTS, 'alias-bomb.yaml'), 'utf8').split('---')[1]!.replace(/^kind: .*$/m, ''), /not valid YAML: Excessive alias count/],
    ['binary bytes', '\u0000\u0001\u0002', /\.meshlint\.yaml: /],
    ['a code tag', 'rules: !!js/function "function () { return {} }"\n', /rules: must be object/],
  ];
  for (const [name, text, message] of cases) {
    it(name, () => {
      const dir = tempWithValid();
      writeFileSync(join(dir, '.meshlint.yaml'), text);
      const r = runCli(['valid.yaml'], { cwd: dir, timeoutMs: 20_000 });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^meshlint: \/.*\.meshlint\.yaml(:\d+:\d+)?: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n').length).toBeLessThan(8);
    });
  }

  it('a configuration file that is missing or a folder', () => {
    const dir = tempWithValid();
    const missing = runCli(['-c', 'nope.yaml', 'valid.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^meshlint: \/.*nope\.yaml: cannot read the configuration: /);
    const folder = runCli(['-c', '.', 'valid.yaml'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/cannot read the configuration: .*EISDIR/);
  });
});

describe('configuration is data, never code', () => {
  it('a JavaScript file given as configuration is not run', () => {
    const dir = tempWithValid();
    const marker = join(dir, 'executed');
    const js = `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'yes');\nexport default { rules: {} };\n`;
    for (const name of ['meshlint.config.mjs', '.meshlint.js', '.meshlint.cjs', 'meshlint.config.js']) writeFileSync(join(dir, name), js.replace('import', name.endsWith('.cjs') ? 'const' : 'import'));
    const explicit = runCli(['-c', 'meshlint.config.mjs', 'valid.yaml'], { cwd: dir });
    expect(explicit.code).toBe(2);
    expect(explicit.stderr).toMatch(/meshlint\.config\.mjs(:\d+:\d+)?: /);
    // Files with code next to the manifests are not picked up as configuration either.
    const lookup = runCli(['valid.yaml'], { cwd: dir });
    expect(lookup.code).toBe(1);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('no network', () => {
  it('the bundle loads no network module and calls no fetch', () => {
    const bundle = readFileSync(CLI, 'utf8');
    const modules = /(?:require\(|from\s*|import\(\s*)["'](?:node:)?(http|https|http2|net|tls|dgram|dns|undici|ws)(?:\/[^"']*)?["']/g;
    expect([...bundle.matchAll(modules)].map((m) => m[0])).toEqual([]);
    expect(bundle).not.toMatch(/\bfetch\s*\(|XMLHttpRequest|new WebSocket|process\.binding\(\s*["'](tcp|udp)/);
  });

  it('a run with every network entry point booby-trapped completes and touches none', () => {
    const dir = tempWithValid();
    for (const f of ['syntax-duplicate-key.yaml', 'wrong-types.yaml', 'unknown-kinds.yaml']) copyFileSync(join(INPUTS, f), join(dir, f));
    const trap = join(dir, 'trap.mjs');
    const marker = join(dir, 'network-used');
    writeFileSync(
      trap,
      `import fs from 'node:fs'; import net from 'node:net'; import dns from 'node:dns'; import http from 'node:http'; import https from 'node:https'; import dgram from 'node:dgram'; import tls from 'node:tls';
const hit = (what) => () => { fs.appendFileSync(${JSON.stringify(marker)}, what + '\\n'); throw new Error('network: ' + what); };
net.Socket.prototype.connect = hit('net.connect'); net.connect = net.createConnection = hit('net.connect');
dns.lookup = hit('dns.lookup'); dns.resolve = hit('dns.resolve'); dns.promises.lookup = hit('dns.promises.lookup');
http.request = http.get = hit('http'); https.request = https.get = hit('https'); tls.connect = hit('tls');
dgram.createSocket = hit('dgram'); globalThis.fetch = hit('fetch'); globalThis.WebSocket = hit('WebSocket');
`,
    );
    const r = runCli(['.'], { cwd: dir, nodeArgs: ['--import', trap] });
    expect(r.code, r.stderr).toBe(1);
    expect(r.results.length).toBe(4);
    expect(existsSync(marker)).toBe(false);
    // The trap itself works: a script that does reach for the network trips it.
    spawnSync(process.execPath, ['--import', trap, '-e', "require('node:dns').lookup('example.com', () => {})"], { cwd: dir });
    expect(readFileSync(marker, 'utf8')).toBe('dns.lookup\n');
  });
});
