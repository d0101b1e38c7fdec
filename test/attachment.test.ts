import { describe, expect, it } from 'vitest';
import { serviceEntryAsService, targetRefTargets, waypointPolicies } from '../src/authz/attachment.js';
import type { Resource } from '../src/model/resource.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';

// One module decides where a targetRefs policy attaches, for check-access and for the rules
// (istio pilot/pkg/model/policyattachment.go, ShouldAttachPolicy).
const SHOP = ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' });
const WAYPOINT = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: shop\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n---\n';
const SE = 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  hosts: ["cart.internal"]\n  ports:\n  - number: 80\n    name: http\n    protocol: HTTP\n    targetPort: 8080\n  workloadSelector:\n    labels:\n      app: cart\n  resolution: STATIC\n---\n';
const ref = (kind: string, group: string, name: string, ns = 'shop') => policy(`on-${kind.toLowerCase()}`, ns, `targetRefs:\n- kind: ${kind}\n  group: ${group}\n  name: ${name}\nrules:\n- to:\n  - operation:\n      methods: ["GET"]`);

describe('policy attachment (src/authz/attachment.ts)', () => {
  it('a Service ref attaches the Service, a ServiceEntry ref the ServiceEntry of that name, never the other', async () => {
    const m = await modelOf(SHOP + WAYPOINT + deployment('cart', 'shop') + SE + ref('Service', '""', 'cart') + ref('ServiceEntry', 'networking.istio.io', 'cart'));
    const svc = m.service('shop', 'cart')!;
    const se = serviceEntryAsService(m.policiesIn<Resource>('ServiceEntry', 'shop')[0]!)!;
    const wp = { namespace: 'shop', name: 'waypoint' };
    expect(waypointPolicies(m, { service: svc, waypoint: wp }).map((p) => p.name)).toEqual(['on-service']);
    expect(waypointPolicies(m, { service: se, waypoint: wp }).map((p) => p.name)).toEqual(['on-serviceentry']);
    expect(waypointPolicies(m, { waypoint: wp })).toEqual([]);
    const [onService, onSe] = m.authorizationPolicies;
    expect(targetRefTargets(m, onService!, onService!.targetRefs[0]!).map((t) => t.label)).toEqual(['Service cart']);
    expect(targetRefTargets(m, onSe!, onSe!.targetRefs[0]!).map((t) => t.label)).toEqual(['ServiceEntry cart']);
  });
  it('Gateway refs attach in their namespace only; GatewayClass istio-waypoint only from the root namespace', async () => {
    const base = SHOP + WAYPOINT + deployment('cart', 'shop');
    const m = await modelOf(base + ref('Gateway', 'gateway.networking.k8s.io', 'waypoint') + ref('GatewayClass', 'gateway.networking.k8s.io', 'istio-waypoint', 'istio-system'));
    const traffic = { service: m.service('shop', 'cart')!, waypoint: { namespace: 'shop', name: 'waypoint' } };
    expect(waypointPolicies(m, traffic).map((p) => p.name).sort()).toEqual(['on-gateway', 'on-gatewayclass']);
    expect(waypointPolicies(m, { waypoint: traffic.waypoint }).map((p) => p.name).sort()).toEqual(['on-gateway', 'on-gatewayclass']);
    const elsewhere = await modelOf(base + ref('GatewayClass', 'gateway.networking.k8s.io', 'istio-waypoint') + ref('Gateway', 'gateway.networking.k8s.io', 'waypoint').replace('    name: waypoint\n', '    name: waypoint\n    namespace: other\n'));
    expect(waypointPolicies(elsewhere, traffic)).toEqual([]);
    for (const p of elsewhere.authorizationPolicies) expect(targetRefTargets(elsewhere, p, p.targetRefs[0]!)).toEqual([]);
  });
});
