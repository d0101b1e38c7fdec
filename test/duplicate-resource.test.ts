import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../src/config.js';
import { lint } from '../src/engine/lint.js';
import { RULES } from '../src/generated/rules.js';

// duplicate-resource (docs/diagnostics.md): the second object of one group, kind, namespace and
// name is reported, related to the first; other versions of a group are the same object.

const vs = (name: string, ns: string | undefined, version = 'v1') =>
  `apiVersion: networking.istio.io/${version}\nkind: VirtualService\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n`;

async function duplicates(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-dup-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = await lint({ cwd: dir, patterns: ['.'], config: emptyConfig(dir), rules: RULES });
  return result.results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'duplicate-resource').map((m) => ({ file: r.filePath.slice(dir.length + 1), line: m.line, column: m.column, severity: m.severity, message: m.message, related: m.related?.map((x) => `${x.file.slice(dir.length + 1)}:${x.line}:${x.column} ${x.message}`) })));
}

describe('duplicate-resource', () => {
  it('reports the second copy across files, at its name, related to the first', async () => {
    const found = await duplicates({ 'a.yaml': vs('reviews', 'shop'), 'b.yaml': `${vs('other', 'shop')}---\n${vs('reviews', 'shop', 'v1beta1')}` });
    expect(found).toEqual([
      {
        file: 'b.yaml',
        line: 16,
        column: 9,
        severity: 1,
        message: 'VirtualService shop/reviews is defined twice (first at a.yaml:4): the cluster holds one object of that name, so the one applied last replaces the other. Remove one copy, or rename it.',
        related: ['a.yaml:4:9 VirtualService shop/reviews first defined here'],
      },
    ]);
  });

  it('an omitted namespace is default; a third copy is reported against the first', async () => {
    const found = await duplicates({ 'a.yaml': `${vs('r', undefined)}---\n${vs('r', 'default')}---\n${vs('r', 'default')}` });
    expect(found.map((f) => `${f.line} ${f.related}`)).toEqual(['15 a.yaml:4:9 VirtualService default/r first defined here', '27 a.yaml:4:9 VirtualService default/r first defined here']);
  });

  it('does not report identical copies, whatever their key order', async () => {
    const a = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {a: "1", b: "2"}\n';
    const b = 'kind: Namespace\napiVersion: v1\nmetadata:\n  labels: {b: "2", a: "1"}\n  name: shop\n';
    expect(await duplicates({ 'a.yaml': a, 'b.yaml': b })).toEqual([]);
    expect((await duplicates({ 'a.yaml': a, 'b.yaml': b.replace('"2"', '"3"') })).map((f) => f.file)).toEqual(['b.yaml']);
  });

  it('does not report other namespaces, kinds, groups, or unnamed objects', async () => {
    const dr = `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n  host: reviews\n`;
    const gw = (group: string) => `apiVersion: ${group}\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: shop\nspec: {}\n`;
    const unnamed = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: x-\n  namespace: shop\n`;
    const found = await duplicates({ 'a.yaml': `${vs('reviews', 'shop')}---\n${vs('reviews', 'bank')}---\n${dr}---\n${gw('networking.istio.io/v1')}---\n${gw('gateway.networking.k8s.io/v1')}---\n${unnamed}---\n${unnamed}` });
    expect(found).toEqual([]);
  });
});
