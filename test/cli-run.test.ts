import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { defineRule, registerRule, type Rule } from '../src/engine/rule.js';
import { parseEslintJson } from './helpers/cli.js';

// The CLI in-process, with rules made for the test: what happens when a rule crashes.

const INPUT = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec: {template: {metadata: {labels: {app: cart}}, spec: {containers: [{name: c, image: x}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: x}]}}}
`;

const perWorkload = registerRule(
  'test-per-workload',
  defineRule({
    meta: { type: 'problem', docs: { description: 'Reports every workload, and crashes on the one named cart.' }, messages: { seen: 'workload {{name}}' }, schema: [], defaultSeverity: 'warn' },
    create: (context) => ({
      Workload(w) {
        if (w.name === 'cart') throw new TypeError('cannot read properties of undefined');
        context.report({ at: { resource: w.resource, path: ['metadata', 'name'] }, messageId: 'seen', data: { name: w.name } });
      },
    }),
  }),
);

const crashesWhole = registerRule(
  'test-crashes-whole',
  defineRule({
    meta: { type: 'problem', docs: { description: 'Throws before looking at anything at all.' }, messages: {}, schema: [], defaultSeverity: 'error' },
    create() {
      throw new Error('boom');
    },
  }),
);

async function lintWith(rules: Rule[], args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-run-'));
  writeFileSync(join(dir, 'app.yaml'), INPUT);
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), readStdin: async () => '', env: {}, isTTY: false, cwd: dir };
  const code = await run(['.', '--format', 'json', '--no-config-lookup', ...args], io, rules);
  return { code, results: parseEslintJson(out), err, dir };
}

describe('a rule that crashes', () => {
  it('on one resource: internal-error names the rule and the resource, the others are still linted, exit 2', async () => {
    const { code, results } = await lintWith([perWorkload]);
    expect(code).toBe(2);
    const messages = results.flatMap((r) => r.messages);
    const internal = messages.filter((m) => m.ruleId === 'internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0]!.message).toContain('Rule "test-per-workload" failed on Deployment shop/cart: cannot read properties of undefined');
    expect(internal[0]!.severity).toBe(2);
    expect(internal[0]!.line).toBe(5); // the document of Deployment shop/cart
    expect(messages.filter((m) => m.ruleId === 'test-per-workload').map((m) => m.message)).toEqual(['workload web']);
  });

  it('as a whole: internal-error, and the other rules still report', async () => {
    const { code, results } = await lintWith([crashesWhole, perWorkload]);
    expect(code).toBe(2);
    const messages = results.flatMap((r) => r.messages);
    expect(messages.some((m) => m.ruleId === 'internal-error' && m.message.includes('Rule "test-crashes-whole" failed: boom'))).toBe(true);
    expect(messages.some((m) => m.ruleId === 'test-per-workload' && m.message === 'workload web')).toBe(true);
  });

  it('cannot be silenced: internal-error stays an error whatever the configuration', async () => {
    const { code, results } = await lintWith([perWorkload], ['--rule', 'test-per-workload:warn', '--quiet']);
    expect(code).toBe(2);
    expect(results.flatMap((r) => r.messages).map((m) => m.ruleId)).toEqual(['internal-error']);
  });
});

describe('small habits of a terminal and of report files', () => {
  it('TERM=dumb: no colours on a terminal (FORCE_COLOR and --color still win)', async () => {
    const { cli, tempTree, AMBIENT_SHOP } = await import('./helpers/run-cli.js');
    const dir = tempTree(AMBIENT_SHOP);
    expect((await cli(['.'], { cwd: dir, isTTY: true, env: {} })).out).toContain('\u001b[');
    expect((await cli(['.'], { cwd: dir, isTTY: true, env: { TERM: 'dumb' } })).out).not.toContain('\u001b[');
    expect((await cli(['.', '--color'], { cwd: dir, isTTY: true, env: { TERM: 'dumb' } })).out).toContain('\u001b[');
  });

  it('-o report.json in the linted folder: the next run does not lint the report', async () => {
    const { cli, tempTree, AMBIENT_SHOP } = await import('./helpers/run-cli.js');
    const dir = tempTree(AMBIENT_SHOP);
    const first = await cli(['.', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    const second = await cli(['.', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(second.code).toBe(first.code);
    const files = (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Array<{ filePath: string }>).map((f) => f.filePath);
    expect(files).not.toContain(join(dir, 'report.json'));
    // Named on the command line, a file is linted whatever it is.
    const named = await cli(['report.json', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(named.out) as Array<{ filePath: string }>).map((f) => f.filePath)).toEqual([join(dir, 'report.json')]);
  });
});
