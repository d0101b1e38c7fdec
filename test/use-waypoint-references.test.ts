import { describe, it } from 'vitest';
import { RuleTester } from '../src/rule-tester.js';
import { builtin } from './helpers/rules.js';

RuleTester.describe = describe;
RuleTester.it = it;

// Edge cases of use-waypoint-references and workloadgroup-service-account, beside their fixtures.
const ns = (name: string, labels = '') => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {${labels}}}\n---\n`;
const service = (name: string, namespace: string, labels: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}, labels: {${labels}}}\nspec: {selector: {app: ${name}}, ports: [{port: 80}]}\n---\n`;
const gateway = (name: string, namespace: string, cls = 'istio-waypoint', labels = '') =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: ${namespace}, labels: {${labels}}}\nspec:\n  gatewayClassName: ${cls}\n  listeners: [{name: mesh, port: 15008, protocol: HBONE}]\n---\n`;
const gatewayClass = (name: string, labels: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: ${name}, labels: {${labels}}}\nspec: {controllerName: istio.io/waypoint-controller}\n---\n`;

new RuleTester().run('use-waypoint-references', builtin('use-waypoint-references').definition, {
  valid: [
    { name: 'opted out', code: ns('shop') + service('cart', 'shop', 'istio.io/use-waypoint: none') },
    { name: 'a waypoint of a namespace the input does not hold', code: service('cart', 'shop', 'istio.io/use-waypoint: waypoint, istio.io/use-waypoint-namespace: mesh') },
    { name: 'a waypoint for all traffic', code: ns('shop') + gateway('waypoint', 'shop', 'istio-waypoint', 'istio.io/waypoint-for: all') + service('cart', 'shop', 'istio.io/use-waypoint: waypoint') },
  ],
  invalid: [
    {
      name: 'the traffic type comes from the GatewayClass',
      code: ns('shop') + gatewayClass('pod-waypoints', 'istio.io/waypoint-for: workload') + gateway('waypoint', 'shop', 'pod-waypoints') + service('cart', 'shop', 'istio.io/use-waypoint: waypoint'),
      errors: [{ messageId: 'wrongTrafficType', data: { object: 'Service shop/cart', serves: 'only workload', why: 'istio.io/waypoint-for of its GatewayClass pod-waypoints' } }],
    },
    {
      name: 'a namespace of the input without the Namespace object',
      code: service('cart', 'shop', 'istio.io/use-waypoint: waypoint'),
      errors: [{ messageId: 'notFound', data: { waypoint: 'shop/waypoint', noFallback: '' }, line: 3, column: 73 }],
    },
  ],
});

const workloadGroup = (account: string) =>
  `apiVersion: networking.istio.io/v1\nkind: WorkloadGroup\nmetadata: {name: vm, namespace: vms}\nspec:\n  metadata: {labels: {app: vm}}\n  template: {serviceAccount: ${account}}\n---\n`;

new RuleTester().run('workloadgroup-service-account', builtin('workloadgroup-service-account').definition, {
  valid: [
    { name: 'accounts not listed', code: ns('vms') + workloadGroup('vm') },
    { name: 'the default account', code: workloadGroup('default'), mesh: { complete: true } },
  ],
  invalid: [
    {
      name: 'a complete input lists every account',
      code: ns('vms') + workloadGroup('vm'),
      mesh: { complete: true },
      errors: [{ messageId: 'unknownServiceAccount', data: { account: 'vm', accounts: '"default"' }, line: 10, column: 30 }],
    },
  ],
});
