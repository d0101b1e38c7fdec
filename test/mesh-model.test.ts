import { describe, expect, it } from 'vitest';
import { checkAccess } from '../src/authz/access.js';
import { authorizationPoliciesFor, isIstioGatewayWorkload, policyWorkloads } from '../src/authz/attachment.js';
import { waypointOfService, waypointOfWorkload } from '../src/authz/waypoint-binding.js';
import { Model, isIstioGatewayWorkload as facadeIsGateway } from '../src/mesh/model.js';
import { ModelIndex } from '../src/model/model.js';
import { effectiveMtls, effectiveMtlsFor, ztunnelMtls } from '../src/mtls/peer-authentication.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';

const YAML = `${ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' })}${deployment('cart', 'shop')}${deployment('web', 'shop')}apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: shop, labels: {istio.io/waypoint-for: all}}
spec:
  gatewayClassName: istio-waypoint
  listeners: [{name: mesh, port: 15008, protocol: HBONE}]
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: strict, namespace: shop}
spec:
  mtls: {mode: STRICT}
  selector: {matchLabels: {app: cart}}
  portLevelMtls: {9000: {mode: PERMISSIVE}}
---
${policy('cart', 'shop', 'selector: {matchLabels: {app: cart}}\naction: ALLOW\nrules: [{from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]}]')}`;

describe('Model: the facade over ModelIndex and the semantics of authz/ and mtls/', () => {
  it('answers as the functions do over a bare ModelIndex', async () => {
    const model = await modelOf(YAML);
    expect(model).toBeInstanceOf(Model);
    const index = new ModelIndex(model.resources);
    expect(index).not.toHaveProperty('effectiveMtls');
    const cart = model.workloadsIn('shop').find((w) => w.name === 'cart')!;
    const cartOfIndex = index.workloadsIn('shop').find((w) => w.name === 'cart')!;
    const svc = model.service('shop', 'cart')!;
    const p = model.authorizationPolicies[0]!;

    expect(model.effectiveMtls(cart, 9000)).toEqual(effectiveMtls(index, cartOfIndex, 9000));
    expect(model.effectiveMtls(cart).mode).toBe('STRICT');
    expect(model.effectiveMtls(cart, 9000)).toMatchObject({ mode: 'PERMISSIVE', portLevel: true });
    expect(model.effectiveMtlsFor('shop', { app: 'cart' })).toEqual(effectiveMtlsFor(index, 'shop', { app: 'cart' }));
    expect(model.ztunnelMtls(cart, 8080)).toEqual(ztunnelMtls(index, cartOfIndex, 8080));
    expect(model.waypointOfService(svc)).toMatchObject({ name: 'waypoint', namespace: 'shop', via: 'namespace' });
    expect(waypointOfService(index, index.service('shop', 'cart')!)).toMatchObject({ name: 'waypoint', namespace: 'shop' });
    expect(model.waypointOfWorkload(cart)?.name).toBe(waypointOfWorkload(index, cartOfIndex)?.name);
    expect(model.policyWorkloads(p).map((w) => w.name)).toEqual(['cart']);
    expect(policyWorkloads(index, index.authorizationPolicies[0]!).map((w) => w.name)).toEqual(['cart']);
    expect(model.authorizationPoliciesFor(cart).map((x) => x.name)).toEqual(authorizationPoliciesFor(index, cartOfIndex).map((x) => x.name));
    expect(facadeIsGateway).toBe(isIstioGatewayWorkload);

    const web = model.workloadsIn('shop').find((w) => w.name === 'web')!;
    const req = { from: { kind: 'workload' as const, workload: web }, to: { service: svc }, port: 80 };
    expect(model.checkAccess(req)).toEqual(checkAccess(model, req));
  });
});
