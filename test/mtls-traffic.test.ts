import { describe, expect, it } from 'vitest';
import { clientViews, envoyClientNamespaces, plainBackends, sidecarBackends, targetPortOf } from '../src/mtls/traffic.js';
import { deployment, modelOf, ns } from './helpers/model.js';

const dr = (name: string, namespace: string, host: string, extra = '') =>
  `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  host: "${host}"\n${extra}---\n`;

describe('Envoy client namespaces', () => {
  it('counts sidecar pods, injection labels and DestinationRule namespaces whose pods are unknown', async () => {
    const model = await modelOf(
      ns('inj', { 'istio-injection': 'enabled' }) +
        ns('rev', { 'istio.io/rev': 'canary' }) +
        ns('amb', { 'istio.io/dataplane-mode': 'ambient' }) +
        ns('plain') +
        deployment('web', 'plain') +
        deployment('side', 'podlabel', { labels: { 'sidecar.istio.io/inject': 'true' } }) +
        dr('a', 'amb', '*.local') +
        dr('b', 'plain', '*.local') +
        dr('c', 'elsewhere', '*.local') +
        dr('d', 'istio-system', '*.local'),
    );
    expect(Object.fromEntries(envoyClientNamespaces(model))).toEqual({ inj: 'known', rev: 'known', podlabel: 'known', elsewhere: 'assumed' });
  });

  it('gives one view per namespace, and per sidecar workload where a workload-selector rule exists', async () => {
    const model = await modelOf(
      ns('foo', { 'istio-injection': 'enabled' }) +
        deployment('httpbin', 'foo') +
        deployment('sleep', 'foo') +
        dr('only-sleep', 'foo', 'httpbin.foo.svc.cluster.local', '  workloadSelector:\n    matchLabels:\n      app: sleep\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n'),
    );
    const s = model.service('foo', 'httpbin')!;
    const views = clientViews(model, s, s.ports[0]!);
    expect(views.map((v) => [v.workload?.name, v.tls.mode])).toEqual([
      ['httpbin', undefined],
      ['sleep', 'ISTIO_MUTUAL'],
    ]);
  });

  it("keeps each caller's filter to itself: views read once per model serve every filter", async () => {
    const model = await modelOf(
      ns('foo', { 'istio-injection': 'enabled' }) +
        deployment('httpbin', 'foo') +
        deployment('sleep', 'foo') +
        dr('only-sleep', 'foo', 'httpbin.foo.svc.cluster.local', '  workloadSelector:\n    matchLabels:\n      app: sleep\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n'),
    );
    const s = model.service('foo', 'httpbin')!;
    const p = s.ports[0]!;
    expect(clientViews(model, s, p, (tls) => tls.mode === 'ISTIO_MUTUAL').map((v) => v.workload?.name)).toEqual(['sleep']);
    expect(clientViews(model, s, p, (tls) => tls.mode === undefined).map((v) => v.workload?.name)).toEqual(['httpbin']);
    expect(clientViews(model, s, p).map((v) => v.workload?.name)).toEqual(['httpbin', 'sleep']);
  });
});

describe('destination side', () => {
  it('resolves named and numeric target ports', async () => {
    const model = await modelOf(deployment('api', 'shop', { port: 8080 }));
    const w = model.workloadsIn('shop')[0]!;
    const s = model.service('shop', 'api')!;
    expect(targetPortOf(s.ports[0]!, w)).toBe(8080);
    expect(targetPortOf({ ...s.ports[0]!, targetPort: 'missing' }, w)).toBeUndefined();
    expect(targetPortOf({ ...s.ports[0]!, targetPort: '9000' }, w)).toBe(9000);
  });

  it('judges sidecar pods by their port-level mode on the target port', async () => {
    const model = await modelOf(
      ns('shop', { 'istio-injection': 'enabled' }) +
        deployment('api', 'shop', { port: 8080 }) +
        'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: api\n  mtls:\n    mode: STRICT\n  portLevelMtls:\n    "8080":\n      mode: DISABLE\n',
    );
    const s = model.service('shop', 'api')!;
    expect(sidecarBackends(model, s, s.ports[0]!).map((b) => b.mtls.mode)).toEqual(['DISABLE']);
    expect(sidecarBackends(model, s, s.ports[1]!).map((b) => b.mtls.mode)).toEqual(['STRICT']);
  });

  it('calls pods plain only when their namespace is in the input', async () => {
    const described = await modelOf(ns('legacy') + deployment('old', 'legacy'));
    expect(plainBackends(described, described.service('legacy', 'old')!).map((w) => w.name)).toEqual(['old']);
    const unknown = await modelOf(deployment('old', 'legacy'));
    expect(plainBackends(unknown, unknown.service('legacy', 'old')!)).toEqual([]);
  });

  it('treats istioctl kube-inject output as a sidecar pod', async () => {
    const model = await modelOf(
      ns('legacy') +
        deployment('old', 'legacy').replace('      labels:\n', '      annotations:\n        sidecar.istio.io/status: "{}"\n      labels:\n'),
    );
    const s = model.service('legacy', 'old')!;
    expect(plainBackends(model, s)).toEqual([]);
    expect(sidecarBackends(model, s, s.ports[0]!)).toHaveLength(1);
  });
});
