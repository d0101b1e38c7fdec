import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../src/generated/rules.js';
import { VERSION } from '../src/version.js';
import { assertBuilt, CLI, meshlint, parseEslintJson, ROOT } from './helpers/cli.js';

// End-to-end: spawn the built bundle (dist/cli.js) as a user or CI would, and check exit codes
// (0 clean, 1 findings, 2 usage or internal error, as ESLint) and the ESLint JSON shape.

const AMBIENT = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio.io/dataplane-mode: ambient
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: cart
    spec:
      containers:
      - name: cart
        image: x
`;
const L7_POLICY = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: get-only
  namespace: shop
spec:
  selector:
    matchLabels:
      app: cart
  rules:
  - to:
    - operation:
        methods: ["GET"]
`;

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

beforeAll(() => assertBuilt());

describe('meshlint CLI: information commands', () => {
  it('--version prints the package version', () => {
    const r = meshlint(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('--help lists the options', () => {
    const r = meshlint(['--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--format', '--rule', '--max-warnings', '--quiet', '--stdin-filename', '--list-rules', '--explain', '--root-namespace', '--auto-mtls']) {
      expect(r.stdout).toContain(opt);
    }
  });

  it('--list-rules lists every rule and the built-in diagnostics', () => {
    const r = meshlint(['--list-rules']);
    expect(r.code).toBe(0);
    const ids = r.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]);
    for (const rule of RULES) expect(ids).toContain(rule.id);
    expect(ids).toEqual(expect.arrayContaining(['yaml-syntax', 'schema', 'unreadable-file', 'internal-error']));
  });

  it('--explain ztunnel-l7-policy prints its documentation', () => {
    const r = meshlint(['--explain', 'ztunnel-l7-policy']);
    expect(r.code).toBe(0);
    const readme = readFileSync(join(ROOT, 'rules', 'ztunnel-l7-policy', 'README.md'), 'utf8');
    expect(readme).toContain('<!-- examples:start -->');
    // The README without the docs generator's marker comments.
    expect(r.stdout).toBe(readme.replace(/<!--[\s\S]*?-->\n?/g, ''));
    expect(r.stdout).not.toContain('<!--');
    expect(r.stdout).toContain('## How to fix');
  });

  it('--explain of a built-in diagnostic prints its section', () => {
    const r = meshlint(['--explain', 'yaml-syntax']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## yaml-syntax\n/);
  });

  it('--explain of an unknown rule exits 2 with a close match', () => {
    const r = meshlint(['--explain', 'ztunel-l7-policy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "ztunel-l7-policy" (did you mean "ztunnel-l7-policy"?)');
  });
});

describe('meshlint CLI: linting', () => {
  it('meshlint examples/ prints findings with positions and exits 1', () => {
    const r = meshlint(['examples/']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('examples/ambient-shop/policies.yaml');
    // stylish: line:column-endLine:endColumn, severity, message, rule id
    expect(r.stdout).toMatch(/^\s*\d+:\d+-\d+:\d+\s+error\s+AuthorizationPolicy "cart-get-only" .*ztunnel-l7-policy/m);
    expect(r.stdout).toMatch(/✖ \d+ errors?/);
    // The examples are valid manifests: nothing about syntax or schema.
    expect(r.stdout).not.toMatch(/yaml-syntax|schema\s+meshlint|internal-error/);
  });

  it('--format json is ESLint results with absolute paths, exact positions and hints', () => {
    const r = meshlint(['examples/', '--format', 'json']);
    expect(r.code).toBe(1);
    const results = parseEslintJson(r.stdout);
    expect(results.every((x) => x.filePath.startsWith(join(ROOT, 'examples')))).toBe(true);
    const policies = results.find((x) => x.filePath === join(ROOT, 'examples', 'ambient-shop', 'policies.yaml'))!;
    const first = policies.messages.find((m) => m.ruleId === 'ztunnel-l7-policy')!;
    const lines = readFileSync(policies.filePath, 'utf8').split('\n');
    expect(lines[first.line - 1]!.slice(first.column - 1, first.endColumn! - 1)).toBe('methods');
    // Moving the policy to a waypoint changes more than this file: advice (hints), not an ESLint edit.
    expect((first as { hints?: Array<{ desc: string; yaml: string }> }).hints?.[0]?.yaml).toContain('targetRefs');
    expect((first as { suggestions?: unknown[] }).suggestions).toBeUndefined();
    // Files without findings are listed too, as ESLint does.
    expect(results.some((x) => x.messages.length === 0)).toBe(true);
  });

  it('output is byte-identical across runs', () => {
    const a = meshlint(['examples/', '--format', 'json']).stdout;
    const b = meshlint(['examples/', '--format', 'json']).stdout;
    expect(a).toBe(b);
  });

  it('a clean tree exits 0 and prints nothing', () => {
    const dir = tree({ 'ns.yaml': AMBIENT });
    const r = meshlint(['.'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('no colours without a TTY; --color forces them', () => {
    const dir = tree({ 'a.yaml': AMBIENT + '---\n' + L7_POLICY });
    expect(meshlint(['.'], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(meshlint(['.', '--color'], { cwd: dir }).stdout).toContain('\u001b[');
    expect(meshlint(['.'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('a broken YAML file beside a valid one: yaml-syntax at its line, the other file still linted', () => {
    const dir = tree({
      'good.yaml': AMBIENT + '---\n' + L7_POLICY,
      'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  key: [unclosed\n',
    });
    const r = meshlint(['.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const results = parseEslintJson(r.stdout);
    const broken = results.find((x) => x.filePath.endsWith('broken.yaml'))!;
    expect(broken.messages.map((m) => m.ruleId)).toEqual(['yaml-syntax']);
    expect(broken.messages[0]!.line).toBeGreaterThanOrEqual(6);
    expect(broken.messages[0]!.line).toBeLessThanOrEqual(7);
    // As ESLint's results: a file with messages carries its text (for formatters that show code).
    expect((broken as { source?: string }).source).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  key: [unclosed\n');
    expect(results.filter((x) => x.messages.length === 0).every((x) => !('source' in x))).toBe(true);
    // As ESLint marks a parse error: fatal, counted in fatalErrorCount; the exit code stays 1.
    expect((broken.messages[0] as { fatal?: boolean }).fatal).toBe(true);
    expect((broken as { fatalErrorCount?: number }).fatalErrorCount).toBe(1);
    const good = results.find((x) => x.filePath.endsWith('good.yaml'))!;
    const finding = good.messages.find((m) => m.ruleId === 'ztunnel-l7-policy')!;
    const methodsLine = (AMBIENT + '---\n' + L7_POLICY).split('\n').findIndex((l) => l.includes('methods:')) + 1;
    expect([finding.line, finding.column, finding.endColumn]).toEqual([methodsLine, 9, 16]);
  });

  it('a broken document does not hide the other documents of its file', () => {
    const dir = tree({ 'all.yaml': `${AMBIENT}---\nkind: [\n---\n${L7_POLICY}` });
    const r = meshlint(['.', '--format', 'json'], { cwd: dir });
    const [all] = parseEslintJson(r.stdout);
    expect(all!.messages.map((m) => m.ruleId)).toEqual(['yaml-syntax', 'ztunnel-l7-policy']);
  });

  it('stdin with --stdin-filename reports under that name', () => {
    const r = meshlint(['-', '--stdin-filename', 'k8s/policy.yaml', '--format', 'json'], { input: AMBIENT + '---\n' + L7_POLICY });
    expect(r.code).toBe(1);
    const [res] = parseEslintJson(r.stdout);
    expect(res!.filePath).toBe(join(ROOT, 'k8s', 'policy.yaml'));
    expect(res!.messages[0]!.ruleId).toBe('ztunnel-l7-policy');
  });

  it('--stdin (ESLint\'s flag) reads standard input like -', () => {
    const input = AMBIENT + '---\n' + L7_POLICY;
    const flag = meshlint(['--stdin', '--stdin-filename', 'k8s/policy.yaml', '--format', 'json'], { input });
    const dash = meshlint(['-', '--stdin-filename', 'k8s/policy.yaml', '--format', 'json'], { input });
    expect(flag.code).toBe(1);
    expect(flag.stdout).toBe(dash.stdout);
  });

  it('stdin without a name reports as <stdin>', () => {
    const r = meshlint(['-'], { input: 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: x, namespace: y}\nspec: {mtls: {mode: STRIKT}}\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>\n\s*4:21-4:27\s+error\s+PeerAuthentication y\/x: spec\.mtls\.mode must be one of/);
  });

  it('security.istio.io/v1 PeerAuthentication is a valid kind', () => {
    const r = meshlint(['-'], { input: 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: x, namespace: y}\nspec: {mtls: {mode: STRICT}}\n' });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('meshlint CLI: severities and exit codes', () => {
  const dir = () => tree({ 'a.yaml': AMBIENT + '---\n' + L7_POLICY });

  it('--rule id:warn turns errors into warnings: exit 0', () => {
    const r = meshlint(['.', '--rule', 'ztunnel-l7-policy:warn', '--format', 'json'], { cwd: dir() });
    expect(r.code).toBe(0);
    const [res] = parseEslintJson(r.stdout);
    expect([res!.errorCount, res!.warningCount]).toEqual([0, 1]);
  });

  it('--max-warnings: exit 1 past the limit, with a message on stderr', () => {
    const d = dir();
    const over = meshlint(['.', '--rule', 'ztunnel-l7-policy:warn', '--max-warnings', '0'], { cwd: d });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (1; maximum allowed is 0)');
    expect(meshlint(['.', '--rule', 'ztunnel-l7-policy:warn', '--max-warnings', '1'], { cwd: d }).code).toBe(0);
    expect(meshlint(['.', '--max-warnings', 'lots'], { cwd: d }).code).toBe(2);
  });

  it('--quiet drops warnings from the output and the exit code', () => {
    const r = meshlint(['.', '--rule', 'ztunnel-l7-policy:warn', '--quiet', '--max-warnings', '0', '--format', 'json'], { cwd: dir() });
    expect(r.code).toBe(0);
    const [res] = parseEslintJson(r.stdout);
    expect(res!.messages).toEqual([]);
    expect(res!.warningCount).toBe(0);
  });

  it('--rule id:off silences a rule', () => {
    expect(meshlint(['.', '--rule', 'ztunnel-l7-policy:off'], { cwd: dir() })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--rule with an unknown rule exits 2 with a close match', () => {
    const r = meshlint(['.', '--rule', 'ztunnel-l7-polcy:off'], { cwd: dir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "ztunnel-l7-polcy" (did you mean "ztunnel-l7-policy"?)');
    expect(r.stdout).toBe('');
  });

  it('--rule without a severity exits 2', () => {
    const r = meshlint(['.', '--rule', 'ztunnel-l7-policy'], { cwd: dir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--rule takes id:severity');
  });

  it('an unknown format exits 2 and names the known ones', () => {
    const r = meshlint(['.', '--format', 'xml'], { cwd: dir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('meshlint: "xml" is not a built-in format, and no package eslint-formatter-xml is installed where meshlint runs (npm install -D eslint-formatter-xml); the built-in formats are stylish, json, sarif, github\n');
  });

  it('a missing path exits 2 and is named; the paths that exist are still linted', () => {
    const r = meshlint(['.', 'no-such-dir', '--format', 'json'], { cwd: dir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or folder: no-such-dir');
    expect(parseEslintJson(r.stdout)[0]!.errorCount).toBe(1);
  });

  it('no paths at all lints the working directory, as ESLint 9 does', () => {
    const d = tree({ 'a.yaml': AMBIENT + '---\n' + L7_POLICY });
    const none = meshlint(['--format', 'json'], { cwd: d });
    const dot = meshlint(['.', '--format', 'json'], { cwd: d });
    expect(none.code).toBe(1);
    expect(none.stdout).toBe(dot.stdout);
  });

  it('a bad --auto-mtls value, an unknown option and an invalid config exit 2', () => {
    const d = dir();
    expect(meshlint(['.', '--auto-mtls', 'maybe'], { cwd: d }).code).toBe(2);
    expect(meshlint(['.', '--no-such-option'], { cwd: d }).code).toBe(2);
    writeFileSync(join(d, '.meshlint.yaml'), 'rules: {not-a-rule: off}\n');
    const r = meshlint(['.'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "not-a-rule"');
  });

  it('the config file sets severities; --rule wins over it', () => {
    const d = dir();
    writeFileSync(join(d, '.meshlint.yaml'), 'rules:\n  ztunnel-l7-policy: warn\n');
    expect(meshlint(['.'], { cwd: d }).code).toBe(0);
    expect(meshlint(['.', '--rule', 'ztunnel-l7-policy:error'], { cwd: d }).code).toBe(1);
    expect(meshlint(['.', '--no-config-lookup'], { cwd: d }).code).toBe(1);
  });

  it('mesh flags change what rules see: --root-namespace', () => {
    // A namespace-wide policy in the root namespace applies to the whole mesh, shop included.
    const d = tree({ 'a.yaml': AMBIENT + '---\n' + L7_POLICY.replace('namespace: shop', 'namespace: mesh-root').replace(/ {2}selector:\n.*\n.*\n/, '') });
    expect(meshlint(['.'], { cwd: d }).code).toBe(0);
    expect(meshlint(['.', '--root-namespace', 'mesh-root'], { cwd: d }).code).toBe(1);
  });
});

describe('meshlint CLI: a reader that stops early', () => {
  it('`meshlint … | head -1`: no EPIPE stack trace, and the lint exit code', () => {
    const d = mkdtempSync(join(tmpdir(), 'meshlint-epipe-'));
    const policies = readFileSync(join(ROOT, 'examples', 'ambient-shop', 'policies.yaml'), 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(join(d, `p${i}.yaml`), policies.replace('name: cart-get-only', `name: p${i}`));
    for (const f of ['namespace.yaml', 'cart.yaml']) writeFileSync(join(d, f), readFileSync(join(ROOT, 'examples', 'ambient-shop', f), 'utf8'));
    // pipefail: the exit status is meshlint's, not head's.
    const sh = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" "${d}" 2>"${d}/err.txt" | head -1 >/dev/null; echo $?`], { encoding: 'utf8' });
    expect(sh.stdout.trim()).toBe('1');
    expect(readFileSync(join(d, 'err.txt'), 'utf8')).toBe('');
  });
});
