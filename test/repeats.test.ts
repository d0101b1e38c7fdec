import { describe, expect, it } from 'vitest';
import { MAX_REPEATS } from '../src/engine/run-rules.js';
import { cli, tempTree } from './helpers/run-cli.js';

// One mistake repeated over the entries of a list (20,000 unknown principals) is one finding with
// a count, not 20,000 findings; a few are still reported one by one, each with its own hint.

function policy(principals: string[], block: boolean): Record<string, string> {
  const list = block ? `\n${principals.map((p) => `        - "${p}"`).join('\n')}` : ` [${principals.map((p) => `"${p}"`).join(', ')}]`;
  return {
    'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: web}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    'front.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: front, namespace: web}\nspec:\n  selector: {matchLabels: {app: front}}\n  template:\n    metadata: {labels: {app: front}}\n    spec: {serviceAccountName: front, containers: [{name: a, image: a}]}\n',
    'policy.yaml': `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  rules:\n  - from:\n    - source:\n        principals:${list}\n`,
  };
}

async function findings(files: Record<string, string>) {
  const r = await cli(['-f', 'json', '.'], { cwd: tempTree(files) });
  return (JSON.parse(r.out) as Array<{ messages: Array<{ ruleId: string; message: string; line: number }> }>).flatMap((f) => f.messages);
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `cluster.local/ns/web/sa/u${i}`);

describe('repeated findings on the entries of one list', () => {
  it(`up to ${MAX_REPEATS} are reported one by one`, async () => {
    const ms = await findings(policy(names(MAX_REPEATS), true));
    expect(ms.map((m) => m.ruleId)).toEqual(Array(MAX_REPEATS).fill('principal-never-matches'));
    expect(ms.every((m) => !m.message.includes('more entries'))).toBe(true);
  });

  it('more become the first one with the count and the last line', async () => {
    const ms = await findings(policy(names(25), true));
    expect(ms).toHaveLength(1);
    expect(ms[0]!.line).toBe(9);
    expect(ms[0]!.message).toContain('principal "cluster.local/ns/web/sa/u0" matches no pod');
    expect(ms[0]!.message.endsWith('The same holds for 24 more entries of "principals" (up to line 33).')).toBe(true);
  });

  it('20,000 on one line: one finding', async () => {
    const ms = await findings(policy(names(20_000), false));
    expect(ms).toHaveLength(1);
    expect(ms[0]!.message.endsWith('The same holds for 19,999 more entries of "principals".')).toBe(true);
  });

  it('different mistakes in one list are not merged', async () => {
    const ms = await findings(policy([...names(12), 'spiffe://cluster.local/ns/web/sa/front'], true));
    expect(ms).toHaveLength(2);
    expect(ms[1]!.message).toContain('spiffe://');
  });
});
