/**
 * `meshlint/rule-tester`: test a rule the way ESLint's RuleTester does — valid cases must produce
 * nothing, invalid ones exactly the listed errors — under vitest, mocha, jest or node:test.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { emptyConfig } from './config.js';
import { lint } from './engine/lint.js';
import { optionProblems } from './engine/options.js';
import { createProcessor, meshRulePlugin } from './engine/processor.js';
import { registerRule, type MeshRule } from './engine/rule.js';
import type { MeshSettings } from './model/mesh.js';
import type { Diagnostic } from './types.js';

/** The input of a case: one YAML text (`code`, linted as `input.yaml`), or several files by name. */
export type CaseInput = { code: string; files?: undefined } | { files: Record<string, string>; code?: undefined };

export type ValidCase = CaseInput & {
  name?: string;
  /** The rule's options (as after the severity in `rules: { id: [error, …options] }`). */
  options?: unknown[];
  /** Mesh settings (`.meshlint.yaml` `mesh`). */
  mesh?: Partial<MeshSettings>;
};

export interface ExpectedError {
  messageId?: string;
  /** With `messageId`: the placeholders' values; the message must be the template filled with them. */
  data?: Record<string, string | number | boolean>;
  /** The whole message, or a pattern it must match. */
  message?: string | RegExp;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The file the error is in, for multi-file cases (as named in `files`). */
  file?: string;
  severity?: 1 | 2;
}

export type InvalidCase = ValidCase & {
  /** The errors in order (file, line, column), or how many there are. */
  errors: ExpectedError[] | number;
};

type TestFn = (name: string, fn: () => Promise<void> | void) => unknown;

const globals = globalThis as { describe?: TestFn; it?: TestFn };

/** Runs a rule over cases. Set `RuleTester.describe`/`RuleTester.it` when the framework has no globals. */
export class RuleTester {
  static describe: TestFn | undefined;
  static it: TestFn | undefined;

  constructor(private readonly defaults: { mesh?: Partial<MeshSettings> } = {}) {}

  run(name: string, rule: MeshRule<string, any>, tests: { valid: Array<ValidCase | string>; invalid: InvalidCase[] }): void {
    const describe = RuleTester.describe ?? globals.describe;
    const it = RuleTester.it ?? globals.it;
    if (!describe || !it) throw new Error('RuleTester needs describe and it: run it under a test framework, or set RuleTester.describe and RuleTester.it');
    checkRule(name, rule);
    describe(name, () => {
      describe('valid', () => {
        tests.valid.forEach((raw, i) => {
          const c: ValidCase = typeof raw === 'string' ? { code: raw } : raw;
          it(c.name ?? `valid #${i}`, async () => {
            const found = await this.findings(name, rule, c);
            assert.deepEqual(found.map(describeFinding), [], `a valid case must produce no finding of ${name}`);
          });
        });
      });
      describe('invalid', () => {
        tests.invalid.forEach((c, i) => {
          it(c.name ?? `invalid #${i}`, async () => {
            const found = await this.findings(name, rule, c);
            const expected = typeof c.errors === 'number' ? undefined : c.errors;
            const count = typeof c.errors === 'number' ? c.errors : c.errors.length;
            assert.ok(count > 0, 'an invalid case must expect at least one error');
            assert.equal(found.length, count, `expected ${count} error(s) of ${name}, got ${found.length}:\n${found.map(describeFinding).join('\n')}`);
            expected?.forEach((e, k) => matchError(rule, found[k]!, e, k));
          });
        });
      });
    });
  }

  /** Lint the case with only this rule; a broken fixture (syntax, schema, crash) fails the test. */
  private async findings(name: string, rule: MeshRule<string, any>, c: ValidCase): Promise<Array<Diagnostic & { file: string }>> {
    const registered = registerRule(name, rule, rule.meta.docs.url ?? '');
    if (c.options) {
      const problems = optionProblems(registered, c.options);
      assert.deepEqual(problems, [], `invalid options for ${name}`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'meshlint-rule-tester-'));
    try {
      const files = c.code !== undefined ? { 'input.yaml': c.code } : c.files!;
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      const processor = createProcessor().use(meshRulePlugin(registered), [rule.meta.defaultSeverity, ...(c.options ?? [])]);
      const config = { ...emptyConfig(dir), mesh: { ...this.defaults.mesh, ...c.mesh } };
      const result = await lint({ cwd: dir, patterns: ['.'], config, rules: [], processor, ignoreFile: false });
      const all = result.results.flatMap((r) => r.messages.map((m) => ({ ...m, file: relative(dir, r.filePath).split(sep).join('/') })));
      const broken = all.filter((m) => ['yaml-syntax', 'schema', 'unreadable-file', 'internal-error'].includes(m.ruleId) && m.severity === 2);
      assert.deepEqual(broken.map(describeFinding), [], 'the case must be valid input (fix the YAML) and the rule must not crash');
      return all.filter((m) => m.ruleId === name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * The message template as a pattern: the placeholders given in `data` must hold those values, the
 * others may hold anything; the assumption clause the runner may append is allowed after it.
 */
function templateMatcher(template: string, data: Record<string, string | number | boolean>): RegExp {
  const parts = template.split(/(\{\{\s*[^{}]+?\s*\}\})/);
  const body = parts
    .map((part) => {
      const m = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(part);
      if (!m) return escape(part);
      return m[1]! in data ? escape(String(data[m[1]!])) : '[\\s\\S]*?';
    })
    .join('');
  return new RegExp(`^${body}( Assuming .*)?$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function describeFinding(m: Diagnostic & { file: string }): string {
  return `${m.file}:${m.line}:${m.column} ${m.messageId ?? ''} ${m.message}`;
}

function matchError(rule: MeshRule<string, any>, got: Diagnostic & { file: string }, e: ExpectedError, k: number): void {
  const where = `error ${k} (${describeFinding(got)})`;
  if (e.messageId !== undefined) {
    assert.ok(e.messageId in rule.meta.messages, `${where}: the rule has no messageId "${e.messageId}"`);
    assert.equal(got.messageId, e.messageId, `${where}: messageId`);
    if (e.data) assert.match(got.message, templateMatcher(rule.meta.messages[e.messageId]!, e.data), `${where}: message with data ${JSON.stringify(e.data)}`);
  }
  if (typeof e.message === 'string') assert.equal(got.message, e.message, `${where}: message`);
  else if (e.message) assert.match(got.message, e.message, `${where}: message`);
  for (const key of ['line', 'column', 'endLine', 'endColumn', 'severity', 'file'] as const) {
    if (e[key] !== undefined) assert.equal(got[key], e[key], `${where}: ${key}`);
  }
}

/** The definition must have what meshlint requires, and every messageId must be a string. */
function checkRule(name: string, rule: MeshRule<string, any>): void {
  const m = rule?.meta;
  assert.ok(m && typeof rule.create === 'function', `${name}: a rule is { meta, create }`);
  assert.equal(typeof m.docs?.description, 'string', `${name}: meta.docs.description`);
  assert.ok(m.messages && typeof m.messages === 'object', `${name}: meta.messages`);
  assert.ok(Array.isArray(m.schema), `${name}: meta.schema is an array (one JSON Schema per option)`);
  assert.ok(m.defaultSeverity === 'warn' || m.defaultSeverity === 'error', `${name}: meta.defaultSeverity`);
}
