import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleDefinition } from '@eslint/core';
import { describe, expect, it } from 'vitest';
import { emptyConfig, loadConfig } from '../src/config.js';
import { lint } from '../src/engine/lint.js';
import type { MeshRule, MeshSourceCode, MeshVisitor, ModelNode } from '../src/engine/rule.js';
import { RULES } from '../src/generated/rules.js';

// Every built-in rule is an @eslint/core RuleDefinition: checked by the compiler here (the
// assignment fails to type-check otherwise), and by its meta at run time.
type MeshRuleDefinition = RuleDefinition<{
  LangOptions: Record<string, unknown>;
  Code: MeshSourceCode;
  RuleOptions: unknown[];
  Visitor: MeshVisitor;
  Node: ModelNode;
  MessageIds: string;
  ExtRuleDocs: { aliases?: readonly string[]; tags?: readonly string[] };
}>;
const definitions: Array<[string, MeshRuleDefinition]> = RULES.map((r) => [r.id, r.definition satisfies MeshRule<string, unknown[]>]);

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

describe.each(definitions.map(([id, definition]) => ({ id, definition: definition as MeshRule<string, unknown[]> })))('rule $id is a RuleDefinition', ({ id, definition }) => {
  it('meta: type, docs (description, url), messages, schema, default severity', () => {
    const m = definition.meta;
    expect(['problem', 'suggestion']).toContain(m.type);
    expect(m.docs.description.length).toBeGreaterThan(20);
    expect(m.docs.url).toBe(`https://github.com/meshlint/meshlint/blob/main/rules/${id}/README.md`);
    expect(Object.keys(m.messages).length).toBeGreaterThan(0);
    for (const [messageId, text] of Object.entries(m.messages)) {
      expect(messageId).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(text.trim().length).toBeGreaterThan(10);
    }
    expect(Array.isArray(m.schema)).toBe(true);
    if (m.schema.length > 0) expect(m.defaultOptions, `${id} has options but no defaultOptions`).toHaveLength(m.schema.length);
    expect(['warn', 'error']).toContain(m.defaultSeverity);
    expect(typeof definition.create).toBe('function');
  });
});

describe('messageIds', () => {
  it('every messageId of every rule is reported by some fixture, and carried in the results', async () => {
    const seen = new Map<string, Set<string>>();
    for (const group of readdirSync(FIXTURES).sort()) {
      for (const c of readdirSync(join(FIXTURES, group)).sort()) {
        const dir = join(FIXTURES, group, c);
        if (!statSync(dir).isDirectory()) continue;
        const configFile = join(dir, '.meshlint.yaml');
        const config = existsSync(configFile) ? loadConfig(configFile) : emptyConfig(dir);
        const result = await lint({ cwd: dir, patterns: ['.'], config, rules: RULES });
        for (const m of result.results.flatMap((r) => r.messages)) {
          if (!m.messageId) continue;
          let ids = seen.get(m.ruleId);
          if (!ids) seen.set(m.ruleId, (ids = new Set()));
          ids.add(m.messageId);
        }
      }
    }
    const missing = definitions.flatMap(([id, d]) => Object.keys(d.meta!.messages!).filter((messageId) => !seen.get(id)?.has(messageId)).map((messageId) => `${id}:${messageId}`));
    expect(missing, 'messageIds no fixture reports').toEqual([]);
  }, 120_000);
});

describe('visitors', () => {
  it('Istio\'s own Gateway and the Gateway API\'s reach different visitors, in input order', async () => {
    const { modelOf } = await import('./helpers/model.js');
    const m = await modelOf(`apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ingress, namespace: edge}
spec: {selector: {istio: ingressgateway}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: shop}
spec: {gatewayClassName: istio-waypoint}
`);
    expect(m.inputOrder().map((x) => `${x.kind} ${x.resource.namespace}/${x.resource.name}`)).toEqual(['IstioGateway edge/ingress', 'Gateway shop/waypoint']);
  });
});
