import { describe, expect, it } from 'vitest';
import { formattedIdentity, formattedIdentityWithKind, LEGACY_KIND } from '../src/model/intents.js';
import type { Model } from '../src/mesh/model.js';
import { deployment, modelOf, ns } from './helpers/model.js';

// Cases translated from otterize/intents-operator src/operator/controllers/istiopolicy/policy_manager_test.go
// (Apache-2.0): client test-client (service account test-client-sa), server test-server, namespace test-namespace.

const base = `${ns('test-namespace', { 'istio-injection': 'enabled' })}${deployment('test-client', 'test-namespace', { sa: 'test-client-sa' })}${deployment('test-server', 'test-namespace')}`;

function intents(apiVersion: string, spec: string, name = 'client-intents'): string {
  return `apiVersion: k8s.otterize.com/${apiVersion}
kind: ClientIntents
metadata:
  name: ${name}
  namespace: test-namespace
spec:
${spec.replace(/^/gm, '  ')}
---
`;
}

function generated(m: Model) {
  return m.authorizationPolicies.filter((p) => p.generatedBy);
}

function specOf(m: Model) {
  return generated(m).map((p) => ({ name: p.name, namespace: p.namespace, selector: p.selector, action: p.action, rules: p.rules }));
}

describe('the operator\'s identities', () => {
  it('formats the service label as the operator does (policy_manager_test.go: test-server-test-namespace-8ddecb)', () => {
    expect(formattedIdentity('test-server', 'test-namespace')).toBe('test-server-test-namespace-8ddecb');
    expect(formattedIdentity('test-client', 'test-namespace')).toBe('test-client-test-namespace-537e87');
    expect(formattedIdentityWithKind('test-server', 'test-namespace', LEGACY_KIND)).toBe('test-server-test-namespace-8ddecb');
    // Names and namespaces are cut to 20 characters (19 with a kind), the hash is of the full strings.
    expect(formattedIdentity('a-very-long-workload-name', 'ns')).toMatch(/^a-very-long-workload-ns-[0-9a-f]{6}$/);
    expect(formattedIdentityWithKind('server', 'ns', 'Deployment')).toMatch(/^server-ns-deplo-[0-9a-f]{6}$/);
  });

  it('labels pods with their identity when the input uses intents, and only then', async () => {
    const withIntents = await modelOf(`${base}${intents('v2beta1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: test-server}}]')}`);
    const server = withIntents.workloadsIn('test-namespace').find((w) => w.name === 'test-server')!;
    expect(server.podLabels['intents.otterize.com/service']).toBe('test-server-test-namespace-8ddecb');
    expect(server.podLabels['intents.otterize.com/owner-kind']).toBe('Deployment');
    const without = await modelOf(base);
    expect(without.workloadsIn('test-namespace').find((w) => w.name === 'test-server')!.podLabels['intents.otterize.com/service']).toBeUndefined();
  });
});

describe('generated AuthorizationPolicies (policy_manager.go generateAuthorizationPolicy)', () => {
  it('TestCreate: one ALLOW policy in the server\'s namespace, selecting its identity, admitting the client\'s service account', async () => {
    const m = await modelOf(`${base}${intents('v2alpha1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: test-server}}]')}`);
    expect(specOf(m)).toEqual([
      {
        name: 'authorization-policy-to-test-server-from-test-client.test-namespace',
        namespace: 'test-namespace',
        selector: { 'intents.otterize.com/service': 'test-server-test-namespace-8ddecb' },
        action: 'ALLOW',
        rules: [{ from: [{ source: { principals: ['cluster.local/ns/test-namespace/sa/test-client-sa'] } }] }],
      },
    ]);
    expect(m.policyWorkloads(generated(m)[0]!).map((w) => w.name)).toEqual(['test-server']);
  });

  it('TestCreateHTTPResources: one to.operation per HTTP resource, its path and methods', async () => {
    const m = await modelOf(`${base}${intents('v2alpha1', `workload: {name: test-client}
targets:
- kubernetes:
    name: test-server
    http:
    - {path: /login, methods: [GET, POST]}
    - {path: /logout, methods: [POST]}`)}`);
    expect(generated(m)[0]!.rules).toEqual([
      {
        from: [{ source: { principals: ['cluster.local/ns/test-namespace/sa/test-client-sa'] } }],
        to: [{ operation: { methods: ['GET', 'POST'], paths: ['/login'] } }, { operation: { methods: ['POST'], paths: ['/logout'] } }],
      },
    ]);
  });

  it('reads every served version into the same policies', async () => {
    const versions = [
      intents('v1alpha2', 'service: {name: test-client}\ncalls:\n- name: test-server\n  type: http\n  resources: [{path: /login, methods: [GET]}]'),
      intents('v1alpha3', 'service: {name: test-client}\ncalls:\n- name: test-server\n  type: http\n  HTTPResources: [{path: /login, methods: [GET]}]'),
      intents('v1beta1', 'service: {name: test-client}\ncalls:\n- name: test-server.test-namespace\n  type: http\n  HTTPResources: [{path: /login, methods: [GET]}]'),
      intents('v2alpha1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: test-server, http: [{path: /login, methods: [GET]}]}}]'),
      intents('v2beta1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: test-server.test-namespace, http: [{path: /login, methods: [GET]}]}}]'),
    ];
    const specs = await Promise.all(versions.map(async (v) => specOf(await modelOf(`${base}${v}`))));
    for (const s of specs) expect(s).toEqual(specs[0]);
    expect(specs[0]![0]!.rules).toEqual([{ from: [{ source: { principals: ['cluster.local/ns/test-namespace/sa/test-client-sa'] } }], to: [{ operation: { methods: ['GET'], paths: ['/login'] } }] }]);
  });

  it('v1 HTTP resources count only with type: http; without it the call is a plain intent', async () => {
    const m = await modelOf(`${base}${intents('v1beta1', 'service: {name: test-client}\ncalls:\n- name: test-server\n  HTTPResources: [{path: /login, methods: [GET]}]')}`);
    expect(generated(m)[0]!.rules).toEqual([{ from: [{ source: { principals: ['cluster.local/ns/test-namespace/sa/test-client-sa'] } }] }]);
  });

  it('a Service target (service:, svc:, kind: Service) selects by the Service\'s own selector', async () => {
    for (const spec of [
      intents('v2beta1', 'workload: {name: test-client}\ntargets: [{service: {name: test-server}}]'),
      intents('v2alpha1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: test-server, kind: Service}}]'),
      intents('v1alpha3', 'service: {name: test-client}\ncalls: [{name: "svc:test-server"}]'),
      intents('v1beta1', 'service: {name: test-client}\ncalls: [{name: test-server, kind: Service}]'),
    ]) {
      const m = await modelOf(`${base}${spec}`);
      expect(specOf(m).map((p) => [p.name, p.selector])).toEqual([['authorization-policy-to-test-server-service-from-test-client.test-namespace', { app: 'test-server' }]]);
    }
  });

  it('a target with a kind selects by owner kind too; kind Deployment does not find a StatefulSet', async () => {
    const m = await modelOf(`${base}${intents('v2beta1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: test-server, kind: StatefulSet}}]')}`);
    const p = generated(m)[0]!;
    expect(p.selector).toEqual({ 'intents.otterize.com/owner-kind': 'StatefulSet', 'intents.otterize.com/service': 'test-server-test-namespace-8ddecb' });
    expect(m.policyWorkloads(p)).toEqual([]);
  });

  it('names a target in another namespace with name.namespace, and puts the policy there', async () => {
    const m = await modelOf(`${base}${ns('other', { 'istio-injection': 'enabled' })}${deployment('api', 'other')}${intents('v2beta1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: api.other}}]')}`);
    expect(specOf(m).map((p) => [p.namespace, p.name])).toEqual([['other', 'authorization-policy-to-api-from-test-client.test-namespace']]);
  });

  it('names workloads by the override annotation, else the top owner with . as _', async () => {
    const annotated = deployment('web-v2', 'test-namespace').replace('    spec:\n      serviceAccountName', '      annotations:\n        intents.otterize.com/workload-name: web\n    spec:\n      serviceAccountName');
    const dotted = deployment('api.v1', 'test-namespace');
    const m = await modelOf(`${base}${annotated}${dotted}${intents('v2beta1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: web}}, {kubernetes: {name: api_v1}}]')}`);
    expect(m.intentOutcomes.map((o) => o.servers.map((w) => w.name))).toEqual([['web-v2'], ['api.v1']]);
  });

  it('Kafka and SQL targets generate nothing for Istio', async () => {
    const m = await modelOf(`${base}${intents('v2beta1', 'workload: {name: test-client}\ntargets: [{kafka: {name: kafka.kafka, topics: [{name: t, operations: [produce]}]}}, {sql: {name: db}}]')}`);
    expect(generated(m)).toEqual([]);
    expect(m.intentOutcomes.map((o) => o.nothing)).toEqual([
      'targets[0] is a Kafka target, for which the operator generates no Istio policy',
      'targets[1] is an SQL target, for which the operator generates no Istio policy',
    ]);
  });
});

describe('when the operator generates nothing', () => {
  const v2 = intents('v2beta1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: test-server}}]');

  it('no pod of the client in a namespace the input shows', async () => {
    const m = await modelOf(`${ns('test-namespace', { 'istio-injection': 'enabled' })}${deployment('test-server', 'test-namespace')}${v2}`);
    expect(generated(m)).toEqual([]);
    expect(m.intentOutcomes[0]!.nothing).toContain('no pod of the client test-client');
  });

  it('a client without an istio-proxy container: uninjected, ambient, or a native sidecar', async () => {
    for (const [labels, why] of [
      ['sidecar.istio.io/inject: "false"', 'has no sidecar'],
      ['sidecar.istio.io/inject: "false"\n        istio.io/dataplane-mode: ambient', 'is ambient'],
    ] as const) {
      const m = await modelOf(`${base.replace('app: "test-client"', `app: "test-client"\n        ${labels}`)}${v2}`);
      expect(generated(m)).toEqual([]);
      expect(m.intentOutcomes[0]!.nothing).toContain(why);
    }
    // istiod's ENABLE_NATIVE_SIDECARS=true (exactly "true": "auto" and other values are not) makes every injected pod native.
    const istiod = (value: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: istiod, namespace: istio-system}
spec:
  template:
    spec:
      containers:
      - name: discovery
        env: [{name: ENABLE_NATIVE_SIDECARS, value: "${value}"}]
---
`;
    expect((await modelOf(`${istiod('true')}${base}${v2}`)).intentOutcomes[0]!.nothing).toContain('native sidecar');
    expect((await modelOf(`${istiod('1')}${base}${v2}`)).intentOutcomes[0]!.policy).toBeDefined();
    expect((await modelOf(`${istiod('auto')}${base}${v2}`)).intentOutcomes[0]!.policy).toBeDefined();
    const native = base.replace(/(name: test-client\n  namespace: test-namespace\nspec:\n[\s\S]*?)    spec:\n/, '$1      annotations:\n        sidecar.istio.io/nativeSidecar: "true"\n    spec:\n');
    const m = await modelOf(`${native}${v2}`);
    expect(m.intentOutcomes[0]!.nothing).toContain('native sidecar');
  });

  it('the Kubernetes API server (svc:kubernetes.default): its Service has no selector', async () => {
    const m = await modelOf(`${base}${intents('v1alpha3', 'service: {name: test-client}\ncalls: [{name: "svc:kubernetes.default"}]')}`);
    expect(m.intentOutcomes.map((o) => [o.target.type, o.target.name, o.target.namespace, o.nothing])).toEqual([
      ['service', 'kubernetes', 'default', "the Kubernetes API server's Service kubernetes.default has no selector, so the operator generates no Istio policy for it"],
    ]);
  });

  it('a Service target whose Service is absent', async () => {
    const m = await modelOf(`${base}${intents('v2beta1', 'workload: {name: test-client}\ntargets: [{service: {name: nope}}]')}`);
    expect(generated(m)).toEqual([]);
    expect(m.intentOutcomes[0]!.nothing).toBe('Service test-namespace/nope is not in the input, so the operator generates nothing for it');
  });

  it('enforcement off (TestCreateEnforcementDisabledNoProtectedService), unless a ProtectedService of a matching kind protects the server (TestCreateProtectedService)', async () => {
    const off = { otterize: { enforcementDefault: false } };
    expect(generated(await modelOf(`${base}${v2}`, off))).toEqual([]);
    const ps = (kind?: string) => `apiVersion: k8s.otterize.com/v2beta1
kind: ProtectedService
metadata: {name: protected-service, namespace: test-namespace}
spec: {name: test-server${kind ? `, kind: ${kind}` : ''}}
---
`;
    expect(generated(await modelOf(`${base}${v2}${ps()}`, off))).toHaveLength(1);
    // A target written without a kind has the legacy kind: a kind: Deployment ProtectedService does not protect it.
    expect(generated(await modelOf(`${base}${v2}${ps('Deployment')}`, off))).toEqual([]);
    const withKind = intents('v2beta1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: test-server, kind: Deployment}}]');
    expect(generated(await modelOf(`${base}${withKind}${ps('Deployment')}`, off))).toHaveLength(1);
    expect(generated(await modelOf(`${base}${v2}`, { otterize: { enforcementDefault: false, activeEnforcementNamespaces: ['test-namespace'] } }))).toHaveLength(1);
  });

  it('Istio policy creation off (TestCreateIstioEnforcementDisabledNoProtectedService)', async () => {
    const m = await modelOf(`${base}${v2}`, { otterize: { istioPolicyCreation: false } });
    expect(generated(m)).toEqual([]);
    expect(m.intentOutcomes[0]!.nothing).toContain('enable-istio-policy-creation=false');
  });
});

describe('the operator\'s settings', () => {
  const operator = (container: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: intents-operator-controller-manager, namespace: otterize-system}
spec:
  template:
    spec:
      containers:
      - name: manager
        image: otterize/intents-operator:latest
${container.replace(/^/gm, '        ')}
---
`;

  it('come from the operator Deployment\'s OTTERIZE_* environment, parsed as viper does, over the configuration', async () => {
    const m = await modelOf(
      operator(`env:
- {name: OTTERIZE_ENFORCEMENT_DEFAULT_STATE, value: "false"}
- {name: OTTERIZE_ACTIVE_ENFORCEMENT_NAMESPACES, value: "a b"}
- {name: OTTERIZE_ENABLE_ISTIO_POLICY_CREATION, value: "yes"}`),
      { otterize: { enforcementDefault: true, watchedNamespaces: ['w'] } },
    );
    expect(m.otterize.enforcementDefault).toBe(false);
    expect(m.otterize.activeEnforcementNamespaces).toEqual(['a', 'b']);
    // strconv.ParseBool does not know "yes": viper's cast.ToBool gives false.
    expect(m.otterize.istioPolicyCreation).toBe(false);
    expect(m.otterize.watchedNamespaces).toEqual(['w']);
    expect(m.otterize.sources.enforcementDefault?.path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value']);
  });

  it('and from its flags, which viper prefers to the environment', async () => {
    const m = await modelOf(operator(`env:
- {name: OTTERIZE_ENFORCEMENT_DEFAULT_STATE, value: "true"}
args: ["--enforcement-default-state=false", "--watched-namespaces=a,b"]`));
    expect(m.otterize.enforcementDefault).toBe(false);
    expect(m.otterize.watchedNamespaces).toEqual(['a', 'b']);
  });

  it('default to enforcement on', async () => {
    const m = await modelOf(base);
    expect([m.otterize.enforcementDefault, m.otterize.istioPolicyCreation]).toEqual([true, true]);
  });
});

describe('check-access with intents', () => {
  it('names the generated policy that decides, and says why none was generated', async () => {
    const v2 = intents('v2beta1', 'workload: {name: test-client}\ntargets: [{kubernetes: {name: test-server}}]');
    const m = await modelOf(`${base}${deployment('other', 'test-namespace')}${v2}`);
    const client = m.workloadsIn('test-namespace').find((w) => w.name === 'test-client')!;
    const other = m.workloadsIn('test-namespace').find((w) => w.name === 'other')!;
    const server = m.workloadsIn('test-namespace').find((w) => w.name === 'test-server')!;
    const allowed = m.checkAccess({ from: { kind: 'workload', workload: client }, to: { workload: server } });
    expect(allowed.decision).toBe('ALLOW');
    expect(allowed.decidedBy?.generatedBy).toEqual({ kind: 'ClientIntents', namespace: 'test-namespace', name: 'client-intents', entry: 'targets[0]' });
    expect(allowed.trace[0]).toMatchObject({ enforcement: 'otterize', outcome: 'generated' });
    const denied = m.checkAccess({ from: { kind: 'workload', workload: other }, to: { workload: server } });
    expect(denied.decision).toBe('DENY');
    expect(denied.reason).toContain('(generated by Otterize for ClientIntents test-namespace/client-intents, targets[0])');

    const uninjected = base.replace('app: "test-client"', 'app: "test-client"\n        sidecar.istio.io/inject: "false"');
    const m2 = await modelOf(`${uninjected}${deployment('other', 'test-namespace')}${v2}${intents('v2beta1', 'workload: {name: other}\ntargets: [{kubernetes: {name: test-server}}]', 'other')}`);
    const c2 = m2.workloadsIn('test-namespace').find((w) => w.name === 'test-client')!;
    const s2 = m2.workloadsIn('test-namespace').find((w) => w.name === 'test-server')!;
    const d2 = m2.checkAccess({ from: { kind: 'workload', workload: c2 }, to: { workload: s2 } });
    expect(d2.decision).toBe('DENY');
    expect(d2.trace[0]).toMatchObject({ enforcement: 'otterize', outcome: 'not-generated' });
    expect(d2.trace[0]!.note).toContain('has no sidecar');
  });
});
