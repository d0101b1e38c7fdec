import { describe, expect, it } from 'vitest';
import acme from '../examples/plugin/meshlint-acme.mjs';
import { RuleTester } from '../src/rule-tester.js';

RuleTester.describe = describe;
RuleTester.it = it;

const ns = (name: string, labels = 'istio-injection: enabled') => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {${labels}}}\n---\n`;
const deploy = (name: string, namespace: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: x}]}\n---\n`;
const policy = (name: string, namespace: string, spec: string) => `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: ${spec}\n---\n`;

// The example plugin's rules, tested the way a plugin author would (docs/writing-rules.md).
new RuleTester().run('acme/namespace-default-deny', acme.rules['namespace-default-deny'], {
  valid: [
    { name: 'a default-deny policy', code: ns('shop') + deploy('cart', 'shop') + policy('deny', 'shop', '{}') },
    { name: 'no workloads', code: ns('empty') },
    { name: 'ignored by the options', code: ns('sandbox') + deploy('tool', 'sandbox'), options: [{ ignoreNamespaces: ['sandbox'] }] },
  ],
  invalid: [
    {
      name: 'a namespace with a workload and no default-deny',
      code: ns('shop') + deploy('cart', 'shop') + policy('cart', 'shop', '{selector: {matchLabels: {app: cart}}}'),
      errors: [{ messageId: 'missing', data: { namespace: 'shop', count: 1 }, line: 3, column: 18 }],
    },
    {
      name: 'a policy with rules is not a default-deny',
      files: { 'ns.yaml': ns('pay'), 'app.yaml': deploy('api', 'pay') + policy('api', 'pay', '{rules: [{}]}') },
      errors: [{ messageId: 'missing', file: 'ns.yaml', severity: 1 }],
    },
  ],
});

new RuleTester().run('acme/no-allow-from-any-namespace', acme.rules['no-allow-from-any-namespace'], {
  valid: [ns('shop') + policy('named', 'shop', '{rules: [{from: [{source: {namespaces: [shop]}}]}]}'), ns('shop') + policy('deny', 'shop', '{action: DENY, rules: [{from: [{source: {namespaces: ["*"]}}]}]}')],
  invalid: [
    {
      code: ns('shop') + policy('open', 'shop', '{rules: [{from: [{source: {namespaces: [shop, "*"]}}]}]}'),
      errors: [{ messageId: 'anyNamespace', data: { name: 'open' }, message: 'AuthorizationPolicy "open" admits callers from any namespace ("*"): name the namespaces that may call.' }],
    },
  ],
});

describe('RuleTester itself', () => {
  it('fails a valid case that reports, an invalid case that does not, and an error that does not match', async () => {
    const collected: Array<() => Promise<void> | void> = [];
    const saved = [RuleTester.describe, RuleTester.it] as const;
    RuleTester.describe = (_name, fn) => void fn();
    RuleTester.it = (_name, fn) => void collected.push(fn);
    try {
      const open = ns('shop') + policy('open', 'shop', '{rules: [{from: [{source: {namespaces: ["*"]}}]}]}');
      const named = ns('shop') + policy('named', 'shop', '{rules: [{from: [{source: {namespaces: [shop]}}]}]}');
      new RuleTester().run('acme/no-allow-from-any-namespace', acme.rules['no-allow-from-any-namespace'], {
        valid: [open],
        invalid: [
          { code: named, errors: 1 },
          { code: open, errors: [{ messageId: 'anyNamespace', data: { name: 'other' } }] },
          { code: open, errors: [{ messageId: 'anyNamespace', line: 99 }] },
          { code: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: [broken\n', errors: 1 },
        ],
      });
    } finally {
      [RuleTester.describe, RuleTester.it] = saved;
    }
    expect(collected).toHaveLength(5);
    for (const test of collected) await expect(Promise.resolve().then(test)).rejects.toThrow();
  });
});
