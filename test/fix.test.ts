import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyConfig } from '../src/config.js';
import { applyFixes } from '../src/engine/fix.js';
import { lint } from '../src/engine/lint.js';
import { defineRule, registerRule } from '../src/engine/rule.js';
import { assertBuilt, meshlint } from './helpers/cli.js';
import { FIXTURES } from './helpers/fixtures.js';

// --fix fixtures: fixtures/<rule>/fix-<case>/ holds the input YAML, its findings (expected.out, run
// by test/fixtures.test.ts) and, beside each file --fix changes, `<file>.fixed`: the text after --fix.
const CASES = readdirSync(FIXTURES)
  .flatMap((rule) => (rule === 'scenarios' ? [] : readdirSync(join(FIXTURES, rule)).filter((c) => c.startsWith('fix-')).map((c) => join(FIXTURES, rule, c))));

function copyInput(dir: string): string {
  const tmp = mkdtempSync(join(tmpdir(), 'meshlint-fix-'));
  for (const f of readdirSync(dir)) if (/\.ya?ml$/.test(f)) cpSync(join(dir, f), join(tmp, f));
  return tmp;
}

function fixedFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.fixed')).map((f) => f.slice(0, -'.fixed'.length));
}

describe('--fix fixtures', () => {
  beforeAll(() => assertBuilt());

  it('there is at least one', () => {
    expect(CASES.length).toBeGreaterThan(0);
  });

  for (const dir of CASES) {
    const name = `${basename(join(dir, '..'))}/${basename(dir)}`;

    it(`${name}: --fix-dry-run gives each changed file's fixed text as "output" and writes nothing`, () => {
      const tmp = copyInput(dir);
      try {
        const r = meshlint([tmp, '--fix-dry-run', '-f', 'json'], { cwd: tmp });
        const results = JSON.parse(r.stdout) as Array<{ filePath: string; output?: string }>;
        const changed = results.filter((x) => x.output !== undefined).map((x) => basename(x.filePath)).sort();
        expect(changed).toEqual(fixedFiles(dir).sort());
        for (const x of results) {
          if (x.output === undefined) continue;
          expect(x.output).toBe(readFileSync(join(dir, `${basename(x.filePath)}.fixed`), 'utf8'));
          expect(readFileSync(x.filePath, 'utf8')).toBe(readFileSync(join(dir, basename(x.filePath)), 'utf8'));
        }
        expect(r.stderr).toMatch(/^meshlint: would fix \d+ problems? in /);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });

    it(`${name}: --fix writes the fixed text; a second run fixes nothing more`, () => {
      const tmp = copyInput(dir);
      try {
        const first = meshlint([tmp, '--fix', '-f', 'json'], { cwd: tmp });
        for (const f of fixedFiles(dir)) expect(readFileSync(join(tmp, f), 'utf8')).toBe(readFileSync(join(dir, `${f}.fixed`), 'utf8'));
        // What remains is reported, with no fix left: the exit code comes from it.
        const remaining = JSON.parse(first.stdout) as Array<{ messages: Array<{ fix?: unknown }> }>;
        expect(remaining.flatMap((x) => x.messages).filter((m) => m.fix)).toEqual([]);
        const second = meshlint([tmp, '--fix', '-f', 'json'], { cwd: tmp });
        expect(second.stderr).toBe('');
        expect(second.code).toBe(first.code);
        expect(JSON.parse(second.stdout).every((x: { output?: string }) => x.output === undefined)).toBe(true);
        for (const f of fixedFiles(dir)) expect(readFileSync(join(tmp, f), 'utf8')).toBe(readFileSync(join(dir, `${f}.fixed`), 'utf8'));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  }
});

describe('fixes in reports', () => {
  beforeAll(() => assertBuilt());

  it('JSON carries ESLint\'s fix ({ range, text }) and counts fixable problems; without --fix nothing is written', () => {
    const dir = join(FIXTURES, 'principal-never-matches', 'fix-spiffe-prefix');
    // From the case folder: the repository's own .meshlintignore passes over fixtures/.
    const r = meshlint(['policy.yaml', '-f', 'json'], { cwd: dir });
    const [result] = JSON.parse(r.stdout);
    const text = readFileSync(join(dir, 'policy.yaml'), 'utf8');
    const first = result.messages.find((m: { line: number }) => m.line === 16);
    expect(first.fix).toEqual({ range: [text.indexOf('"spiffe://cluster.local/ns/web/sa/frontend"'), text.indexOf(' # the storefront')], text: '"cluster.local/ns/web/sa/frontend"' });
    expect(result.fixableWarningCount).toBe(5);
    expect(result.output).toBeUndefined();
  });

  it('stdin is fixed in the report but never written anywhere', () => {
    const input = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: a\n  namespace: shop\nspec:\n  rules:\n  - from:\n    - source:\n        principals: ["spiffe://cluster.local/ns/web/sa/x"]\n';
    const r = meshlint(['-', '--fix', '-f', 'json'], { input });
    const [result] = JSON.parse(r.stdout);
    expect(result.output).toBe(input.replace('spiffe://', ''));
    expect(result.messages).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a rule that reports a fix without meta.fixable is an internal error, as in ESLint', async () => {
    const rule = registerRule(
      'acme/unmarked-fix',
      defineRule({
        meta: { type: 'problem', docs: { description: 'x' }, messages: { m: 'm' }, schema: [], defaultSeverity: 'error' },
        create: (context) => ({ Service: (s) => context.report({ at: { resource: s.resource, path: ['metadata', 'name'] }, messageId: 'm', fix: { at: { resource: s.resource, path: ['metadata', 'name'] }, value: 'y' } }) }),
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'meshlint-fix-'));
    writeFileSync(join(dir, 's.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  namespace: a\n');
    try {
      const { results } = await lint({ cwd: dir, patterns: ['.'], config: emptyConfig(dir), rules: [rule] });
      expect(results[0]!.messages.map((m) => m.ruleId)).toEqual(['internal-error']);
      expect(results[0]!.messages[0]!.message).toMatch(/meta\.fixable/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applyFixes takes fixes in order and leaves one that overlaps a fix already taken', () => {
    expect(applyFixes('abcdef', [{ range: [3, 5], text: 'X' }, { range: [0, 2], text: 'Y' }, { range: [1, 4], text: 'Z' }])).toEqual({ output: 'YcXf', applied: 2 });
  });
});
