import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../src/config.js';
import { lint, type LintResult } from '../src/engine/lint.js';
import { RULES } from '../src/generated/rules.js';
import { FORMATTERS } from '../src/report/formatters/index.js';
import { VERSION } from '../src/version.js';
import { manifest, mutate, mutation, render, rendering } from './robustness/arbitraries.js';

// Property-based tests: random Kubernetes-shaped documents and random mutations of the fixtures go
// through the loader, the model and every rule (RULES, so each new rule is fuzzed too). Properties:
// nothing throws (no exception escapes, no rule fails: no `internal-error`), the output is
// deterministic (byte-identical JSON for the same input), every position lies inside its file,
// and a document that is a Kubernetes object reaches the model exactly as written.
//
// `npm test` runs a bounded number of cases; `npm run fuzz` runs many more (FUZZ_RUNS, default
// 2000). A failure prints the seed and the shrunk input; replay with FUZZ_SEED=<seed>.

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : undefined;
const PARAMS: fc.Parameters<unknown> = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) };
const TIMEOUT = Math.max(30_000, RUNS * 400);

const CWD = '/nonexistent-meshlint-fuzz';
const NAME = 'fuzz.yaml';

async function lintText(text: string): Promise<LintResult> {
  return lint({ cwd: CWD, patterns: ['-'], stdin: { text, filename: NAME }, config: emptyConfig(CWD), rules: RULES, ignoreFile: false });
}

function json(result: LintResult): string {
  return FORMATTERS.json!(result.results, { cwd: CWD, color: false, rules: RULES, version: VERSION });
}

/** The properties every input must satisfy; returns the run for further checks. */
async function check(text: string): Promise<LintResult> {
  const first = await lintText(text);
  const crashes = first.results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'internal-error');
  expect(crashes.map((m) => m.message)).toEqual([]);

  const again = await lintText(text);
  expect(json(again)).toBe(json(first));

  // Positions count from the text as linted (a leading byte order mark is dropped).
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  for (const r of first.results) {
    expect(r.filePath).toBe(join(CWD, NAME));
    for (const m of r.messages) {
      const where = `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}: ${m.message}`;
      expect(m.line, where).toBeGreaterThanOrEqual(1);
      expect(m.line, where).toBeLessThanOrEqual(lines.length);
      expect(m.column, where).toBeGreaterThanOrEqual(1);
      expect(m.column, where).toBeLessThanOrEqual(lines[m.line - 1]!.length + 1);
      expect(m.endLine, where).toBeGreaterThanOrEqual(m.line);
      expect(m.endLine, where).toBeLessThanOrEqual(lines.length);
      expect(m.endColumn, where).toBeLessThanOrEqual(lines[m.endLine - 1]!.length + 1);
      if (m.endLine === m.line) expect(m.endColumn, where).toBeGreaterThanOrEqual(m.column);
    }
  }
  return first;
}

/** Every fixture case as one multi-document text (its files joined), and the examples. */
function corpus(): Array<{ name: string; text: string }> {
  const root = join(import.meta.dirname, '..');
  const out: Array<{ name: string; text: string }> = [];
  const addDir = (dir: string) => {
    const files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.'))
      .sort();
    if (files.length) out.push({ name: relative(root, dir), text: files.map((f) => readFileSync(join(dir, f), 'utf8')).join('---\n') });
    for (const f of readdirSync(dir).sort()) if (statSync(join(dir, f)).isDirectory()) addDir(join(dir, f));
  };
  addDir(join(root, 'fixtures'));
  addDir(join(root, 'examples'));
  out.push({ name: 'test/robustness/valid.yaml', text: readFileSync(join(root, 'test', 'robustness', 'valid.yaml'), 'utf8') });
  return out;
}

describe('fuzz', () => {
  const cases = corpus();

  it('has a corpus to mutate', () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  it(
    'random Kubernetes-shaped documents: no crash, deterministic, positions inside the file, data kept exactly',
    async () => {
      await fc.assert(
        fc.asyncProperty(manifest, rendering, async (docs, style) => {
          const text = render(docs, style);
          const result = await check(text);
          // What was written is what the model holds, for every document that is an object.
          const objects = docs
            .flatMap((d) => (isList(d) ? (d as { items: unknown[] }).items : [d]))
            .filter((d) => isObject(d));
          const normal = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
          const kept = result.model.resources.map((r) => normal(r.raw));
          for (const o of objects) expect(kept).toContainEqual(normal(o));
        }),
        PARAMS,
      );
    },
    TIMEOUT,
  );

  it(
    'mutated fixtures: no crash, deterministic, positions inside the file',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...cases), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (c, mutations) => {
          const text = mutations.reduce(mutate, c.text);
          await check(text);
        }),
        PARAMS,
      );
    },
    TIMEOUT,
  );

  it(
    'arbitrary text: no crash, deterministic, positions inside the file',
    async () => {
      const yamlish = fc.array(fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', ',', '#', '&', '*', '!', '"', "'", '|', '>', '?', '\t', '%', '@', '`', '\r', '\ufeff', '---', '...', 'kind: ', 'apiVersion: v1', 'é'), { maxLength: 60 }).map((p) => p.join(''));
      await fc.assert(fc.asyncProperty(fc.oneof(yamlish, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 })), async (text) => void (await check(text))), PARAMS);
    },
    TIMEOUT,
  );
});

function isObject(d: unknown): boolean {
  return typeof d === 'object' && d !== null && !Array.isArray(d) && typeof (d as Record<string, unknown>).kind === 'string' && typeof (d as Record<string, unknown>).apiVersion === 'string';
}

function isList(d: unknown): boolean {
  return isObject(d) && ((d as Record<string, unknown>).kind as string).endsWith('List') && Array.isArray((d as Record<string, unknown>).items);
}
