import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkAccess } from '../src/authz/access.js';
import { emptyConfig } from '../src/config.js';
import { lint } from '../src/engine/lint.js';
import type { MeshSettings } from '../src/model/mesh.js';
import type { Diagnostic } from '../src/types.js';
import { modelOf, ns, policy } from './helpers/model.js';
import { builtin } from './helpers/rules.js';
const rule = builtin('knative-system-access');

async function lintWith(yaml: string, mesh: Partial<MeshSettings> = {}): Promise<Diagnostic[]> {
  const result = await lint({ cwd: process.cwd(), patterns: ['-'], stdin: { text: yaml, filename: 'test.yaml' }, rules: [rule], mesh });
  return result.results.flatMap((r) => r.messages).filter((m) => m.ruleId === rule.id);
}

/** With the rule's options, as `.meshlint.yaml`'s `rules: { knative-system-access: [error, {…}] }` gives them. */
async function lintWithOptions(yaml: string, options: Record<string, string>): Promise<Diagnostic[]> {
  const config = { ...emptyConfig(process.cwd()), ruleOptions: { [rule.id]: [options] } };
  const result = await lint({ cwd: process.cwd(), patterns: ['-'], stdin: { text: yaml, filename: 'test.yaml' }, rules: [rule], config });
  return result.results.flatMap((r) => r.messages).filter((m) => m.ruleId === rule.id);
}

function lineOf(yaml: string, needle: string, from = 1): number {
  const lines = yaml.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`"${needle}" not found`);
}

function ksvc(name: string, namespace: string, portName?: string): string {
  return `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    spec:
      containers:
      - image: example/${name}
        ports:
        - containerPort: 8080${portName ? `\n          name: ${portName}` : ''}
---
`;
}

const SIDECAR_NS = ns('apps', { 'istio-injection': 'enabled' });
const AMBIENT_NS = ns('apps', { 'istio.io/dataplane-mode': 'ambient' });
const ALLOW_OWN_NS = policy('own-ns', 'apps', 'action: ALLOW\nrules:\n- from:\n  - source:\n      namespaces: ["apps"]');

describe('knative-system-access', () => {
  it('reports a namespace-wide ALLOW that admits only its own namespace, at its rules, naming all three system requests', async () => {
    const yaml = SIDECAR_NS + ksvc('hello', 'apps') + ALLOW_OWN_NS;
    const ds = await lintWith(yaml);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.line).toBe(lineOf(yaml, 'rules:', lineOf(yaml, 'name: own-ns')));
    expect(ds[0]!.message).toContain('Knative Service apps/hello');
    // The three requests, each with its port and the service account that sends it.
    expect(ds[0]!.message).toContain('probes and forwarded requests (port 8012, from knative-serving/activator)');
    expect(ds[0]!.message).toContain('metrics scrapes (port 9090, from knative-serving/controller)');
    // What breaks at runtime, and the fix.
    expect(ds[0]!.message).toContain('Requests the activator holds time out, the ones it forwards get 403 and the autoscaler gets no metrics');
    expect(ds[0]!.message).toContain('Allow namespace knative-serving');
    // The forwarded request that shows the failure, and the identity it arrives with, are a related location.
    expect(ds[0]!.related).toHaveLength(1);
    expect(ds[0]!.related![0]!.message).toBe('GET / on port 8012 is admitted from cluster.local/ns/apps/sa/default, but not when the activator forwards it as cluster.local/ns/knative-serving/sa/activator');
    expect(ds[0]!.related![0]!.line).toBe(ds[0]!.line);
    expect(ds[0]!.severity).toBe(2);
  });

  it('its suggested policy, once applied, silences the finding (and the evaluator then allows all three requests)', async () => {
    const yaml = SIDECAR_NS + ksvc('hello', 'apps') + ALLOW_OWN_NS;
    const [d] = await lintWith(yaml);
    const fix = d!.suggestions![0]!.fix;
    expect(parseAllDocuments(fix).every((doc) => doc.errors.length === 0)).toBe(true);
    expect(parse(fix).spec.rules).toEqual([{ from: [{ source: { namespaces: ['knative-serving'] } }] }]);
    const fixed = `${yaml}${fix}---\n`;
    expect(await lintWith(fixed)).toEqual([]);
    const model = await modelOf(fixed);
    const w = model.workloadsIn('apps')[0]!;
    const activator = { kind: 'principal' as const, principal: 'cluster.local/ns/knative-serving/sa/activator' };
    expect(checkAccess(model, { from: activator, to: { workload: w }, port: 8012, method: 'GET', path: '/healthz' }).decision).toBe('ALLOW');
  });

  it('uses the trust domain of the mesh', async () => {
    const ds = await lintWith(SIDECAR_NS + ksvc('hello', 'apps') + ALLOW_OWN_NS, { trustDomain: 'example.org' });
    expect(ds[0]!.related![0]!.message).toContain('admitted from example.org/ns/apps/sa/default, but not when the activator forwards it as example.org/ns/knative-serving/sa/activator');
  });

  it('reports a matching DENY rule at the rule and suggests exempting knative-serving inside its sources', async () => {
    const deny = policy('deny-foreign', 'apps', 'action: DENY\nrules:\n- from:\n  - source:\n      notNamespaces: ["apps"]');
    const yaml = SIDECAR_NS + ksvc('hello', 'apps') + deny;
    const ds = await lintWith(yaml);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.line).toBe(lineOf(yaml, '- from:', lineOf(yaml, 'name: deny-foreign')));
    expect(ds[0]!.message).toContain('its DENY rule 0 matches them');
    expect(parse(ds[0]!.suggestions![0]!.fix)).toEqual([{ from: [{ source: { notNamespaces: ['apps', 'knative-serving'] } }] }]);
  });

  it('a renamed system namespace and service accounts (options) decide the requests, the message and the suggestions', async () => {
    const renamed = { systemNamespace: 'serving-system', activatorServiceAccount: 'act', autoscalerServiceAccount: 'scaler' };
    const system = ns('serving-system', { 'istio-injection': 'enabled' });
    const deny = policy('deny-foreign', 'apps', 'action: DENY\nrules:\n- from:\n  - source:\n      notNamespaces: ["apps"]');
    const [d] = await lintWithOptions(SIDECAR_NS + system + ksvc('hello', 'apps') + deny, renamed);
    expect(d!.message).toContain('(port 8012, from serving-system/act) and metrics scrapes (port 9090, from serving-system/scaler)');
    expect(d!.message).toContain('Exempt namespace serving-system from its DENY rule 0.');
    expect(parse(d!.suggestions![0]!.fix)).toEqual([{ from: [{ source: { notNamespaces: ['apps', 'serving-system'] } }] }]);
    const yaml = SIDECAR_NS + system + ksvc('hello', 'apps') + ALLOW_OWN_NS;
    const [a] = await lintWithOptions(yaml, renamed);
    expect(a!.message).toContain('no ALLOW rule matches them');
    const fix = a!.suggestions![0]!.fix;
    expect(parse(fix).spec.rules).toEqual([{ from: [{ source: { namespaces: ['serving-system'] } }] }]);
    expect(await lintWithOptions(`${yaml}${fix}---\n`, renamed)).toEqual([]);
    // The default namespace no longer counts: allowing knative-serving leaves the renamed pods refused.
    const allowDefault = yaml.replace('namespaces: ["apps"]', 'namespaces: ["apps", "knative-serving"]');
    expect(await lintWithOptions(allowDefault, renamed)).toHaveLength(1);
    expect(await lintWith(allowDefault)).toEqual([]);
  });

  it('an ALLOW policy with no rules (the docs deny-all) blocks the probe and the scrape but there is no admitted traffic to forward', async () => {
    const ds = await lintWith(SIDECAR_NS + ksvc('hello', 'apps') + policy('deny-all', 'apps', '{}'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('it has no rules, and no other ALLOW policy matches them');
    expect(ds[0]!.message).toContain("Knative's probes (port 8012, from knative-serving/activator) and metrics scrapes (port 9090,");
    expect(ds[0]!.message).not.toContain('forward');
    expect(ds[0]!.related ?? []).toEqual([]);
  });

  it('the docs allowlist of /metrics and /healthz beside deny-all is clean on sidecar pods but not on ambient pods', async () => {
    const allowlist = policy('allowlist-by-paths', 'apps', 'action: ALLOW\nrules:\n- to:\n  - operation:\n      paths: ["/metrics", "/healthz"]');
    const denyAll = policy('deny-all', 'apps', '{}');
    expect(await lintWith(SIDECAR_NS + ksvc('hello', 'apps') + denyAll + allowlist)).toEqual([]);
    const ambient = await lintWith(AMBIENT_NS + ksvc('hello', 'apps') + denyAll + allowlist);
    expect(ambient.map((d) => d.message.slice(0, 48))).toEqual([
      'AuthorizationPolicy "deny-all" refuses Knative\'s',
      'AuthorizationPolicy "allowlist-by-paths" refuses',
    ]);
    expect(ambient[1]!.message).toContain('ztunnel drops its layer-7 rules, and no other rule matches them');
  });

  it('knative-serving in the input without a sidecar: the activator is plaintext, namespaces never match, paths do', async () => {
    const system = ns('knative-serving', { 'istio-injection': 'disabled' });
    const byNs = policy('allow', 'apps', 'action: ALLOW\nrules:\n- from:\n  - source:\n      namespaces: ["apps", "knative-serving"]');
    const ds = await lintWith(SIDECAR_NS + system + ksvc('hello', 'apps') + byNs);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('sent in plaintext with no identity');
    expect(ds[0]!.message).not.toContain('from knative-serving/');
    expect(ds[0]!.message).toContain('Allow /healthz and /metrics (Knative docs), and give knative-serving a sidecar.');
    expect(ds[0]!.suggestions![0]!.fix).toContain('/healthz');
    // Labelled for injection: mTLS, and the same policy is fine.
    expect(await lintWith(SIDECAR_NS + ns('knative-serving', { 'istio-injection': 'enabled' }) + ksvc('hello', 'apps') + byNs)).toEqual([]);
    // Not in the input at all: assumed to have a sidecar, as the Knative docs require.
    expect(await lintWith(SIDECAR_NS + ksvc('hello', 'apps') + byNs)).toEqual([]);
  });

  it('a bare knative-serving Namespace does not show its pods: the assumption decides, and a finding says so', async () => {
    const byNs = policy('allow', 'apps', 'action: ALLOW\nrules:\n- from:\n  - source:\n      namespaces: ["apps", "knative-serving"]');
    const yaml = SIDECAR_NS + ns('knative-serving') + ksvc('hello', 'apps') + byNs;
    // Pods there may opt in with their own labels (OpenShift Serverless injects the activator so).
    expect(await lintWith(yaml)).toEqual([]);
    const ds = await lintWith(yaml, { assumeDataPlane: 'none' });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('sent in plaintext with no identity');
    expect(ds[0]!.message).toMatch(/Assuming no mesh data plane .* for the pods of namespace knative-serving that are not in the input \(its labels choose no data plane; set mesh.assumeDataPlane, or label it\)\.$/);
    expect(ds[0]!.assumptions).toEqual([
      { namespace: 'knative-serving', dataPlane: 'none', basis: 'setting', missing: 'pod-labels', why: 'the pods of namespace knative-serving are not in the input and its labels choose no data plane' },
    ]);
  });

  it('an h2c revision is probed on 8013', async () => {
    const ports = policy('ports', 'apps', 'action: ALLOW\nrules:\n- from:\n  - source:\n      namespaces: ["knative-serving"]\n  to:\n  - operation:\n      ports: ["8012", "9090"]');
    const h2c = await lintWith(SIDECAR_NS + ksvc('grpc', 'apps', 'h2c') + ports);
    expect(h2c).toHaveLength(1);
    expect(h2c[0]!.message).toContain("Knative's probes (port 8013, from knative-serving/activator)");
    expect(h2c[0]!.message).not.toContain('8012');
    expect(await lintWith(SIDECAR_NS + ksvc('web', 'apps', 'http1') + ports)).toEqual([]);
  });

  it('groups the revisions a policy blocks the same way into one report', async () => {
    const yaml = SIDECAR_NS + ksvc('a', 'apps') + ksvc('b', 'apps') + policy('deny-all', 'apps', '{}');
    const ds = await lintWith(yaml);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain(' to Knative Service apps/a, Knative Service apps/b:');
  });

  it('ignores policies that select other pods, dry-run policies and revisions outside the mesh', async () => {
    const other = policy('db-only', 'apps', 'selector:\n  matchLabels:\n    app: postgres');
    expect(await lintWith(SIDECAR_NS + ksvc('hello', 'apps') + other)).toEqual([]);
    const dryRun = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: dry\n  namespace: apps\n  annotations:\n    istio.io/dry-run: "true"\nspec: {}\n---\n';
    expect(await lintWith(SIDECAR_NS + ksvc('hello', 'apps') + dryRun)).toEqual([]);
    expect(await lintWith(ns('apps') + ksvc('hello', 'apps') + policy('deny-all', 'apps', '{}'))).toEqual([]);
  });

  it('a selector on the Knative service label reaches its pods; a root-namespace DENY of /metrics blocks only the scrape', async () => {
    const sel = policy('sel', 'apps', 'selector:\n  matchLabels:\n    serving.knative.dev/service: hello');
    expect(await lintWith(SIDECAR_NS + ksvc('hello', 'apps') + sel)).toHaveLength(1);
    const root = policy('no-metrics', 'istio-system', 'action: DENY\nrules:\n- to:\n  - operation:\n      paths: ["/metrics"]');
    const ds = await lintWith(SIDECAR_NS + ksvc('hello', 'apps') + root);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain("refuses Knative's metrics scrapes (port 9090, from knative-serving/controller)");
    expect(ds[0]!.message).toContain('its DENY rule 0 matches them');
    expect(ds[0]!.message).not.toContain('probes');
  });

  it('does not throw on malformed policies', async () => {
    const bad = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: bad\n  namespace: apps\nspec:\n  rules: [7, {from: "x"}, {to: [{operation: 3}]}]\n---\n';
    const result = await lint({ cwd: process.cwd(), patterns: ['-'], stdin: { text: SIDECAR_NS + ksvc('hello', 'apps') + bad, filename: 't.yaml' }, rules: [rule] });
    expect(result.results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'internal-error')).toEqual([]);
  });
});
