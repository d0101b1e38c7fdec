import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, expectMessages, expectSane, expectValidFinding, INPUTS, messagesOf, removeTemps, runCli, STATIC, tempWithValid, VALID, type CliRun, type JsonMessage } from './robustness/harness.js';

// Every kind of bad input, end to end through the CLI: the run ends in bounded time, the bad file
// is named with the right line, and the valid manifest beside it is still linted. The small inputs
// live in test/robustness/ (see its README.md); the large ones are in robustness-large.test.ts.

afterAll(removeTemps);

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

});

describe('stdin', () => {
  const valid = readFileSync(join(INPUTS, VALID), 'utf8');

  it('closed early, in the middle of a document: what arrived is linted', () => {
    // Cut inside the last line of the policy: `methods: ["GET` instead of `methods: ["GET"]`.
    const cut = valid.slice(0, valid.lastIndexOf('"]'));
    const run = runCli(['-'], { cwd: tempWithValid(), input: cut });
    expectSane(run);
    // The broken last document is reported where it breaks off; the others are linted.
    const msgs = messagesOf(run, '<stdin>').filter((m) => m.ruleId === 'yaml-syntax');
    expect(msgs.map((m) => m.line)).toEqual([65]);
    // Cut after a complete document: the documents before it are linted.
    const whole = valid.slice(0, valid.indexOf('\n', valid.indexOf('methods:')) + 1);
    const run2 = runCli(['-', '--stdin-filename', 'piped.yaml'], { cwd: tempWithValid(), input: whole });
    expectSane(run2);
    expect(run2.results).toHaveLength(1);
    expect(run2.results[0]!.filePath).toMatch(/piped\.yaml$/);
    // The documents that arrived whole are linted: the policy's finding is there.
    expect(run2.results[0]!.messages.map((m) => `${m.line}:${m.ruleId}`)).toContain('65:ztunnel-l7-policy');
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

