import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { defineRule, registerRule } from '../src/engine/rule.js';
import { formatResults } from '../src/index.js';
import { tempTree } from './helpers/run-cli.js';

// A suggestion a rule gives as a function is built only when a report reads it: JSON and SARIF
// do, stylish does not. What it builds is the same as the suggestion given outright.

const POLICY = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  action: DENY\n  rules: [{}]\n';
const FIX = 'spec:\n  action: ALLOW\n';

function countingRule(built: { count: number }, lazy: boolean) {
  const make = () => {
    built.count++;
    return { desc: 'Allow instead', fix: FIX };
  };
  return registerRule(
    'test/lazy',
    defineRule<'deny'>({
      meta: { type: 'suggestion', docs: { description: 'test' }, messages: { deny: 'DENY' }, schema: [], hasSuggestions: true, defaultSeverity: 'warn' },
      create: (context) => ({
        AuthorizationPolicy(p) {
          context.report({ at: { resource: p.resource, path: ['spec', 'action'] }, messageId: 'deny', suggest: [lazy ? make : make()] });
        },
      }),
    }),
  );
}

const CWD = tempTree({ 'policy.yaml': POLICY });

async function run(lazy: boolean, format: string) {
  const cwd = CWD;
  const built = { count: 0 };
  const { results } = await lint({ cwd, patterns: ['.'], rules: [countingRule(built, lazy)] });
  const afterLint = built.count;
  const out = formatResults(results, format, { cwd });
  return { afterLint, afterFormat: built.count, out };
}

describe('suggestions given as functions', () => {
  it('are not built by the lint nor by stylish', async () => {
    const r = await run(true, 'stylish');
    expect(r.out).toContain('DENY');
    expect([r.afterLint, r.afterFormat]).toEqual([0, 0]);
  });

  it('are built once when JSON or SARIF reads them, the same as given outright', async () => {
    for (const format of ['json', 'sarif']) {
      const lazy = await run(true, format);
      const eager = await run(false, format);
      expect([lazy.afterLint, lazy.afterFormat]).toEqual([0, 1]);
      expect(eager.afterLint).toBe(1);
      expect(lazy.out).toBe(eager.out);
      expect(lazy.out).toContain('ALLOW');
    }
  });

  it('a function that throws leaves the finding without that suggestion', async () => {
    const cwd = CWD;
    const rule = registerRule(
      'test/throws',
      defineRule<'deny'>({
        meta: { type: 'suggestion', docs: { description: 'test' }, messages: { deny: 'DENY' }, schema: [], hasSuggestions: true, defaultSeverity: 'warn' },
        create: (context) => ({
          AuthorizationPolicy(p) {
            const broken = () => {
              throw new Error('no');
            };
            context.report({ at: { resource: p.resource, path: ['spec', 'action'] }, messageId: 'deny', suggest: [broken, { desc: 'Allow instead', fix: FIX }] });
          },
        }),
      }),
    );
    const { results } = await lint({ cwd, patterns: ['.'], rules: [rule] });
    const [finding] = results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'test/throws');
    expect(finding!.suggestions?.map((s) => s.desc)).toEqual(['Allow instead']);
  });
});
