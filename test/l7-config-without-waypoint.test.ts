import { describe, it } from 'vitest';
import { RuleTester } from '../src/rule-tester.js';
import { builtin } from './helpers/rules.js';

RuleTester.describe = describe;
RuleTester.it = it;

// The edge cases of l7-config-without-waypoint: which hosts, settings and namespaces count, beside
// the fixture goldens in fixtures/l7-config-without-waypoint.
const ns = (name: string, labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {${labels}}}\n---\n`;
const AMBIENT = 'istio.io/dataplane-mode: ambient';
const app = (name: string, namespace: string, labels = '') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}, labels: {${labels}}}\nspec: {selector: {app: ${name}}, ports: [{name: http, port: 8080}]}\n---\n` +
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: x}]}\n---\n`;
const waypoint = (name: string, namespace: string, extra = '') =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - {name: mesh, port: 15008, protocol: HBONE${extra}}\n---\n`;
const vs = (name: string, namespace: string, spec: string) =>
  `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec.replace(/^/gm, '  ')}\n---\n`;
const dr = (name: string, namespace: string, spec: string) =>
  `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec.replace(/^/gm, '  ')}\n---\n`;
const HTTP = 'http:\n- route:\n  - destination: {host: cart}';

new RuleTester().run('l7-config-without-waypoint', builtin('l7-config-without-waypoint').definition, {
  valid: [
    { name: 'a host no Service of the input has', code: ns('shop', AMBIENT) + vs('api', 'shop', 'hosts: [api.example.com]\nhttp:\n- route:\n  - destination: {host: api.example.com}') },
    { name: 'a Service whose pods run with sidecars', code: ns('shop', 'istio-injection: enabled') + app('cart', 'shop') + vs('cart', 'shop', `hosts: [cart]\n${HTTP}`) },
    { name: 'a Service of another namespace the input does not hold', code: ns('web', AMBIENT) + vs('cart', 'web', `hosts: [cart.shop.svc.cluster.local]\n${HTTP}`) },
    {
      name: "in the waypoint's own namespace",
      code:
        ns('shop', `${AMBIENT}, istio.io/use-waypoint: waypoint, istio.io/use-waypoint-namespace: mesh`) +
        ns('mesh', AMBIENT) +
        waypoint('waypoint', 'mesh', ', allowedRoutes: {namespaces: {from: All}}') +
        app('cart', 'shop') +
        vs('cart', 'mesh', `hosts: [cart.shop.svc.cluster.local]\n${HTTP}`),
    },
    { name: 'only layer-4 DestinationRule settings', code: ns('shop', AMBIENT) + app('cart', 'shop') + dr('cart', 'shop', 'host: cart\ntrafficPolicy:\n  tls: {mode: ISTIO_MUTUAL}\n  connectionPool: {tcp: {maxConnections: 10}}') },
    { name: 'an ingress-only VirtualService', code: ns('shop', AMBIENT) + app('cart', 'shop') + vs('cart', 'shop', `hosts: [cart]\ngateways: [shop/ingress]\n${HTTP}`) },
  ],
  invalid: [
    {
      name: 'gateways naming mesh apply to mesh traffic too',
      code: ns('shop', AMBIENT) + app('cart', 'shop') + vs('cart', 'shop', `hosts: [cart]\ngateways: [mesh, shop/ingress]\n${HTTP}`),
      errors: [{ messageId: 'namespaceNotEnrolled', data: { kind: 'VirtualService', name: 'cart', features: 'http routes', service: 'shop/cart' } }],
    },
    {
      name: 'the namespace opts out',
      code: ns('shop', `${AMBIENT}, istio.io/use-waypoint: none`) + app('cart', 'shop') + vs('cart', 'shop', `hosts: [cart]\n${HTTP}`),
      errors: [{ messageId: 'namespaceNotEnrolled', data: { why: 'namespace shop opts out with istio.io/use-waypoint: none' } }],
    },
    {
      name: 'port-level outlier detection and hashing on a query parameter',
      code:
        ns('shop', AMBIENT) +
        app('cart', 'shop') +
        dr('cart', 'shop', 'host: cart\ntrafficPolicy:\n  portLevelSettings:\n  - port: {number: 8080}\n    outlierDetection: {consecutive5xxErrors: 3}\n  loadBalancer:\n    consistentHash: {httpQueryParameterName: user}'),
      errors: [{ messageId: 'namespaceNotEnrolled', data: { kind: 'DestinationRule', features: 'HTTP consistent hashing and outlierDetection' }, line: 23, column: 9 }],
    },
    {
      name: "a waypoint of another namespace that admits only its own (allowedRoutes Same, the default)",
      code: ns('shop', `${AMBIENT}, istio.io/use-waypoint: waypoint, istio.io/use-waypoint-namespace: mesh`) + ns('mesh', AMBIENT) + waypoint('waypoint', 'mesh') + app('cart', 'shop') + vs('cart', 'shop', `hosts: [cart]\n${HTTP}`),
      errors: [{ messageId: 'serviceNotEnrolled', data: { why: 'its waypoint mesh/waypoint does not admit namespace shop, by the allowedRoutes of its HBONE listener' } }],
    },
    {
      name: "an empty label on the Service overrides its namespace's waypoint",
      code: ns('shop', `${AMBIENT}, istio.io/use-waypoint: waypoint`) + waypoint('waypoint', 'shop') + app('cart', 'shop', 'istio.io/use-waypoint: ""') + vs('cart', 'shop', `hosts: [cart]\n${HTTP}`),
      errors: [{ messageId: 'serviceNotEnrolled', data: { why: "the Service's istio.io/use-waypoint label is empty" } }],
    },
    {
      name: 'one report per Service, however many hosts name it',
      code: ns('shop', AMBIENT) + app('cart', 'shop') + vs('cart', 'shop', `hosts: [cart, cart.shop.svc.cluster.local]\n${HTTP}`),
      errors: [{ messageId: 'namespaceNotEnrolled', line: 23, column: 11 }],
    },
    {
      name: "neither the Service's nor the waypoint's namespace",
      code:
        ns('shop', `${AMBIENT}, istio.io/use-waypoint: waypoint, istio.io/use-waypoint-namespace: mesh`) +
        ns('mesh', AMBIENT) +
        ns('web', AMBIENT) +
        waypoint('waypoint', 'mesh', ', allowedRoutes: {namespaces: {from: All}}') +
        app('cart', 'shop') +
        vs('cart', 'web', `hosts: [cart.shop.svc.cluster.local]\n${HTTP}`),
      errors: [{ messageId: 'notInServiceNamespace', data: { waypoint: 'waypoint mesh/waypoint', namespaces: 'namespaces shop and mesh', serviceNamespace: 'shop' } }],
    },
  ],
});
