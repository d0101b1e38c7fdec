import { describe, it } from 'vitest';
import { RuleTester } from '../src/rule-tester.js';
import { builtin } from './helpers/rules.js';

RuleTester.describe = describe;
RuleTester.it = it;

// The coverage paths the fixtures do not show: Gateway API gateways, workload waypoints, the
// istio-waypoint GatewayClass, a complete input.
const ns = (name: string, labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {${labels}}}\n---\n`;
const ROOT = ns('istio-system', 'team: mesh');
const deploy = (name: string, namespace: string, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}, ${labels}}}\n    spec: {containers: [{name: c, image: x}]}\n---\n`;
const policy = (name: string, namespace: string, spec: string) =>
  `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec.replace(/^/gm, '  ')}\n---\n`;
const targetRef = (group: string, kind: string, name: string) => `targetRefs:\n- {group: ${group}, kind: ${kind}, name: ${name}}`;
const INGRESS = deploy('ingress-istio', 'edge', "gateway.networking.k8s.io/gateway-name: ingress");
const WORKLOAD_WAYPOINT = ns('shop', 'istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint');

new RuleTester().run('workload-without-authorization', builtin('workload-without-authorization').definition, {
  valid: [
    { name: 'a gateway whose Gateway a policy targets', code: ROOT + ns('edge', 'team: edge') + INGRESS + policy('ingress', 'edge', targetRef('gateway.networking.k8s.io', 'Gateway', 'ingress')) },
    { name: 'a workload waypoint with a policy for every waypoint', code: ROOT + WORKLOAD_WAYPOINT + deploy('cart', 'shop', 'v: x') + policy('waypoints', 'istio-system', targetRef('gateway.networking.k8s.io', 'GatewayClass', 'istio-waypoint')) },
    { name: 'a workload waypoint whose Gateway a policy targets', code: ROOT + WORKLOAD_WAYPOINT + deploy('cart', 'shop', 'v: x') + policy('waypoint', 'shop', targetRef('gateway.networking.k8s.io', 'Gateway', 'waypoint')) },
    { name: 'a Namespace not declared, even with the root namespace known', code: ROOT + deploy('cart', 'shop', 'sidecar.istio.io/inject: "true"') },
  ],
  invalid: [
    {
      name: 'a gateway whose policy targets another Gateway',
      code: ROOT + ns('edge', 'team: edge') + INGRESS + policy('other', 'edge', targetRef('gateway.networking.k8s.io', 'Gateway', 'internal')),
      errors: [{ messageId: 'uncovered', data: { kind: 'Deployment', namespace: 'edge', name: 'ingress-istio', root: 'istio-system' }, line: 11, column: 18, severity: 1 }],
    },
    {
      name: 'a workload waypoint that applies no policy',
      code: ROOT + WORKLOAD_WAYPOINT + deploy('cart', 'shop', 'v: x') + policy('elsewhere', 'shop', targetRef('', 'Service', 'cart')),
      errors: [{ messageId: 'uncovered', data: { name: 'cart', namespace: 'shop' } }],
    },
    {
      name: 'a complete input knows every namespace',
      mesh: { complete: true },
      code: deploy('cart', 'shop', 'sidecar.istio.io/inject: "true"'),
      errors: [{ messageId: 'uncovered', data: { name: 'cart', namespace: 'shop', root: 'istio-system' } }],
    },
  ],
});
