import { describe, expect, it } from 'vitest';
import { isIstioGatewayWorkload } from '../src/mesh/model.js';
import { deployment, modelOf, ns } from './helpers/model.js';

describe('model indexes used by the authorization rules', () => {
  it('knows the workloads of a namespace only when it is declared and holds workloads', async () => {
    const m = await modelOf(`${ns('shop')}${deployment('cart', 'shop')}${deployment('debug', 'tools')}${ns('empty')}`);
    expect(m.knowsWorkloadsOf('shop')).toBe(true);
    expect(m.knowsWorkloadsOf('tools')).toBe(false); // not declared
    expect(m.knowsWorkloadsOf('empty')).toBe(false); // no workload
  });

  it('does not claim to know a namespace where an operator may run pods', async () => {
    const m = await modelOf(`${ns('data')}${deployment('loader', 'data')}apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata: {name: events, namespace: data}
spec: {}
---
${ns('shop')}${deployment('cart', 'shop')}apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: cart, namespace: shop}
spec: {}
`);
    expect(m.knowsWorkloadsOf('data')).toBe(false);
    expect(m.knowsWorkloadsOf('shop')).toBe(true); // a ServiceMonitor runs no pods
  });

  it('indexes label values and keys per namespace', async () => {
    const m = await modelOf(`${deployment('cart', 'shop', { labels: { version: 'v1' } })}${deployment('cart-v2', 'shop', { labels: { app: 'cart', version: 'v2' } })}`);
    expect([...m.labelValues('shop', 'version')].sort()).toEqual(['v1', 'v2']);
    expect([...m.labelValues('shop', 'app')].sort()).toEqual(['cart']);
    expect(m.labelValues('other', 'app').size).toBe(0);
    expect([...m.labelKeys('shop')].sort()).toEqual(['app', 'version']);
  });

  it('lists who runs in a namespace, waypoints included, and ServiceAccount objects', async () => {
    const m = await modelOf(`${deployment('cart', 'shop', { sa: 'cart-sa' })}apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: shop}
spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: nightly, namespace: shop}
`);
    expect(m.identitiesIn('shop').map((o) => `${o.kind}:${o.serviceAccount}`).sort()).toEqual(['waypoint:waypoint', 'workload:cart-sa']);
    expect(m.serviceAccountsIn('shop').map((r) => r.name)).toEqual(['nightly']);
  });

  it("reads a Sidecar's workloadSelector.labels", async () => {
    const m = await modelOf(`apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: s, namespace: shop}
spec:
  workloadSelector:
    labels: {app: cart}
`);
    expect(m.sidecars[0]!.selector).toEqual({ app: 'cart' });
  });

  it('recognises Istio gateway deployments', async () => {
    const m = await modelOf(`${deployment('istio-ingressgateway', 'istio-system', { labels: { istio: 'ingressgateway' } })}${deployment('cart', 'shop')}`);
    const byName = new Map(m.workloads.map((w) => [w.name, w]));
    expect(isIstioGatewayWorkload(byName.get('istio-ingressgateway')!)).toBe(true);
    expect(isIstioGatewayWorkload(byName.get('cart')!)).toBe(false);
  });
});
