import { describe, expect, it } from 'vitest';
import { checkAccess } from '../src/authz/access.js';
import { accessMatrix, lookup, requestOf } from '../src/graph/access.js';
import type { Model } from '../src/mesh/model.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';

/** Every caller × target of the matrix decides as checkAccess decides for that very caller. */
function expectSameAsCheckAccess(model: Model): number {
  const m = accessMatrix(model, process.cwd());
  let differs = 0;
  for (const r of m.targets) {
    m.callers.forEach((c, i) => {
      const v = lookup(r, i, c)!;
      const d = checkAccess(model, requestOf(c, r.target));
      const what = `${c.id} → ${r.target.id}:${r.target.port}`;
      expect(v.decision === 'deny' || (v.decision === 'allow-some' && v.conditions.some((x) => x.effect === 'allow')) ? 'DENY' : 'ALLOW', what).toBe(d.decision);
      expect(v.decidedBy?.name, what).toBe(d.decidedBy?.name);
      if (d.decision === 'DENY') differs++;
    });
  }
  return differs;
}

const SIDECAR = { 'istio-injection': 'enabled' };

describe('caller classes: what a target can tell apart is asked one by one', () => {
  it('a DestinationRule exported to one namespace: its clients send plaintext, the others mTLS', async () => {
    const model = await modelOf(
      ns('a', SIDECAR) + ns('b', SIDECAR) + ns('c', SIDECAR) + ns('pay', SIDECAR) +
        deployment('client', 'a') + deployment('client', 'b') + deployment('other', 'c') + deployment('payments', 'pay') +
        `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: pay
spec:
  mtls:
    mode: STRICT
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: plain
  namespace: pay
spec:
  host: payments
  exportTo: ["a"]
  trafficPolicy:
    tls:
      mode: DISABLE
`,
    );
    const target = accessMatrix(model, '').targets.find((t) => t.target.id === 'pay/service/payments' && t.target.port === 80)!;
    // The premise: a's client is refused (plaintext), b's is not.
    const a = checkAccess(model, requestOf({ id: 'a', workload: model.workloadsIn('a')[0], gateway: false, classIndex: 1 }, target.target));
    const b = checkAccess(model, requestOf({ id: 'b', workload: model.workloadsIn('b')[0], gateway: false, classIndex: 2 }, target.target));
    expect([a.decision, b.decision]).toEqual(['DENY', 'ALLOW']);
    expect(expectSameAsCheckAccess(model)).toBeGreaterThan(0);
  });

  it('principals and namespaces by prefix, suffix and negation; a `when` on source.namespace', async () => {
    const model = await modelOf(
      ['team-a', 'team-b', 'ops', 'shop'].map((n) => ns(n, SIDECAR)).join('') +
        deployment('x', 'team-a') + deployment('y', 'team-b') + deployment('z', 'ops') + deployment('w', 'ops', { sa: 'robot' }) +
        deployment('cart', 'shop') + deployment('orders', 'shop') + deployment('audit', 'shop') +
        policy('cart', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/team-*"]\n') +
        policy('orders', 'shop', 'selector:\n  matchLabels:\n    app: orders\naction: DENY\nrules:\n- from:\n  - source:\n      notNamespaces: ["ops"]\n') +
        policy('audit', 'shop', 'selector:\n  matchLabels:\n    app: audit\nrules:\n- from:\n  - source:\n      principals: ["*/sa/robot"]\n- when:\n  - key: source.namespace\n    values: ["team-b"]\n'),
    );
    expect(expectSameAsCheckAccess(model)).toBeGreaterThan(5);
  });
});
