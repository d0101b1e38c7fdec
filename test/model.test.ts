import { describe, expect, it } from 'vitest';
import type { AuthorizationPolicy } from '../src/model/kinds.js';
import { MESH_DEFAULTS } from '../src/model/mesh.js';
import { modelOf, names } from './helpers/model.js';

const deploy = (ns: string, name: string, labels: Record<string, string>, sa?: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  template:
    metadata:
      labels: ${JSON.stringify(labels)}
    spec:
      ${sa ? `serviceAccountName: ${sa}` : 'restartPolicy: Always'}
      containers: [{name: c, image: x}]
`;

const ns = (name: string, labels: Record<string, string> = {}) => `---
apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: ${JSON.stringify(labels)}}
`;

describe('namespaces', () => {
  it('come from Namespace objects (with labels) and from every object that lives in one', async () => {
    const m = await modelOf(`${ns('shop', { 'istio.io/dataplane-mode': 'ambient' })}
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: billing}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: no-namespace}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: cluster-scoped}
`);
    expect([...m.namespaces.keys()].sort()).toEqual(['billing', 'default', 'shop']);
    expect(m.namespaceLabels('shop')).toEqual({ 'istio.io/dataplane-mode': 'ambient' });
    expect(m.namespaces.get('shop')!.resource?.kind).toBe('Namespace');
    expect(m.namespaces.get('billing')!.resource).toBeUndefined();
    expect(m.namespaceLabels('billing')).toEqual({});
  });

  it('closed world: only namespaces of the input are known', async () => {
    const m = await modelOf(deploy('shop', 'cart', { app: 'cart' }));
    expect(m.hasNamespace('shop')).toBe(true);
    expect(m.hasNamespace('payments')).toBe(false);
    expect(m.hasNamespace('')).toBe(false);
  });
});

describe('selector matching', () => {
  const base = [
    ns('shop'),
    deploy('shop', 'cart', { app: 'cart', version: 'v1' }),
    deploy('shop', 'cart-v2', { app: 'cart', version: 'v2' }),
    deploy('shop', 'web', { app: 'web' }),
    deploy('other', 'cart', { app: 'cart', version: 'v1' }),
  ].join('');

  it('label selectors: every key must match, in the given namespace only', async () => {
    const m = await modelOf(base);
    expect(names(m.selectWorkloads('shop', { app: 'cart' }))).toEqual(['shop/cart', 'shop/cart-v2']);
    expect(names(m.selectWorkloads('shop', { app: 'cart', version: 'v2' }))).toEqual(['shop/cart-v2']);
    expect(names(m.selectWorkloads('shop', { app: 'cart', version: 'v3' }))).toEqual([]);
    expect(names(m.selectWorkloads('shop', { app: 'cart', missing: 'x' }))).toEqual([]);
    expect(names(m.selectWorkloads('other', { app: 'cart' }))).toEqual(['other/cart']);
    expect(names(m.selectWorkloads('nowhere', { app: 'cart' }))).toEqual([]);
  });

  it('an empty or absent selector selects every workload of the namespace', async () => {
    const m = await modelOf(base);
    expect(names(m.selectWorkloads('shop', {}))).toEqual(['shop/cart', 'shop/cart-v2', 'shop/web']);
    expect(names(m.selectWorkloads('shop', undefined))).toEqual(['shop/cart', 'shop/cart-v2', 'shop/web']);
  });

  it('service → pods, and pods → services', async () => {
    const m = await modelOf(`${base}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: cart-v2, namespace: shop}
spec: {selector: {app: cart, version: v2}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: external, namespace: shop}
spec: {ports: [{port: 443}]}
---
apiVersion: v1
kind: Service
metadata: {name: empty-selector, namespace: shop}
spec: {selector: {}, ports: [{port: 443}]}
`);
    expect(names(m.servicePods(m.service('shop', 'cart')!))).toEqual(['shop/cart', 'shop/cart-v2']);
    expect(names(m.servicePods(m.service('shop', 'cart-v2')!))).toEqual(['shop/cart-v2']);
    // No selector: endpoints are managed elsewhere. An empty selector is stored as none by the API server.
    expect(m.servicePods(m.service('shop', 'external')!)).toEqual([]);
    expect(m.servicePods(m.service('shop', 'empty-selector')!)).toEqual([]);
    const cartV2 = m.selectWorkloads('shop', { version: 'v2' })[0]!;
    expect(names(m.servicesOf(cartV2))).toEqual(['shop/cart', 'shop/cart-v2']);
    const otherCart = m.selectWorkloads('other', { app: 'cart' })[0]!;
    expect(m.servicesOf(otherCart)).toEqual([]);
    expect(m.hostOf(m.service('shop', 'cart')!)).toBe('cart.shop.svc.cluster.local');
    expect(m.service('shop', 'cart')!.ports[0]).toMatchObject({ port: 80, targetPort: 8080 });
    expect(m.service('shop', 'cart-v2')!.ports[0]).toMatchObject({ port: 80, targetPort: 80 });
  });

  const policy = (namespace: string, name: string, spec: string) => `---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: ${name}, namespace: ${namespace}}
spec: ${spec}
`;

  it('root-namespace policies: a selector matches workloads of every namespace, no selector the whole mesh', async () => {
    const m = await modelOf(
      base +
        policy('istio-system', 'mesh-wide', '{action: DENY, rules: [{from: [{source: {notNamespaces: [shop]}}]}]}') +
        policy('istio-system', 'all-carts', '{selector: {matchLabels: {app: cart}}, rules: [{}]}') +
        policy('shop', 'shop-wide', '{rules: [{}]}') +
        policy('shop', 'web-only', '{selector: {matchLabels: {app: web}}, rules: [{}]}') +
        policy('shop', 'waypoint-bound', '{targetRefs: [{kind: Service, group: "", name: cart}], rules: [{}]}') +
        policy('other', 'other-ns', '{rules: [{}]}'),
    );
    const byName = (n: string) => m.authorizationPolicies.find((p) => p.name === n)!;
    expect(names(m.policyWorkloads(byName('mesh-wide')))).toEqual(['shop/cart', 'shop/cart-v2', 'shop/web', 'other/cart']);
    expect(names(m.policyWorkloads(byName('all-carts'))).sort()).toEqual(['other/cart', 'shop/cart', 'shop/cart-v2']);
    expect(names(m.policyWorkloads(byName('all-carts'), false))).toEqual([]);
    expect(names(m.policyWorkloads(byName('shop-wide')))).toEqual(['shop/cart', 'shop/cart-v2', 'shop/web']);
    expect(names(m.policyWorkloads(byName('web-only')))).toEqual(['shop/web']);
    expect(m.policyWorkloads(byName('waypoint-bound'))).toEqual([]);

    const pNames = (ps: AuthorizationPolicy[]) => ps.map((p) => `${p.namespace}/${p.name}`);
    const cart = m.selectWorkloads('shop', { version: 'v1' })[0]!;
    expect(pNames(m.authorizationPoliciesFor(cart))).toEqual(['shop/shop-wide', 'istio-system/mesh-wide', 'istio-system/all-carts']);
    const web = m.selectWorkloads('shop', { app: 'web' })[0]!;
    expect(pNames(m.authorizationPoliciesFor(web))).toEqual(['shop/shop-wide', 'shop/web-only', 'istio-system/mesh-wide']);
    const otherCart = m.selectWorkloads('other', {})[0]!;
    expect(pNames(m.authorizationPoliciesFor(otherCart))).toEqual(['other/other-ns', 'istio-system/mesh-wide', 'istio-system/all-carts']);
  });

  it('the root namespace follows meshConfig.rootNamespace', async () => {
    const m = await modelOf(base + policy('mesh-root', 'mesh-wide', '{rules: [{}]}') + policy('istio-system', 'not-root', '{rules: [{}]}'), {
      rootNamespace: 'mesh-root',
    });
    const cart = m.selectWorkloads('shop', { version: 'v1' })[0]!;
    expect(m.authorizationPoliciesFor(cart).map((p) => p.name)).toEqual(['mesh-wide']);
    expect(m.policyWorkloads(m.authorizationPolicies.find((p) => p.name === 'not-root')!)).toEqual([]);
  });

  it('policiesIn lists a kind of a namespace in input order, across API versions', async () => {
    const m = await modelOf(`---
apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata: {name: b, namespace: shop}
spec: {mtls: {mode: STRICT}}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: a, namespace: shop}
spec: {mtls: {mode: PERMISSIVE}}
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: dr, namespace: shop}
spec: {host: cart}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec: {hosts: [cart]}
`);
    expect(m.policiesIn<{ name: string }>('PeerAuthentication', 'shop').map((p) => p.name)).toEqual(['b', 'a']);
    expect(m.destinationRules.map((d) => d.host)).toEqual(['cart']);
    expect(m.policiesIn('VirtualService', 'shop')).toHaveLength(1);
    expect(m.istioOther.map((r) => r.kind)).toEqual(['VirtualService']);
    expect(m.policiesIn('PeerAuthentication', 'other')).toEqual([]);
  });
});

describe('identities', () => {
  it('index workloads and waypoints by principal, with the mesh trust domain', async () => {
    const m = await modelOf(
      deploy('shop', 'cart', { app: 'cart' }, 'cart-sa') +
        deploy('shop', 'web', { app: 'web' }) +
        `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: shop-waypoint, namespace: shop}
spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: edge}
spec: {gatewayClassName: istio}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: other-impl, namespace: edge}
spec: {gatewayClassName: nginx}
`,
      { trustDomain: 'example.org' },
    );
    const cart = m.selectWorkloads('shop', { app: 'cart' })[0]!;
    expect(m.identityOf(cart)).toBe('example.org/ns/shop/sa/cart-sa');
    expect(m.ownersOf('example.org/ns/shop/sa/cart-sa').map((o) => o.workload?.name)).toEqual(['cart']);
    expect(m.ownersOf('example.org/ns/shop/sa/default').map((o) => o.workload?.name)).toEqual(['web']);
    expect(m.ownersOf('cluster.local/ns/shop/sa/cart-sa')).toEqual([]);
    expect(m.ownersOf('example.org/ns/shop/sa/shop-waypoint').map((o) => o.kind)).toEqual(['waypoint']);
    expect(m.ownersOf('example.org/ns/edge/sa/public-istio').map((o) => o.kind)).toEqual(['gateway']);
    expect([...m.allIdentities()].some((i) => i.includes('other-impl'))).toBe(false);
  });
});

describe('mesh config', () => {
  const operator = `---
apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata: {name: control-plane, namespace: istio-system}
spec:
  meshConfig:
    rootNamespace: mesh-root
    trustDomain: corp.example
    enableAutoMtls: false
  values:
    pilot:
      env:
        PILOT_AUTO_ALLOW_WAYPOINT_POLICY: "true"
`;
  const configMap = (namespace = 'istio-system', mesh = 'trustDomain: from-configmap\\nenableAutoMtls: false') => `---
apiVersion: v1
kind: ConfigMap
metadata: {name: istio, namespace: ${namespace}}
data:
  mesh: "${mesh}"
`;

  it("defaults to Istio's", async () => {
    const m = await modelOf(ns('shop'));
    expect(m.mesh).toMatchObject(MESH_DEFAULTS);
    expect(MESH_DEFAULTS).toEqual({
      rootNamespace: 'istio-system',
      trustDomain: 'cluster.local',
      enableAutoMtls: true,
      autoAllowWaypointPolicy: false,
      pathNormalization: 'BASE',
      trustDomainAliases: [],
      multipleCustomAuthzProviders: false,
      nativeSidecars: false,
      assumeDataPlane: 'sidecar',
      complete: false,
    });
    expect(m.mesh.sources).toEqual({});
  });

  it('reads an IstioOperator meshConfig, and remembers where each setting came from', async () => {
    const m = await modelOf(operator);
    expect(m.mesh).toMatchObject({ rootNamespace: 'mesh-root', trustDomain: 'corp.example', enableAutoMtls: false, autoAllowWaypointPolicy: true });
    expect(m.mesh.sources.trustDomain?.path).toEqual(['spec', 'meshConfig', 'trustDomain']);
    expect(m.mesh.sources.autoAllowWaypointPolicy?.path).toEqual(['spec', 'values', 'pilot', 'env', 'PILOT_AUTO_ALLOW_WAYPOINT_POLICY']);
    expect(m.rootNamespace).toBe('mesh-root');
  });

  it("reads PILOT_AUTO_ALLOW_WAYPOINT_POLICY from an istiod Deployment's env, parsed like Go's ParseBool", async () => {
    const istiod = (name: string, value: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: istio-system}
spec:
  template:
    spec:
      containers:
      - name: discovery
        env:
        - {name: PILOT_ENABLE_AMBIENT, value: "true"}
        - {name: PILOT_AUTO_ALLOW_WAYPOINT_POLICY, value: "${value}"}
`;
    const m = await modelOf(istiod('istiod', '1'));
    expect(m.mesh.autoAllowWaypointPolicy).toBe(true);
    expect(m.mesh.sources.autoAllowWaypointPolicy?.path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'env', 1, 'value']);
    expect((await modelOf(istiod('istiod-canary', 'True'))).mesh.autoAllowWaypointPolicy).toBe(true);
    expect((await modelOf(istiod('istiod', 'yes'))).mesh.autoAllowWaypointPolicy).toBe(false);
    expect((await modelOf(istiod('not-istiod', 'true'))).mesh.autoAllowWaypointPolicy).toBe(false);
  });

  it('reads pathNormalization, trustDomainAliases and PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS', async () => {
    const m = await modelOf(`---
apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata: {name: control-plane, namespace: istio-system}
spec:
  meshConfig:
    trustDomain: td2
    trustDomainAliases: [td1, cluster.local]
    pathNormalization:
      normalization: DECODE_AND_MERGE_SLASHES
  values:
    pilot:
      env:
        PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS: "true"
`);
    expect(m.mesh).toMatchObject({ pathNormalization: 'DECODE_AND_MERGE_SLASHES', trustDomainAliases: ['td1', 'cluster.local'], multipleCustomAuthzProviders: true });
    expect(m.mesh.sources.pathNormalization?.path).toEqual(['spec', 'meshConfig', 'pathNormalization']);
    expect(m.mesh.sources.multipleCustomAuthzProviders?.path).toEqual(['spec', 'values', 'pilot', 'env', 'PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS']);
    // The istio ConfigMap; DEFAULT and an unset normalization are BASE; an unknown mode is ignored.
    expect((await modelOf(configMap('istio-system', 'pathNormalization:\\n  normalization: MERGE_SLASHES'))).mesh.pathNormalization).toBe('MERGE_SLASHES');
    expect((await modelOf(configMap('istio-system', 'pathNormalization: {normalization: NONE}\\ntrustDomainAliases: [old]'))).mesh).toMatchObject({ pathNormalization: 'NONE', trustDomainAliases: ['old'] });
    expect((await modelOf(configMap('istio-system', 'pathNormalization: {normalization: DEFAULT}'))).mesh.pathNormalization).toBe('BASE');
    expect((await modelOf(configMap('istio-system', 'pathNormalization: {normalization: STRICT}'))).mesh.pathNormalization).toBe('BASE');
    // Helm-rendered istiod.
    const istiod = await modelOf(`---
apiVersion: apps/v1
kind: Deployment
metadata: {name: istiod, namespace: istio-system}
spec:
  template:
    spec:
      containers:
      - name: discovery
        env:
        - {name: PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS, value: "1"}
`);
    expect(istiod.mesh.multipleCustomAuthzProviders).toBe(true);
    // Explicit settings win.
    expect((await modelOf(operator.replace('enableAutoMtls: false', 'enableAutoMtls: false\n    pathNormalization: {normalization: NONE}'), { pathNormalization: 'MERGE_SLASHES' })).mesh.pathNormalization).toBe('MERGE_SLASHES');
  });

  it("reads the istio ConfigMap's mesh key in the root namespace only", async () => {
    const m = await modelOf(configMap());
    expect(m.mesh).toMatchObject({ trustDomain: 'from-configmap', enableAutoMtls: false, rootNamespace: 'istio-system' });
    expect(m.mesh.sources.trustDomain?.path).toEqual(['data', 'mesh']);
    const elsewhere = await modelOf(configMap('default'));
    expect(elsewhere.mesh.trustDomain).toBe('cluster.local');
  });

  it('ignores a mesh key that is not YAML, and values of the wrong type', async () => {
    const broken = await modelOf(configMap('istio-system', 'trustDomain: [unclosed'));
    expect(broken.mesh.trustDomain).toBe('cluster.local');
    const wrongType = await modelOf(configMap('istio-system', 'enableAutoMtls: \\"no\\"\\ntrustDomain: 42'));
    expect(wrongType.mesh.enableAutoMtls).toBe(true);
    expect(wrongType.mesh.trustDomain).toBe('cluster.local');
  });

  it('explicit settings (CLI flags, config file) win and drop the manifest source', async () => {
    const m = await modelOf(operator, { trustDomain: 'from-cli', enableAutoMtls: true });
    expect(m.mesh).toMatchObject({ trustDomain: 'from-cli', enableAutoMtls: true, rootNamespace: 'mesh-root' });
    expect(m.mesh.sources.trustDomain).toBeUndefined();
    expect(m.mesh.sources.rootNamespace?.resource.kind).toBe('IstioOperator');
  });

  it('an explicit root namespace decides where the istio ConfigMap is looked for', async () => {
    const m = await modelOf(configMap('mesh-root'), { rootNamespace: 'mesh-root' });
    expect(m.mesh.trustDomain).toBe('from-configmap');
  });
});

describe('workload extraction', () => {
  const podSpec = `
      serviceAccountName: api
      containers:
      - name: app
        image: x
        ports: [{containerPort: 8080, name: http}, {containerPort: 9000, protocol: UDP}]`;
  const template = (indent: string) =>
    `template:\n${indent}  metadata:\n${indent}    labels: {app: api, tier: backend}\n${indent}    annotations: {note: x}\n${indent}  spec:${podSpec.replace(/\n {6}/g, `\n${indent}    `)}`;

  const kinds: Array<{ kind: string; yaml: string; metaPath: Array<string | number> }> = [
    {
      kind: 'Pod',
      yaml: `apiVersion: v1\nkind: Pod\nmetadata: {name: w, namespace: n, labels: {app: api, tier: backend}, annotations: {note: x}}\nspec:${podSpec.replace(/\n {6}/g, '\n  ')}`,
      metaPath: ['metadata'],
    },
    ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].map((kind) => ({
      kind,
      yaml: `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: w, namespace: n}\nspec:\n  ${template('  ')}`,
      metaPath: ['spec', 'template', 'metadata'],
    })),
    { kind: 'Job', yaml: `apiVersion: batch/v1\nkind: Job\nmetadata: {name: w, namespace: n}\nspec:\n  ${template('  ')}`, metaPath: ['spec', 'template', 'metadata'] },
    {
      kind: 'CronJob',
      yaml: `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: w, namespace: n}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      ${template('      ')}`,
      metaPath: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
    },
    {
      kind: 'Rollout',
      yaml: `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: w, namespace: n}\nspec:\n  ${template('  ')}`,
      metaPath: ['spec', 'template', 'metadata'],
    },
  ];

  it.each(kinds)('$kind: pod labels, annotations, service account, ports', async ({ yaml, kind, metaPath }) => {
    const m = await modelOf(yaml);
    expect(m.workloads).toHaveLength(1);
    const w = m.workloads[0]!;
    expect(w).toMatchObject({ kind, name: 'w', namespace: 'n', serviceAccount: 'api' });
    expect(w.podLabels).toEqual({ app: 'api', tier: 'backend' });
    expect(w.podAnnotations).toEqual({ note: 'x' });
    expect(w.ports).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: undefined, port: 9000, protocol: 'UDP' },
    ]);
    expect(w.podMetadataPath).toEqual(metaPath);
    // The service-account path leads to the real node.
    const range = w.resource.doc.locate([...w.resource.base, ...w.serviceAccountPath]);
    expect(w.resource.doc.file.text.split('\n')[range.start.line - 1]!.slice(range.start.column - 1, range.end.column - 1)).toBe('api');
  });

  it('service account defaults to "default"; the deprecated serviceAccount field is read', async () => {
    const m = await modelOf(`${deploy('n', 'plain', { app: 'a' })}---
apiVersion: v1
kind: Pod
metadata: {name: old, namespace: n}
spec: {serviceAccount: legacy, containers: [{name: c, image: x}]}
`);
    expect(m.workloads.map((w) => w.serviceAccount)).toEqual(['default', 'legacy']);
    expect(m.workloads[1]!.serviceAccountPath).toEqual(['spec', 'serviceAccount']);
  });

  it('a workload without a template or with broken fields still has an identity and no ports', async () => {
    const m = await modelOf(`---
apiVersion: apps/v1
kind: Deployment
metadata: {name: empty, namespace: n}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: broken, namespace: n}
spec: {template: {metadata: {labels: [not, a, map]}, spec: {containers: "nope"}}}
`);
    expect(m.workloads.map((w) => [w.name, w.serviceAccount, w.ports.length, Object.keys(w.podLabels).length])).toEqual([
      ['empty', 'default', 0, 0],
      ['broken', 'default', 0, 0],
    ]);
  });

  it('Knative Service: revision pod labels, user port and queue-proxy ports', async () => {
    const m = await modelOf(`---
apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: hello, namespace: fn}
spec:
  template:
    metadata:
      name: hello-v1
      labels: {team: a}
    spec:
      serviceAccountName: hello
      containers: [{image: x}]
`);
    const w = m.workloads[0]!;
    expect(w.kind).toBe('Service');
    expect(w.podLabels).toEqual({
      team: 'a',
      'serving.knative.dev/service': 'hello',
      'serving.knative.dev/configuration': 'hello',
      'serving.knative.dev/revision': 'hello-v1',
      app: 'hello-v1',
    });
    expect(w.knative).toEqual({ service: 'hello', configuration: 'hello', revision: 'hello-v1' });
    expect(w.serviceAccount).toBe('hello');
    expect(w.ports.map((p) => p.port)).toEqual([8080, 8022, 8012, 8013, 9090, 9091, 8112]);
    // A Service selecting the Knative labels finds the revision pods.
    expect(m.selectWorkloads('fn', { 'serving.knative.dev/service': 'hello' })).toEqual([w]);
  });

  it('Knative: an explicit app label and container port are kept; no revision name, no app label', async () => {
    const m = await modelOf(`---
apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: a, namespace: fn}
spec:
  template:
    metadata: {labels: {app: mine}}
    spec: {containers: [{image: x, ports: [{containerPort: 9000, name: h2c}]}]}
---
apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: b, namespace: fn}
spec: {template: {spec: {containers: [{image: x}]}}}
---
apiVersion: serving.knative.dev/v1
kind: Configuration
metadata: {name: cfg, namespace: fn, labels: {serving.knative.dev/service: owner}}
spec: {template: {spec: {containers: [{image: x}]}}}
`);
    const [a, b, cfg] = m.workloads;
    expect(a!.podLabels.app).toBe('mine');
    expect(a!.ports[0]).toEqual({ name: 'h2c', port: 9000, protocol: 'TCP' });
    expect(a!.ports.map((p) => p.port)).not.toContain(8080);
    expect(b!.podLabels.app).toBeUndefined();
    expect(b!.podLabels['serving.knative.dev/revision']).toBeUndefined();
    expect(cfg!.kind).toBe('Configuration');
    expect(cfg!.podLabels).toMatchObject({ 'serving.knative.dev/service': 'owner', 'serving.knative.dev/configuration': 'cfg' });
    expect(cfg!.knative).toEqual({ service: 'owner', configuration: 'cfg', revision: undefined });
  });

  it('the data plane of a workload comes from its namespace and pod template labels', async () => {
    const m = await modelOf(
      ns('amb', { 'istio.io/dataplane-mode': 'ambient' }) +
        ns('side', { 'istio-injection': 'enabled' }) +
        deploy('amb', 'a', { app: 'a' }) +
        deploy('amb', 'out', { 'istio.io/dataplane-mode': 'none' }) +
        deploy('side', 's', { app: 's' }) +
        deploy('plain', 'p', { app: 'p' }),
    );
    expect(m.workloads.map((w) => `${w.name}:${w.dataplane.mode}`)).toEqual(['a:ambient', 'out:none', 's:sidecar', 'p:sidecar']);
    // Namespace "plain" is not in the input: its pods' data plane is assumed, and says so.
    expect(m.workloads.map((w) => w.dataplane.assumption?.namespace)).toEqual([undefined, undefined, undefined, 'plain']);
    expect(m.workloads[3]!.dataplane.assumption).toEqual({ namespace: 'plain', dataPlane: 'sidecar', basis: 'setting', missing: 'namespace', why: 'namespace plain is not in the input' });
  });

  it('kinds that run no pods are not workloads', async () => {
    const m = await modelOf(`---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: n}
---
apiVersion: example.com/v1
kind: Deployment
metadata: {name: look-alike, namespace: n}
spec: {template: {metadata: {labels: {app: x}}}}
`);
    expect(m.workloads).toEqual([]);
  });
});

describe('waypoints', () => {
  const gw = (namespace: string, name: string, extra = '', cls = 'istio-waypoint') => `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${namespace}${extra}}
spec: {gatewayClassName: ${cls}, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
`;
  const svc = (namespace: string, name: string, labels: Record<string, string> = {}) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}, labels: ${JSON.stringify(labels)}}
spec: {selector: {app: ${name}}, ports: [{port: 80}]}
`;

  it('identity: the Gateway name, or the service-account annotation', async () => {
    const m = await modelOf(gw('shop', 'wp') + gw('shop', 'custom', ', annotations: {gateway.istio.io/service-account: wp-sa}') + gw('shop', 'ingress', '', 'istio'));
    expect(m.gateways.map((g) => [g.name, g.isWaypoint, g.serviceAccount])).toEqual([
      ['wp', true, 'wp'],
      ['custom', true, 'wp-sa'],
      ['ingress', false, 'ingress-istio'],
    ]);
    expect(m.ownersOf('cluster.local/ns/shop/sa/wp-sa')[0]?.gateway?.name).toBe('custom');
  });

  it('istio.io/waypoint-for: the Gateway label, else its GatewayClass label, else service', async () => {
    const m = await modelOf(
      gw('s', 'default-type') +
        gw('s', 'for-workload', ', labels: {istio.io/waypoint-for: workload}') +
        gw('s', 'for-all', ', labels: {istio.io/waypoint-for: all}') +
        gw('s', 'for-none', ', labels: {istio.io/waypoint-for: none}') +
        gw('s', 'typo', ', labels: {istio.io/waypoint-for: services}') +
        gw('s', 'from-class', '', 'custom-waypoint') +
        gw('s', 'label-beats-class', ', labels: {istio.io/waypoint-for: service}', 'custom-waypoint') +
        `---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: custom-waypoint, labels: {istio.io/waypoint-for: all}}
spec: {controllerName: istio.io/mesh-controller}
`,
    );
    expect(Object.fromEntries(m.gateways.map((g) => [g.name, g.waypointFor]))).toEqual({
      'default-type': 'service',
      'for-workload': 'workload',
      'for-all': 'all',
      'for-none': 'none',
      typo: 'none',
      'from-class': 'all',
      'label-beats-class': 'service',
    });
  });

  it('use-waypoint on the Service wins over the namespace; none opts out', async () => {
    const m = await modelOf(
      ns('shop', { 'istio.io/use-waypoint': 'ns-wp' }) +
        gw('shop', 'ns-wp') +
        gw('shop', 'svc-wp') +
        svc('shop', 'inherits') +
        svc('shop', 'own', { 'istio.io/use-waypoint': 'svc-wp' }) +
        svc('shop', 'opted-out', { 'istio.io/use-waypoint': 'none' }) +
        svc('plain', 'nothing'),
    );
    const bind = (n: string, s: string) => m.waypointOfService(m.service(n, s)!);
    expect(bind('shop', 'inherits')).toMatchObject({ name: 'ns-wp', namespace: 'shop', via: 'namespace' });
    expect(bind('shop', 'inherits')!.gateway?.name).toBe('ns-wp');
    expect(bind('shop', 'own')).toMatchObject({ name: 'svc-wp', namespace: 'shop', via: 'object' });
    expect(bind('shop', 'opted-out')).toBeUndefined();
    expect(bind('plain', 'nothing')).toBeUndefined();
  });

  const sharedGw = (name: string, namespaces: string) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: infra}
spec:
  gatewayClassName: istio-waypoint
  listeners:
  - {name: mesh, port: 15008, protocol: HBONE, allowedRoutes: {namespaces: ${namespaces}}}
`;

  it('use-waypoint-namespace names the waypoint namespace, on the object or the namespace', async () => {
    const m = await modelOf(
      ns('shop', { 'istio.io/use-waypoint': 'shared', 'istio.io/use-waypoint-namespace': 'infra' }) +
        sharedGw('shared', '{from: All}') +
        svc('shop', 'a') +
        svc('shop', 'b', { 'istio.io/use-waypoint': 'local' }) +
        svc('shop', 'c', { 'istio.io/use-waypoint': 'shared', 'istio.io/use-waypoint-namespace': 'infra' }),
    );
    expect(m.waypointOfService(m.service('shop', 'a')!)).toMatchObject({ name: 'shared', namespace: 'infra', via: 'namespace' });
    expect(m.waypointOfService(m.service('shop', 'a')!)!.gateway?.namespace).toBe('infra');
    // The object's label replaces the namespace's labels entirely: its waypoint is looked up in its own namespace.
    expect(m.waypointOfService(m.service('shop', 'b')!)).toMatchObject({ name: 'local', namespace: 'shop', via: 'object' });
    expect(m.waypointOfService(m.service('shop', 'b')!)!.gateway).toBeUndefined();
    expect(m.waypointOfService(m.service('shop', 'c')!)).toMatchObject({ name: 'shared', namespace: 'infra', via: 'object' });
  });

  it("a waypoint of another namespace binds only where its HBONE listener's allowedRoutes admit the namespace", async () => {
    const m = await modelOf(
      ns('team-a', { env: 'prod' }) +
        ns('team-b', { env: 'dev' }) +
        gw('infra', 'same-only') +
        sharedGw('by-label', '{from: Selector, selector: {matchLabels: {env: prod}}}') +
        sharedGw('by-expression', '{from: Selector, selector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [team-b]}]}}') +
        sharedGw('no-selector', '{from: Selector}') +
        ['same-only', 'by-label', 'by-expression', 'no-selector']
          .map((wp) => svc('team-a', `a-${wp}`, { 'istio.io/use-waypoint': wp, 'istio.io/use-waypoint-namespace': 'infra' }) + svc('team-b', `b-${wp}`, { 'istio.io/use-waypoint': wp, 'istio.io/use-waypoint-namespace': 'infra' }) + svc('unlisted', `u-${wp}`, { 'istio.io/use-waypoint': wp, 'istio.io/use-waypoint-namespace': 'infra' }))
          .join(''),
    );
    const bound = (n: string, s: string) => m.waypointOfService(m.service(n, s)!)?.name ?? '-';
    expect(['same-only', 'by-label', 'by-expression', 'no-selector'].map((wp) => [bound('team-a', `a-${wp}`), bound('team-b', `b-${wp}`), bound('unlisted', `u-${wp}`)])).toEqual([
      ['-', '-', '-'], // default From: Same
      ['by-label', '-', 'by-label'], // a namespace without a Namespace object: labels unknown, benefit of the doubt
      ['-', 'by-expression', 'by-expression'],
      ['-', '-', '-'], // From: Selector without a selector selects nothing
    ]);
  });

  it('Services bind only to service/all waypoints, workloads only to workload/all', async () => {
    const m = await modelOf(
      gw('shop', 'svc-only') +
        gw('shop', 'wl-only', ', labels: {istio.io/waypoint-for: workload}') +
        gw('shop', 'both', ', labels: {istio.io/waypoint-for: all}') +
        svc('shop', 'to-svc-only', { 'istio.io/use-waypoint': 'svc-only' }) +
        svc('shop', 'to-wl-only', { 'istio.io/use-waypoint': 'wl-only' }) +
        svc('shop', 'to-both', { 'istio.io/use-waypoint': 'both' }) +
        deploy('shop', 'pod-svc-only', { 'istio.io/use-waypoint': 'svc-only' }) +
        deploy('shop', 'pod-wl-only', { 'istio.io/use-waypoint': 'wl-only' }) +
        deploy('shop', 'pod-both', { 'istio.io/use-waypoint': 'both' }),
    );
    const s = (n: string) => m.waypointOfService(m.service('shop', n)!)?.name;
    expect([s('to-svc-only'), s('to-wl-only'), s('to-both')]).toEqual(['svc-only', undefined, 'both']);
    const w = (n: string) => m.waypointOfWorkload(m.workloads.find((x) => x.name === n)!)?.name;
    expect([w('pod-svc-only'), w('pod-wl-only'), w('pod-both')]).toEqual([undefined, 'wl-only', 'both']);
  });

  it('a waypoint that is not in the input is still a binding, without its Gateway', async () => {
    const m = await modelOf(svc('shop', 'a', { 'istio.io/use-waypoint': 'elsewhere' }));
    expect(m.waypointOfService(m.service('shop', 'a')!)).toEqual({ name: 'elsewhere', namespace: 'shop', gateway: undefined, via: 'object' });
  });
});

describe('effective PeerAuthentication', () => {
  const pa = (namespace: string, name: string, spec: string, created?: string) => `---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: ${name}, namespace: ${namespace}${created ? `, creationTimestamp: "${created}"` : ''}}
spec: ${spec}
`;
  const workloads = deploy('shop', 'cart', { app: 'cart' }) + deploy('shop', 'web', { app: 'web' });
  const eff = async (yaml: string, name = 'cart', port?: number) => {
    const m = await modelOf(workloads + yaml);
    const e = m.effectiveMtls(m.workloads.find((w) => w.name === name)!, port);
    return { mode: e.mode, by: e.decidedBy?.name, portLevel: e.portLevel };
  };

  it('no PeerAuthentication: PERMISSIVE, decided by nobody', async () => {
    expect(await eff('')).toEqual({ mode: 'PERMISSIVE', by: undefined, portLevel: false });
  });

  it('mesh → namespace → workload: the narrowest wins', async () => {
    const mesh = pa('istio-system', 'mesh', '{mtls: {mode: STRICT}}');
    const nsPa = pa('shop', 'ns', '{mtls: {mode: PERMISSIVE}}');
    const wl = pa('shop', 'cart-only', '{selector: {matchLabels: {app: cart}}, mtls: {mode: DISABLE}}');
    expect(await eff(mesh)).toEqual({ mode: 'STRICT', by: 'mesh', portLevel: false });
    expect(await eff(mesh + nsPa)).toEqual({ mode: 'PERMISSIVE', by: 'ns', portLevel: false });
    expect(await eff(mesh + nsPa + wl)).toEqual({ mode: 'DISABLE', by: 'cart-only', portLevel: false });
    expect(await eff(mesh + nsPa + wl, 'web')).toEqual({ mode: 'PERMISSIVE', by: 'ns', portLevel: false });
  });

  it('UNSET (or no mtls) inherits from the next level up', async () => {
    const mesh = pa('istio-system', 'mesh', '{mtls: {mode: STRICT}}');
    expect(await eff(mesh + pa('shop', 'ns', '{mtls: {mode: UNSET}}'))).toEqual({ mode: 'STRICT', by: 'mesh', portLevel: false });
    expect(await eff(mesh + pa('shop', 'ns', '{}') + pa('shop', 'wl', '{selector: {matchLabels: {app: cart}}}'))).toEqual({
      mode: 'STRICT',
      by: 'mesh',
      portLevel: false,
    });
    expect(await eff(pa('istio-system', 'mesh', '{mtls: {}}'))).toEqual({ mode: 'PERMISSIVE', by: undefined, portLevel: false });
  });

  it('port-level settings apply to their port; UNSET there inherits the workload mode', async () => {
    const yaml =
      pa('shop', 'ns', '{mtls: {mode: STRICT}}') +
      pa('shop', 'cart-ports', '{selector: {matchLabels: {app: cart}}, portLevelMtls: {8080: {mode: PERMISSIVE}, 9090: {mode: UNSET}}}');
    expect(await eff(yaml, 'cart', 8080)).toEqual({ mode: 'PERMISSIVE', by: 'cart-ports', portLevel: true });
    expect(await eff(yaml, 'cart', 9090)).toEqual({ mode: 'STRICT', by: 'ns', portLevel: false });
    expect(await eff(yaml, 'cart', 7000)).toEqual({ mode: 'STRICT', by: 'ns', portLevel: false });
    expect(await eff(yaml, 'cart')).toEqual({ mode: 'STRICT', by: 'ns', portLevel: false });
  });

  it('port-level settings on a namespace-wide policy are not applied', async () => {
    expect(await eff(pa('shop', 'ns', '{mtls: {mode: STRICT}, portLevelMtls: {8080: {mode: DISABLE}}}'), 'cart', 8080)).toEqual({
      mode: 'STRICT',
      by: 'ns',
      portLevel: false,
    });
  });

  it('an empty selector makes a namespace-wide policy', async () => {
    expect(await eff(pa('shop', 'ns', '{selector: {matchLabels: {}}, mtls: {mode: STRICT}}'), 'web')).toEqual({ mode: 'STRICT', by: 'ns', portLevel: false });
  });

  it('a selector policy in the root namespace is not a workload policy and is ignored', async () => {
    const m = await modelOf(
      workloads +
        deploy('istio-system', 'root-cart', { app: 'cart' }) +
        pa('istio-system', 'root-selector', '{selector: {matchLabels: {app: cart}}, mtls: {mode: STRICT}}'),
    );
    for (const w of m.workloads.filter((x) => x.podLabels.app === 'cart')) {
      expect(m.effectiveMtls(w).mode, w.namespace).toBe('PERMISSIVE');
    }
  });

  it('a workload of the root namespace takes the mesh policy', async () => {
    const m = await modelOf(deploy('istio-system', 'x', { app: 'x' }) + pa('istio-system', 'mesh', '{mtls: {mode: STRICT}}'));
    expect(m.effectiveMtls(m.workloads[0]!)).toMatchObject({ mode: 'STRICT', portLevel: false });
    expect(m.effectiveMtls(m.workloads[0]!).decidedBy?.name).toBe('mesh');
  });

  it('among policies of one level, the oldest wins; without timestamps, the first in the input', async () => {
    expect(await eff(pa('shop', 'first', '{mtls: {mode: STRICT}}') + pa('shop', 'second', '{mtls: {mode: DISABLE}}'))).toMatchObject({ by: 'first' });
    expect(
      await eff(pa('shop', 'newer', '{mtls: {mode: STRICT}}', '2024-05-01T00:00:00Z') + pa('shop', 'older', '{mtls: {mode: DISABLE}}', '2023-01-01T00:00:00Z')),
    ).toEqual({ mode: 'DISABLE', by: 'older', portLevel: false });
    expect(
      await eff(
        pa('shop', 'wl-new', '{selector: {matchLabels: {app: cart}}, mtls: {mode: STRICT}}', '2024-05-01T00:00:00Z') +
          pa('shop', 'wl-old', '{selector: {matchLabels: {app: cart}}, mtls: {mode: PERMISSIVE}}', '2020-05-01T00:00:00Z'),
      ),
    ).toMatchObject({ mode: 'PERMISSIVE', by: 'wl-old' });
  });
});
