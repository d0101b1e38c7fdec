import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, INPUTS, messagesOf, runCli, type CliRun, type JsonMessage } from './robustness/cli.js';

// Every kind of bad input, end to end through the CLI: the run ends in bounded time, the bad file
// is named with the right line, and the valid manifest beside it is still linted. The small inputs
// live in test/robustness/ (see its README.md); the large and the unrepresentable ones (50 MB,
// permissions, symlink loops, 10,000 files) are generated here in temporary folders.

const VALID = 'valid.yaml';
/** The finding of test/robustness/valid.yaml that must survive every bad neighbour. */
const VALID_FINDING = { line: 65, column: 9, ruleId: 'ztunnel-l7-policy', match: /"cart-get-only".*"methods"/ };

interface Expected {
  line: number;
  column?: number;
  ruleId: string;
  match: RegExp;
  severity?: 1 | 2;
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) {
    chmodTree(t);
    rmSync(t, { recursive: true, force: true });
  }
});

/** Make everything under `dir` removable again after permission tests. */
function chmodTree(dir: string): void {
  try {
    chmodSync(dir, 0o755);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !e.isSymbolicLink()) chmodTree(join(dir, e.name));
    }
  } catch {
    // already gone
  }
}

/** A temporary folder holding valid.yaml, world-readable so that an unprivileged run can read it. */
function tempWithValid(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-robust-'));
  temps.push(dir);
  chmodSync(dir, 0o755);
  copyFileSync(join(INPUTS, VALID), join(dir, VALID));
  return dir;
}

/** What every run must satisfy, whatever the input: no crash, no stray output, nothing internal. */
function expectSane(run: CliRun, codes: number[] = [1]): void {
  expect(run.signal, `killed (timeout?) after ${run.ms} ms\n${run.stderr}`).toBeNull();
  expect(codes, `exit code ${run.code}; stderr: ${run.stderr}`).toContain(run.code);
  expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+|Warning/);
  for (const r of run.results) for (const m of r.messages) expect(m.ruleId, m.message).not.toBe('internal-error');
}

function expectValidFinding(run: CliRun, dir: string): void {
  const found = messagesOf(run, join(dir, VALID)).filter((m) => m.ruleId === VALID_FINDING.ruleId && m.line === VALID_FINDING.line);
  expect(found, 'the valid manifest is still linted').toHaveLength(1);
  expect(found[0]!.column).toBe(VALID_FINDING.column);
  expect(found[0]!.message).toMatch(VALID_FINDING.match);
}

function expectMessages(actual: JsonMessage[], expected: Expected[]): void {
  expect(actual.map((m) => `${m.line}:${m.ruleId}`)).toEqual(expected.map((e) => `${e.line}:${e.ruleId}`));
  expected.forEach((e, i) => {
    const m = actual[i]!;
    expect(m.message).toMatch(e.match);
    if (e.column !== undefined) expect(m.column).toBe(e.column);
    if (e.severity !== undefined) expect(m.severity).toBe(e.severity);
  });
}

/** The ztunnel-l7-policy finding on the `paths` of the policies around a broken document. */
const paths = (line: number, name: string): Expected => ({ line, column: 9, ruleId: 'ztunnel-l7-policy', match: new RegExp(`"${name}".*"paths"`) });

const STATIC: Record<string, Expected[]> = {
  'syntax-unclosed-flow.yaml': [
    paths(15, 'unclosed-flow-before'),
    { line: 23, column: 9, ruleId: 'yaml-syntax', match: /^This "\[" is not closed where expected: a flow sequence must end with "\]"/ },
    paths(39, 'unclosed-flow-after'),
  ],
  'syntax-bad-indentation.yaml': [
    paths(15, 'bad-indentation-before'),
    { line: 18, ruleId: 'yaml-syntax', match: /mapping/i },
    paths(37, 'bad-indentation-after'),
  ],
  'syntax-tab-indentation.yaml': [
    paths(15, 'tab-indentation-before'),
    { line: 21, column: 1, ruleId: 'yaml-syntax', match: /^Tabs are not allowed as indentation/ },
    paths(37, 'tab-indentation-after'),
  ],
  'syntax-duplicate-key.yaml': [
    paths(15, 'duplicate-key-before'),
    { line: 22, column: 1, ruleId: 'yaml-syntax', match: /^Duplicate key "metadata" \(first on line 20\)/ },
    paths(39, 'duplicate-key-after'),
  ],
  'syntax-unknown-tag.yaml': [
    paths(15, 'unknown-tag-before'),
    { line: 23, column: 13, ruleId: 'yaml-syntax', match: /^Unknown tag "!vault"/ },
    paths(39, 'unknown-tag-after'),
  ],
  'alias-bomb.yaml': [
    paths(15, 'alias-bomb-before'),
    { line: 18, ruleId: 'yaml-syntax', match: /expanded more than 100 times \(an alias bomb/ },
    paths(47, 'alias-bomb-after'),
  ],
  'bom-leading.yaml': [paths(15, 'bom-leading')],
  'bom-mid-stream.yaml': [paths(14, 'bom-first'), paths(30, 'bom-second')],
  'latin1.yaml': [{ line: 4, column: 12, ruleId: 'unreadable-file', match: /^file is not valid UTF-8 \(byte 0xE9 on line 4/ }],
  'utf16.yaml': [{ line: 1, ruleId: 'unreadable-file', match: /^file is UTF-16 .*save it as UTF-8/ }],
  'binary.yaml': [{ line: 1, ruleId: 'unreadable-file', match: /^binary file/ }],
  'empty.yaml': [{ line: 1, ruleId: 'empty-file', match: /^This file is empty/, severity: 1 }],
  'comments-only.yaml': [{ line: 1, ruleId: 'empty-file', match: /^This file holds only comments/, severity: 1 }],
  'not-objects.yaml': [
    { line: 2, ruleId: 'schema', match: /^This document is a list, not a Kubernetes object; it is skipped/, severity: 1 },
    { line: 5, ruleId: 'schema', match: /^This document is a string value, not a Kubernetes object/, severity: 1 },
    { line: 7, ruleId: 'schema', match: /^This document is a map without apiVersion and kind/, severity: 1 },
    { line: 9, ruleId: 'schema', match: /^This document has apiVersion but no kind/, severity: 1 },
    { line: 13, column: 7, ruleId: 'schema', match: /^This document's kind is a list, not a string; it is skipped/, severity: 2 },
    paths(29, 'not-objects-after'),
  ],
  'unknown-kinds.yaml': [
    { line: 8, column: 7, ruleId: 'schema', match: /Unknown kind "AuthorisationPolicy" in security\.istio\.io\/v1beta2; did you mean "AuthorizationPolicy"\?/ },
    { line: 14, column: 7, ruleId: 'schema', match: /security\.istio\.io\/v1 has no kind "AuthorizationPolicies"/ },
  ],
  'wrong-types.yaml': [
    { line: 8, ruleId: 'schema', match: /rules-seven: spec\.selector must be an object/ },
    { line: 9, ruleId: 'schema', match: /rules-seven: spec\.rules must be an array/ },
    { line: 18, ruleId: 'schema', match: /spec\.selector\.matchLabels must be an object/ },
    { line: 23, ruleId: 'schema', match: /spec\.rules\[0\]\.to\[0\]\.operation\.paths must be an array/ },
    { line: 24, ruleId: 'schema', match: /operation\.methods must be an array/ },
    { line: 25, ruleId: 'schema', match: /spec\.rules\[0\]\.when\[0\]\.key must be a string/ },
    { line: 26, ruleId: 'schema', match: /spec\.rules\[1\] must be an object/ },
    { line: 27, ruleId: 'schema', match: /spec\.rules\[2\]\.to must be an array/ },
    { line: 28, column: 12, ruleId: 'schema', match: /from\[0\] must be an object/ },
    { line: 28, column: 18, ruleId: 'schema', match: /from\[1\] must be an object/ },
    { line: 28, column: 30, ruleId: 'schema', match: /from\[2\]\.source must be an object/ },
    { line: 28, column: 56, ruleId: 'schema', match: /from\[3\]\.source\.principals must be an array/ },
    { line: 29, ruleId: 'schema', match: /spec\.rules\[3\]\.to\[0\] must be an object/ },
    { line: 33, ruleId: 'schema', match: /AuthorizationPolicy without a name: metadata must be an object/ },
    { line: 34, ruleId: 'schema', match: /AuthorizationPolicy without a name: spec must be an object/ },
    { line: 41, ruleId: 'schema', match: /Deployment shop\/wrong-deployment: metadata\.labels must be an object/ },
    { line: 43, ruleId: 'schema', match: /wrong-deployment: spec\.selector must be an object/ },
    { line: 47, ruleId: 'schema', match: /spec\.template\.metadata\.labels\.app must be a string \(write "true" in quotes\)/ },
    { line: 49, ruleId: 'schema', match: /spec\.template\.spec\.serviceAccountName must be a string/ },
    { line: 50, ruleId: 'schema', match: /spec\.template\.spec\.containers must be an array/ },
    { line: 58, ruleId: 'schema', match: /Service shop\/wrong-service: spec\.selector must be an object/ },
    { line: 59, ruleId: 'schema', match: /wrong-service: spec\.ports\[0\] must be an object/ },
    { line: 64, ruleId: 'schema', match: /Namespace without a name: metadata\.name must be a string/ },
    { line: 65, ruleId: 'schema', match: /Namespace without a name: metadata\.labels must be an object/ },
  ],
};

describe('bad input beside a valid manifest (test/robustness/)', () => {
  it('covers every file of the folder', () => {
    const files = readdirSync(INPUTS).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== VALID);
    expect(files.sort()).toEqual(Object.keys(STATIC).sort());
  });

  // One run over the whole folder (each input alone beside valid.yaml would take a process each);
  // the folder test at the end adds the generated inputs to the same mix.
  let run: CliRun;
  let dir: string;
  beforeAll(() => {
    dir = tempWithValid();
    for (const f of Object.keys(STATIC)) copyFileSync(join(INPUTS, f), join(dir, f));
    run = runCli(['.'], { cwd: dir });
  });

  it('exits 1 with the valid manifest\'s finding', () => {
    expectSane(run);
    expectValidFinding(run, dir);
  });

  for (const [file, expected] of Object.entries(STATIC)) {
    it(file, () => {
      expectMessages(messagesOf(run, join(dir, file)), expected);
    });
  }
});

/** Write a generated input next to valid.yaml, lint the folder, return the run. */
function lintGenerated(files: Record<string, string | Buffer>, args: string[] = ['.'], nodeArgs?: string[]): { dir: string; run: CliRun } {
  const dir = tempWithValid();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, run: runCli(args, { cwd: dir, nodeArgs }) };
}

const nested = {
  seq: (n: number) => `${'['.repeat(n)}${']'.repeat(n)}\n`,
  map: (n: number) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
  dash: (n: number) => `${'- '.repeat(n)}1\n`,
  block: (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += `${' '.repeat(i)}a:\n`;
    return `${s}${' '.repeat(n)}1\n`;
  },
};

describe('large and hostile input: bounded time and memory', () => {
  it('a 50 MB file is reported as too large, quickly and in little memory', () => {
    const doc = readFileSync(join(INPUTS, VALID), 'utf8');
    const copies = Math.ceil((50 * 1024 * 1024) / (doc.length + 4));
    const big = Buffer.from(`${doc}---\n`.repeat(copies));
    expect(big.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    // A 128 MB heap: parsing the file would need gigabytes and end in an out-of-memory crash.
    const { dir, run } = lintGenerated({ 'huge.yaml': big }, ['.'], ['--max-old-space-size=128']);
    expectSane(run);
    expect(run.ms).toBeLessThan(10_000);
    expectValidFinding(run, dir);
    expectMessages(messagesOf(run, join(dir, 'huge.yaml')), [
      { line: 1, ruleId: 'unreadable-file', match: /^file is 50\.0 MiB, over the 32 MiB limit; it was not linted/ },
    ]);
  });

  it('20,000 levels of nesting, in every YAML style and in JSON', () => {
    const files = {
      'deep-flow-seq.yaml': nested.seq(20_000),
      'deep-flow-map.yaml': nested.map(20_000),
      'deep-dash.yaml': nested.dash(20_000),
      'deep.json': nested.seq(20_000),
      // Deep enough for the limit, shallow enough for the parser: the loader's own check.
      'deep-300.yaml': nested.seq(300),
      'deep-block.yaml': nested.block(1_000),
    };
    const { dir, run } = lintGenerated(files);
    expectSane(run);
    expect(run.ms).toBeLessThan(10_000);
    expectValidFinding(run, dir);
    for (const name of Object.keys(files)) {
      const msgs = messagesOf(run, join(dir, name));
      expect(msgs, name).toHaveLength(1);
      expect(msgs[0]!.ruleId).toBe('yaml-syntax');
      expect(msgs[0]!.message).toBe('This document is nested more than 256 levels deep; it is skipped');
    }
    // The block style is reported on the line where the limit is crossed, not at the top.
    expect(messagesOf(run, join(dir, 'deep-block.yaml'))[0]!.line).toBeGreaterThan(256);
  });

  it('100 levels of nesting are fine', () => {
    const { dir, run } = lintGenerated({ 'deep-100.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: {x: ${nested.seq(100).trim()}}\n` });
    expectSane(run);
    expectValidFinding(run, dir);
    expect(messagesOf(run, join(dir, 'deep-100.yaml'))).toEqual([]);
  });

  it('thousands of aliases: capped per document and per file (yaml resolves them in quadratic time)', () => {
    let pairs = '';
    for (let i = 0; i < 5_000; i++) pairs += `- &a${i} x\n- *a${i}\n`;
    // 12 documents of 900 aliases each: under the per-document cap, over the per-file one.
    let docs = '';
    for (let d = 0; d < 12; d++) {
      docs += `---\nitems:\n`;
      for (let i = 0; i < 900; i++) docs += `- &d${d}a${i} x\n- *d${d}a${i}\n`;
    }
    const { dir, run } = lintGenerated({ 'aliases-one-doc.yaml': pairs, 'aliases-per-file.yaml': docs });
    expectSane(run);
    expect(run.ms).toBeLessThan(10_000);
    expectValidFinding(run, dir);
    expectMessages(messagesOf(run, join(dir, 'aliases-one-doc.yaml')), [
      { line: 2002, column: 3, ruleId: 'yaml-syntax', match: /^Too many aliases \(more than 1000 in one document\)/ },
    ]);
    const perFile = messagesOf(run, join(dir, 'aliases-per-file.yaml'));
    // Documents 1–11 use 9,900 aliases: documents 12 is over the budget of 10,000.
    expect(perFile.filter((m) => m.ruleId === 'yaml-syntax').map((m) => m.message)).toEqual([
      expect.stringMatching(/^Too many aliases \(more than 10000 in one file\)/),
    ]);
    expect(perFile.find((m) => m.ruleId === 'yaml-syntax')!.line).toBeGreaterThan(11 * 1802);
  });

  it('a map of 50,000 keys with a duplicate at the end: found in linear time', () => {
    // yaml's own duplicate check compares every key with every other: about 15 s for this map.
    let keys = '';
    for (let i = 0; i < 50_000; i++) keys += `k${i}: v\n`;
    keys += 'k0: again\n';
    const { dir, run } = lintGenerated({ 'many-keys.yaml': keys });
    expectSane(run);
    expect(run.ms).toBeLessThan(8_000);
    expectValidFinding(run, dir);
    expectMessages(messagesOf(run, join(dir, 'many-keys.yaml')), [
      { line: 50_001, column: 1, ruleId: 'yaml-syntax', match: /^Duplicate key "k0" \(first on line 1\)/ },
    ]);
  });

  it('a device named on the command line is read only up to the limit', () => {
    const dir = tempWithValid();
    const run = runCli([VALID, '/dev/zero'], { cwd: dir, nodeArgs: ['--max-old-space-size=128'] });
    expectSane(run);
    expectValidFinding(run, dir);
    expectMessages(messagesOf(run, '/dev/zero'), [{ line: 1, ruleId: 'unreadable-file', match: /^more than 32 MiB arrived; it was not linted/ }]);
  });
});

describe('paths', () => {
  it('a missing path is a usage error (exit 2), and the rest is still linted', () => {
    const dir = tempWithValid();
    const run = runCli(['.', 'no-such-file.yaml'], { cwd: dir });
    expectSane(run, [2]);
    expect(run.stderr).toBe('meshlint: no such file or folder: no-such-file.yaml\n');
    expectValidFinding(run, dir);
  });

  it('symlink loops are reported, not followed forever', () => {
    const dir = tempWithValid();
    symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
    symlinkSync('self.yaml', join(dir, 'self.yaml'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync(join(dir, 'sub'), join(dir, 'sub', 'again'));
    const run = runCli(['.'], { cwd: dir });
    expectSane(run);
    expectValidFinding(run, dir);
    for (const name of ['loop-a.yaml', 'loop-b.yaml', 'self.yaml']) {
      expectMessages(messagesOf(run, join(dir, name)), [{ line: 1, ruleId: 'unreadable-file', match: /^cannot follow this link: too many levels of symbolic links/ }]);
    }
    // The folder loops are walked once: valid.yaml is linted once, not again through sub/up.
    expect(run.results.filter((r) => r.filePath.endsWith(VALID))).toHaveLength(1);
    // A loop named on the command line is reported the same way.
    const direct = runCli([VALID, 'loop-a.yaml'], { cwd: dir });
    expectSane(direct);
    expectMessages(messagesOf(direct, join(dir, 'loop-a.yaml')), [{ line: 1, ruleId: 'unreadable-file', match: /too many levels of symbolic links/ }]);
  });

  it('unreadable files and folders (permission denied) are reported', (ctx) => {
    const dir = tempWithValid();
    writeFileSync(join(dir, 'locked.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: locked}\n');
    mkdirSync(join(dir, 'locked-folder'));
    writeFileSync(join(dir, 'locked-folder', 'inside.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: inside}\n');
    chmodSync(join(dir, 'locked.yaml'), 0o000);
    chmodSync(join(dir, 'locked-folder'), 0o000);
    // Root reads through permissions: run meshlint as the unprivileged user "nobody" instead, so
    // that the check is real. Without root and without "nobody", there is nothing honest to test.
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? { uid: 65534, gid: 65534 } : {};
    if (asRoot) {
      const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)})`], { ...user, cwd: dir });
      if (probe.status !== 0) ctx.skip('running as root, and user "nobody" (65534) cannot run node or read dist/cli.js');
    }
    const run = runCli(['.'], { cwd: dir, ...user });
    expectSane(run);
    expectValidFinding(run, dir);
    expectMessages(messagesOf(run, join(dir, 'locked.yaml')), [{ line: 1, ruleId: 'unreadable-file', match: /^cannot read this file: permission denied/ }]);
    expectMessages(messagesOf(run, join(dir, 'locked-folder')), [{ line: 1, ruleId: 'unreadable-file', match: /^cannot read this folder: permission denied/ }]);
  });

  it('a folder of 10,000 files is linted in seconds', () => {
    const dir = tempWithValid();
    mkdirSync(join(dir, 'many'));
    for (let i = 0; i < 10_000; i++) {
      writeFileSync(join(dir, 'many', `cm-${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: shop\ndata:\n  key: value-${i}\n`);
    }
    writeFileSync(join(dir, 'many', 'cm-5000.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [broken\n');
    const run = runCli(['.'], { cwd: dir });
    expectSane(run);
    expect(run.ms).toBeLessThan(30_000);
    expectValidFinding(run, dir);
    expect(run.results).toHaveLength(10_001);
    expectMessages(messagesOf(run, join(dir, 'many', 'cm-5000.yaml')), [{ line: 4, column: 9, ruleId: 'yaml-syntax', match: /^This "\[" is never closed|not closed/ }]);
    expect(run.results.filter((r) => r.messages.length > 0).map((r) => r.filePath).sort()).toEqual([join(dir, 'many', 'cm-5000.yaml'), join(dir, VALID)]);
  });
});

describe('stdin', () => {
  const valid = readFileSync(join(INPUTS, VALID), 'utf8');

  it('closed early, in the middle of a document: what arrived is linted', () => {
    // Cut inside the last line of the policy: `methods: ["GET` instead of `methods: ["GET"]`.
    const cut = valid.slice(0, valid.lastIndexOf('"]'));
    const run = runCli(['-'], { cwd: tempWithValid(), input: cut });
    expectSane(run);
    const msgs = messagesOf(run, '<stdin>');
    expect(msgs.map((m) => m.ruleId)).toEqual(['yaml-syntax']);
    expect(msgs[0]!.line).toBe(65);
    // Cut after a complete document: the documents before it are linted.
    const whole = valid.slice(0, valid.indexOf('\n', valid.indexOf('methods:')) + 1);
    const run2 = runCli(['-', '--stdin-filename', 'piped.yaml'], { cwd: tempWithValid(), input: whole });
    expectSane(run2);
    expect(run2.results).toHaveLength(1);
    expect(run2.results[0]!.filePath).toMatch(/piped\.yaml$/);
    expect(run2.results[0]!.messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(['65:ztunnel-l7-policy']);
  });

  it('closed before anything arrives', () => {
    // `<&-` closes stdin outright; /dev/null is an empty stdin. Both: an empty input, exit 0.
    for (const shell of [`exec "$0" "$1" -f json - <&-`, `exec "$0" "$1" -f json - </dev/null`]) {
      const r = spawnSync('sh', ['-c', shell, process.execPath, CLI], { encoding: 'utf8', timeout: 20_000 });
      expect(r.status, r.stderr).toBe(0);
      const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: JsonMessage[] }>;
      expect(results.map((x) => x.messages.map((m) => `${x.filePath}:${m.line}:${m.ruleId}:${m.severity}`))).toEqual([['<stdin>:1:empty-file:1']]);
    }
  });

  it('binary and oversized input on stdin', () => {
    const bin = runCli(['-'], { cwd: tempWithValid(), input: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff]) });
    expectSane(bin);
    expectMessages(messagesOf(bin, '<stdin>'), [{ line: 1, ruleId: 'unreadable-file', match: /^binary file/ }]);
    const latin = runCli(['-'], { cwd: tempWithValid(), input: Buffer.from('a: 1\nb: caf\xe9\n', 'latin1') });
    expectSane(latin);
    expectMessages(messagesOf(latin, '<stdin>'), [{ line: 2, column: 7, ruleId: 'unreadable-file', match: /^file is not valid UTF-8 \(byte 0xE9 on line 2/ }]);
    const big = runCli(['-'], { cwd: tempWithValid(), input: Buffer.alloc(40 * 1024 * 1024, 'a: b\n'), nodeArgs: ['--max-old-space-size=160'] });
    expectSane(big);
    expectMessages(messagesOf(big, '<stdin>'), [{ line: 1, ruleId: 'unreadable-file', match: /^more than 32 MiB arrived; it was not linted/ }]);
  });
});

describe('a folder mixing a valid manifest with every kind of bad input', () => {
  it('finishes within seconds, exits 1, names every bad file, still reports the valid findings', () => {
    const dir = tempWithValid();
    for (const f of Object.keys(STATIC)) copyFileSync(join(INPUTS, f), join(dir, f));
    const doc = readFileSync(join(INPUTS, VALID), 'utf8');
    writeFileSync(join(dir, 'huge.yaml'), `${doc}---\n`.repeat(Math.ceil((50 * 1024 * 1024) / (doc.length + 4))));
    writeFileSync(join(dir, 'deep.yaml'), nested.seq(20_000));
    writeFileSync(join(dir, 'deep.json'), nested.map(20_000));
    let aliases = '';
    for (let i = 0; i < 5_000; i++) aliases += `- &a${i} x\n- *a${i}\n`;
    writeFileSync(join(dir, 'aliases.yaml'), aliases);
    symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
    mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
    symlinkSync('../..', join(dir, 'nested', 'deeper', 'cycle'));
    copyFileSync(join(INPUTS, 'syntax-duplicate-key.yaml'), join(dir, 'nested', 'deeper', 'dup.yaml'));

    const run = runCli(['.'], { cwd: dir, nodeArgs: ['--max-old-space-size=256'] });
    expectSane(run);
    expect(run.ms).toBeLessThan(15_000);
    expectValidFinding(run, dir);
    const bad = [...Object.keys(STATIC), 'huge.yaml', 'deep.yaml', 'deep.json', 'aliases.yaml', 'loop-a.yaml', 'loop-b.yaml', 'nested/deeper/dup.yaml'];
    for (const name of bad) {
      const input = messagesOf(run, join(dir, name)).filter((m) => ['yaml-syntax', 'schema', 'unreadable-file', 'empty-file'].includes(m.ruleId));
      // bom-leading and bom-mid-stream are valid YAML: they are linted, with no input diagnostic.
      if (name.startsWith('bom-')) expect(input, name).toEqual([]);
      else expect(input.length, `${name} is named in a diagnostic`).toBeGreaterThan(0);
    }
    // Every diagnostic lies inside its file.
    for (const r of run.results) {
      let lines: string[];
      try {
        lines = readFileSync(r.filePath, 'utf8').split('\n');
      } catch {
        lines = [''];
      }
      for (const m of r.messages) {
        expect(m.line, `${r.filePath}:${m.line}`).toBeLessThanOrEqual(Math.max(lines.length, 1));
        expect(m.column).toBeLessThanOrEqual((lines[m.line - 1]?.length ?? 0) + 1);
      }
    }
  });
});
