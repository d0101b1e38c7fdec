import { describe, expect, it } from 'vitest';
import type { MeshMessage } from '../src/engine/diagnostic.js';
import { emptyConfig } from '../src/config.js';
import { ruleOptions } from '../src/engine/options.js';
import { runRules } from '../src/engine/run-rules.js';
import { RULES } from '../src/generated/rules.js';
import type { Model } from '../src/mesh/model.js';
import { deployment, modelOf, ns } from './helpers/model.js';

const IDS = ['policy-selects-nothing', 'unknown-namespace', 'principal-never-matches', 'source-identity-without-mtls', 'jwt-without-requestauthentication'];

/** Run one rule as the engine does; an exception would be an internal-error diagnostic. */
function run(id: string, model: Model): MeshMessage[] {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`rule ${id} is not registered`);
  return runRules(model, [{ rule, options: ruleOptions(rule, emptyConfig(process.cwd())) }], process.cwd());
}

// Every field of the kinds these rules read, in a wrong shape. The schema check reports them; the
// rules must neither throw nor report anything about them.
const MALFORMED = `${ns('shop', { 'istio-injection': 'enabled' })}${deployment('cart', 'shop')}apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: a, namespace: shop}
spec:
  selector: {matchLabels: "app=cart"}
  targetRefs: "cart"
  rules: "everything"
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: b, namespace: shop}
spec:
  rules:
  - from: {source: {principals: ["x"]}}
    when: "source.principal"
  - from:
    - source: [principals]
    - source: {principals: "cluster.local/ns/shop/sa/nobody", namespaces: [1, null, {a: b}], requestPrincipals: {}}
    when:
    - {key: 7, values: ["x"]}
    - {key: source.principal, values: "cluster.local/ns/shop/sa/nobody", notValues: [null]}
    - {key: "request.auth.claims[groups]"}
  - from:
    - source: {principals: ["cluster.local/ns/shop/sa/nobody"]}
  - null
  - 42
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: c, namespace: shop}
spec: "nothing"
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: d, namespace: istio-system}
spec:
  selector: {matchLabels: [1, 2]}
  mtls: "STRICT"
  portLevelMtls: [8080]
---
apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: {name: e, namespace: shop}
spec:
  targetRefs: [{kind: 3}, null, "x"]
  jwtRules: [null, {issuer: 5}, "x"]
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: f, namespace: shop}
spec:
  workloadSelector: {labels: null}
---
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata: {name: g, namespace: shop}
spec:
  selector: "app"
`;

describe('authorization rules on malformed input', () => {
  // The only well-formed entry of interest: policy "b", rules[2], a principal nobody runs as.
  const expected: Record<string, string[]> = {
    'policy-selects-nothing': [],
    'unknown-namespace': [],
    // Policy "b", rules[2]: the principal nobody runs as.
    'principal-never-matches': [`${MALFORMED.split("\n").indexOf('    - source: {principals: ["cluster.local/ns/shop/sa/nobody"]}') + 1}:29`],
    'source-identity-without-mtls': [],
    'jwt-without-requestauthentication': [],
  };
  for (const id of IDS) {
    it(`${id} neither throws nor reports malformed fields`, async () => {
      const model = await modelOf(MALFORMED);
      const found = run(id, model);
      expect(found.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
      expect(found.map((d) => `${d.start.line}:${d.start.column}`)).toEqual(expected[id]);
    });
  }
});
