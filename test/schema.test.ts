import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISTIO_CRDS, ISTIO_CRDS_SOURCE } from '../src/engine/istio-crds/index.js';
import { loadInput } from '../src/engine/lint.js';
import { KEYWORDS } from '../src/engine/schema-crd.js';

/**
 * The `schema` diagnostic for Istio resources: the vendored CRDs (served versions, structural
 * schema, CEL rules) and istiod's webhook, each problem at its field, in words.
 */

interface Found {
  /** 1-based line and column of the start, and the text the range covers. */
  line: number;
  column: number;
  text: string;
  message: string;
  warning: boolean;
}

async function lint(yaml: string): Promise<Found[]> {
  const input = await loadInput({ cwd: '/', patterns: ['-'], stdin: { text: yaml, filename: 'x.yaml' } });
  const lines = yaml.split('\n');
  const offset = (p: { line: number; column: number }) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return input.pending
    .filter((m) => m.ruleId === 'schema')
    .map((m) => ({
      line: m.place.start.line,
      column: m.place.start.column,
      text: yaml.slice(offset(m.place.start), offset(m.place.end)),
      message: m.reason,
      warning: m.downgrade === true,
    }));
}

const ap = (spec: string, meta = '{name: p, namespace: ns}') => `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: ${meta}\nspec:\n${spec}`;

describe('the vendored CRDs', () => {
  it('record the Istio commit they come from', () => {
    expect(ISTIO_CRDS_SOURCE.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(ISTIO_CRDS_SOURCE.version).toMatch(/^\d+\.\d+/);
  });

  it('use only the keywords the walker knows', () => {
    const dir = join(import.meta.dirname, '..', 'src', 'engine', 'istio-crds');
    const used = new Set<string>();
    const walk = (s: unknown): void => {
      if (Array.isArray(s)) return s.forEach(walk);
      if (typeof s !== 'object' || s === null) return;
      for (const [k, v] of Object.entries(s)) {
        used.add(k);
        if (k === 'properties') Object.values(v as object).forEach(walk);
        else if (!['enum', 'required', 'x-kubernetes-validations', 'x-kubernetes-list-map-keys'].includes(k)) walk(v);
      }
    };
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    expect([...used].filter((k) => !KEYWORDS.has(k))).toEqual([]);
  });

  it('know TrafficExtension, and accept EnvoyFilter MERGE_AND_REPLACE_LIST', async () => {
    expect(ISTIO_CRDS.map((c) => c.kind)).toContain('TrafficExtension');
    const ef = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: ef, namespace: ns}
spec:
  configPatches:
  - applyTo: HTTP_FILTER
    patch:
      operation: MERGE_AND_REPLACE_LIST
      value: {name: x}
`;
    expect(await lint(ef)).toEqual([]);
  });

  it('reject a kind at a version Istio does not serve, naming the served ones', async () => {
    const [f] = await lint('apiVersion: networking.istio.io/v1\nkind: EnvoyFilter\nmetadata: {name: ef}\nspec: {}\n');
    expect(f).toMatchObject({ line: 1, text: 'networking.istio.io/v1' });
    expect(f!.message).toBe('EnvoyFilter default/ef: EnvoyFilter is not served as networking.istio.io/v1, so the API server rejects it; use networking.istio.io/v1alpha3');
  });

  it('reject a kind the group does not have, with the likely one', async () => {
    const [f] = await lint('apiVersion: security.istio.io/v1\nkind: PeerAuthenticaton\nmetadata: {name: x}\n');
    expect(f!.message).toContain('security.istio.io/v1 has no kind "PeerAuthenticaton" (did you mean "PeerAuthentication"?)');
  });
});

describe('null is absent', () => {
  it('a `match:` with no value is no match', async () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v, namespace: ns}
spec:
  hosts: [a]
  http:
  - match:
    route:
    - destination: {host: a}
`;
    expect(await lint(vs)).toEqual([]);
  });

  it('a null among one-of fields does not count as set', async () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v, namespace: ns}
spec:
  hosts: [a]
  http:
  - match:
    - uri: {exact: /a, prefix: null}
    route:
    - destination: {host: a}
`;
    expect(await lint(vs)).toEqual([]);
  });
});

describe('messages in words, at the narrowest node', () => {
  it('two of a one-of are named, at the second', async () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v, namespace: ns}
spec:
  hosts: [a]
  http:
  - match:
    - uri: {exact: /a, prefix: /b}
    route:
    - destination: {host: a}
`;
    const found = await lint(vs);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 8, text: 'prefix' });
    expect(found[0]!.message).toBe('VirtualService ns/v: spec.http[0].match[0].uri sets "exact" and "prefix"; only one of "exact", "prefix" or "regex" may be set');
  });

  it('an unknown field, with the field it likely means', async () => {
    const found = await lint(ap('  selector:\n    matchLabel: {app: a}\n'));
    expect(found).toMatchObject([{ line: 6, text: 'matchLabel' }]);
    expect(found[0]!.message).toContain('spec.selector.matchLabel is not a field of spec.selector (did you mean "matchLabels"?)');
  });

  it('an enum lists its values and the likely one', async () => {
    const found = await lint(ap('  action: ALOW\n'));
    expect(found[0]!.message).toContain('spec.action must be one of "ALLOW", "DENY", "AUDIT" or "CUSTOM", not "ALOW" (did you mean "ALLOW"?)');
    expect(found[0]).toMatchObject({ text: 'ALOW' });
  });

  it('never raw validator text', async () => {
    const bad = ap('  action: NOPE\n  foo: 1\n  selector: {matchLabels: {app: a}}\n  targetRef: {kind: Service, name: s}\n  rules:\n  - from: [{source: {principals: 5}}]\n');
    for (const f of await lint(bad)) expect(f.message).not.toMatch(/must NOT|must match|schema in|oneOf|anyOf/);
  });
});

describe("the CRDs' CEL rules", () => {
  it('only one of selector, targetRef and targetRefs', async () => {
    const found = await lint(ap('  selector: {matchLabels: {app: a}}\n  targetRef: {kind: Service, name: s}\n'));
    expect(found).toMatchObject([{ line: 6, text: 'targetRef' }]);
    expect(found[0]!.message).toBe('AuthorizationPolicy ns/p: spec sets "selector" and "targetRef": only one of targetRefs or selector can be set');
  });

  it('portLevelMtls requires a selector', async () => {
    const pa = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: p, namespace: ns}\nspec:\n  portLevelMtls:\n    8080: {mode: DISABLE}\n';
    const found = await lint(pa);
    expect(found).toMatchObject([{ line: 5, text: 'portLevelMtls' }]);
    expect(found[0]!.message).toBe('PeerAuthentication ns/p: spec: portLevelMtls requires selector');
  });

  it('a duration below 1ms, at the value', async () => {
    const ra = 'apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata: {name: r, namespace: ns}\nspec:\n  jwtRules:\n  - issuer: x\n    timeout: 0.5ms\n';
    expect(await lint(ra)).toMatchObject([{ line: 7, text: '0.5ms', message: expect.stringContaining('must be a valid duration greater than 1ms') }]);
  });
});

describe("istiod's webhook: AuthorizationPolicy", () => {
  const cases: Array<[string, string, string, string]> = [
    ['CUSTOM without provider', '  action: CUSTOM\n  rules: [{}]\n', 'CUSTOM', 'a CUSTOM policy needs provider.name'],
    ['CUSTOM without rules', '  action: CUSTOM\n  provider: {name: ext}\n', 'CUSTOM', 'a CUSTOM policy without rules is never triggered'],
    ['CUSTOM with identity fields', '  action: CUSTOM\n  provider: {name: ext}\n  rules: [{from: [{source: {principals: [a]}}]}]\n', 'principals', 'principals is not supported in a CUSTOM policy'],
    ['CUSTOM with an identity condition', '  action: CUSTOM\n  provider: {name: ext}\n  rules: [{when: [{key: source.principal, values: [a]}]}]\n', 'source.principal', 'the condition source.principal is not supported in a CUSTOM policy'],
    ['provider without CUSTOM', '  action: DENY\n  provider: {name: ext}\n  rules: [{}]\n', 'provider', 'provider is only for action CUSTOM, not DENY'],
    ['DENY without rules', '  action: DENY\n', 'DENY', 'a DENY policy without rules is never triggered'],
    ['DENY with an empty list of rules', '  action: DENY\n  rules: []\n', 'DENY', 'a DENY policy without rules is never triggered'],
    ['from without source', '  rules: [{from: [{}]}]\n', '{}', 'spec.rules[0].from[0] needs a source'],
    ['empty source', '  rules: [{from: [{source: {}}]}]\n', '{}', 'spec.rules[0].from[0].source is empty'],
    ['empty operation', '  rules: [{to: [{operation: {}}]}]\n', '{}', 'spec.rules[0].to[0].operation is empty'],
    ['bad ipBlock', '  rules: [{from: [{source: {ipBlocks: ["10.0.0.0/33"]}}]}]\n', '"10.0.0.0/33"', '"10.0.0.0/33" is not a CIDR range'],
    ['bad IP', '  rules: [{from: [{source: {notIpBlocks: ["10.0.0.256"]}}]}]\n', '"10.0.0.256"', '"10.0.0.256" is not an IP address'],
    ['bad port', '  rules: [{to: [{operation: {ports: ["http"]}}]}]\n', '"http"', '"http" is not a port number'],
    ['port too high', '  rules: [{to: [{operation: {notPorts: ["70000"]}}]}]\n', '"70000"', '"70000" is not a port number'],
    ['trust domain with a slash', '  rules: [{from: [{source: {trustDomains: ["td/ns/a"]}}]}]\n', '"td/ns/a"', 'contains "/"'],
    ['trust domain with a middle wildcard', '  rules: [{from: [{source: {trustDomains: ["a*b"]}}]}]\n', '"a*b"', 'has a "*" in the middle'],
    ['service account with a wildcard', '  rules: [{from: [{source: {serviceAccounts: ["ns/*"]}}]}]\n', '"ns/*"', 'has a wildcard'],
    ['service account with two slashes', '  rules: [{from: [{source: {serviceAccounts: ["a/b/c"]}}]}]\n', '"a/b/c"', 'is not "serviceAccount" or "namespace/serviceAccount"'],
    ['{**} not last', '  rules: [{to: [{operation: {paths: ["/a/{**}/b/{*}"]}}]}]\n', '"/a/{**}/b/{*}"', 'has an operator after {**}, which must be the last'],
    ['a brace beyond a template', '  rules: [{to: [{operation: {paths: ["/a/{x}"]}}]}]\n', '"/a/{x}"', 'has "{x}": only {*} and {**}'],
    ['unknown when key', '  rules: [{when: [{key: "request.header[x]", values: [a]}]}]\n', '"request.header[x]"', 'request.header[x] is not a condition key istiod knows (did you mean "request.headers[x]"?)'],
    ['map key without brackets', '  rules: [{when: [{key: request.headers, values: [a]}]}]\n', 'request.headers', 'must have the form request.headers[name]'],
    ['condition without values', '  rules: [{when: [{key: source.ip}]}]\n', 'source.ip', 'the condition source.ip needs values or notValues'],
    ['bad condition IP', '  rules: [{when: [{key: source.ip, values: ["1.2.3"]}]}]\n', '"1.2.3"', '"1.2.3" is not an IP address'],
    ['targetRef to a Deployment', '  targetRef: {kind: Deployment, name: d}\n', 'Deployment', 'a policy can target only Service, ServiceEntry (networking.istio.io), Gateway (gateway.networking.k8s.io) and GatewayClass (gateway.networking.k8s.io)'],
  ];
  for (const [name, spec, text, message] of cases) {
    it(`${name}: an error at ${text}`, async () => {
      const found = await lint(ap(spec));
      expect(found.map((f) => ({ text: f.text, warning: f.warning }))).toEqual([{ text, warning: false }]);
      expect(found[0]!.message).toContain(message);
    });
  }

  it('an empty from or to is no from or to, as istiod reads it (jsonpb)', async () => {
    expect(await lint(ap('  rules: [{from: [], to: []}]\n'))).toEqual([]);
  });

  it("a DENY of HTTP attributes only is left to the rules: what it does depends on the proxy enforcing it", async () => {
    expect(await lint(ap('  action: DENY\n  rules: [{to: [{operation: {methods: [POST]}}]}]\n'))).toEqual([]);
  });

  it('a selector without labels: a warning, for every kind with a selector', async () => {
    expect(await lint(ap('  selector: {}\n'))).toMatchObject([{ text: 'selector', warning: true, message: expect.stringContaining('spec.selector has no matchLabels, so it selects every workload of the namespace') }]);
    const sidecar = 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: s, namespace: ns}\nspec:\n  workloadSelector: {labels: {}}\n  egress: [{hosts: ["./*"]}]\n';
    expect(await lint(sidecar)).toMatchObject([{ text: 'workloadSelector', warning: true, message: expect.stringContaining('spec.workloadSelector has no labels') }]);
  });

  it('valid templates, IPs, ports, keys pass', async () => {
    const ok = ap(`  rules:
  - from: [{source: {ipBlocks: ["10.0.0.0/8", "2001:db8::/32", "::1"], trustDomains: ["*.td", "td"], serviceAccounts: [sa, ns/sa]}}]
    to: [{operation: {ports: ["0", "65535"], paths: ["/a/{*}/b/{**}", "/x*"]}}]
    when:
    - {key: request.headers[x-a], values: [a]}
    - {key: request.auth.claims[groups], values: [a]}
    - {key: destination.port, notValues: ["80"]}
    - {key: experimental.envoy.filters.a.b[c], values: [a]}
`);
    expect(await lint(ok)).toEqual([]);
  });
});

describe("istiod's webhook: RequestAuthentication, DestinationRule, exportTo", () => {
  it('a JWT rule needs an issuer or a jwksUri', async () => {
    const ra = 'apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata: {name: r, namespace: ns}\nspec:\n  jwtRules:\n  - audiences: [a]\n';
    expect(await lint(ra)).toMatchObject([{ line: 6, message: expect.stringContaining('spec.jwtRules[0] needs an issuer or a jwksUri') }]);
  });

  it('inline jwks that is not JSON; a private key is a warning', async () => {
    const ra = (jwks: string) => `apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata: {name: r, namespace: ns}\nspec:\n  jwtRules:\n  - issuer: x\n    jwks: '${jwks}'\n`;
    expect(await lint(ra('nope'))).toMatchObject([{ warning: false, message: expect.stringContaining('jwks is not JSON') }]);
    expect(await lint(ra('{"keys": [{"kty": "RSA", "n": "x", "e": "AQAB", "d": "secret"}]}'))).toMatchObject([{ warning: true, message: expect.stringContaining('private key material') }]);
    expect(await lint(ra('{"keys": [{"kty": "RSA", "n": "x", "e": "AQAB"}]}'))).toEqual([]);
  });

  const dr = (spec: string, ns = 'ns') => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: d, namespace: ${ns}}\nspec:\n${spec}`;

  it('a DestinationRule host must be a DNS name', async () => {
    expect(await lint(dr('  host: "a..b"\n'))).toMatchObject([{ text: '"a..b"', message: expect.stringContaining('is not a valid host name') }]);
    expect(await lint(dr('  host: "*.svc.cluster.local"\n'))).toEqual([]);
    expect(await lint(dr('  host: "x.123"\n'))).toMatchObject([{ message: expect.stringContaining('all digits') }]);
  });

  it('TLS fields that conflict', async () => {
    const found = await lint(dr('  host: a\n  trafficPolicy:\n    tls: {mode: SIMPLE, credentialName: c, caCertificates: /ca.pem}\n'));
    expect(found).toMatchObject([{ text: 'caCertificates', message: expect.stringContaining('caCertificates cannot be set with credentialName') }]);
    const skip = await lint(dr('  host: a\n  trafficPolicy:\n    tls: {mode: SIMPLE, insecureSkipVerify: true, subjectAltNames: [x]}\n'));
    expect(skip).toMatchObject([{ text: 'subjectAltNames', message: expect.stringContaining('insecureSkipVerify') }]);
    const mutual = await lint(dr('  host: a\n  trafficPolicy:\n    tls: {mode: MUTUAL, privateKey: /k.pem}\n'));
    expect(mutual).toMatchObject([{ text: 'MUTUAL', message: expect.stringContaining('mode MUTUAL needs clientCertificate') }]);
  });

  it('subsets: unique DNS-label names; a traffic policy with fields', async () => {
    const found = await lint(dr('  host: a\n  subsets:\n  - {name: v1}\n  - {name: v1}\n  - {name: V_2}\n  - {name: v3, trafficPolicy: {}}\n'));
    expect(found.map((f) => f.text)).toEqual(['v1', 'V_2', 'trafficPolicy']);
  });

  it('exportTo: duplicates, "." with its own namespace, "*" with others, "~" outside a ServiceEntry', async () => {
    expect((await lint(dr('  host: a\n  exportTo: [".", ns]\n'))).map((f) => f.message)).toEqual([
      'DestinationRule ns/d: exportTo lists "." and its own namespace "ns", the same namespace twice',
    ]);
    expect((await lint(dr('  host: a\n  exportTo: ["*", b]\n'))).map((f) => f.message)).toEqual(['DestinationRule ns/d: exportTo has "*" (everyone) with other entries; "*" alone says it']);
    expect((await lint(dr('  host: a\n  exportTo: ["~"]\n'))).map((f) => f.message)).toEqual(['DestinationRule ns/d: exportTo "~" (no one) is only for a ServiceEntry']);
    const se = 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: s, namespace: ns}\nspec:\n  hosts: [a.com]\n  exportTo: ["~"]\n';
    expect(await lint(se)).toEqual([]);
  });

  it('exportTo: without a namespace in the manifest, "." and a name are not known to clash', async () => {
    const noNs = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v}\nspec:\n  hosts: [a]\n  exportTo: [".", default]\n  http: [{route: [{destination: {host: a}}]}]\n';
    expect(await lint(noNs)).toEqual([]);
  });
});
